import { builtinResourceTypes, createBuiltinRegistry, defineResource, type Verb } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { APIResource } from './discovery-types.js';
import {
  buildApiGroup,
  buildApiGroupList,
  buildApiResourceList,
  buildApiVersions,
} from './legacy-discovery.js';

const ALL_VERBS: Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

// Every built-in resource as Kubernetes' own discovery lists it: group, version, scope, kind,
// short names and categories.
const KUBERNETES_RESOURCES: ReadonlyArray<
  readonly [string, string, string, boolean, string, string[] | undefined, string[] | undefined]
> = [
  ['', 'v1', 'namespaces', false, 'Namespace', ['ns'], undefined],
  ['', 'v1', 'nodes', false, 'Node', ['no'], undefined],
  ['', 'v1', 'pods', true, 'Pod', ['po'], ['all']],
  ['', 'v1', 'services', true, 'Service', ['svc'], ['all']],
  ['', 'v1', 'endpoints', true, 'Endpoints', ['ep'], undefined],
  ['', 'v1', 'configmaps', true, 'ConfigMap', ['cm'], undefined],
  ['', 'v1', 'secrets', true, 'Secret', undefined, undefined],
  ['', 'v1', 'events', true, 'Event', ['ev'], undefined],
  ['', 'v1', 'serviceaccounts', true, 'ServiceAccount', ['sa'], undefined],
  ['', 'v1', 'bindings', true, 'Binding', undefined, undefined],
  ['apps', 'v1', 'deployments', true, 'Deployment', ['deploy'], ['all']],
  ['apps', 'v1', 'replicasets', true, 'ReplicaSet', ['rs'], ['all']],
  ['apps', 'v1', 'daemonsets', true, 'DaemonSet', ['ds'], ['all']],
  ['apps', 'v1', 'statefulsets', true, 'StatefulSet', ['sts'], ['all']],
  ['batch', 'v1', 'jobs', true, 'Job', undefined, ['all']],
  ['batch', 'v1', 'cronjobs', true, 'CronJob', ['cj'], ['all']],
  ['coordination.k8s.io', 'v1', 'leases', true, 'Lease', undefined, undefined],
  ['discovery.k8s.io', 'v1', 'endpointslices', true, 'EndpointSlice', undefined, undefined],
  ['rbac.authorization.k8s.io', 'v1', 'roles', true, 'Role', undefined, undefined],
  ['rbac.authorization.k8s.io', 'v1', 'clusterroles', false, 'ClusterRole', undefined, undefined],
  ['rbac.authorization.k8s.io', 'v1', 'rolebindings', true, 'RoleBinding', undefined, undefined],
  [
    'rbac.authorization.k8s.io',
    'v1',
    'clusterrolebindings',
    false,
    'ClusterRoleBinding',
    undefined,
    undefined,
  ],
  ['scheduling.k8s.io', 'v1', 'priorityclasses', false, 'PriorityClass', ['pc'], undefined],
  [
    'apiextensions.k8s.io',
    'v1',
    'customresourcedefinitions',
    false,
    'CustomResourceDefinition',
    ['crd', 'crds'],
    ['api-extensions'],
  ],
];

