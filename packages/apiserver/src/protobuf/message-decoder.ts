import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { jsonDepth, setOwn } from '../patch/json-value.js';
import type { FieldSpec, MessageSchema } from './message-schema.js';
import { isScalarType } from './message-schema.js';
import { MAX_PROTOBUF_DEPTH, ProtobufError } from './protobuf-error.js';
import { formatTime } from './time-value.js';
import { WireReader, WireType } from './wire-reader.js';

/**
 * UnknownProtobufField is a field a decoded body carried that the schema does not know: where it
 * was (the JSON path of the enclosing object, `''` for the top level), its field number and wire
 * type. The decoder skips such fields, as Go's generated code does, and reports them so the caller
 * can apply its `fieldValidation` policy.
 */
export interface UnknownProtobufField {
  readonly path: string;
  readonly fieldNumber: number;
  readonly wireType: number;
}

/** DecodeContext is what one decode call shares across nested messages. */
export interface DecodeContext {
  readonly schemas: ReadonlyMap<string, MessageSchema>;
  readonly unknownFields: UnknownProtobufField[];
  readonly path: string[];
  /** budget counts down the message objects the decode may still build (see `protobufObjectBudget`). */
  readonly budget: { remaining: number };
  /** decodeEnvelope decodes a `k8s\0` envelope found inside a RawExtension, `depth` levels down. */
  readonly decodeEnvelope: (bytes: Uint8Array, depth: number) => JsonObject;
}

/** SPECIAL_LAYOUTS lists each special type's fields as [field number, wire type]. */
const SPECIAL_LAYOUTS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  Time: [
    [1, WireType.Varint],
    [2, WireType.Varint],
  ],
  MicroTime: [
    [1, WireType.Varint],
    [2, WireType.Varint],
  ],
  Quantity: [[1, WireType.LengthDelimited]],
  IntOrString: [
    [1, WireType.Varint],
    [2, WireType.Varint],
    [3, WireType.LengthDelimited],
  ],
  RawExtension: [[1, WireType.LengthDelimited]],
  FieldsV1: [[1, WireType.LengthDelimited]],
  StringList: [[1, WireType.LengthDelimited]],
};

const ENVELOPE_MAGIC = [0x6b, 0x38, 0x73, 0x00] as const;
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Slot collects what the wire said about one field before the JSON value is built. */
type Slot =
  | { kind: 'scalar'; value: JsonValue }
  | { kind: 'list'; items: JsonValue[] }
  | { kind: 'map'; entries: Map<string, JsonValue> }
  | { kind: 'parts'; parts: Uint8Array[] };

function wireTypeOf(type: string): number {
  return type === 'bool' || type === 'int32' || type === 'int64' ? WireType.Varint : WireType.LengthDelimited;
}

function zeroOf(type: string): JsonValue | undefined {
  switch (type) {
    case 'string':
    case 'bytes':
      return '';
    case 'bool':
      return false;
    case 'int32':
    case 'int64':
    case 'IntOrString':
      return 0;
    case 'Quantity':
      return '0';
    case 'StringList':
      return [];
    default:
      return undefined;
  }
}

function isZero(value: JsonValue): boolean {
  return value === '' || value === false || value === 0;
}

function pathText(path: readonly string[]): string {
  let text = '';
  for (const segment of path) text += segment.startsWith('[') || text === '' ? segment : `.${segment}`;
  return text;
}

function skipUnknown(
  ctx: DecodeContext,
  reader: WireReader,
  field: number,
  wireType: number,
  depth: number,
): void {
  ctx.unknownFields.push({ path: pathText(ctx.path), fieldNumber: field, wireType });
  reader.skip(wireType, depth);
}

function readScalar(reader: WireReader, type: string): JsonValue {
  switch (type) {
    case 'string':
      return reader.string();
    case 'bytes':
      return Buffer.from(reader.bytes()).toString('base64');
    case 'bool':
      return reader.bool();
    case 'int32':
      return reader.int32();
    default:
      return reader.int64();
  }
}

function parseJson(bytes: Uint8Array, what: string, depth: number): JsonValue {
  let value: JsonValue;
  try {
    value = JSON.parse(utf8.decode(bytes)) as JsonValue;
  } catch {
    throw new ProtobufError('InvalidValue', `${what} does not hold JSON`);
  }
  if (jsonDepth(value, MAX_PROTOBUF_DEPTH - depth) > MAX_PROTOBUF_DEPTH - depth) {
    throw new ProtobufError('TooDeep', `${what} nests deeper than ${MAX_PROTOBUF_DEPTH} levels`);
  }
  return value;
}

