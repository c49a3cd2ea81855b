import { describe, expect, it } from 'vitest';
import { type JsonSchema, PRESERVE_UNKNOWN_FIELDS } from './schema-converter.js';
import { referencedDefinitions, renderSchema } from './schema-dialect.js';

describe('renderSchema', () => {
  it.each<[string, JsonSchema, JsonSchema, JsonSchema]>([
    [
      'a bare reference',
      { $ref: 'a.B' },
      { $ref: '#/components/schemas/a.B' },
      { $ref: '#/definitions/a.B' },
    ],
    [
      'a reference with a description',
      { $ref: 'a.B', description: 'D.' },
      { allOf: [{ $ref: '#/components/schemas/a.B' }], description: 'D.' },
      { $ref: '#/definitions/a.B', description: 'D.' },
    ],
    [
      'nested references',
      {
        type: 'object',
        properties: { x: { type: 'array', items: { $ref: 'a.B' } } },
        additionalProperties: { $ref: 'a.C' },
      },
      {
        type: 'object',
        properties: { x: { type: 'array', items: { $ref: '#/components/schemas/a.B' } } },
        additionalProperties: { $ref: '#/components/schemas/a.C' },
      },
      {
        type: 'object',
        properties: { x: { type: 'array', items: { $ref: '#/definitions/a.B' } } },
        additionalProperties: { $ref: '#/definitions/a.C' },
      },
    ],
    [
      'a nullable string',
      { type: 'string', nullable: true },
      { type: 'string', nullable: true },
      { type: 'string' },
    ],
    [
      'an int-or-string',
      { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
      { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] },
      { format: 'int-or-string', type: 'string' },
    ],
    [
      'a union of objects',
      { anyOf: [{ type: 'object' }, { type: 'array' }], description: 'D.' },
      { anyOf: [{ type: 'object' }, { type: 'array' }], description: 'D.' },
      { description: 'D.' },
    ],
    [
      'an object that keeps unknown fields',
      {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string' } },
        [PRESERVE_UNKNOWN_FIELDS]: true,
      },
      {
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string' } },
        [PRESERVE_UNKNOWN_FIELDS]: true,
      },
      { type: 'object', [PRESERVE_UNKNOWN_FIELDS]: true },
    ],
    [
      'an object that drops unknown fields',
      { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
      { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
      { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
    ],
  ])('%s', (_name, schema, v3, v2) => {
    const input = structuredClone(schema);
    expect(renderSchema(schema, 'v3')).toEqual(v3);
    expect(renderSchema(schema, 'v2')).toEqual(v2);
    expect(schema).toEqual(input);
  });
});

describe('referencedDefinitions', () => {
  it('follows references transitively and survives cycles', () => {
    const definitions = new Map<string, JsonSchema>([
      ['a', { properties: { b: { $ref: 'b' } } }],
      ['b', { items: { $ref: 'a' }, allOf: [{ $ref: 'c' }] }],
      ['c', { type: 'string' }],
      ['d', { $ref: 'a' }],
    ]);
    expect([...referencedDefinitions(definitions, ['a'])].sort()).toEqual(['a', 'b', 'c']);
    expect([...referencedDefinitions(definitions, ['c'])]).toEqual(['c']);
  });
});
