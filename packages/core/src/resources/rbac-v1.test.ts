import { describe, expect, it } from 'vitest';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from './rbac-v1.js';

describe('rbac.authorization.k8s.io/v1', () => {
  it.each([
    [
      'Role',
      Role,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'pod-reader', namespace: 'shop' },
        rules: [
          { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
          { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['patch'] },
        ],
      },
    ],
    [
      'an aggregated ClusterRole with rules: null',
      ClusterRole,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'monitoring' },
        aggregationRule: {
          clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-monitoring': 'true' } }],
        },
        rules: null,
      },
    ],
    [
      'a ClusterRole with non-resource URLs',
      ClusterRole,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'health' },
        rules: [{ nonResourceURLs: ['/healthz', '/readyz'], verbs: ['get'] }],
      },
    ],
    [
      'RoleBinding',
      RoleBinding,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'read-pods', namespace: 'shop' },
        subjects: [
          { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' },
          { kind: 'ServiceAccount', name: 'web', namespace: 'shop' },
        ],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
      },
    ],
    [
      'ClusterRoleBinding',
      ClusterRoleBinding,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'admins' },
        subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:masters' }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      },
    ],
  ] as const)('%s round-trips unchanged', (_name, type, object) => {
    expect(type.objectSchema.parse(structuredClone(object))).toStrictEqual(object);
  });

  it.each([
    [
      'a rule without verbs',
      Role,
      { metadata: { name: 'r' }, rules: [{ resources: ['pods'] }] },
      ['rules', 0, 'verbs'],
    ],
    ['a binding without roleRef', RoleBinding, { metadata: { name: 'b' }, subjects: [] }, ['roleRef']],
    [
      'a subject without name',
      ClusterRoleBinding,
      {
        metadata: { name: 'b' },
        subjects: [{ kind: 'User' }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      },
      ['subjects', 0, 'name'],
    ],
  ] as const)('rejects %s at the right path', (_name, type, object, path) => {
    const result = type.objectSchema.safeParse(object);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});
