const utf8 = new TextEncoder();
const TWO_32 = 4294967296;

/**
 * WireWriter builds protobuf wire-format bytes in one growing buffer. Length-delimited messages are
 * written in place: {@link WireWriter.beginMessage} reserves a one-byte length and
 * {@link WireWriter.endMessage} widens it when the content turned out longer than 127 bytes, so
 * nested messages need no intermediate buffers.
 */
export class WireWriter {
  private buf = new Uint8Array(256);
  private pos = 0;

  /** tag writes a field tag: the field number shifted left three bits, or'ed with the wire type. */
  tag(field: number, wireType: number): void {
    this.uint32(((field << 3) | wireType) >>> 0);
  }

  /** uint32 writes a non-negative integer below 2^32 as a varint. */
  uint32(value: number): void {
    this.ensure(5);
    let v = value >>> 0;
    while (v > 0x7f) {
      this.buf[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.pos++] = v;
  }

  /** int32 writes a signed 32-bit integer; negative values take ten bytes, sign-extended as Go writes them. */
  int32(value: number): void {
    if (value >= 0) this.uint32(value);
    else this.varint64(value >>> 0, 0xffffffff);
  }

  /**
   * int64 writes an integer within ±2^63 as a two's-complement varint; 2^63 itself (the double
   * nearest the largest int64) is written as the largest int64.
   */
  int64(value: number): void {
    if (value >= 0 && value < TWO_32) {
      this.uint32(value);
    } else if (Number.isSafeInteger(value) && value > 0) {
      this.varint64((value % TWO_32) >>> 0, Math.floor(value / TWO_32) >>> 0);
    } else {
      const bits = value >= 2 ** 63 ? 2n ** 63n - 1n : BigInt.asUintN(64, BigInt(value));
      this.varint64(Number(bits & 0xffffffffn), Number(bits >> 32n));
    }
  }

  /** bool writes 1 or 0. */
  bool(value: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = value ? 1 : 0;
  }

  /** bytes writes a length prefix and then `value`. */
  bytes(value: Uint8Array): void {
    this.uint32(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }

  /** raw appends `value` as it is, with no tag or length. */
  raw(value: Readonly<Uint8Array>): void {
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }

  /** string writes a length prefix and then `value` in UTF-8. */
  string(value: string): void {
    if (value.length === 0) {
      this.uint32(0);
      return;
    }
    const mark = this.beginMessage();
    this.ensure(value.length * 3);
    this.pos += utf8.encodeInto(value, this.buf.subarray(this.pos)).written;
    this.endMessage(mark);
  }

  /** beginMessage reserves a length prefix for a nested message and returns where its content starts. */
  beginMessage(): number {
    this.ensure(1);
    this.pos += 1;
    return this.pos;
  }

  /** endMessage writes the length of the content begun at `mark`, moving the content if the length needs more than one byte. */
  endMessage(mark: number): void {
    const length = this.pos - mark;
    let size = 1;
    for (let v = length >>> 7; v > 0; v >>>= 7) size++;
    if (size > 1) {
      this.ensure(size - 1);
      this.buf.copyWithin(mark + size - 1, mark, this.pos);
      this.pos += size - 1;
    }
    let at = mark - 1;
    let v = length;
    while (v > 0x7f) {
      this.buf[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[at] = v;
  }

  /** finish returns the bytes written so far. The writer must not be used afterwards. */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  private varint64(lo: number, hi: number): void {
    this.ensure(10);
    while (hi > 0 || lo > 0x7f) {
      this.buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    this.buf[this.pos++] = lo;
  }

  private ensure(extra: number): void {
    const needed = this.pos + extra;
    if (needed <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }
}
