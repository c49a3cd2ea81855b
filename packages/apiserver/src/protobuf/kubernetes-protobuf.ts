import type { JsonObject } from '../patch/json-value.js';
import { getOwn } from '../patch/json-value.js';
import type { DecodeContext, UnknownProtobufField } from './message-decoder.js';
import { decodeMessage } from './message-decoder.js';
import { encodeMessage } from './message-encoder.js';
import { ProtobufError, protobufObjectBudget } from './protobuf-error.js';
import { protobufSchemaFor, protobufSchemas } from './protobuf-kinds.js';
import { WireReader, WireType } from './wire-reader.js';
import { WireWriter } from './wire-writer.js';

/** KUBERNETES_PROTOBUF_MEDIA_TYPE is the media type of Kubernetes protobuf bodies. */
export const KUBERNETES_PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/**
 * KUBERNETES_PROTOBUF_WATCH_MEDIA_TYPE is the media type of a protobuf watch stream: a sequence of
 * {@link encodeWatchEventFrame} frames.
 */
export const KUBERNETES_PROTOBUF_WATCH_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf;stream=watch';

/** KUBERNETES_PROTOBUF_MAGIC is the four bytes `k8s\0` every Kubernetes protobuf body starts with. */
export const KUBERNETES_PROTOBUF_MAGIC: Readonly<Uint8Array> = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

/** DecodeKubernetesProtobufOptions supplies the kind a body means when its envelope leaves it out. */
export interface DecodeKubernetesProtobufOptions {
  /** defaultApiVersion is used when the envelope's `typeMeta.apiVersion` is empty (the URL's group version). */
  readonly defaultApiVersion?: string;
  /** defaultKind is used when the envelope's `typeMeta.kind` is empty (the resource's kind). */
  readonly defaultKind?: string;
}

/** DecodedKubernetesObject is a decoded protobuf body. */
export interface DecodedKubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** object is the object as the JSON API carries it, `apiVersion` and `kind` included. */
  readonly object: JsonObject;
  /** unknownFields are the fields the body carried that the schema does not know (skipped). */
  readonly unknownFields: readonly UnknownProtobufField[];
}

interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
}

function readTypeMeta(reader: WireReader, envelope: Envelope): void {
  while (!reader.done()) {
    const { field, wireType } = reader.tag();
    if ((field === 1 || field === 2) && wireType === WireType.LengthDelimited) {
      if (field === 1) envelope.apiVersion = reader.string();
      else envelope.kind = reader.string();
    } else if (field === 1 || field === 2) {
      throw new ProtobufError('Malformed', `wrong wire type ${wireType} for typeMeta field ${field}`);
    } else {
      reader.skip(wireType, 2);
    }
  }
}

function readEnvelope(bytes: Uint8Array): Envelope {
  if (bytes.length === 0) throw new ProtobufError('EmptyBody', 'empty data');
  const magic = KUBERNETES_PROTOBUF_MAGIC;
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) {
    throw new ProtobufError(
      'BadMagic',
      'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    );
  }
  if (bytes.length === magic.length) throw new ProtobufError('EmptyBody', 'empty body');
  const reader = new WireReader(bytes, magic.length);
  const envelope: Envelope = { apiVersion: '', kind: '', raw: new Uint8Array(0) };
  while (!reader.done()) {
    const { field, wireType } = reader.tag();
    if (field <= 4 && wireType !== WireType.LengthDelimited) {
      throw new ProtobufError('Malformed', `wrong wire type ${wireType} for runtime.Unknown field ${field}`);
    }
    if (field === 1) {
      const { start, end } = reader.window();
      readTypeMeta(new WireReader(bytes, start, end), envelope);
    } else if (field === 2) {
      envelope.raw = reader.bytes();
    } else {
      reader.skip(wireType, 1);
    }
  }
  return envelope;
}

