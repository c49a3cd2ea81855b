import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../patch/json-value.js';
import { encodeKubernetesProtobuf } from './kubernetes-protobuf.js';
import { ProtobufError } from './protobuf-error.js';
import { decodeWatchEventFrame, encodeWatchEventFrame } from './watch-event-frame.js';
import { WireReader, WireType } from './wire-reader.js';

const pod: JsonObject = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'web', namespace: 'default', resourceVersion: '7', labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: {} }], nodeName: 'n1' },
  status: { phase: 'Running' },
};

function payloadOf(frame: Uint8Array): Uint8Array {
  const length = new DataView(frame.buffer, frame.byteOffset, 4).getUint32(0);
  expect(length).toBe(frame.length - 4);
  return frame.subarray(4);
}

describe('watch event frames', () => {
  it.each<[string, JsonObject]>([
    ['ADDED', pod],
    ['DELETED', pod],
    [
      'BOOKMARK',
      {
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { resourceVersion: '12', annotations: { 'k8s.io/initial-events-end': 'true' } },
        spec: {},
        status: {},
      },
    ],
    [
      'ERROR',
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'too old resource version: 1 (5)',
        reason: 'Expired',
        code: 410,
      },
    ],
  ])('a %s event is a big-endian length and a WatchEvent that decodes back', (type, object) => {
    const frame = encodeWatchEventFrame({ type, object });
    const decoded = decodeWatchEventFrame(payloadOf(frame));
    expect(decoded).toEqual({ type, object, unknownFields: [] });
  });

  it('carries the object as a complete protobuf body in WatchEvent.object.raw, as Kubernetes writes it', () => {
    const payload = payloadOf(encodeWatchEventFrame({ type: 'MODIFIED', object: pod }));
    const reader = new WireReader(payload);
    expect(reader.tag()).toEqual({ field: 1, wireType: WireType.LengthDelimited });
    expect(reader.string()).toBe('MODIFIED');
    expect(reader.tag()).toEqual({ field: 2, wireType: WireType.LengthDelimited });
    const extension = new WireReader(reader.bytes());
    expect(reader.done()).toBe(true);
    expect(extension.tag()).toEqual({ field: 1, wireType: WireType.LengthDelimited });
    expect(Buffer.from(extension.bytes()).equals(Buffer.from(encodeKubernetesProtobuf(pod)))).toBe(true);
  });

  it('refuses objects without a protobuf schema', () => {
    const widget = { kind: 'Widget', apiVersion: 'example.com/v1', metadata: { name: 'w' } };
    expect(() => encodeWatchEventFrame({ type: 'ADDED', object: widget })).toThrow(ProtobufError);
  });

  it.each([
    ['an event without object', Uint8Array.of(0x0a, 0x05, ...Buffer.from('ADDED')), 'InvalidValue'],
    [
      'an object that is not an envelope or JSON',
      Uint8Array.of(0x12, 0x03, 0x0a, 0x01, 0x7b),
      'InvalidValue',
    ],
    ['a truncated event', Uint8Array.of(0x0a, 0x09, 0x41), 'Truncated'],
  ])('refuses %s', (_name, payload, code) => {
    let thrown: unknown;
    try {
      decodeWatchEventFrame(payload);
    } catch (err) {
      thrown = err;
    }
    expect(ProtobufError.is(thrown, code as never), String(thrown)).toBe(true);
  });
});
