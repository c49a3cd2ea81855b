import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { isJsonObject } from '../patch/json-value.js';
import { decodeKubernetesProtobuf, writeKubernetesProtobuf } from './kubernetes-protobuf.js';
import type { DecodeContext, UnknownProtobufField } from './message-decoder.js';
import { decodeMessage } from './message-decoder.js';
import { ProtobufError, protobufObjectBudget } from './protobuf-error.js';
import { protobufMessage, protobufSchemas } from './protobuf-kinds.js';
import { WireType } from './wire-reader.js';
import { WireWriter } from './wire-writer.js';

/** ProtobufWatchEvent is one event of a watch stream: `ADDED`, `MODIFIED`, `DELETED`, `BOOKMARK` or `ERROR`. */
export interface ProtobufWatchEvent {
  readonly type: string;
  /** object is the JSON API object the event carries (a `Status` for `ERROR`). */
  readonly object: JsonObject;
}

/** DecodedWatchEvent is a decoded watch frame, with the fields the decoder did not know. */
export interface DecodedWatchEvent extends ProtobufWatchEvent {
  readonly unknownFields: readonly UnknownProtobufField[];
}

/**
 * encodeWatchEventFrame writes one frame of a `application/vnd.kubernetes.protobuf;stream=watch`
 * response as Kubernetes writes it: a four-byte big-endian length, then a `meta/v1 WatchEvent`
 * message without envelope whose `object.raw` holds the object as a complete protobuf body (magic
 * and `runtime.Unknown` envelope included). Throws a `NotEncodable` {@link ProtobufError} when the
 * object cannot be written as protobuf.
 */
export function encodeWatchEventFrame(event: ProtobufWatchEvent): Uint8Array {
  const w = new WireWriter();
  w.raw(new Uint8Array(4));
  w.tag(1, WireType.LengthDelimited);
  w.string(event.type);
  w.tag(2, WireType.LengthDelimited);
  const extension = w.beginMessage();
  w.tag(1, WireType.LengthDelimited);
  const raw = w.beginMessage();
  writeKubernetesProtobuf(event.object, w);
  w.endMessage(raw);
  w.endMessage(extension);
  const frame = w.finish();
  new DataView(frame.buffer, frame.byteOffset, 4).setUint32(0, frame.length - 4);
  return frame;
}

/**
 * decodeWatchEventFrame decodes the payload of one watch frame (the bytes after the four-byte
 * length) into its event type and object. Throws a {@link ProtobufError} for anything else.
 */
export function decodeWatchEventFrame(payload: Uint8Array): DecodedWatchEvent {
  const unknownFields: UnknownProtobufField[] = [];
  const ctx: DecodeContext = {
    schemas: protobufSchemas(),
    unknownFields,
    path: [],
    budget: { remaining: protobufObjectBudget(payload.length) },
    decodeEnvelope: (inner) => {
      const decoded = decodeKubernetesProtobuf(inner);
      unknownFields.push(...decoded.unknownFields);
      return decoded.object;
    },
  };
  const event = decodeMessage(ctx, protobufMessage('WatchEvent'), [payload], 0);
  const object: JsonValue | undefined = event.object;
  if (!isJsonObject(object)) throw new ProtobufError('InvalidValue', 'the watch event carries no object');
  return { type: event.type as string, object, unknownFields };
}
