import { IntOrString } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type JsonSchema, PRESERVE_UNKNOWN_FIELDS, SchemaConverter } from './schema-converter.js';

const Shared = z.looseObject({ name: z.string() }).describe('A shared thing.');
const Plain = z.looseObject({ id: z.string() });

function field(schema: z.core.$ZodType): JsonSchema {
  const converter = new SchemaConverter([{ schema: Shared, name: 'test.Shared' }], {});
  return converter.convert(schema, 'test.Root', 'field', true);
}

describe('SchemaConverter.convert', () => {
  it.each<[string, z.core.$ZodType, JsonSchema]>([
    ['a string', z.string(), { type: 'string' }],
    [
      'string checks',
      z.string().min(1).max(3).regex(/^a/),
      { type: 'string', minLength: 1, maxLength: 3, pattern: '^a' },
    ],
    ['an integer without JavaScript safe bounds', z.number().int(), { type: 'integer' }],
    ['integer bounds', z.number().int().min(1).max(10), { type: 'integer', minimum: 1, maximum: 10 }],
    ['a number', z.number(), { type: 'number' }],
    ['a boolean', z.boolean(), { type: 'boolean' }],
    ['an enum', z.enum(['A', 'B']), { type: 'string', enum: ['A', 'B'] }],
    ['a literal', z.literal('v1'), { type: 'string', enum: ['v1'] }],
    [
      'an enum or the empty string',
      z.enum(['A', 'B']).or(z.literal('')),
      { type: 'string', enum: ['A', 'B', ''] },
    ],
    [
      'an optional described field',
      z.string().optional().describe('Some text.'),
      { type: 'string', description: 'Some text.' },
    ],
    [
      'a described optional field',
      z.string().describe('Inner.').optional(),
      { type: 'string', description: 'Inner.' },
    ],
    [
      'the outermost description',
      z.string().describe('Inner.').optional().describe('Outer.'),
      { type: 'string', description: 'Outer.' },
    ],
    ['a nullable field', z.string().nullish(), { type: 'string', nullable: true }],
    ['a union with null', z.union([z.string(), z.null()]), { type: 'string', nullable: true }],
    ['a default', z.number().int().default(3), { type: 'integer', default: 3 }],
    [
      'a record',
      z.record(z.string(), z.string()),
      { type: 'object', additionalProperties: { type: 'string' } },
    ],
    [
      'an array with bounds',
      z.array(z.string()).min(1).max(2),
      { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
    ],
    [
      'an integer or a string',
      z.union([z.number().int(), z.string()]),
      {
        format: 'int-or-string',
        'x-kubernetes-int-or-string': true,
        oneOf: [{ type: 'integer' }, { type: 'string' }],
      },
    ],
    [
      'a string or a number',
      z.union([z.string(), z.number()]),
      { oneOf: [{ type: 'string' }, { type: 'number' }] },
    ],
    [
      'a union of objects',
      z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]),
      {
        anyOf: [
          { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
          { type: 'object', required: ['b'], properties: { b: { type: 'string' } } },
        ],
      },
    ],
    [
      'an object that strips unknown fields',
      z.object({ a: z.string(), b: z.number().optional(), c: z.string().default('x') }),
      {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string' }, b: { type: 'number' }, c: { type: 'string', default: 'x' } },
      },
    ],
    [
      'an object that keeps unknown fields',
      z.looseObject({ a: z.string() }),
      {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string' } },
        [PRESERVE_UNKNOWN_FIELDS]: true,
      },
    ],
    ['an object of anything', z.looseObject({}), { type: 'object', [PRESERVE_UNKNOWN_FIELDS]: true }],
    [
      'an object that rejects unknown fields',
      z.strictObject({ a: z.string().optional() }),
      { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
    ],
    [
      'an object with typed extra fields',
      z.object({}).catchall(z.number()),
      { type: 'object', additionalProperties: { type: 'number' } },
    ],
    ['any value', z.unknown(), { [PRESERVE_UNKNOWN_FIELDS]: true }],
    ['a JSON value', z.json(), { [PRESERVE_UNKNOWN_FIELDS]: true }],
    ['a shared schema', Shared, { $ref: 'test.Shared', description: 'A shared thing.' }],
    [
      'a described copy of a shared schema',
      Shared.describe('Mine.'),
      { $ref: 'test.Shared', description: 'Mine.' },
    ],
    [
      'an optional shared schema with a field description',
      Shared.optional().describe('Mine.'),
      { $ref: 'test.Shared', description: 'Mine.' },
    ],
    [
      'a list of described copies of a shared schema',
      z.array(Shared.describe('One thing.')),
      { type: 'array', items: { $ref: 'test.Shared', description: 'One thing.' } },
    ],
    [
      'a list of shared schemas',
      z.array(Shared).describe('Things.'),
      { type: 'array', items: { $ref: 'test.Shared' }, description: 'Things.' },
    ],
  ])('%s', (_name, schema, expected) => {
    expect(field(schema)).toEqual(expected);
  });

  it('defines a shared schema once, with its own description, wherever it appears', () => {
    const converter = new SchemaConverter([{ schema: Shared, name: 'test.Shared' }], {});
    converter.define('test.Root', z.looseObject({ a: Shared, b: z.array(Shared.describe('B.')) }));
    expect([...converter.definitions.keys()]).toEqual(['test.Root', 'test.Shared']);
    expect(converter.definitions.get('test.Shared')).toEqual({
      description: 'A shared thing.',
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' } },
      [PRESERVE_UNKNOWN_FIELDS]: true,
    });
  });

  it('names schemas by where they appear, also several names for one schema', () => {
    const converter = new SchemaConverter([{ schema: Shared, name: 'test.Shared' }], {
      'test.Root.other': 'test.Other',
      'test.Root.list[]': 'test.Item',
      'test.Item.inner': 'test.Inner',
    });
    converter.define(
      'test.Root',
      z.looseObject({
        one: Shared,
        other: Shared,
        list: z.array(z.looseObject({ inner: Plain.optional() })),
      }),
    );
    const root = converter.definitions.get('test.Root')?.properties as Record<string, JsonSchema>;
    expect(root.one).toEqual({ $ref: 'test.Shared', description: 'A shared thing.' });
    expect(root.other).toEqual({ $ref: 'test.Other', description: 'A shared thing.' });
    expect(root.list).toEqual({ type: 'array', items: { $ref: 'test.Item' } });
    expect(converter.definitions.get('test.Item')?.properties).toEqual({ inner: { $ref: 'test.Inner' } });
    expect(converter.definitions.get('test.Other')).toEqual(converter.definitions.get('test.Shared'));
  });

  it('refuses to give one name to two different schemas', () => {
    const converter = new SchemaConverter([], { 'test.Root.a': 'test.X', 'test.Root.b': 'test.X' });
    expect(() => converter.define('test.Root', z.object({ a: z.string(), b: z.number() }))).toThrow(
      'OpenAPI definition test.X would describe two different schemas',
    );
  });

  it('refers to a recursive shared schema and cuts unnamed recursion off', () => {
    interface Tree {
      children?: Tree[] | undefined;
    }
    const Tree: z.ZodType<Tree> = z.looseObject({
      get children() {
        return z.array(Tree).optional();
      },
    });
    const named = new SchemaConverter([{ schema: Tree, name: 'test.Tree' }], {});
    named.define('test.Tree', Tree);
    expect(named.definitions.get('test.Tree')?.properties).toEqual({
      children: { type: 'array', items: { $ref: 'test.Tree' } },
    });
    const unnamed = new SchemaConverter([], {});
    unnamed.define('test.Root', z.object({ tree: Tree }));
    const root = unnamed.definitions.get('test.Root')?.properties as Record<string, JsonSchema> | undefined;
    const tree = root?.tree;
    expect(tree).toEqual({
      type: 'object',
      [PRESERVE_UNKNOWN_FIELDS]: true,
      properties: {
        children: { type: 'array', items: { type: 'object', [PRESERVE_UNKNOWN_FIELDS]: true } },
      },
    });
  });

  it("describes core's IntOrString by reference when it is shared", () => {
    const converter = new SchemaConverter(
      [{ schema: IntOrString, name: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString' }],
      {},
    );
    expect(converter.convert(IntOrString.optional().describe('Port.'), 'test.Root', 'port')).toEqual({
      $ref: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      description: 'Port.',
    });
  });
});
