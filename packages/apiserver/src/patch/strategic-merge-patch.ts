import {
  cloneJson,
  getOwn,
  isJsonObject,
  type JsonKind,
  type JsonObject,
  type JsonValue,
  jsonDepth,
  jsonEqual,
  jsonKind,
  jsonProblem,
  setOwn,
} from './json-value.js';
import { MAX_JSON_DEPTH, PatchError } from './patch-error.js';
import { type FieldPatchStrategy, LIST_ITEM, type PatchStrategyLookup } from './patch-strategy.js';

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ELEMENT_ORDER = '$setElementOrder';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';

/**
 * applyStrategicMergePatch applies a Kubernetes strategic merge patch
 * (`application/strategic-merge-patch+json`) to `original`, with the list strategies `lookup`
 * gives for the object's kind, following k8s.io/apimachinery/pkg/util/strategicpatch
 * (`StrategicMergeMapPatch`):
 *
 * - maps merge key by key; `null` deletes a key; scalars and values of another JSON type replace.
 * - lists replace, unless the field's strategy is `merge`: lists of objects then merge item by
 *   item on the merge key (an item `{<key>: v, $patch: delete}` deletes every item with that key;
 *   an item `{$patch: replace}` makes the other patch items the whole list) and lists of
 *   primitives merge as sets (`$deleteFromPrimitiveList/<field>: [...]` removes values).
 * - merged lists are ordered as Kubernetes orders them: patch items in patch order, interleaved
 *   with the items only the object had, which keep their order; an item new to the list goes
 *   before the server-only items that follow it, so a patch that adds one container puts it
 *   first. `$setElementOrder/<field>: [...]` gives the order explicitly instead.
 * - `$patch: replace` on a map replaces it, `$patch: delete` empties it (Kubernetes returns `{}`,
 *   not an absent field), `$patch: merge` is the default spelled out; `$retainKeys: [...]` clears
 *   every key of the map the list does not name.
 *
 * Where Kubernetes copies a patch value in verbatim — a field the object lacks, a field whose type
 * changes, a list with the replace strategy, a map under `$patch: replace` — and relies on typed
 * decoding to drop directive keys and nulls, Capstan, which stores plain JSON, applies the value
 * to an empty one instead. So the result never holds a directive or a null the patch introduced,
 * and `$deleteFromPrimitiveList` on an absent list leaves it absent (Kubernetes creates the list
 * from the values to delete).
 *
 * Guarantees: `original` and `patch` are never modified and the result shares nothing with them;
 * nesting is bounded by {@link MAX_JSON_DEPTH}; list merging costs O(n log n) in the list sizes.
 *
 * @throws PatchError `MalformedPatch` (400) when the patch is not a JSON object or a directive has
 * the wrong shape; `InvalidPatch` (422) when the patch cannot apply to this object; `TooDeep`.
 */
export function applyStrategicMergePatch(
  original: JsonObject,
  patch: unknown,
  lookup: PatchStrategyLookup,
): JsonObject {
  const problem = jsonProblem(patch, MAX_JSON_DEPTH);
  if (problem === 'too-deep') {
    throw new PatchError('TooDeep', `the strategic merge patch nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  if (problem !== undefined)
    throw new PatchError('MalformedPatch', `the strategic merge patch is not JSON: ${problem}`);
  if (!isJsonObject(patch))
    throw new PatchError('MalformedPatch', 'a strategic merge patch must be a JSON object');
  if (jsonDepth(original, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new PatchError('TooDeep', `the object nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return new StrategicMerge(lookup).mergeMap(cloneJson(original) as JsonObject, patch, []);
}

function formatPath(path: readonly string[]): string {
  return path.reduce((out, segment) => {
    if (segment === LIST_ITEM) return `${out}${LIST_ITEM}`;
    return out === '' ? segment : `${out}.${segment}`;
  }, '');
}

function malformed(path: readonly string[], message: string): PatchError {
  const where = formatPath(path);
  return new PatchError('MalformedPatch', where === '' ? message : `${where}: ${message}`, { path: where });
}

function invalid(path: readonly string[], message: string): PatchError {
  const where = formatPath(path);
  return new PatchError('InvalidPatch', where === '' ? message : `${where}: ${message}`, { path: where });
}

/** directiveField reads `<prefix>/<field>` and returns `<field>`. */
function directiveField(key: string, prefix: string, path: readonly string[]): string {
  if (!key.startsWith(`${prefix}/`)) {
    throw malformed(path, `${JSON.stringify(key)} is not of the form "${prefix}/<field>"`);
  }
  return key.slice(prefix.length + 1);
}

/**
 * canonicalKey returns a string that is equal for two JSON values exactly when they are equal
 * (object keys sorted), so values can index a Map.
 */
function canonicalKey(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** firstIndexes maps each item's key to the index of its first occurrence. */
function firstIndexes(items: readonly JsonValue[], keyOf: (item: JsonValue) => string): Map<string, number> {
  const indexes = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (!indexes.has(key)) indexes.set(key, index);
  });
  return indexes;
}

/** Keyed is a list item with its identity computed once. */
interface Keyed {
  readonly item: JsonValue;
  readonly key: string;
}

/**
 * interleave merges two ordered lists as Kubernetes' `mergeSortedSlice` does: take the server-only
 * item when both items were in the server's list and it came first there; otherwise take the
 * patch item.
 */
function interleave(
  serverOnly: readonly Keyed[],
  patchItems: readonly Keyed[],
  serverIndex: ReadonlyMap<string, number>,
): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length && j < patchItems.length) {
    const left = serverOnly[i] as Keyed;
    const right = patchItems[j] as Keyed;
    const leftAt = serverIndex.get(left.key);
    const rightAt = serverIndex.get(right.key);
    if (leftAt !== undefined && rightAt !== undefined && leftAt < rightAt) {
      out.push(left.item);
      i++;
    } else {
      out.push(right.item);
      j++;
    }
  }
  for (; i < serverOnly.length; i++) out.push((serverOnly[i] as Keyed).item);
  for (; j < patchItems.length; j++) out.push((patchItems[j] as Keyed).item);
  return out;
}

