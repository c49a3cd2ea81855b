import { describe, expect, it } from 'vitest';
import { prefixRange, rangeAfter } from './key-range.js';

const hex = (buffer: Buffer | undefined): string | undefined => buffer?.toString('hex');

describe('prefixRange', () => {
  it.each([
    ['an ASCII prefix ends where its last byte is one higher', '/a/', '2f612f', '2f6130'],
    ['a prefix ending in a multi-byte character bumps its last byte', '/é', '2fc3a9', '2fc3aa'],
    ['the highest code point ends before its last byte plus one', '/\u{10ffff}', '2ff48fbfbf', '2ff48fbfc0'],
  ])('%s', (_what, prefix, start, end) => {
    const range = prefixRange(prefix);
    expect(hex(range.start)).toBe(start);
    expect(hex(range.end)).toBe(end);
  });

  it('refuses an empty prefix', () => {
    expect(() => prefixRange('')).toThrow(RangeError);
  });

  it('covers every key that starts with the prefix and nothing else', () => {
    const { start, end } = prefixRange('/a/');
    const inside = (key: string) => {
      const bytes = Buffer.from(key);
      return Buffer.compare(bytes, start) >= 0 && Buffer.compare(bytes, end) < 0;
    };
    expect(['/a/', '/a/x', '/a/\u{10ffff}'].map(inside)).toEqual([true, true, true]);
    expect(['/a', '/a.', '/a0', '/b/'].map(inside)).toEqual([false, false, false, false]);
  });
});

describe('rangeAfter', () => {
  const range = prefixRange('/p/');
  it.each([
    ['a key before the prefix leaves the range as it is', '/a', '2f702f', '2f7030'],
    ['the prefix itself starts just after it', '/p/', '2f702f00', '2f7030'],
    ['a key inside starts just after that key', '/p/k1', '2f702f6b3100', '2f7030'],
    [
      'the last possible key inside still leaves an empty range',
      '/p/\u{10ffff}',
      '2f702ff48fbfbf00',
      '2f7030',
    ],
    ['a key past the end leaves nothing', '/q', undefined, undefined],
    ['a key sorting just before the end leaves nothing', '/p0', undefined, undefined],
  ])('%s', (_what, key, start, end) => {
    const after = rangeAfter(range, key);
    expect(hex(after?.start)).toBe(start);
    expect(hex(after?.end)).toBe(end);
  });
});
