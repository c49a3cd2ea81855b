import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineResource } from './define-resource.js';
import { fieldPathGetter, selectableFieldValues } from './selectable-fields.js';

describe('fieldPathGetter', () => {
  const obj = {
    metadata: { name: 'w' },
    spec: {
      color: 'red',
      size: 3,
      enabled: false,
      tags: ['a'],
      nested: { deep: 'yes' },
      none: null,
      empty: '',
    },
  };

  it.each([
    ['spec.color', 'red'],
    ['.spec.color', 'red'],
    ['spec.size', '3'],
    ['spec.enabled', 'false'],
    ['spec.nested.deep', 'yes'],
    ['spec.empty', ''],
    ['spec.tags', undefined],
    ['spec.nested', undefined],
    ['spec.none', undefined],
    ['spec.missing', undefined],
    ['spec.color.length', undefined],
    ['spec.tags.0', undefined],
    ['status.phase', undefined],
    ['spec.constructor', undefined],
  ])('%s reads %j', (path, value) => {
    expect(fieldPathGetter(path)(obj)).toBe(value);
  });
});

describe('selectableFieldValues', () => {
  const Gizmo = defineResource({
    group: 'example.com',
    version: 'v1alpha1',
    kind: 'Gizmo',
    plural: 'gizmos',
    namespaced: false,
    schema: z.object({ spec: z.looseObject({ color: z.string().optional(), size: z.number().optional() }) }),
    selectableFields: {
      'spec.color': fieldPathGetter('.spec.color'),
      'spec.size': fieldPathGetter('spec.size'),
    },
  });

  it('maps absent fields to the empty string, as Kubernetes field sets do', () => {
    expect(
      selectableFieldValues(Gizmo, Gizmo.objectSchema.parse({ metadata: { name: 'g' }, spec: { size: 2 } })),
    ).toStrictEqual({
      'metadata.name': 'g',
      'spec.color': '',
      'spec.size': '2',
    });
    expect(selectableFieldValues(Gizmo, Gizmo.objectSchema.parse({ metadata: {}, spec: {} }))).toStrictEqual({
      'metadata.name': '',
      'spec.color': '',
      'spec.size': '',
    });
  });
});
