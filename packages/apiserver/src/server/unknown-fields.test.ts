import { Deployment, Pod } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonStructure } from './json-structure.js';
import { fieldProblems, unknownFieldPaths } from './unknown-fields.js';

describe('fieldProblems', () => {
  const schema = z.object({
    spec: z.looseObject({
      known: z.string().optional(),
      labels: z.record(z.string(), z.string()).optional(),
      items: z.array(z.looseObject({ name: z.string() })).optional(),
      choice: z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]).optional(),
      raw: z.unknown().optional(),
      typed: z.object({ x: z.number() }).catchall(z.string()).optional(),
      lazy: z.lazy(() => z.object({ deep: z.string().optional() })).optional(),
    }),
  });

  it.each([
    ['known members', { spec: { known: 'x', labels: { any: 'key' } } }, []],
    ['an unknown member of a loose object', { spec: { extra: 1 } }, ['spec.extra']],
    [
      'members of array items',
      { spec: { items: [{ name: 'a' }, { name: 'b', other: 1 }] } },
      ['spec.items[1].other'],
    ],
    ['the union option that fits best', { spec: { choice: { b: 'x', c: 1 } } }, ['spec.choice.c']],
    ['nothing under z.unknown()', { spec: { raw: { anything: { goes: 1 } } } }, []],
    ['members a catch-all knows', { spec: { typed: { x: 1, y: 'z' } } }, []],
    ['through lazy schemas', { spec: { lazy: { deep: 'x', deeper: 1 } } }, ['spec.lazy.deeper']],
    ['an unknown top-level member, once, not its children', { nope: { a: 1, b: 2 } }, ['nope']],
  ])('reports %s', (_name, value, expected) => {
    expect(unknownFieldPaths(schema, value)).toEqual(expected);
  });

  it('knows every field of real manifests of the built-in kinds', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' }, annotations: { a: 'b' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'nginx',
                ports: [{ containerPort: 80, protocol: 'TCP' }],
                env: [{ name: 'A', value: 'b' }],
                resources: { limits: { cpu: '1' }, requests: { memory: '1Gi' } },
              },
            ],
          },
        },
      },
    };
    expect(unknownFieldPaths(Deployment.objectSchema, deployment)).toEqual([]);
    expect(
      unknownFieldPaths(Pod.objectSchema, { metadata: {}, spec: { containers: [{ name: 'c', imag: 'x' }] } }),
    ).toEqual(['spec.containers[0].imag']);
  });

  it('reports duplicates in body order, an unknown duplicated member as unknown only', () => {
    const text =
      '{"metadata":{"name":"a","name":"b","bogus":1},"spec":{"x":1,"x":2,"known":"k","known":"l","labels":{"a":"1","a":"2"}}}';
    const problems = fieldProblems(
      z.object({ metadata: z.looseObject({ name: z.string() }), spec: schema.shape.spec }),
      JSON.parse(text),
      jsonStructure(text, true).duplicates,
    );
    expect(problems).toEqual([
      { kind: 'duplicate', path: 'metadata.name' },
      { kind: 'unknown', path: 'metadata.bogus' },
      { kind: 'unknown', path: 'spec.x' },
      { kind: 'duplicate', path: 'spec.known' },
      { kind: 'duplicate', path: 'spec.labels.a' },
    ]);
  });
});

describe('jsonStructure', () => {
  it.each([
    ['{"a":1,"a":2}', ['a']],
    ['{"a":{"b":[{"c":1,"c":2},{"c":3}]}}', ['a.b[0].c']],
    ['[{"op":"add","path":"/a","path":"/b"}]', ['[0].path']],
    ['{"a\\"b":1,"a\\u0022b":2}', ['a"b']],
    ['{"s":"}{\\"x\\":1,\\"x\\":2}","t":[1,"a,b",{"u":1}]}', []],
    ['{"a":1,"a":2,"a":3}', ['a']],
  ])('finds the repeated members of %s', (text, expected) => {
    expect(jsonStructure(text, true).duplicates).toEqual(expected);
  });

  it('refuses nesting deeper than 1000 levels with a 400', () => {
    expect(() => jsonStructure(`${'['.repeat(1001)}${']'.repeat(1001)}`, false)).toThrow(
      'the request body nests deeper than 1000 levels',
    );
    expect(jsonStructure(`${'['.repeat(1000)}${']'.repeat(1000)}`, false).duplicates).toEqual([]);
  });
});
