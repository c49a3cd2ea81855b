import { describe, expect, it } from 'vitest';
import { deepFreeze, sameJson, sameJsonExcept } from './json-equality.js';

describe('sameJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: {} }, { a: [] }, false],
    [{ a: null }, { a: undefined }, false],
    [[1, undefined], [1, null], true],
    ['x', 'x', true],
    [{ a: 1 }, { b: 1 }, false],
  ])('%j vs %j is %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
  });

  it('ignores the named top-level keys with sameJsonExcept', () => {
    const ignored = new Set(['metadata', 'status']);
    expect(sameJsonExcept({ metadata: 1, spec: 2 }, { metadata: 3, spec: 2, status: 4 }, ignored)).toBe(true);
    expect(sameJsonExcept({ spec: 2 }, { spec: 3 }, ignored)).toBe(false);
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays', () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
  });
});
