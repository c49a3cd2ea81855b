import { describe, expect, it } from 'vitest';
import { applyJsonPatch, DEFAULT_MAX_COPY_BYTES } from './json-patch.js';
import type { JsonObject, JsonValue } from './json-value.js';
import { MAX_JSON_DEPTH, MAX_JSON_PATCH_OPERATIONS, PatchError, type PatchErrorCode } from './patch-error.js';

function errorOf(run: () => unknown): PatchError {
  try {
    run();
  } catch (err) {
    if (PatchError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a PatchError');
}

// The examples of RFC 6902 appendix A, one row each. A.13 (an operation with two "op" members)
// cannot be told apart once the body is parsed, so it has no row.
const rfcCases: {
  name: string;
  doc: JsonValue;
  patch: JsonValue;
  result?: JsonValue;
  error?: PatchErrorCode;
}[] = [
  {
    name: 'A.1 adding an object member',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/baz', value: 'qux' }],
    result: { baz: 'qux', foo: 'bar' },
  },
  {
    name: 'A.2 adding an array element',
    doc: { foo: ['bar', 'baz'] },
    patch: [{ op: 'add', path: '/foo/1', value: 'qux' }],
    result: { foo: ['bar', 'qux', 'baz'] },
  },
  {
    name: 'A.3 removing an object member',
    doc: { baz: 'qux', foo: 'bar' },
    patch: [{ op: 'remove', path: '/baz' }],
    result: { foo: 'bar' },
  },
  {
    name: 'A.4 removing an array element',
    doc: { foo: ['bar', 'qux', 'baz'] },
    patch: [{ op: 'remove', path: '/foo/1' }],
    result: { foo: ['bar', 'baz'] },
  },
  {
    name: 'A.5 replacing a value',
    doc: { baz: 'qux', foo: 'bar' },
    patch: [{ op: 'replace', path: '/baz', value: 'boo' }],
    result: { baz: 'boo', foo: 'bar' },
  },
  {
    name: 'A.6 moving a value',
    doc: { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
    patch: [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
    result: { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
  },
  {
    name: 'A.7 moving an array element',
    doc: { foo: ['all', 'grass', 'cows', 'eat'] },
    patch: [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
    result: { foo: ['all', 'cows', 'eat', 'grass'] },
  },
  {
    name: 'A.8 testing a value: success',
    doc: { baz: 'qux', foo: ['a', 2, 'c'] },
    patch: [
      { op: 'test', path: '/baz', value: 'qux' },
      { op: 'test', path: '/foo/1', value: 2 },
    ],
    result: { baz: 'qux', foo: ['a', 2, 'c'] },
  },
  {
    name: 'A.9 testing a value: error',
    doc: { baz: 'qux' },
    patch: [{ op: 'test', path: '/baz', value: 'bar' }],
    error: 'TestFailed',
  },
  {
    name: 'A.10 adding a nested member object',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/child', value: { grandchild: {} } }],
    result: { foo: 'bar', child: { grandchild: {} } },
  },
  {
    name: 'A.11 ignoring unrecognized elements',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }],
    result: { foo: 'bar', baz: 'qux' },
  },
  {
    name: 'A.12 adding to a nonexistent target',
    doc: { foo: 'bar' },
    patch: [{ op: 'add', path: '/baz/bat', value: 'qux' }],
    error: 'PathNotFound',
  },
  {
    name: 'A.14 ~ escape ordering',
    doc: { '/': 9, '~1': 10 },
    patch: [{ op: 'test', path: '/~01', value: 10 }],
    result: { '/': 9, '~1': 10 },
  },
  {
    name: 'A.15 comparing strings and numbers',
    doc: { '/': 9, '~1': 10 },
    patch: [{ op: 'test', path: '/~01', value: '10' }],
    error: 'TestFailed',
  },
  {
    name: 'A.16 adding an array value',
    doc: { foo: ['bar'] },
    patch: [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
    result: { foo: ['bar', ['abc', 'def']] },
  },
];

describe('applyJsonPatch: RFC 6902 appendix A', () => {
  it.each(rfcCases)('$name', ({ doc, patch, result, error }) => {
    if (error === undefined) expect(applyJsonPatch(doc, patch)).toEqual(result);
    else expect(errorOf(() => applyJsonPatch(doc, patch)).code).toBe(error);
  });
});

const doc: JsonObject = {
  metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'web' } },
  spec: { replicas: 1, ports: [80, 443], template: { spec: { containers: [{ name: 'nginx' }] } } },
};

describe('applyJsonPatch: operations', () => {
  it.each<[string, JsonValue, 'replicas' | 'ports', JsonValue]>([
    ['replace a scalar', [{ op: 'replace', path: '/spec/replicas', value: 3 }], 'replicas', 3],
    ['add replaces an existing member', [{ op: 'add', path: '/spec/replicas', value: 5 }], 'replicas', 5],
    ['add null as a value', [{ op: 'add', path: '/spec/replicas', value: null }], 'replicas', null],
    [
      'move to the same place',
      [{ op: 'move', from: '/spec/replicas', path: '/spec/replicas' }],
      'replicas',
      1,
    ],
    [
      'add at the array length',
      [{ op: 'add', path: '/spec/ports/2', value: 8080 }],
      'ports',
      [80, 443, 8080],
    ],
    ['append with -', [{ op: 'add', path: '/spec/ports/-', value: 8080 }], 'ports', [80, 443, 8080]],
    ['replace an array element', [{ op: 'replace', path: '/spec/ports/0', value: 81 }], 'ports', [81, 443]],
    [
      'copy an element to the end',
      [{ op: 'copy', from: '/spec/ports/0', path: '/spec/ports/-' }],
      'ports',
      [80, 443, 80],
    ],
  ])('%s', (_name, patch, field, expected) => {
    const result = applyJsonPatch(doc, patch) as JsonObject;
    expect((result.spec as JsonObject)[field]).toEqual(expected);
  });

  it('reads escaped label keys', () => {
    const result = applyJsonPatch(doc, [
      { op: 'test', path: '/metadata/labels/app.kubernetes.io~1name', value: 'web' },
      { op: 'remove', path: '/metadata/labels/app.kubernetes.io~1name' },
    ]) as JsonObject;
    expect((result.metadata as JsonObject).labels).toEqual({ app: 'web' });
  });

  it('replaces, adds and tests the whole document through the empty pointer', () => {
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '', value: { a: 1 } }])).toEqual({ a: 1 });
    expect(applyJsonPatch(doc, [{ op: 'add', path: '', value: [1] }])).toEqual([1]);
    expect(applyJsonPatch(doc, [{ op: 'test', path: '', value: doc }])).toEqual(doc);
  });

  it('tests objects regardless of key order', () => {
    const patch = [
      {
        op: 'test',
        path: '/metadata',
        value: { labels: { 'app.kubernetes.io/name': 'web', app: 'web' }, name: 'web' },
      },
    ];
    expect(applyJsonPatch(doc, patch)).toEqual(doc);
  });

  it('copies by value: a later change to the copy leaves the source alone', () => {
    const result = applyJsonPatch(doc, [
      { op: 'copy', from: '/metadata/labels', path: '/spec/selector' },
      { op: 'add', path: '/spec/selector/tier', value: 'front' },
    ]) as JsonObject;
    expect((result.metadata as JsonObject).labels).toEqual({ app: 'web', 'app.kubernetes.io/name': 'web' });
    expect((result.spec as JsonObject).selector).toEqual({
      app: 'web',
      'app.kubernetes.io/name': 'web',
      tier: 'front',
    });
  });

  it('never aliases patch values into the result', () => {
    const value = { nested: { n: 1 } };
    const result = applyJsonPatch({}, [{ op: 'add', path: '/a', value }]) as JsonObject;
    expect(result.a).toEqual(value);
    expect(result.a).not.toBe(value);
    expect((result.a as JsonObject).nested).not.toBe(value.nested);
  });

  it('keeps __proto__ as data', () => {
    const patch = JSON.parse('[{"op":"add","path":"/__proto__","value":{"polluted":true}}]') as JsonValue;
    const result = applyJsonPatch({}, patch) as JsonObject;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorOf(() => applyJsonPatch({}, [{ op: 'remove', path: '/toString' }])).code).toBe(
      'PathNotFound',
    );
  });

  it('is atomic: a failure after successful operations returns nothing and changes nothing', () => {
    const before = structuredClone(doc);
    const error = errorOf(() =>
      applyJsonPatch(doc, [
        { op: 'replace', path: '/spec/replicas', value: 9 },
        { op: 'remove', path: '/spec/ports/0' },
        { op: 'test', path: '/spec/replicas', value: 1 },
      ]),
    );
    expect(error).toMatchObject({
      code: 'TestFailed',
      operationIndex: 2,
      path: '/spec/replicas',
      status: 422,
    });
    expect(doc).toEqual(before);
  });
});

