import { describe, expect, it } from 'vitest';
import { matchesMediaType, parseAccept } from './media-range.js';

describe('parseAccept', () => {
  it('orders ranges by quality, keeping header order among equals, and drops refused and invalid ones', () => {
    const ranges = parseAccept(
      'text/plain;q=0.2, Application/JSON;Charset="utf-8", */*;q=0.5, a/b;q=0, c/d;q=2, e/f;q=, nope',
    );
    expect(ranges.map((r) => [r.type, r.quality, Object.fromEntries(r.params)])).toEqual([
      ['application/json', 1, { charset: 'utf-8' }],
      ['*/*', 0.5, {}],
      ['text/plain', 0.2, {}],
    ]);
  });

  it('gives nothing for a missing header', () => {
    expect(parseAccept(undefined)).toEqual([]);
    expect(parseAccept('  ')).toEqual([]);
  });
});

describe('matchesMediaType', () => {
  it.each([
    ['application/json', 'application/json', true],
    ['application/*', 'application/json', true],
    ['*/*', 'application/json', true],
    ['application/yaml', 'application/json', false],
    ['text/*', 'application/json', false],
  ])('%s accepts %s: %s', (range, type, expected) => {
    const [parsed] = parseAccept(range);
    expect(parsed !== undefined && matchesMediaType(parsed, type)).toBe(expected);
  });
});
