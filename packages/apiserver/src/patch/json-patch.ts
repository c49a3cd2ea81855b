import { parseArrayIndex, parseJsonPointer } from './json-pointer.js';
import {
  cloneJson,
  getOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonByteLength,
  jsonDepth,
  jsonEqual,
  jsonProblem,
  setOwn,
} from './json-value.js';
import { MAX_JSON_DEPTH, MAX_JSON_PATCH_OPERATIONS, PatchError, type PatchErrorCode } from './patch-error.js';

/** JsonPatchOperation is one RFC 6902 operation, as `application/json-patch+json` carries it. */
export type JsonPatchOperation =
  | { op: 'add'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: JsonValue }
  | { op: 'move'; from: string; path: string }
  | { op: 'copy'; from: string; path: string }
  | { op: 'test'; path: string; value: JsonValue };

/**
 * DEFAULT_MAX_COPY_BYTES is the default budget for bytes added by `copy` operations: 3 MiB, the
 * default of Kubernetes' `JSONPatchMaxCopyBytes` (which it hands to the JSON Patch library as
 * `AccumulatedCopySizeLimit`).
 */
export const DEFAULT_MAX_COPY_BYTES = 3 * 1024 * 1024;

/** JsonPatchOptions bounds what one JSON Patch may cost. */
export interface JsonPatchOptions {
  /**
   * The most bytes (of the values' JSON serialization) that all `copy` operations of one patch
   * may add together; past it the patch fails with `TooLarge`. `add` and `replace` need no
   * budget of their own: their values are part of the request body, which the server bounds.
   * Defaults to {@link DEFAULT_MAX_COPY_BYTES}.
   */
  maxCopyBytes?: number;
}

const OPERATIONS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/**
 * applyJsonPatch applies an RFC 6902 JSON Patch to `document` and returns the patched document.
 *
 * Guarantees: operations apply in order and atomically — if any fails, nothing is returned and
 * the error names the operation; `document` and `patch` are never modified and the result shares
 * nothing with them; pointers follow RFC 6901 (`~1` is `/`, `~0` is `~`, `-` appends to an array,
 * array indexes are decimal without leading zeros); members other than `op`, `path`, `from` and
 * `value` are ignored. Cost is bounded: at most {@link MAX_JSON_PATCH_OPERATIONS} operations
 * (`TooManyOperations`), nesting at most {@link MAX_JSON_DEPTH} deep in the patch and in the
 * result (`TooDeep`), and `copy` bytes at most `options.maxCopyBytes` (`TooLarge`).
 *
 * @throws PatchError `MalformedPatch` when `patch` is not an array of objects; the other JSON Patch
 * codes (see {@link PatchErrorCode}) when an operation fails.
 */
