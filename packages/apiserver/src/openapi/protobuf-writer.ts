const encoder = new TextEncoder();

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

/**
 * ProtobufWriter writes one protobuf message in the proto3 wire format: fields are appended in
 * call order, each with its tag; nested messages are length-delimited. It writes exactly what it
 * is given — skipping proto3 default values is the caller's choice.
 *
 * Integers are written as non-negative varints (int64 fields up to 2^53, what a JavaScript number
 * holds exactly); doubles as little-endian fixed64; strings as UTF-8.
 */
export class ProtobufWriter {
  #bytes = new Uint8Array(256);
  #length = 0;

  /** string writes a string field. */
  string(field: number, value: string): this {
    return this.bytes(field, encoder.encode(value));
  }

  /** bytes writes a length-delimited field of raw bytes. */
  bytes(field: number, value: Uint8Array): this {
    this.#tag(field, LENGTH_DELIMITED);
    this.#varint(value.length);
    this.#append(value);
    return this;
  }

  /** bool writes a boolean field. */
  bool(field: number, value: boolean): this {
    this.#tag(field, VARINT);
    this.#varint(value ? 1 : 0);
    return this;
  }

  /**
   * int64 writes a non-negative integer field.
   *
   * @throws RangeError for a negative, fractional or unsafe integer.
   */
  int64(field: number, value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`protobuf int64 field ${field}: ${value} is not a non-negative safe integer`);
    }
    this.#tag(field, VARINT);
    this.#varint(value);
    return this;
  }

  /** double writes a 64-bit floating point field. */
  double(field: number, value: number): this {
    this.#tag(field, FIXED64);
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setFloat64(0, value, true);
    this.#append(bytes);
    return this;
  }

  /** message writes a nested message field whose content `write` produces. */
  message(field: number, write: (message: ProtobufWriter) => void): this {
    const nested = new ProtobufWriter();
    write(nested);
    return this.bytes(field, nested.finish());
  }

  /** finish returns the bytes written so far. */
  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }

  #tag(field: number, wireType: number): void {
    this.#varint(field * 8 + wireType);
  }

  #varint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.#byte((rest % 0x80) + 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.#byte(rest);
  }

  #byte(value: number): void {
    this.#reserve(1);
    this.#bytes[this.#length++] = value;
  }

  #append(value: Uint8Array): void {
    this.#reserve(value.length);
    this.#bytes.set(value, this.#length);
    this.#length += value.length;
  }

  #reserve(count: number): void {
    if (this.#length + count <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + count));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }
}
