import { describe, expect, it } from 'vitest';
import { ProtobufError } from './protobuf-error.js';
import { WireReader, WireType } from './wire-reader.js';
import { WireWriter } from './wire-writer.js';

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function written(write: (w: WireWriter) => void): string {
  const w = new WireWriter();
  write(w);
  return hex(w.finish());
}

function reader(hexText: string): WireReader {
  return new WireReader(Buffer.from(hexText, 'hex'));
}

describe('varints', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [2 ** 31 - 1, 'ffffffff07'],
    [-1, 'ffffffffffffffffff01'],
    [-2147483648, '80808080f8ffffffff01'],
  ])('int32 %d is %s', (value, bytes) => {
    expect(written((w) => w.int32(value))).toBe(bytes);
    expect(reader(bytes).int32()).toBe(value);
  });

  it.each([
    [0, '00'],
    [2 ** 32, '8080808010'],
    [2 ** 53 - 1, 'ffffffffffffff0f'],
    [-(2 ** 53 - 1), '81808080808080f0ff01'],
    [-1, 'ffffffffffffffffff01'],
    [-62135596800, '8092b8c398feffffff01'],
    [2 ** 62, '808080808080808040'],
  ])('int64 %d is %s', (value, bytes) => {
    expect(written((w) => w.int64(value))).toBe(bytes);
    expect(reader(bytes).int64()).toBe(value);
  });

  it('reads the most negative int64 and values past 2^53 as the nearest double', () => {
    expect(reader('80808080808080808001').int64()).toBe(-(2 ** 63));
    expect(reader('ffffffffffffffff7f').int64()).toBe(2 ** 63);
  });

  it('writes 2^63, the double nearest the largest int64, as the largest int64', () => {
    expect(written((w) => w.int64(2 ** 63))).toBe('ffffffffffffffff7f');
  });

  it('drops bits past the 64th of a ten-byte varint, as Go does', () => {
    expect(reader('ffffffffffffffffff7f').int32()).toBe(-1);
  });

  it('writes bools, tags, strings and bytes', () => {
    expect(written((w) => w.bool(true))).toBe('01');
    expect(written((w) => w.tag(17, WireType.LengthDelimited))).toBe('8a01');
    expect(written((w) => w.string('é'))).toBe('02c3a9');
    expect(written((w) => w.bytes(Uint8Array.of(1, 2)))).toBe('020102');
  });

  it('widens a nested message length that needs more than one byte', () => {
    const w = new WireWriter();
    w.tag(1, WireType.LengthDelimited);
    const mark = w.beginMessage();
    w.string('x'.repeat(200));
    w.endMessage(mark);
    const bytes = w.finish();
    expect(hex(bytes.subarray(0, 5))).toBe('0aca01c801');
    const r = new WireReader(bytes);
    expect(r.tag()).toEqual({ field: 1, wireType: WireType.LengthDelimited });
    expect(new WireReader(r.bytes()).string()).toBe('x'.repeat(200));
  });
});

describe('bad input', () => {
  it.each([
    ['a truncated varint', '80', 'Truncated', (r: WireReader) => r.int64()],
    ['an eleven-byte varint', 'ffffffffffffffffffff01', 'Malformed', (r: WireReader) => r.int64()],
    ['field number 0', '02', 'Malformed', (r: WireReader) => r.tag()],
    ['wire type 6', '0e', 'Malformed', (r: WireReader) => r.tag()],
    ['wire type 7', '0f', 'Malformed', (r: WireReader) => r.tag()],
    ['a tag past 2^29', '80808080f001', 'Malformed', (r: WireReader) => r.tag()],
    ['a length past the end', '05616263', 'Truncated', (r: WireReader) => r.bytes()],
    ['a huge length', 'ffffffffffffffff7f', 'Truncated', (r: WireReader) => r.bytes()],
    ['a truncated fixed64', '0102', 'Truncated', (r: WireReader) => r.skip(WireType.Fixed64, 0)],
    ['a truncated fixed32', '01', 'Truncated', (r: WireReader) => r.skip(WireType.Fixed32, 0)],
    ['an unmatched end-group', '', 'Malformed', (r: WireReader) => r.skip(WireType.EndGroup, 0)],
    ['an unclosed group', '0801', 'Truncated', (r: WireReader) => r.skip(WireType.StartGroup, 0)],
    [
      'groups nested too deep',
      '0b'.repeat(200),
      'TooDeep',
      (r: WireReader) => r.skip(WireType.StartGroup, 0),
    ],
  ] as const)('rejects %s (%s)', (_name, bytes, code, read) => {
    let thrown: unknown;
    try {
      read(reader(bytes));
    } catch (err) {
      thrown = err;
    }
    expect(ProtobufError.is(thrown, code), String(thrown)).toBe(true);
  });

  it('skips fields of every wire type, groups included', () => {
    const r = reader(
      '0801' + '110102030405060708' + '1a026869' + '2501020304' + '2b' + '0801' + '2c' + '3001',
    );
    const fields: number[] = [];
    while (!r.done()) {
      const { field, wireType } = r.tag();
      fields.push(field);
      r.skip(wireType, 0);
    }
    expect(fields).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