/** sortByIndex sorts stably by each item's index in `indexes`; items it lacks go last. */
function sortByIndex(items: readonly Keyed[], indexes: ReadonlyMap<string, number>): Keyed[] {
  const rank = (entry: Keyed): number => indexes.get(entry.key) ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra === rb ? 0 : ra < rb ? -1 : 1;
  });
}

/**
 * order puts `merged` in the order Kubernetes' `normalizeElementOrder` gives: items found in
 * `patchOrder` sorted by it, the rest sorted by `serverOrder`, then interleaved.
 */
function order(
  merged: readonly JsonValue[],
  patchOrder: readonly JsonValue[],
  serverOrder: readonly JsonValue[],
  keyOf: (item: JsonValue) => string,
): JsonValue[] {
  const patchIndex = firstIndexes(patchOrder, keyOf);
  const serverIndex = firstIndexes(serverOrder, keyOf);
  const patchItems: Keyed[] = [];
  const serverOnly: Keyed[] = [];
  for (const item of merged) {
    const entry = { item, key: keyOf(item) };
    (patchIndex.has(entry.key) ? patchItems : serverOnly).push(entry);
  }
  return interleave(sortByIndex(serverOnly, serverIndex), sortByIndex(patchItems, patchIndex), serverIndex);
}

/** StrategicMerge holds the lookup for one patch application; every method keeps its inputs intact except `target`. */
class StrategicMerge {
  constructor(private readonly lookup: PatchStrategyLookup) {}

  private strategyAt(path: readonly string[]): FieldPatchStrategy | undefined {
    return this.lookup.strategyFor(path);
  }

  /** keyFunction returns the identity function for list items: of a list item: its merge key's value, or the item itself. */
  private keyFunction(mergeKey: string | undefined, path: readonly string[]): (item: JsonValue) => string {
    if (mergeKey === undefined) return canonicalKey;
    return (item) => {
      const value = isJsonObject(item) ? getOwn(item, mergeKey) : undefined;
      if (value === undefined) {
        throw invalid(
          path,
          `list item ${JSON.stringify(item)} does not contain the declared merge key ${JSON.stringify(mergeKey)}`,
        );
      }
      return canonicalKey(value);
    };
  }