function isEnvelope(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && ENVELOPE_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * decodeSpecial decodes one of the apimachinery messages with their own JSON form; `undefined`
 * means Go would write `null` (a zero time, an empty RawExtension), which the caller omits.
 */
function decodeSpecial(
  ctx: DecodeContext,
  type: string,
  parts: readonly Uint8Array[],
  depth: number,
): JsonValue | undefined {
  let seconds = 0;
  let nanos = 0;
  let text: string | undefined;
  let intType = 0;
  let intVal = 0;
  let raw: Uint8Array | undefined;
  const items: string[] = [];
  const layout = SPECIAL_LAYOUTS[type] ?? [];
  let length = 0;
  for (const bytes of parts) {
    length += bytes.length;
    const reader = new WireReader(bytes);
    while (!reader.done()) {
      const { field, wireType } = reader.tag();
      const known = layout.find(([number]) => number === field);
      if (known === undefined) {
        skipUnknown(ctx, reader, field, wireType, depth);
        continue;
      }
      if (known[1] !== wireType) {
        throw new ProtobufError('Malformed', `wrong wire type ${wireType} for field ${field} of ${type}`);
      }
      if (type === 'Time' || type === 'MicroTime') {
        if (field === 1) seconds = reader.int64();
        else nanos = reader.int32();
      } else if (type === 'IntOrString') {
        if (field === 1) intType = reader.int64();
        else if (field === 2) intVal = reader.int32();
        else text = reader.string();
      } else if (type === 'StringList') {
        items.push(reader.string());
      } else if (type === 'Quantity') {
        text = reader.string();
      } else {
        raw = reader.bytes();
      }
    }
  }
  switch (type) {
    case 'Time':
    case 'MicroTime':
      return length === 0 ? undefined : formatTime({ seconds, nanos }, type === 'MicroTime');
    case 'Quantity':
      if (text === undefined || text === '') throw new ProtobufError('InvalidValue', 'quantity is empty');
      return text;
    case 'IntOrString':
      if (intType === 0) return intVal;
      if (intType === 1) return text ?? '';
      throw new ProtobufError('InvalidValue', `IntOrString has unknown type ${intType}`);
    case 'StringList':
      return items;
    default:
      if (raw === undefined || raw.length === 0) return undefined;
      if (type === 'RawExtension' && isEnvelope(raw)) return ctx.decodeEnvelope(raw, depth);
      return parseJson(raw, type, depth);
  }
}

function decodeValue(
  ctx: DecodeContext,
  type: string,
  parts: readonly Uint8Array[],
  depth: number,
): JsonValue | undefined {
  const schema = ctx.schemas.get(type);
  return schema === undefined
    ? decodeSpecial(ctx, type, parts, depth)
    : decodeMessage(ctx, schema, parts, depth);
}

function readMapEntry(
  ctx: DecodeContext,
  spec: FieldSpec,
  bytes: Uint8Array,
  depth: number,
): [string, JsonValue] {
  const reader = new WireReader(bytes);
  let key = '';
  let value: JsonValue | undefined;
  const scalar = isScalarType(spec.type);
  while (!reader.done()) {
    const { field, wireType } = reader.tag();
    if (field === 1 && wireType === WireType.LengthDelimited) {
      key = reader.string();
    } else if (field === 2 && wireType === wireTypeOf(spec.type)) {
      if (scalar) {
        value = readScalar(reader, spec.type);
      } else {
        ctx.path.push(`[${key}]`);
        value = decodeValue(ctx, spec.type, [reader.bytes()], depth + 1) ?? null;
        ctx.path.pop();
      }
    } else if (field === 1 || field === 2) {
      throw new ProtobufError('Malformed', `wrong wire type ${wireType} in an entry of ${spec.json}`);
    } else {
      skipUnknown(ctx, reader, field, wireType, depth);
    }
  }
  if (value === undefined) {
    const schema = ctx.schemas.get(spec.type);
    value = schema === undefined ? (zeroOf(spec.type) ?? null) : decodeMessage(ctx, schema, [], depth + 1);
  }
  return [key, value];
}

function collect(
  ctx: DecodeContext,
  spec: FieldSpec,
  reader: WireReader,
  wireType: number,
  slots: (Slot | undefined)[],
  depth: number,
): void {
  const scalar = isScalarType(spec.type);
  const expected = wireTypeOf(spec.type);
  const packed =
    spec.presence === 'repeated' &&
    scalar &&
    expected === WireType.Varint &&
    wireType === WireType.LengthDelimited;
  if (wireType !== expected && !packed) {
    throw new ProtobufError(
      'Malformed',
      `wrong wire type ${wireType} for field ${spec.json || spec.type} (${spec.number})`,
    );
  }
  const slot = slots[spec.index];
  switch (spec.presence) {
    case 'repeated': {
      const items = slot?.kind === 'list' ? slot.items : [];
      if (slot === undefined) slots[spec.index] = { kind: 'list', items };
      if (packed) {
        const { start, end } = reader.window();
        const inner = new WireReader(reader.view(start, end));
        while (!inner.done()) items.push(readScalar(inner, spec.type));
      } else if (scalar) {
        items.push(readScalar(reader, spec.type));
      } else {
        ctx.path.push(`${spec.json}[${items.length}]`);
        items.push(decodeValue(ctx, spec.type, [reader.bytes()], depth + 1) ?? null);
        ctx.path.pop();
      }
      return;
    }
    case 'map': {
      const entries = slot?.kind === 'map' ? slot.entries : new Map<string, JsonValue>();
      if (slot === undefined) slots[spec.index] = { kind: 'map', entries };
      ctx.path.push(spec.json);
      const [key, value] = readMapEntry(ctx, spec, reader.bytes(), depth + 1);
      ctx.path.pop();
      entries.set(key, value);
      return;
    }
    default:
      if (scalar) {
        slots[spec.index] = { kind: 'scalar', value: readScalar(reader, spec.type) };
      } else if (slot?.kind === 'parts') {
        slot.parts.push(reader.bytes());
      } else {
        slots[spec.index] = { kind: 'parts', parts: [reader.bytes()] };
      }
  }
}

function build(
  ctx: DecodeContext,
  spec: FieldSpec,
  slot: Slot | undefined,
  out: JsonObject,
  depth: number,
): void {
  if (spec.presence === 'repeated') {
    if (slot?.kind === 'list' && slot.items.length > 0) setOwn(out, spec.json, slot.items);
    return;
  }
  if (spec.presence === 'map') {
    if (slot?.kind !== 'map' || slot.entries.size === 0) return;
    const object: JsonObject = {};
    for (const key of [...slot.entries.keys()].sort())
      setOwn(object, key, slot.entries.get(key) as JsonValue);
    setOwn(out, spec.json, object);
    return;
  }
  if (isScalarType(spec.type)) {
    const value = slot?.kind === 'scalar' ? slot.value : undefined;
    if (spec.presence === 'required') setOwn(out, spec.json, value ?? (zeroOf(spec.type) as JsonValue));
    else if (value !== undefined && (spec.presence === 'pointer' || !isZero(value)))
      setOwn(out, spec.json, value);
    return;
  }
  const parts = slot?.kind === 'parts' ? slot.parts : undefined;
  if (parts === undefined) {
    if (spec.presence === 'pointer') return;
    if (!ctx.schemas.has(spec.type)) {
      const zero = zeroOf(spec.type);
      if (zero !== undefined) setOwn(out, spec.json, zero);
      return;
    }
  }
  if (spec.presence === 'inline') {
    const value = decodeValue(ctx, spec.type, parts ?? [], depth + 1) as JsonObject;
    for (const key of Object.keys(value)) setOwn(out, key, value[key] as JsonValue);
    return;
  }
  ctx.path.push(spec.json);
  const value = decodeValue(ctx, spec.type, parts ?? [], depth + 1);
  ctx.path.pop();
  if (value !== undefined) setOwn(out, spec.json, value);
}

/**
 * decodeMessage decodes one message into the JSON object Go's `encoding/json` writes for the same
 * Go struct, except that values Go writes as `null` (unset times, empty RawExtensions, nil slices,
 * maps and pointers without `omitempty`) are left out. The message is given as the list of its
 * occurrences, which protobuf merges as if concatenated; they are read in place, never copied.
 * Unknown field numbers are skipped and recorded in `ctx.unknownFields`. It throws a
 * {@link ProtobufError} for anything that is not well-formed protobuf of this schema, nests deeper
 * than {@link MAX_PROTOBUF_DEPTH}, or builds more objects than `ctx.budget` allows.
 */
export function decodeMessage(
  ctx: DecodeContext,
  schema: MessageSchema,
  parts: readonly Uint8Array[],
  depth: number,
): JsonObject {
  if (depth > MAX_PROTOBUF_DEPTH) {
    throw new ProtobufError('TooDeep', `messages nest deeper than ${MAX_PROTOBUF_DEPTH} levels`);
  }
  if (--ctx.budget.remaining < 0) {
    throw new ProtobufError('TooLarge', 'the body expands into more objects than its size allows');
  }
  const slots: (Slot | undefined)[] = new Array(schema.fields.length);
  for (const bytes of parts) {
    const reader = new WireReader(bytes);
    while (!reader.done()) {
      const { field, wireType } = reader.tag();
      const spec = schema.byNumber.get(field);
      if (spec === undefined) skipUnknown(ctx, reader, field, wireType, depth);
      else collect(ctx, spec, reader, wireType, slots, depth);
    }
  }
  const out: JsonObject = {};
  for (const spec of schema.fields) build(ctx, spec, slots[spec.index], out, depth);
  return out;
}