// The subresources Capstan serves, as Kubernetes lists them.
const SUBRESOURCES: ReadonlyArray<readonly [string, string, Partial<APIResource>]> = [
  ['', 'pods/binding', { kind: 'Binding', verbs: ['create'] }],
  ['', 'pods/eviction', { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] }],
  ['', 'pods/status', { kind: 'Pod', verbs: ['get', 'patch', 'update'] }],
  ['', 'nodes/status', { kind: 'Node', verbs: ['get', 'patch', 'update'], namespaced: false }],
  [
    'apps',
    'deployments/scale',
    { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  ],
  [
    'apps',
    'replicasets/scale',
    { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  ],
  [
    'apps',
    'statefulsets/scale',
    { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  ],
  ['apps', 'deployments/status', { kind: 'Deployment', verbs: ['get', 'patch', 'update'] }],
  ['batch', 'jobs/status', { kind: 'Job', verbs: ['get', 'patch', 'update'] }],
];

describe('buildApiResourceList', () => {
  const registry = createBuiltinRegistry();

  it('covers every built-in kind in the table', () => {
    expect(KUBERNETES_RESOURCES.map((r) => r[2]).sort()).toEqual(
      builtinResourceTypes.map((t) => t.plural).sort(),
    );
  });

  it.each(KUBERNETES_RESOURCES)(
    '%s/%s %s: scope, kind, verbs, short names and categories as Kubernetes lists them',
    (group, version, plural, namespaced, kind, shortNames, categories) => {
      const list = buildApiResourceList(registry, group, version)?.body;
      const resource = list?.resources.find((r) => r.name === plural);
      expect(resource).toEqual({
        name: plural,
        singularName: plural === 'endpoints' ? 'endpoints' : kind.toLowerCase(),
        namespaced,
        kind,
        verbs: plural === 'bindings' ? ['create'] : ALL_VERBS,
        ...(shortNames === undefined ? {} : { shortNames }),
        ...(categories === undefined ? {} : { categories }),
        storageVersionHash: expect.stringMatching(/^[A-Za-z0-9+/]{11}=$/),
      });
    },
  );

  it.each(SUBRESOURCES)('%s %s: kind, group version and verbs', (group, name, expected) => {
    const resource = buildApiResourceList(registry, group, 'v1')?.body.resources.find((r) => r.name === name);
    expect(resource).toEqual({ singularName: '', namespaced: true, name, ...expected });
  });

  it('publishes the storage version hash Kubernetes publishes', () => {
    const resources = buildApiResourceList(registry, '', 'v1')?.body.resources;
    expect(resources?.find((r) => r.name === 'pods')?.storageVersionHash).toBe('xPOwRZ+Yhw8=');
    const apps = buildApiResourceList(registry, 'apps', 'v1')?.body.resources;
    expect(apps?.find((r) => r.name === 'deployments')?.storageVersionHash).toBe('8aSe+NMegvE=');
  });

  it('sorts resources by name and omits apiVersion for the core group only', () => {
    const core = buildApiResourceList(registry, '', 'v1')?.body;
    const names = core?.resources.map((r) => r.name) ?? [];
    expect(names).toEqual([...names].sort());
    expect(core).toMatchObject({ kind: 'APIResourceList', groupVersion: 'v1' });
    expect(core).not.toHaveProperty('apiVersion');
    expect(buildApiResourceList(registry, 'apps', 'v1')?.body).toMatchObject({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'apps/v1',
    });
  });

  it('is undefined for a group version with no types', () => {
    expect(buildApiResourceList(registry, 'apps', 'v2')).toBeUndefined();
    expect(buildApiResourceList(registry, 'example.com', 'v1')).toBeUndefined();
  });
});

describe('buildApiVersions, buildApiGroupList and buildApiGroup', () => {
  it('list the core versions and every other group with its preferred version', () => {
    const registry = createBuiltinRegistry();
    expect(buildApiVersions(registry).body).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [],
    });
    expect(buildApiVersions(registry, '127.0.0.1:6443').body.serverAddressByClientCIDRs).toEqual([
      { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' },
    ]);
    const list = buildApiGroupList(registry).body;
    expect(list.kind).toBe('APIGroupList');
    expect(list.apiVersion).toBe('v1');
    expect(list.groups.map((g) => g.name)).toEqual([
      'apps',
      'batch',
      'coordination.k8s.io',
      'discovery.k8s.io',
      'rbac.authorization.k8s.io',
      'scheduling.k8s.io',
      'apiextensions.k8s.io',
    ]);
    expect(list.groups[0]).toEqual({
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    expect(buildApiGroup(registry, 'batch')?.body).toEqual({
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'batch',
      versions: [{ groupVersion: 'batch/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'batch/v1', version: 'v1' },
    });
    expect(buildApiGroup(registry, '')).toBeUndefined();
    expect(buildApiGroup(registry, 'example.com')).toBeUndefined();
  });

  it('add a type registered at run time, preferring the version registered first', () => {
    const registry = createBuiltinRegistry();
    const before = buildApiGroupList(registry);
    expect(buildApiGroupList(registry)).toBe(before);
    for (const version of ['v1beta1', 'v1']) {
      registry.register(
        defineResource({
          group: 'example.com',
          version,
          kind: 'Widget',
          plural: 'widgets',
          namespaced: true,
          shortNames: ['wd'],
          schema: z.object({ spec: z.looseObject({}) }),
        }),
      );
    }
    const after = buildApiGroupList(registry);
    expect(after).not.toBe(before);
    expect(after.body.groups.at(-1)).toEqual({
      name: 'example.com',
      versions: [
        { groupVersion: 'example.com/v1beta1', version: 'v1beta1' },
        { groupVersion: 'example.com/v1', version: 'v1' },
      ],
      preferredVersion: { groupVersion: 'example.com/v1beta1', version: 'v1beta1' },
    });
    expect(buildApiResourceList(registry, 'example.com', 'v1')?.body.resources).toEqual([
      {
        name: 'widgets',
        singularName: 'widget',
        namespaced: true,
        kind: 'Widget',
        verbs: ALL_VERBS,
        shortNames: ['wd'],
        storageVersionHash: expect.any(String),
      },
    ]);
    // Another registry is not affected.
    expect(buildApiGroupList(createBuiltinRegistry()).body.groups.map((g) => g.name)).not.toContain(
      'example.com',
    );
  });
});
