/**
 * ProtobufErrorCode names every way reading or writing the Kubernetes protobuf wire format can fail.
 *
 * Decoding a request body:
 * - `EmptyBody`: no bytes, or nothing after the `k8s\0` magic (Kubernetes: "empty data" / "empty body").
 * - `BadMagic`: the body does not start with the four bytes `k8s\0`.
 * - `Truncated`: a varint, a fixed-width value or a length-delimited field runs past the end of its
 *   message (including a declared length larger than what is left, however huge).
 * - `Malformed`: bytes that are not protobuf: a varint longer than ten bytes, field number 0, wire
 *   types 6 and 7, an unmatched end-group, or a known field sent with the wrong wire type.
 * - `TooDeep`: messages (or embedded envelopes, or skipped groups, or JSON inside a RawExtension)
 *   nested deeper than {@link MAX_PROTOBUF_DEPTH}.
 * - `TooLarge`: a body that would expand into more objects than its size allows (see
 *   {@link protobufObjectBudget}): Go fills in every non-pointer struct an element leaves out, so
 *   a two-byte empty list element can stand for a dozen objects.
 * - `InvalidValue`: well-formed protobuf whose value has no JSON form: a time outside years
 *   0000–9999, an IntOrString of unknown type, a RawExtension that holds neither JSON nor an
 *   envelope, an empty quantity.
 * - `MissingKind`: the envelope's `typeMeta` has no kind or no apiVersion and no default was given.
 * - `UnsupportedKind`: the envelope names a kind Capstan has no protobuf schema for.
 *
 * Encoding a response:
 * - `NotEncodable`: the object is of a kind with no protobuf schema, or one of its values has the
 *   wrong JSON type for its field (a string where a number belongs, a fraction in an integer field,
 *   a timestamp that is not RFC 3339, data that is not base64).
 */
export type ProtobufErrorCode =
  | 'EmptyBody'
  | 'BadMagic'
  | 'Truncated'
  | 'Malformed'
  | 'TooDeep'
  | 'TooLarge'
  | 'InvalidValue'
  | 'MissingKind'
  | 'UnsupportedKind'
  | 'NotEncodable';

/** ProtobufErrorReason is the Kubernetes `Status.reason` that goes with a {@link ProtobufErrorCode}. */
export type ProtobufErrorReason =
  | 'BadRequest'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'NotAcceptable';

/**
 * MAX_PROTOBUF_DEPTH is how deeply messages may nest in one body, counting embedded envelopes,
 * skipped groups and the JSON inside RawExtensions. Built-in Kubernetes objects nest about a dozen
 * levels; the limit keeps hostile nesting from exhausting the stack.
 */
export const MAX_PROTOBUF_DEPTH = 100;

/**
 * protobufObjectBudget is how many message objects decoding a body of `byteLength` bytes may build,
 * defaults for left-out structs included: one per input byte plus 1024. Real objects use a small
 * fraction of it; it bounds the memory a hostile body can make the decoder allocate to a small
 * multiple of its size.
 */
export function protobufObjectBudget(byteLength: number): number {
  return byteLength + 1024;
}

/**
 * PROTOBUF_ERROR_STATUS maps each {@link ProtobufErrorCode} to the HTTP status and Status reason the
 * API server answers with: a body that cannot be decoded is 400 BadRequest, as Kubernetes answers
 * it; one that expands too far is 413 RequestEntityTooLarge; a body of a kind with no protobuf schema is 415 UnsupportedMediaType (Kubernetes' answer for
 * custom resources sent as protobuf); an object that cannot be written as protobuf is 406
 * NotAcceptable, so a client that accepts only protobuf learns it must accept JSON.
 */
export const PROTOBUF_ERROR_STATUS: Readonly<
  Record<ProtobufErrorCode, { readonly status: number; readonly reason: ProtobufErrorReason }>
> = {
  EmptyBody: { status: 400, reason: 'BadRequest' },
  BadMagic: { status: 400, reason: 'BadRequest' },
  Truncated: { status: 400, reason: 'BadRequest' },
  Malformed: { status: 400, reason: 'BadRequest' },
  TooDeep: { status: 400, reason: 'BadRequest' },
  TooLarge: { status: 413, reason: 'RequestEntityTooLarge' },
  InvalidValue: { status: 400, reason: 'BadRequest' },
  MissingKind: { status: 400, reason: 'BadRequest' },
  UnsupportedKind: { status: 415, reason: 'UnsupportedMediaType' },
  NotEncodable: { status: 406, reason: 'NotAcceptable' },
};

/**
 * ProtobufError is the one error the protobuf codec throws. Decoding either returns a value or
 * throws a ProtobufError, whatever the input bytes; encoding either returns bytes or throws one.
 * `status` and `reason` say how the API server answers it (see {@link PROTOBUF_ERROR_STATUS}).
 * Check it with `ProtobufError.is(err, 'Truncated')` rather than `instanceof`.
 */
export class ProtobufError extends Error {
  override readonly name = 'ProtobufError';
  readonly code: ProtobufErrorCode;
  readonly status: number;
  readonly reason: ProtobufErrorReason;

  constructor(code: ProtobufErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = PROTOBUF_ERROR_STATUS[code].status;
    this.reason = PROTOBUF_ERROR_STATUS[code].reason;
  }

  /** is tells whether `err` is a ProtobufError, and of the given code when one is named. */
  static is(err: unknown, code?: ProtobufErrorCode): err is ProtobufError {
    if (typeof err !== 'object' || err === null) return false;
    const e = err as { name?: unknown; code?: unknown };
    return (
      e.name === 'ProtobufError' && typeof e.code === 'string' && (code === undefined || e.code === code)
    );
  }
}
