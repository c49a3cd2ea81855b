import { describe, expect, it } from 'vitest';
import {
  cloneJson,
  getOwn,
  type JsonObject,
  type JsonValue,
  jsonByteLength,
  jsonDepth,
  jsonEqual,
  jsonProblem,
  setOwn,
} from './json-value.js';

function nested(depth: number): JsonValue {
  let value: JsonValue = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('jsonEqual', () => {
  it.each<[JsonValue, JsonValue, boolean]>([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [[1, 2], [2, 1], false],
    [{ a: 1 }, { a: 1, b: null }, false],
    [10, '10', false],
    [null, {}, false],
    [[], {}, false],
    [0, -0, true],
  ])('%j equals %j: %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
    expect(jsonEqual(b, a)).toBe(equal);
  });
});

describe('own properties', () => {
  it('reads and writes __proto__ as a plain member', () => {
    const object: JsonObject = {};
    expect(getOwn(object, '__proto__')).toBeUndefined();
    expect(getOwn(object, 'toString')).toBeUndefined();
    setOwn(object, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(getOwn(object, '__proto__')).toEqual({ polluted: true });
    expect(JSON.stringify(object)).toBe('{"__proto__":{"polluted":true}}');
  });

  it('clones objects that hold __proto__ without changing their prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"a":[1]}') as JsonValue;
    const copy = cloneJson(parsed) as JsonObject;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"x":1},"a":[1]}');
    expect(copy.a).not.toBe((parsed as JsonObject).a);
  });
});

describe('jsonDepth and jsonProblem', () => {
  it.each<[JsonValue, number]>([
    [1, 0],
    [[], 1],
    [{ a: [] }, 2],
    [nested(5), 5],
  ])('measures %j as %i deep', (value, depth) => {
    expect(jsonDepth(value, 100)).toBe(depth);
  });

  it('stops counting past the limit, without recursion, on hostile nesting', () => {
    expect(jsonDepth(nested(200_000), 1000)).toBe(1001);
    expect(jsonProblem(nested(200_000), 1000)).toBe('too-deep');
    expect(jsonProblem(nested(1000), 1000)).toBeUndefined();
  });

  it.each<[unknown, string]>([
    [{ a: undefined }, 'a undefined is not a JSON value'],
    [[Number.NaN], 'NaN is not a JSON number'],
    [{ f: () => 1 }, 'a function is not a JSON value'],
    [new Date(0), 'only plain objects are JSON objects'],
  ])('names what is not JSON in %o', (value, problem) => {
    expect(jsonProblem(value, 10)).toBe(problem);
  });
});

describe('jsonByteLength', () => {
  it('counts UTF-8 bytes of the serialization', () => {
    expect(jsonByteLength({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
  });
});
