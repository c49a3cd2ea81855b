import { describe, expect, it } from 'vitest';
import { formatJsonPointer, parseArrayIndex, parseJsonPointer } from './json-pointer.js';

describe('parseJsonPointer', () => {
  it.each([
    ['', []],
    ['/', ['']],
    ['/foo', ['foo']],
    ['/foo/0', ['foo', '0']],
    ['/a~1b', ['a/b']],
    ['/m~0n', ['m~n']],
    // ~01 is "~1" (unescape ~1 first would wrongly give "/").
    ['/~01', ['~1']],
    ['/ ', [' ']],
    ['//', ['', '']],
  ])('parses %j', (pointer, tokens) => {
    expect(parseJsonPointer(pointer)).toEqual(tokens);
  });

  it.each(['foo', 'foo/bar', '/a~', '/a~2', '/~x'])('rejects %j', (pointer) => {
    expect(parseJsonPointer(pointer)).toBeUndefined();
  });

  it('formats tokens back into the pointer they came from', () => {
    for (const pointer of ['', '/', '/a~1b/m~0n', '/~01', '/x/0/-']) {
      expect(formatJsonPointer(parseJsonPointer(pointer) ?? [])).toBe(pointer);
    }
  });
});

describe('parseArrayIndex', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['10', 10],
    ['01', undefined],
    ['-', undefined],
    ['-1', undefined],
    ['+1', undefined],
    ['1e3', undefined],
    ['', undefined],
    ['99999999999999999999', undefined],
  ])('reads %j as %j', (token, index) => {
    expect(parseArrayIndex(token)).toBe(index);
  });
});
