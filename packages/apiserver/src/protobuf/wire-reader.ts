import { MAX_PROTOBUF_DEPTH, ProtobufError } from './protobuf-error.js';

/** WireType holds the protobuf wire types, the low three bits of every field tag. */
export const WireType = {
  Varint: 0,
  Fixed64: 1,
  LengthDelimited: 2,
  StartGroup: 3,
  EndGroup: 4,
  Fixed32: 5,
} as const;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const TWO_32 = 4294967296;

/**
 * WireReader reads protobuf wire-format values from a window of a byte array. Every read checks
 * bounds first and throws a {@link ProtobufError} (`Truncated`, `Malformed`, `TooDeep`) instead of
 * reading past the window; nothing it does allocates memory in proportion to a length read from
 * the input (byte fields are views of the input, not copies).
 */
export class WireReader {
  /** pos is the offset of the next unread byte. */
  pos: number;
  readonly end: number;
  private readonly buf: Uint8Array;
  private lo = 0;
  private hi = 0;

  constructor(buf: Uint8Array, start = 0, end = buf.length) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
  }

  /** done tells whether every byte of the window has been read. */
  done(): boolean {
    return this.pos >= this.end;
  }

  /**
   * tag reads a field tag and returns its field number and wire type. Field number 0, numbers past
   * 2^29 - 1 and wire types 6 and 7 are `Malformed`, as Go's generated decoders report them.
   */
  tag(): { field: number; wireType: number } {
    this.varint();
    const wireType = this.lo & 7;
    const field = this.lo >>> 3;
    if (this.hi !== 0 || field === 0) {
      throw new ProtobufError('Malformed', `illegal field tag ${field} (wire type ${wireType})`);
    }
    if (wireType > 5)
      throw new ProtobufError('Malformed', `illegal wire type ${wireType} for field ${field}`);
    return { field, wireType };
  }

  /** int32 reads a varint and returns its low 32 bits as a signed integer (Go's `int32(v)`). */
  int32(): number {
    this.varint();
    return this.lo | 0;
  }

  /**
   * int64 reads a varint as a signed 64-bit integer. Values within ±2^53 are exact; larger ones are
   * rounded to the nearest double, as `JSON.parse` would round them.
   */
  int64(): number {
    this.varint();
    const hi = this.hi | 0;
    if (hi >= -0x200000 && hi < 0x200000) return hi * TWO_32 + this.lo;
    return Number(BigInt.asIntN(64, (BigInt(this.hi) << 32n) | BigInt(this.lo)));
  }

  /** bool reads a varint and tells whether it is non-zero. */
  bool(): boolean {
    this.varint();
    return this.lo !== 0 || this.hi !== 0;
  }

  /** bytes reads a length-delimited field and returns a view of its content (not a copy). */
  bytes(): Uint8Array {
    const length = this.length();
    const start = this.pos;
    this.pos += length;
    return this.buf.subarray(start, this.pos);
  }

  /**
   * window reads a length prefix and returns the bounds of the content that follows, advancing past
   * it, so a nested message can be read in place with a new WireReader on the same bytes.
   */
  window(): { start: number; end: number } {
    const length = this.length();
    const start = this.pos;
    this.pos += length;
    return { start, end: this.pos };
  }

  /** string reads a length-delimited field as UTF-8; invalid sequences become U+FFFD, as Go's JSON writes them. */
  string(): string {
    return utf8.decode(this.bytes());
  }

  /** view returns the bytes between two offsets of the underlying array. */
  view(start: number, end: number): Uint8Array {
    return this.buf.subarray(start, end);
  }

  /**
   * skip steps over one field value of the given wire type, including nested groups (each level
   * counted against {@link MAX_PROTOBUF_DEPTH} from `depth`).
   */
  skip(wireType: number, depth: number): void {
    switch (wireType) {
      case WireType.Varint:
        this.varint();
        return;
      case WireType.Fixed64:
        this.advance(8);
        return;
      case WireType.LengthDelimited: {
        const length = this.length();
        this.pos += length;
        return;
      }
      case WireType.Fixed32:
        this.advance(4);
        return;
      case WireType.StartGroup:
        this.skipGroup(depth);
        return;
      default:
        throw new ProtobufError('Malformed', `unexpected end-group or illegal wire type ${wireType}`);
    }
  }

  private skipGroup(depth: number): void {
    let level = 1;
    while (level > 0) {
      if (depth + level > MAX_PROTOBUF_DEPTH) {
        throw new ProtobufError('TooDeep', `groups nest deeper than ${MAX_PROTOBUF_DEPTH} levels`);
      }
      if (this.done())
        throw new ProtobufError('Truncated', 'group is not closed before the end of its message');
      const { wireType } = this.tag();
      if (wireType === WireType.StartGroup) level++;
      else if (wireType === WireType.EndGroup) level--;
      else this.skip(wireType, depth + level);
    }
  }

  private advance(n: number): void {
    if (this.end - this.pos < n) throw new ProtobufError('Truncated', `a ${n}-byte value runs past the end`);
    this.pos += n;
  }

  private length(): number {
    this.varint();
    const left = this.end - this.pos;
    if (this.hi !== 0 || this.lo > left) {
      const declared = this.hi === 0 ? String(this.lo) : 'more than 4294967295';
      throw new ProtobufError('Truncated', `length ${declared} exceeds the ${left} bytes left`);
    }
    return this.lo;
  }

  /**
   * varint reads up to ten bytes into `lo`/`hi` (unsigned halves). Bits beyond the 64th are dropped,
   * as Go's generated decoders drop them; an eleventh continuation byte is `Malformed`.
   */
  private varint(): void {
    const buf = this.buf;
    const end = this.end;
    let p = this.pos;
    let lo = 0;
    let hi = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      if (p >= end) throw new ProtobufError('Truncated', 'varint runs past the end');
      b = buf[p++] as number;
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.settle(p, lo, 0);
        return;
      }
    }
    if (p >= end) throw new ProtobufError('Truncated', 'varint runs past the end');
    b = buf[p++] as number;
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >> 4;
    if (b < 0x80) {
      this.settle(p, lo, hi);
      return;
    }
    for (let shift = 3; shift < 32; shift += 7) {
      if (p >= end) throw new ProtobufError('Truncated', 'varint runs past the end');
      b = buf[p++] as number;
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.settle(p, lo, hi);
        return;
      }
    }
    throw new ProtobufError('Malformed', 'varint is longer than ten bytes');
  }

  private settle(pos: number, lo: number, hi: number): void {
    this.pos = pos;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }
}
