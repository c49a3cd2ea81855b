import { fieldErrorString, Pod } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldPath, zodFieldErrors } from './zod-field-errors.js';

const schema = z.looseObject({
  spec: z
    .object({
      selector: z.record(z.string(), z.string()).optional(),
      items: z.array(z.object({ n: z.number().int(), mode: z.enum(['A', 'B']).optional() })).optional(),
      name: z.string().max(5).optional(),
      tags: z.array(z.string()).max(1).optional(),
      size: z.number().min(1).max(9).optional(),
      id: z.string().min(1).optional(),
      either: z.union([z.string(), z.number()]).optional(),
    })
    .optional(),
});

function messages(value: unknown): string[] {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return [];
  return zodFieldErrors(schema, result.error.issues).map(fieldErrorString);
}

describe('fieldPath', () => {
  it.each([
    [['spec', 'items', 0, 'n'], 'spec.items[0].n'],
    [['spec', 'selector', 'app.kubernetes.io/name'], 'spec.selector[app.kubernetes.io/name]'],
    [['unknown', 'deep', 3], 'unknown.deep[3]'],
    [[], ''],
  ])('renders %j as %s', (path, text) => {
    expect(fieldPath(schema, path)).toBe(text);
  });

  it('follows the built-in Pod schema', () => {
    expect(fieldPath(Pod.objectSchema, ['metadata', 'labels', 'a/b'])).toBe('metadata.labels[a/b]');
    expect(fieldPath(Pod.objectSchema, ['spec', 'containers', 1, 'resources', 'limits', 'cpu'])).toBe(
      'spec.containers[1].resources.limits[cpu]',
    );
  });
});

describe('zodFieldErrors', () => {
  it.each([
    [{ spec: { items: [{}] } }, 'spec.items[0].n: Required value'],
    [{ spec: { items: [{ n: 1.5 }] } }, 'spec.items[0].n: Invalid value: 1.5: must be of type integer'],
    [{ spec: { items: [{ n: 'x' }] } }, 'spec.items[0].n: Invalid value: "x": must be of type number'],
    [
      { spec: { items: [{ n: 1, mode: 'C' }] } },
      'spec.items[0].mode: Unsupported value: "C": supported values: "A", "B"',
    ],
    [{ spec: { selector: { a: 1 } } }, 'spec.selector[a]: Invalid value: 1: must be of type string'],
    [{ spec: { name: 'toolong' } }, 'spec.name: Too long: may not be more than 5 bytes'],
    [{ spec: { tags: ['a', 'b'] } }, 'spec.tags: Too many: 2: must have at most 1 item'],
    [{ spec: { size: 0 } }, 'spec.size: Invalid value: 0: must be greater than or equal to 1'],
    [{ spec: { size: 10 } }, 'spec.size: Invalid value: 10: must be less than or equal to 9'],
    [{ spec: { id: '' } }, 'spec.id: Required value'],
    [{ spec: { either: true } }, 'spec.either: Invalid value: true: Invalid input'],
  ])('reports %j as %s', (value, message) => {
    expect(messages(value)).toEqual([message]);
  });

  it('gives each issue its Kubernetes cause type', () => {
    const result = schema.safeParse({ spec: { items: [{ mode: 'C' }] } }, { reportInput: true });
    expect(result.success).toBe(false);
    const types = zodFieldErrors(schema, result.error!.issues).map((e) => e.type);
    expect(types).toEqual(['FieldValueRequired', 'FieldValueNotSupported']);
  });
});
