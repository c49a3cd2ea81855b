import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from './json-value.js';
import { applyMergePatch } from './merge-patch.js';
import { MAX_JSON_DEPTH, PatchError } from './patch-error.js';

// The test cases of RFC 7386 appendix A: original, patch, result.
const rfcCases: [JsonValue, JsonValue, JsonValue][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [
    ['a', 'b'],
    ['c', 'd'],
    ['c', 'd'],
  ],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('applyMergePatch', () => {
  it.each(rfcCases)('RFC 7386 appendix A: %j + %j', (original, patch, result) => {
    expect(applyMergePatch(original, patch)).toEqual(result);
  });

  it('applies the example of RFC 7386 section 3', () => {
    const original = {
      title: 'Goodbye!',
      author: { givenName: 'John', familyName: 'Doe' },
      tags: ['example', 'sample'],
      content: 'This will be unchanged',
    };
    const patch = {
      title: 'Hello!',
      phoneNumber: '+01-123-456-7890',
      author: { familyName: null },
      tags: ['example'],
    };
    expect(applyMergePatch(original, patch)).toEqual({
      title: 'Hello!',
      author: { givenName: 'John' },
      tags: ['example'],
      content: 'This will be unchanged',
      phoneNumber: '+01-123-456-7890',
    });
  });

  it('replaces the container list whole, as the kubectl patch docs show for --type merge', () => {
    const deployment = {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'patch-demo-ctr-2', image: 'redis' },
              { name: 'patch-demo-ctr', image: 'nginx' },
            ],
            tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }],
          },
        },
      },
    };
    const patch = {
      spec: {
        template: {
          spec: { containers: [{ name: 'patch-demo-ctr-3', image: 'gcr.io/google-samples/hello-app:2.0' }] },
        },
      },
    };
    expect(applyMergePatch(deployment, patch)).toEqual({
      spec: {
        template: {
          spec: {
            containers: [{ name: 'patch-demo-ctr-3', image: 'gcr.io/google-samples/hello-app:2.0' }],
            tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }],
          },
        },
      },
    });
  });

  it('keeps nulls inside arrays, which replace literally', () => {
    expect(applyMergePatch({}, { a: [null, { b: null }] })).toEqual({ a: [null, { b: null }] });
  });

  it('keeps the original key order and appends new keys', () => {
    expect(Object.keys(applyMergePatch({ b: 1, a: 2, c: 3 }, { z: 1, a: 5 }) as JsonObject)).toEqual([
      'b',
      'a',
      'c',
      'z',
    ]);
  });

  it('shares nothing with its inputs and treats __proto__ as data', () => {
    const original = { keep: { deep: [1] }, change: { x: 1 } };
    const patch = JSON.parse('{"change":{"y":{"z":1}},"__proto__":{"polluted":true}}') as JsonObject;
    const result = applyMergePatch(original, patch) as JsonObject;
    expect(result.keep).toEqual(original.keep);
    expect(result.keep).not.toBe(original.keep);
    expect((result.change as JsonObject).y).not.toBe((patch.change as JsonObject).y);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toBe(
      '{"keep":{"deep":[1]},"change":{"x":1,"y":{"z":1}},"__proto__":{"polluted":true}}',
    );
  });

  it('refuses what JSON cannot hold and nesting past the limit', () => {
    const deep = (n: number): JsonValue => (n === 0 ? 1 : { a: deep(n - 1) });
    expect(() => applyMergePatch({}, { a: undefined })).toThrow(
      expect.objectContaining({ code: 'MalformedPatch', status: 400 }),
    );
    expect(() => applyMergePatch({}, deep(MAX_JSON_DEPTH + 1))).toThrow(
      expect.objectContaining({ code: 'TooDeep' }),
    );
    expect(() => applyMergePatch(deep(MAX_JSON_DEPTH + 1), {})).toThrow(PatchError);
    expect(applyMergePatch({}, deep(MAX_JSON_DEPTH))).toEqual(deep(MAX_JSON_DEPTH));
  });
});