describe('applyJsonPatch: errors', () => {
  it.each<[string, unknown, PatchErrorCode]>([
    ['a patch that is not an array', { op: 'add', path: '/a', value: 1 }, 'MalformedPatch'],
    ['an operation that is not an object', [1], 'MalformedPatch'],
    ['a value JSON cannot hold', [{ op: 'add', path: '/a', value: undefined }], 'MalformedPatch'],
    ['an unknown op', [{ op: 'merge', path: '/a' }], 'InvalidOperation'],
    ['an op in the wrong case', [{ op: 'ADD', path: '/a', value: 1 }], 'InvalidOperation'],
    ['a missing op', [{ path: '/a', value: 1 }], 'InvalidOperation'],
    ['a missing path', [{ op: 'remove' }], 'InvalidOperation'],
    ['a path that is not a string', [{ op: 'remove', path: 1 }], 'InvalidOperation'],
    ['a pointer without a leading slash', [{ op: 'remove', path: 'spec' }], 'InvalidOperation'],
    ['a bad escape', [{ op: 'remove', path: '/spec~2' }], 'InvalidOperation'],
    ['add without value', [{ op: 'add', path: '/a' }], 'InvalidOperation'],
    ['replace without value', [{ op: 'replace', path: '/spec' }], 'InvalidOperation'],
    ['test without value', [{ op: 'test', path: '/spec' }], 'InvalidOperation'],
    ['move without from', [{ op: 'move', path: '/a' }], 'InvalidOperation'],
    ['copy with a bad from', [{ op: 'copy', from: 'x', path: '/a' }], 'InvalidOperation'],
    ['remove the whole document', [{ op: 'remove', path: '' }], 'InvalidOperation'],
    [
      'move into its own child',
      [{ op: 'move', from: '/spec', path: '/spec/template/x' }],
      'InvalidOperation',
    ],
    ['remove a missing member', [{ op: 'remove', path: '/spec/missing' }], 'PathNotFound'],
    ['replace a missing member', [{ op: 'replace', path: '/spec/missing', value: 1 }], 'PathNotFound'],
    ['test a missing member', [{ op: 'test', path: '/status', value: null }], 'PathNotFound'],
    ['remove past the end', [{ op: 'remove', path: '/spec/ports/2' }], 'PathNotFound'],
    ['replace past the end', [{ op: 'replace', path: '/spec/ports/2', value: 1 }], 'PathNotFound'],
    ['add beyond the length', [{ op: 'add', path: '/spec/ports/3', value: 1 }], 'PathNotFound'],
    ['an index with a leading zero', [{ op: 'add', path: '/spec/ports/01', value: 1 }], 'PathNotFound'],
    ['a negative index', [{ op: 'remove', path: '/spec/ports/-1' }], 'PathNotFound'],
    ['- outside add', [{ op: 'remove', path: '/spec/ports/-' }], 'PathNotFound'],
    ['a name as an array index', [{ op: 'add', path: '/spec/ports/x', value: 1 }], 'PathNotFound'],
    ['a member of a scalar', [{ op: 'add', path: '/spec/replicas/x', value: 1 }], 'PathNotFound'],
    [
      'a parent that does not exist',
      [{ op: 'add', path: '/status/phase', value: 'Running' }],
      'PathNotFound',
    ],
    ['move from nowhere', [{ op: 'move', from: '/nope', path: '/a' }], 'PathNotFound'],
    ['copy from nowhere', [{ op: 'copy', from: '/nope', path: '/a' }], 'PathNotFound'],
    ['a failed test', [{ op: 'test', path: '/spec/replicas', value: 2 }], 'TestFailed'],
  ])('%s', (_name, patch, code) => {
    const error = errorOf(() => applyJsonPatch(doc, patch));
    expect(error.code).toBe(code);
    expect(error.message).not.toBe('');
  });

  it('accepts exactly the operation limit and refuses one more, before applying any', () => {
    const ops = (n: number) =>
      Array.from({ length: n }, () => ({ op: 'test', path: '/spec/replicas', value: 1 }));
    expect(applyJsonPatch(doc, ops(MAX_JSON_PATCH_OPERATIONS))).toEqual(doc);
    const broken = [...ops(MAX_JSON_PATCH_OPERATIONS), { op: 'nonsense' }];
    const error = errorOf(() => applyJsonPatch(doc, broken));
    expect(error).toMatchObject({ code: 'TooManyOperations', status: 413, reason: 'RequestEntityTooLarge' });
    expect(error.message).toBe('The allowed maximum operations in a JSON patch is 10000, got 10001');
  });

  it('bounds repeated copies by the copy budget', () => {
    // Each copy doubles the array; 24 doublings of 100 bytes would be 1.6 GB.
    const copies = Array.from({ length: 24 }, () => ({ op: 'copy', from: '/a', path: '/a/-' }));
    const error = errorOf(() => applyJsonPatch({ a: ['x'.repeat(100)] }, copies));
    expect(error).toMatchObject({ code: 'TooLarge', status: 422 });
    expect(error.operationIndex).toBeLessThan(24);
    expect(
      errorOf(() =>
        applyJsonPatch({ a: 'x'.repeat(10) }, [{ op: 'copy', from: '/a', path: '/b' }], { maxCopyBytes: 11 }),
      ).code,
    ).toBe('TooLarge');
    expect(
      applyJsonPatch({ a: 'x'.repeat(10) }, [{ op: 'copy', from: '/a', path: '/b' }], { maxCopyBytes: 12 }),
    ).toEqual({
      a: 'x'.repeat(10),
      b: 'x'.repeat(10),
    });
    expect(DEFAULT_MAX_COPY_BYTES).toBe(3 * 1024 * 1024);
  });

  it('bounds nesting in values, pointers and results', () => {
    const deep = (n: number): JsonValue => (n === 0 ? 1 : [deep(n - 1)]);
    expect(
      errorOf(() => applyJsonPatch({}, [{ op: 'add', path: '/a', value: deep(MAX_JSON_DEPTH) }])).code,
    ).toBe('TooDeep');
    expect(applyJsonPatch({}, [{ op: 'add', path: '/a', value: deep(MAX_JSON_DEPTH - 1) }])).toBeTruthy();
    const longPointer = '/a'.repeat(MAX_JSON_DEPTH + 1);
    expect(errorOf(() => applyJsonPatch({}, [{ op: 'remove', path: longPointer }])).code).toBe('TooDeep');
    // Copying a deep value under itself would push the document past the limit.
    const wide = { a: deep(MAX_JSON_DEPTH - 2) };
    expect(errorOf(() => applyJsonPatch(wide, [{ op: 'copy', from: '/a', path: '/a/0/0' }])).code).toBe(
      'TooDeep',
    );
  });
});