  /**
   * mergeMap applies `patch` to `target`, which it owns and may change; it returns the result,
   * which is `target` itself unless a `$patch` directive replaces the map.
   */
  mergeMap(target: JsonObject, patch: JsonObject, path: readonly string[]): JsonObject {
    let body = patch;
    const directive = getOwn(patch, PATCH);
    if (directive !== undefined) {
      if (directive === 'delete') return {};
      if (directive !== 'replace' && directive !== 'merge') {
        throw malformed(path, `unknown patch type ${JSON.stringify(directive)} in ${PATCH}`);
      }
      body = {};
      for (const key of Object.keys(patch)) if (key !== PATCH) setOwn(body, key, patch[key] as JsonValue);
      if (directive === 'replace') return this.mergeMap({}, body, path);
    }

    this.retainKeys(target, body, path);
    const done = this.setElementOrders(target, body, path);
    const deletions: string[] = [];
    for (const key of Object.keys(body)) {
      if (done.has(key) || key === RETAIN_KEYS) continue;
      if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
        deletions.push(key);
        continue;
      }
      const change = body[key] as JsonValue;
      if (change === null) delete target[key];
      else setOwn(target, key, this.mergeValue(getOwn(target, key), change, [...path, key]));
    }
    // Additions first, then deletions, so that the result does not depend on key order.
    for (const key of deletions) this.deleteFromPrimitiveList(target, key, body[key] as JsonValue, path);
    return target;
  }

  /** mergeValue returns what `change` makes of `current`, which it owns; undefined means absent. */
  private mergeValue(current: JsonValue | undefined, change: JsonValue, path: readonly string[]): JsonValue {
    if (current !== undefined && isJsonObject(current) && isJsonObject(change)) {
      if (this.strategyAt(path)?.strategy === 'replace') return this.mergeMap({}, change, path);
      return this.mergeMap(current, change, path);
    }
    if (current !== undefined && Array.isArray(current) && Array.isArray(change)) {
      return this.mergeList(current, change, path);
    }
    // Absent, or of another JSON type: the patch value applied to nothing.
    if (isJsonObject(change)) return this.mergeMap({}, change, path);
    if (Array.isArray(change)) return this.mergeList(undefined, change, path);
    return change;
  }

  private retainKeys(target: JsonObject, body: JsonObject, path: readonly string[]): void {
    const retain = getOwn(body, RETAIN_KEYS);
    if (retain === undefined) return;
    if (!Array.isArray(retain))
      throw malformed(path, `invalid patch format of ${RETAIN_KEYS}: it must be a list`);
    const keep = new Set(retain.filter((key): key is string => typeof key === 'string'));
    for (const key of Object.keys(body)) {
      const change = body[key];
      if (key === RETAIN_KEYS || change === null) continue;
      if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue;
      if (!keep.has(key)) {
        throw malformed(
          path,
          `invalid patch format of ${RETAIN_KEYS}: the patch sets ${JSON.stringify(key)}, which it does not list`,
        );
      }
    }
    for (const key of Object.keys(target)) if (!keep.has(key)) delete target[key];
  }

  /**
   * setElementOrders applies every `$setElementOrder/<field>` of `body` together with `<field>`
   * itself, and returns the keys of `body` it has consumed.
   */
  private setElementOrders(target: JsonObject, body: JsonObject, path: readonly string[]): Set<string> {
    const done = new Set<string>();
    for (const key of Object.keys(body)) {
      if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
      done.add(key);
      const field = directiveField(key, SET_ELEMENT_ORDER, path);
      const fieldPath = [...path, field];
      const wanted = body[key] as JsonValue;
      if (!Array.isArray(wanted))
        throw malformed(fieldPath, `invalid patch format of ${key}: it must be a list`);
      const current = getOwn(target, field);
      const change = getOwn(body, field);
      if (current !== undefined && !Array.isArray(current)) {
        throw invalid(fieldPath, `${key} orders a list, but the object's ${field} is a ${jsonKind(current)}`);
      }
      if (change !== undefined && !Array.isArray(change)) {
        throw malformed(fieldPath, `${key} orders a list, but the patch's ${field} is a ${jsonKind(change)}`);
      }
      const strategy = this.strategyAt(fieldPath);
      const mergeKey = strategy?.strategy === 'merge' ? strategy.mergeKey : undefined;
      if (change !== undefined) this.checkOrder(change, wanted, mergeKey, fieldPath);
      if (current === undefined && change === undefined) continue;
      done.add(field);
      const serverOrder = current ?? [];
      const merged = change === undefined ? serverOrder : this.mergeList(current, change, fieldPath);
      const keyOf = this.keyFunction(mergeKey, fieldPath);
      for (const item of wanted) keyOf(item);
      setOwn(target, field, order(merged, wanted, serverOrder, keyOf));
    }
    return done;
  }

  /**
   * checkOrder verifies, as Kubernetes' `validatePatchWithSetOrderList` does, that the patch list's
   * items (deletions and other directive items aside) appear in `$setElementOrder` in the same
   * relative order.
   */
  private checkOrder(
    change: readonly JsonValue[],
    wanted: readonly JsonValue[],
    mergeKey: string | undefined,
    path: readonly string[],
  ): void {
    const items = change.filter((item) => !(isJsonObject(item) && Object.hasOwn(item, PATCH)));
    const same = (item: JsonValue, listed: JsonValue): boolean => {
      if (mergeKey === undefined) return jsonEqual(item, listed);
      const a = isJsonObject(item) ? getOwn(item, mergeKey) : undefined;
      const b = isJsonObject(listed) ? getOwn(listed, mergeKey) : undefined;
      if (a === undefined || b === undefined) {
        throw invalid(
          path,
          `every item of the list and of ${SET_ELEMENT_ORDER} needs the merge key ${JSON.stringify(mergeKey)}`,
        );
      }
      return jsonEqual(a, b);
    };
    let next = 0;
    for (const listed of wanted) {
      if (next < items.length && same(items[next] as JsonValue, listed)) next++;
    }
    if (next < items.length) {
      throw invalid(path, `the order of the patch list does not match the ${SET_ELEMENT_ORDER} list`);
    }
  }

  /**
   * mergeList merges the patch list `change` into `current` (owned; undefined when absent) by the
   * field's strategy and returns a new list.
   */
  private mergeList(
    current: JsonValue[] | undefined,
    change: JsonValue[],
    path: readonly string[],
  ): JsonValue[] {
    const strategy = this.strategyAt(path);
    const itemPath = [...path, LIST_ITEM];
    if (strategy?.strategy !== 'merge')
      return change.map((item) => this.mergeValue(undefined, item, itemPath));
    const original = current ?? [];
    if (original.length === 0 && change.length === 0) return [];
    const kind = this.elementKind(original, change, path);
    if (kind !== 'object') {
      const seen = new Set<string>();
      const merged = [...original, ...change].filter((item) => {
        const key = canonicalKey(item);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return order(merged, change, original, canonicalKey);
    }
    const mergeKey = strategy.mergeKey;
    if (mergeKey === undefined) throw invalid(path, 'cannot merge a list of objects without a merge key');
    return this.mergeObjectList(original, change as JsonObject[], mergeKey, path, itemPath);
  }

  private mergeObjectList(
    original: JsonValue[],
    change: JsonObject[],
    mergeKey: string,
    path: readonly string[],
    itemPath: readonly string[],
  ): JsonValue[] {
    const keyOf = this.keyFunction(mergeKey, path);
    const plain: JsonObject[] = [];
    const deleted = new Set<string>();
    let replace = false;
    for (const item of change) {
      const directive = getOwn(item, PATCH);
      if (directive === undefined) plain.push(item);
      else if (directive === 'delete') deleted.add(keyOf(item));
      else if (directive === 'replace') replace = true;
      else if (directive === 'merge')
        throw invalid(path, 'merging lists cannot yet be specified in the patch');
      else throw malformed(path, `unknown patch type ${JSON.stringify(directive)} in ${PATCH}`);
    }
    if (replace) {
      for (const item of plain) keyOf(item);
      return plain.map((item) => this.mergeMap({}, item, itemPath));
    }
    // Deleting matches on the items that carry the key; an item without it cannot be matched.
    const base = original.filter((item) => {
      const value = isJsonObject(item) ? getOwn(item, mergeKey) : undefined;
      return value === undefined || !deleted.has(canonicalKey(value));
    });
    const merged = [...base];
    const positions = new Map<string, number>();
    merged.forEach((item, index) => {
      const value = isJsonObject(item) ? getOwn(item, mergeKey) : undefined;
      if (value !== undefined && !positions.has(canonicalKey(value)))
        positions.set(canonicalKey(value), index);
    });
    for (const item of plain) {
      const key = keyOf(item);
      const at = positions.get(key);
      if (at === undefined) {
        positions.set(key, merged.length);
        merged.push(this.mergeMap({}, item, itemPath));
      } else {
        merged[at] = this.mergeMap(merged[at] as JsonObject, item, itemPath);
      }
    }
    return order(merged, plain, base, keyOf);
  }

  /** elementKind returns the one JSON type every item of both lists has. */
  private elementKind(
    original: readonly JsonValue[],
    change: readonly JsonValue[],
    path: readonly string[],
  ): JsonKind {
    let kind: JsonKind | undefined;
    for (const item of [...original, ...change]) {
      const here = jsonKind(item);
      if (here === 'array') throw invalid(path, 'lists of lists are not supported');
      if (kind !== undefined && kind !== here)
        throw invalid(path, `list element types are not identical: ${kind} and ${here}`);
      kind = here;
    }
    return kind ?? 'null';
  }

  private deleteFromPrimitiveList(
    target: JsonObject,
    key: string,
    values: JsonValue,
    path: readonly string[],
  ): void {
    const field = directiveField(key, DELETE_FROM_PRIMITIVE_LIST, path);
    const fieldPath = [...path, field];
    if (!Array.isArray(values))
      throw malformed(fieldPath, `invalid patch format of ${key}: it must be a list`);
    const current = getOwn(target, field);
    if (current === undefined) return;
    if (!Array.isArray(current))
      throw invalid(fieldPath, `${key} deletes from a list, but ${field} is a ${jsonKind(current)}`);
    if (this.strategyAt(fieldPath)?.strategy !== 'merge') {
      throw invalid(fieldPath, `${key} needs a list with the merge patch strategy`);
    }
    if ([...current, ...values].some((item) => typeof item === 'object' && item !== null)) {
      throw invalid(fieldPath, `${key} applies to lists of primitives only`);
    }
    const doomed = new Set(values.map(canonicalKey));
    setOwn(
      target,
      field,
      current.filter((item) => !doomed.has(canonicalKey(item))),
    );
  }
}