function decodeAt(
  bytes: Uint8Array,
  options: DecodeKubernetesProtobufOptions,
  depth: number,
  unknownFields: UnknownProtobufField[],
  budget: { remaining: number },
): DecodedKubernetesObject {
  const envelope = readEnvelope(bytes);
  const kind = envelope.kind || options.defaultKind || '';
  const apiVersion = envelope.apiVersion || options.defaultApiVersion || '';
  if (kind === '') throw new ProtobufError('MissingKind', "Object 'Kind' is missing in protobuf envelope");
  if (apiVersion === '')
    throw new ProtobufError('MissingKind', "Object 'apiVersion' is missing in protobuf envelope");
  const schema = protobufSchemaFor(apiVersion, kind);
  if (schema === undefined) {
    throw new ProtobufError(
      'UnsupportedKind',
      `the protobuf body is a ${kind} of ${apiVersion}, a kind that cannot be sent as protobuf; send it as JSON`,
    );
  }
  const ctx: DecodeContext = {
    schemas: protobufSchemas(),
    unknownFields,
    path: [],
    budget,
    decodeEnvelope: (inner, innerDepth) => decodeAt(inner, {}, innerDepth + 1, unknownFields, budget).object,
  };
  const body = decodeMessage(ctx, schema, [envelope.raw], depth);
  return { apiVersion, kind, object: { kind, apiVersion, ...body }, unknownFields };
}

/**
 * decodeKubernetesProtobuf decodes a Kubernetes protobuf body (`k8s\0` followed by a
 * `runtime.Unknown` envelope whose `raw` holds the object's message) into the JSON object the same
 * object sent as JSON would be, less the `null`s Go writes for unset values (`creationTimestamp:
 * null`). It never throws anything but a {@link ProtobufError}, allocates no
 * more than a small multiple of the input's size whatever lengths the input declares, and skips
 * (and reports in `unknownFields`) field numbers its schemas do not know. Kubernetes cannot detect
 * unknown protobuf fields and does not apply `fieldValidation=Strict` to protobuf bodies; kubectl
 * sends `fieldValidation=Strict` with every typed `create`.
 */
export function decodeKubernetesProtobuf(
  bytes: Uint8Array,
  options: DecodeKubernetesProtobufOptions = {},
): DecodedKubernetesObject {
  return decodeAt(bytes, options, 0, [], { remaining: protobufObjectBudget(bytes.length) });
}

/**
 * writeKubernetesProtobuf writes the envelope of `object` into `w`: the magic, then a
 * `runtime.Unknown` with the object's apiVersion and kind, its message as `raw`, and empty
 * `contentEncoding` and `contentType`, exactly as Go's protobuf serializer writes it.
 */
export function writeKubernetesProtobuf(object: JsonObject, w: WireWriter): void {
  const apiVersion = getOwn(object, 'apiVersion');
  const kind = getOwn(object, 'kind');
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    throw new ProtobufError('NotEncodable', 'the object has no apiVersion and kind');
  }
  const schema = protobufSchemaFor(apiVersion, kind);
  if (schema === undefined) {
    throw new ProtobufError('NotEncodable', `${kind} of ${apiVersion} cannot be written as protobuf`);
  }
  w.raw(KUBERNETES_PROTOBUF_MAGIC);
  w.tag(1, WireType.LengthDelimited);
  const typeMeta = w.beginMessage();
  w.tag(1, WireType.LengthDelimited);
  w.string(apiVersion);
  w.tag(2, WireType.LengthDelimited);
  w.string(kind);
  w.endMessage(typeMeta);
  w.tag(2, WireType.LengthDelimited);
  const raw = w.beginMessage();
  encodeMessage({ schemas: protobufSchemas(), path: [] }, schema, object, w);
  w.endMessage(raw);
  w.tag(3, WireType.LengthDelimited);
  w.string('');
  w.tag(4, WireType.LengthDelimited);
  w.string('');
}

/**
 * encodeKubernetesProtobuf writes `object` (a JSON API object with `apiVersion` and `kind`: any
 * supported kind, its list kind, or a `Status`) as a Kubernetes protobuf body, byte for byte as
 * Kubernetes writes the same object. JSON properties the schema does not know are dropped. An
 * object of a kind without a schema, or with a value of the wrong JSON type, throws a
 * `NotEncodable` {@link ProtobufError} (answer 406 NotAcceptable, or fall back to JSON).
 */
export function encodeKubernetesProtobuf(object: JsonObject): Uint8Array {
  const w = new WireWriter();
  writeKubernetesProtobuf(object, w);
  return w.finish();
}

/**
 * supportsKubernetesProtobuf tells whether objects of `kind` at `apiVersion` (or its list kind)
 * can be read and written as protobuf, so the API server can decide before encoding whether to
 * answer a request that accepts protobuf in protobuf.
 */
export function supportsKubernetesProtobuf(apiVersion: string, kind: string): boolean {
  return protobufSchemaFor(apiVersion, kind) !== undefined;
}