export function applyJsonPatch(
  document: JsonValue,
  patch: unknown,
  options: JsonPatchOptions = {},
): JsonValue {
  const maxCopyBytes = options.maxCopyBytes ?? DEFAULT_MAX_COPY_BYTES;
  if (!Array.isArray(patch)) {
    throw new PatchError('MalformedPatch', 'a JSON patch must be a JSON array of operations');
  }
  if (patch.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new PatchError(
      'TooManyOperations',
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${patch.length}`,
    );
  }
  // An operation object and its value sit two levels below the patch array.
  const problem = jsonProblem(patch, MAX_JSON_DEPTH + 2);
  if (problem === 'too-deep') {
    throw new PatchError('TooDeep', `the JSON patch nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  if (problem !== undefined) throw new PatchError('MalformedPatch', `the JSON patch is not JSON: ${problem}`);
  patch.forEach((operation, index) => {
    if (!isJsonObject(operation)) {
      throw new PatchError('MalformedPatch', `operation ${index} is not a JSON object`, {
        operationIndex: index,
      });
    }
  });
  if (jsonDepth(document, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new PatchError('TooDeep', `the document nests deeper than ${MAX_JSON_DEPTH} levels`);
  }

  const state: PatchState = { document: cloneJson(document), copiedBytes: 0, maxCopyBytes };
  (patch as JsonObject[]).forEach((operation, index) => {
    applyOperation(state, operation, index);
  });
  return state.document;
}

interface PatchState {
  document: JsonValue;
  copiedBytes: number;
  readonly maxCopyBytes: number;
}

/** Operation is one operation with its fields checked and its pointers parsed. */
interface Operation {
  readonly index: number;
  readonly op: string;
  readonly path: string;
  readonly tokens: string[];
}

function applyOperation(state: PatchState, raw: JsonObject, index: number): void {
  const op = getOwn(raw, 'op');
  if (typeof op !== 'string' || !OPERATIONS.has(op)) {
    const shown = op === undefined ? 'missing' : JSON.stringify(op);
    throw new PatchError('InvalidOperation', `operation ${index}: unknown op ${shown}`, {
      operationIndex: index,
    });
  }
  const target = pointerMember(raw, 'path', op, index);
  const operation: Operation = { index, op, path: target.pointer, tokens: target.tokens };
  switch (op) {
    case 'add':
      add(state, operation, valueMember(raw, operation));
      return;
    case 'remove':
      remove(state, operation);
      return;
    case 'replace':
      replace(state, operation, valueMember(raw, operation));
      return;
    case 'test':
      test(state, operation, valueMember(raw, operation));
      return;
    default: {
      const from = pointerMember(raw, 'from', op, index);
      if (op === 'move') move(state, operation, from);
      else copy(state, operation, from);
    }
  }
}

function pointerMember(
  raw: JsonObject,
  member: 'path' | 'from',
  op: string,
  index: number,
): { pointer: string; tokens: string[] } {
  const pointer = getOwn(raw, member);
  if (typeof pointer !== 'string') {
    throw new PatchError('InvalidOperation', `operation ${index} (${op}): "${member}" must be a string`, {
      operationIndex: index,
    });
  }
  const tokens = parseJsonPointer(pointer);
  if (tokens === undefined) {
    throw new PatchError(
      'InvalidOperation',
      `operation ${index} (${op}): "${member}" ${JSON.stringify(pointer)} is not a JSON pointer`,
      { operationIndex: index, path: pointer },
    );
  }
  if (tokens.length > MAX_JSON_DEPTH) {
    throw new PatchError(
      'TooDeep',
      `operation ${index} (${op}): "${member}" has ${tokens.length} tokens, more than ${MAX_JSON_DEPTH}`,
      { operationIndex: index, path: pointer },
    );
  }
  return { pointer, tokens };
}

function valueMember(raw: JsonObject, operation: Operation): JsonValue {
  const value = getOwn(raw, 'value');
  if (value === undefined) throw fail('InvalidOperation', operation, 'has no "value"');
  return value;
}

function fail(code: PatchErrorCode, operation: Operation, what: string, path = operation.path): PatchError {
  return new PatchError(code, `operation ${operation.index} (${operation.op}) ${what}`, {
    operationIndex: operation.index,
    path,
  });
}

function checkDepth(operation: Operation, value: JsonValue): void {
  const room = MAX_JSON_DEPTH - operation.tokens.length;
  if (jsonDepth(value, room) > room) {
    throw fail('TooDeep', operation, `would nest the document deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** Slot is where a pointer's last token lands: a member of an object or a position in an array. */
type Slot =
  | { readonly kind: 'object'; readonly parent: JsonObject }
  | { readonly kind: 'array'; readonly parent: JsonValue[] };

/** locate walks every token but the last and returns the container the last one refers into. */
function locate(state: PatchState, operation: Operation, tokens: readonly string[], pointer: string): Slot {
  let node = state.document;
  for (const token of tokens.slice(0, -1)) {
    const child = childOf(node, token);
    if (child === undefined)
      throw fail('PathNotFound', operation, `path ${JSON.stringify(pointer)} does not exist`, pointer);
    node = child;
  }
  if (Array.isArray(node)) return { kind: 'array', parent: node };
  if (isJsonObject(node)) return { kind: 'object', parent: node };
  throw fail(
    'PathNotFound',
    operation,
    `path ${JSON.stringify(pointer)} does not exist: its parent is not an object or array`,
    pointer,
  );
}

function childOf(node: JsonValue, token: string): JsonValue | undefined {
  if (Array.isArray(node)) {
    const index = parseArrayIndex(token);
    return index === undefined ? undefined : node[index];
  }
  return isJsonObject(node) ? getOwn(node, token) : undefined;
}

/** existingIndex returns the array index `token` names, failing unless an element is there. */
function existingIndex(operation: Operation, array: JsonValue[], token: string, pointer: string): number {
  const index = parseArrayIndex(token);
  if (index === undefined || index >= array.length) {
    throw fail(
      'PathNotFound',
      operation,
      `path ${JSON.stringify(pointer)} does not exist: ${JSON.stringify(token)} is not an index below the array length ${array.length}`,
      pointer,
    );
  }
  return index;
}

function get(state: PatchState, operation: Operation, tokens: readonly string[], pointer: string): JsonValue {
  let node = state.document;
  for (const token of tokens) {
    const child = childOf(node, token);
    if (child === undefined)
      throw fail('PathNotFound', operation, `path ${JSON.stringify(pointer)} does not exist`, pointer);
    node = child;
  }
  return node;
}

/** insert places `value` at the operation's path, as RFC 6902 `add` does. `value` is not copied. */
function insert(state: PatchState, operation: Operation, value: JsonValue): void {
  const { tokens, path } = operation;
  const last = tokens.at(-1);
  if (last === undefined) {
    state.document = value;
    return;
  }
  const slot = locate(state, operation, tokens, path);
  if (slot.kind === 'object') {
    setOwn(slot.parent, last, value);
    return;
  }
  if (last === '-') {
    slot.parent.push(value);
    return;
  }
  const index = parseArrayIndex(last);
  if (index === undefined || index > slot.parent.length) {
    throw fail(
      'PathNotFound',
      operation,
      `path ${JSON.stringify(path)} does not exist: ${JSON.stringify(last)} is not an index up to the array length ${slot.parent.length}`,
    );
  }
  slot.parent.splice(index, 0, value);
}

/** extract removes and returns the value at `tokens`, which must exist. */
function extract(
  state: PatchState,
  operation: Operation,
  tokens: readonly string[],
  pointer: string,
): JsonValue {
  const last = tokens.at(-1);
  if (last === undefined)
    throw fail('InvalidOperation', operation, 'cannot remove the whole document', pointer);
  const slot = locate(state, operation, tokens, pointer);
  if (slot.kind === 'array') {
    const index = existingIndex(operation, slot.parent, last, pointer);
    return slot.parent.splice(index, 1)[0] as JsonValue;
  }
  const value = getOwn(slot.parent, last);
  if (value === undefined)
    throw fail('PathNotFound', operation, `path ${JSON.stringify(pointer)} does not exist`, pointer);
  delete slot.parent[last];
  return value;
}

function add(state: PatchState, operation: Operation, value: JsonValue): void {
  checkDepth(operation, value);
  insert(state, operation, cloneJson(value));
}

function remove(state: PatchState, operation: Operation): void {
  extract(state, operation, operation.tokens, operation.path);
}

function replace(state: PatchState, operation: Operation, value: JsonValue): void {
  checkDepth(operation, value);
  const { tokens, path } = operation;
  const last = tokens.at(-1);
  if (last === undefined) {
    state.document = cloneJson(value);
    return;
  }
  const slot = locate(state, operation, tokens, path);
  if (slot.kind === 'array') {
    slot.parent[existingIndex(operation, slot.parent, last, path)] = cloneJson(value);
    return;
  }
  if (!Object.hasOwn(slot.parent, last))
    throw fail('PathNotFound', operation, `path ${JSON.stringify(path)} does not exist`);
  setOwn(slot.parent, last, cloneJson(value));
}

function test(state: PatchState, operation: Operation, value: JsonValue): void {
  const actual = get(state, operation, operation.tokens, operation.path);
  if (!jsonEqual(actual, value)) {
    throw fail(
      'TestFailed',
      operation,
      `failed: the value at ${JSON.stringify(operation.path)} is not the expected value`,
    );
  }
}

function move(state: PatchState, operation: Operation, from: { pointer: string; tokens: string[] }): void {
  const { tokens } = operation;
  const isPrefix = from.tokens.every((token, i) => tokens[i] === token);
  if (isPrefix && from.tokens.length === tokens.length) {
    get(state, operation, from.tokens, from.pointer);
    return;
  }
  if (isPrefix && from.tokens.length < tokens.length) {
    throw fail(
      'InvalidOperation',
      operation,
      `cannot move ${JSON.stringify(from.pointer)} into its own child ${JSON.stringify(operation.path)}`,
    );
  }
  checkDepth(operation, get(state, operation, from.tokens, from.pointer));
  const value = extract(state, operation, from.tokens, from.pointer);
  insert(state, operation, value);
}

function copy(state: PatchState, operation: Operation, from: { pointer: string; tokens: string[] }): void {
  const value = get(state, operation, from.tokens, from.pointer);
  checkDepth(operation, value);
  state.copiedBytes += jsonByteLength(value);
  if (state.copiedBytes > state.maxCopyBytes) {
    throw fail(
      'TooLarge',
      operation,
      `would bring the bytes copied by this patch to ${state.copiedBytes}, over the limit of ${state.maxCopyBytes}`,
    );
  }
  insert(state, operation, cloneJson(value));
}
