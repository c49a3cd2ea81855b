import { describe, expect, it } from 'vitest';
import { ProtobufWriter } from './protobuf-writer.js';

describe('ProtobufWriter', () => {
  it.each<[string, (w: ProtobufWriter) => void, number[]]>([
    ['a small varint', (w) => w.int64(1, 1), [0x08, 0x01]],
    ['a two-byte varint', (w) => w.int64(1, 150), [0x08, 0x96, 0x01]],
    ['zero', (w) => w.int64(3, 0), [0x18, 0x00]],
    ['a large integer', (w) => w.int64(1, 2 ** 35), [0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
    ['true', (w) => w.bool(4, true), [0x20, 0x01]],
    ['a string', (w) => w.string(2, 'testing'), [0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]],
    ['a UTF-8 string', (w) => w.string(1, 'é'), [0x0a, 0x02, 0xc3, 0xa9]],
    ['a double', (w) => w.double(7, 1), [0x39, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]],
    ['a nested message', (w) => w.message(3, (m) => m.int64(1, 150)), [0x1a, 0x03, 0x08, 0x96, 0x01]],
    ['a high field number', (w) => w.bool(31, false), [0xf8, 0x01, 0x00]],
  ])('encodes %s', (_name, write, expected) => {
    const w = new ProtobufWriter();
    write(w);
    expect([...w.finish()]).toEqual(expected);
  });

  it('grows past its initial buffer and keeps fields in call order', () => {
    const w = new ProtobufWriter();
    const long = 'x'.repeat(1000);
    w.string(1, long).int64(2, 7);
    const bytes = w.finish();
    expect(bytes.length).toBe(1 + 2 + 1000 + 2);
    expect([...bytes.subarray(-2)]).toEqual([0x10, 0x07]);
  });

  it.each([-1, 1.5, 2 ** 60])('refuses the int64 %d', (value) => {
    expect(() => new ProtobufWriter().int64(1, value)).toThrow(RangeError);
  });
});
