import { describe, expect, it } from 'vitest';
import { ListMeta } from './list-meta.js';
import { ObjectMeta } from './object-meta.js';
import { TypeMeta } from './type-meta.js';

describe('ObjectMeta', () => {
  it('round-trips metadata as the API server writes it, unknown fields included', () => {
    const meta = {
      name: 'web-7d4b9c6f5-x2k8p',
      generateName: 'web-7d4b9c6f5-',
      namespace: 'default',
      uid: '0f3c2b1a-5d6e-4f7a-8b9c-0d1e2f3a4b5c',
      resourceVersion: '184467',
      generation: 3,
      creationTimestamp: '2024-05-01T12:00:00Z',
      deletionTimestamp: '2024-05-01T13:00:00Z',
      deletionGracePeriodSeconds: 30,
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T11:59:00Z' },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-7d4b9c6f5',
          uid: '9a8b7c6d-5e4f-3a2b-1c0d-e9f8a7b6c5d4',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      finalizers: ['example.com/cleanup'],
      managedFields: [
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          apiVersion: 'v1',
          time: '2024-05-01T12:00:00Z',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } },
        },
        {
          manager: 'kubelet',
          operation: 'Update',
          subresource: 'status',
          fieldsType: 'FieldsV1',
          fieldsV1: {},
        },
      ],
      futureField: { nested: [1, 'two', null] },
    };
    const input = structuredClone(meta);
    expect(ObjectMeta.parse(input)).toStrictEqual(meta);
    expect(input).toStrictEqual(meta);
  });

  it('accepts creationTimestamp: null as kubectl --dry-run writes it', () => {
    expect(ObjectMeta.parse({ name: 'x', creationTimestamp: null })).toStrictEqual({
      name: 'x',
      creationTimestamp: null,
    });
  });

  it.each([
    ['a numeric name', { name: 42 }, ['name']],
    ['a label with a non-string value', { labels: { app: 1 } }, ['labels', 'app']],
    [
      'an owner reference without uid',
      { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p' }] },
      ['ownerReferences', 0, 'uid'],
    ],
    ['a fractional generation', { generation: 1.5 }, ['generation']],
  ])('rejects %s at the right path', (_name, meta, path) => {
    const result = ObjectMeta.safeParse(meta);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('TypeMeta and ListMeta', () => {
  it('round-trip with unknown fields', () => {
    const type = { apiVersion: 'apps/v1', kind: 'Deployment', extra: true };
    expect(TypeMeta.parse(type)).toStrictEqual(type);
    const list = { resourceVersion: '12', continue: 'eyJ2IjoxfQ', remainingItemCount: 40, selfLink: '' };
    expect(ListMeta.parse(list)).toStrictEqual(list);
  });
});
