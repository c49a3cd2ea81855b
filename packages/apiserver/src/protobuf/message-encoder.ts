import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { getOwn, isJsonObject } from '../patch/json-value.js';
import type { FieldSpec, MessageSchema } from './message-schema.js';
import { ProtobufError } from './protobuf-error.js';
import { GO_ZERO_TIME_SECONDS, parseTime } from './time-value.js';
import { WireType } from './wire-reader.js';
import type { WireWriter } from './wire-writer.js';

/** EncodeContext is what one encode call shares across nested messages. */
export interface EncodeContext {
  readonly schemas: ReadonlyMap<string, MessageSchema>;
  readonly path: string[];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_LIMIT = 2 ** 63;

function fail(ctx: EncodeContext, expected: string, value: JsonValue): never {
  const where = ctx.path.join('.').replaceAll('.[', '[');
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  throw new ProtobufError('NotEncodable', `${where || 'object'}: expected ${expected}, got ${got}`);
}

function compareUtf8(a: string, b: string): number {
  if (/[\uD800-\uFFFF]/.test(a) || /[\uD800-\uFFFF]/.test(b))
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

function int32Of(ctx: EncodeContext, value: JsonValue): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    fail(ctx, 'a 32-bit integer', value);
  }
  return value;
}

function int64Of(ctx: EncodeContext, value: JsonValue): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -INT64_LIMIT || value > INT64_LIMIT) {
    fail(ctx, 'a 64-bit integer', value);
  }
  return value;
}

function stringOf(ctx: EncodeContext, value: JsonValue): string {
  if (typeof value !== 'string') fail(ctx, 'a string', value);
  return value;
}

function writeTime(ctx: EncodeContext, value: JsonValue | undefined, w: WireWriter): void {
  if (value === undefined || value === null) return;
  const time = parseTime(stringOf(ctx, value));
  if (time === undefined) fail(ctx, 'an RFC 3339 time', value);
  if (time.seconds === GO_ZERO_TIME_SECONDS && time.nanos === 0) return;
  w.tag(1, WireType.Varint);
  w.int64(time.seconds);
  w.tag(2, WireType.Varint);
  w.int32(time.nanos);
}

function writeSpecial(ctx: EncodeContext, type: string, value: JsonValue | undefined, w: WireWriter): void {
  switch (type) {
    case 'Time':
    case 'MicroTime':
      writeTime(ctx, value, w);
      return;
    case 'Quantity': {
      const text = typeof value === 'number' ? String(value) : stringOf(ctx, value ?? '0');
      w.tag(1, WireType.LengthDelimited);
      w.string(text);
      return;
    }
    case 'IntOrString': {
      const isString = typeof value === 'string';
      w.tag(1, WireType.Varint);
      w.int64(isString ? 1 : 0);
      w.tag(2, WireType.Varint);
      w.int32(isString || value === undefined || value === null ? 0 : int32Of(ctx, value));
      w.tag(3, WireType.LengthDelimited);
      w.string(isString ? value : '');
      return;
    }
    case 'StringList':
      if (value === undefined || value === null) return;
      if (!Array.isArray(value)) fail(ctx, 'an array of strings', value);
      for (const item of value) {
        w.tag(1, WireType.LengthDelimited);
        w.string(stringOf(ctx, item));
      }
      return;
    default:
      // RawExtension and FieldsV1 carry their JSON value as bytes.
      if (value === undefined || value === null) return;
      w.tag(1, WireType.LengthDelimited);
      w.bytes(Buffer.from(JSON.stringify(value)));
  }
}

function writeOne(
  ctx: EncodeContext,
  number: number,
  type: string,
  value: JsonValue | undefined,
  w: WireWriter,
): void {
  const present = value !== undefined && value !== null;
  switch (type) {
    case 'string':
      w.tag(number, WireType.LengthDelimited);
      w.string(present ? stringOf(ctx, value) : '');
      return;
    case 'bytes': {
      const text = present ? stringOf(ctx, value) : '';
      if (!BASE64.test(text)) fail(ctx, 'base64 data', value as JsonValue);
      w.tag(number, WireType.LengthDelimited);
      w.bytes(Buffer.from(text, 'base64'));
      return;
    }
    case 'bool':
      if (present && typeof value !== 'boolean') fail(ctx, 'a boolean', value);
      w.tag(number, WireType.Varint);
      w.bool(value === true);
      return;
    case 'int32':
      w.tag(number, WireType.Varint);
      w.int32(present ? int32Of(ctx, value) : 0);
      return;
    case 'int64':
      w.tag(number, WireType.Varint);
      w.int64(present ? int64Of(ctx, value) : 0);
      return;
  }
  w.tag(number, WireType.LengthDelimited);
  const mark = w.beginMessage();
  const schema = ctx.schemas.get(type);
  if (schema === undefined) {
    writeSpecial(ctx, type, value, w);
  } else {
    if (present && !isJsonObject(value)) fail(ctx, 'an object', value);
    encodeMessage(ctx, schema, present ? (value as JsonObject) : {}, w);
  }
  w.endMessage(mark);
}

function writeField(ctx: EncodeContext, spec: FieldSpec, value: JsonValue | undefined, w: WireWriter): void {
  switch (spec.presence) {
    case 'repeated':
      if (value === undefined || value === null) return;
      if (!Array.isArray(value)) fail(ctx, 'an array', value);
      value.forEach((item, i) => {
        ctx.path.push(`[${i}]`);
        writeOne(ctx, spec.number, spec.type, item, w);
        ctx.path.pop();
      });
      return;
    case 'map': {
      if (value === undefined || value === null) return;
      if (!isJsonObject(value)) fail(ctx, 'an object', value);
      for (const key of Object.keys(value).sort(compareUtf8)) {
        w.tag(spec.number, WireType.LengthDelimited);
        const mark = w.beginMessage();
        w.tag(1, WireType.LengthDelimited);
        w.string(key);
        ctx.path.push(`[${key}]`);
        writeOne(ctx, 2, spec.type, getOwn(value, key), w);
        ctx.path.pop();
        w.endMessage(mark);
      }
      return;
    }
    case 'pointer':
      if (value === undefined || value === null) return;
      writeOne(ctx, spec.number, spec.type, value, w);
      return;
    default:
      writeOne(ctx, spec.number, spec.type, value, w);
  }
}

/**
 * encodeMessage writes `json` as the wire bytes of `schema`, byte for byte as Go's generated
 * marshalers write the same struct: fields in field-number order; non-pointer fields always (zero
 * when the JSON lacks them); pointers, slices and maps only when set; map entries sorted by key;
 * repeated scalars unpacked. JSON properties the schema does not know are ignored, as Go's JSON
 * decoder drops them. A value of the wrong JSON type throws a `NotEncodable` {@link ProtobufError}.
 */
export function encodeMessage(
  ctx: EncodeContext,
  schema: MessageSchema,
  json: JsonObject,
  w: WireWriter,
): void {
  for (const spec of schema.fields) {
    if (spec.presence === 'inline') {
      writeField(ctx, spec, json, w);
      continue;
    }
    ctx.path.push(spec.json);
    writeField(ctx, spec, getOwn(json, spec.json), w);
    ctx.path.pop();
  }
}
