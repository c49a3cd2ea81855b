import { describe, expect, it } from 'vitest';
import { jsonLines } from './json-lines.js';

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function collect(...parts: Uint8Array[]): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of jsonLines(chunks(...parts))) values.push(value);
  return values;
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('jsonLines', () => {
  const values = [{ type: 'ADDED', object: { name: 'é€😀' } }, { type: 'DELETED', object: { n: [1, 2] } }, 3];
  const text = values.map((v) => JSON.stringify(v)).join('\n') + '\n';
  const bytes = encode(text);

  it('parses the same values wherever one cut falls, even inside a UTF-8 character', async () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await collect(bytes.subarray(0, cut), bytes.subarray(cut))).toEqual(values);
    }
  });

  it('parses the same values when fed one byte at a time', async () => {
    const single = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    expect(await collect(...single)).toEqual(values);
  });

  it.each([
    ['several values in one chunk', ['{"a":1}\n{"a":2}\n{"a":3}\n'], [{ a: 1 }, { a: 2 }, { a: 3 }]],
    ['blank and CRLF lines', ['\n{"a":1}\r\n  \n\n{"a":2}\n'], [{ a: 1 }, { a: 2 }]],
    ['a last line without a newline', ['{"a":1}\n{"a', '":2}'], [{ a: 1 }, { a: 2 }]],
    ['an empty stream', [], []],
    ['only whitespace', [' \n \n'], []],
  ])('%s', async (_, parts, expected) => {
    expect(await collect(...parts.map(encode))).toEqual(expected);
  });

  it('yields each value as soon as its line is complete', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield encode('{"a":1}\n{"a"');
      await gate;
      yield encode(':2}\n');
    }
    const iterator = jsonLines(slow());
    expect(await iterator.next()).toEqual({ done: false, value: { a: 1 } });
    release();
    expect(await iterator.next()).toEqual({ done: false, value: { a: 2 } });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('throws a SyntaxError naming a line that is not JSON', async () => {
    await expect(collect(encode('{"a":1}\n{"a":\n'))).rejects.toThrow(
      /^invalid JSON in a JSON stream: .*: \{"a":$/,
    );
  });

  it('throws a SyntaxError for invalid UTF-8', async () => {
    await expect(collect(new Uint8Array([0x7b, 0xff, 0x7d, 0x0a]))).rejects.toThrow(SyntaxError);
  });

  it('throws a SyntaxError for a stream cut inside a UTF-8 character', async () => {
    await expect(collect(encode('"€"').subarray(0, 3))).rejects.toThrow(/invalid UTF-8/);
  });
});
