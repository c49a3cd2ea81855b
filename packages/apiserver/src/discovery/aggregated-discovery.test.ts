import { builtinResourceTypes, createBuiltinRegistry, defineResource } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAggregatedDiscovery } from './aggregated-discovery.js';
import type { APIResourceDiscovery } from './discovery-types.js';
import { buildApiResourceList } from './legacy-discovery.js';

function resource(
  root: 'legacy' | 'apis',
  group: string,
  plural: string,
  registry = createBuiltinRegistry(),
): APIResourceDiscovery | undefined {
  return buildAggregatedDiscovery(registry, root)
    .body.items.find((item) => (item.metadata.name ?? '') === group)
    ?.versions[0]?.resources.find((r) => r.resource === plural);
}

describe('buildAggregatedDiscovery', () => {
  it('serves the core group at /api and every other group at /apis', () => {
    const registry = createBuiltinRegistry();
    const legacy = buildAggregatedDiscovery(registry, 'legacy').body;
    expect(legacy).toMatchObject({
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      metadata: {},
    });
    expect(legacy.items).toHaveLength(1);
    expect(legacy.items[0]?.metadata).toEqual({ creationTimestamp: null });
    expect(legacy.items[0]?.versions.map((v) => [v.version, v.freshness])).toEqual([['v1', 'Current']]);
    const apis = buildAggregatedDiscovery(registry, 'apis').body;
    expect(apis.items.map((i) => i.metadata.name)).toEqual([
      'apps',
      'batch',
      'coordination.k8s.io',
      'discovery.k8s.io',
      'rbac.authorization.k8s.io',
      'scheduling.k8s.io',
      'apiextensions.k8s.io',
    ]);
    expect(buildAggregatedDiscovery(registry, 'apis', 'v2beta1').body.apiVersion).toBe(
      'apidiscovery.k8s.io/v2beta1',
    );
  });

  it.each(builtinResourceTypes.map((t) => [t.group === '' ? 'v1' : `${t.group}/v1`, t.plural, t] as const))(
    '%s %s agrees with legacy discovery',
    (_gv, plural, type) => {
      const aggregated = resource(type.group === '' ? 'legacy' : 'apis', type.group, plural);
      const legacy = buildApiResourceList(createBuiltinRegistry(), type.group, type.version)?.body.resources;
      const main = legacy?.find((r) => r.name === plural);
      expect(aggregated).toBeDefined();
      expect(aggregated?.responseKind).toEqual({
        group: type.group,
        version: type.version,
        kind: main?.kind,
      });
      expect(aggregated?.scope).toBe(main?.namespaced ? 'Namespaced' : 'Cluster');
      expect(aggregated?.singularResource).toBe(main?.singularName);
      expect(aggregated?.verbs).toEqual(main?.verbs);
      expect(aggregated?.shortNames).toEqual(main?.shortNames);
      expect(aggregated?.categories).toEqual(main?.categories);
      const subresources = legacy?.filter((r) => r.name.startsWith(`${plural}/`)) ?? [];
      expect(
        aggregated?.subresources?.map((s) => [s.subresource, s.responseKind.kind, s.verbs]) ?? [],
      ).toEqual(subresources.map((s) => [s.name.slice(plural.length + 1), s.kind, s.verbs]));
    },
  );

  it('describes the pod and scale subresources as Kubernetes does', () => {
    expect(resource('legacy', '', 'pods')).toEqual({
      resource: 'pods',
      responseKind: { group: '', version: 'v1', kind: 'Pod' },
      scope: 'Namespaced',
      singularResource: 'pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
      subresources: [
        {
          subresource: 'binding',
          responseKind: { group: '', version: 'v1', kind: 'Binding' },
          verbs: ['create'],
        },
        {
          subresource: 'eviction',
          responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' },
          verbs: ['create'],
        },
        {
          subresource: 'status',
          responseKind: { group: '', version: 'v1', kind: 'Pod' },
          verbs: ['get', 'patch', 'update'],
        },
      ],
    });
    expect(resource('apis', 'apps', 'statefulsets')?.subresources?.[0]).toEqual({
      subresource: 'scale',
      responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
      verbs: ['get', 'patch', 'update'],
    });
    expect(resource('legacy', '', 'configmaps')).not.toHaveProperty('subresources');
  });

  it('lists a type registered with defineResource, cluster-scoped, with its own verbs', () => {
    const registry = createBuiltinRegistry();
    const before = buildAggregatedDiscovery(registry, 'apis');
    registry.register(
      defineResource({
        group: 'example.com',
        version: 'v1alpha1',
        kind: 'Gadget',
        plural: 'gadgets',
        namespaced: false,
        verbs: ['get', 'list', 'create'],
        categories: ['toys'],
        schema: z.object({ spec: z.looseObject({}) }),
        subresources: { status: true },
      }),
    );
    expect(buildAggregatedDiscovery(registry, 'apis')).not.toBe(before);
    expect(resource('apis', 'example.com', 'gadgets', registry)).toEqual({
      resource: 'gadgets',
      responseKind: { group: 'example.com', version: 'v1alpha1', kind: 'Gadget' },
      scope: 'Cluster',
      singularResource: 'gadget',
      verbs: ['create', 'get', 'list'],
      categories: ['toys'],
      subresources: [
        {
          subresource: 'status',
          responseKind: { group: 'example.com', version: 'v1alpha1', kind: 'Gadget' },
          verbs: ['get', 'patch', 'update'],
        },
      ],
    });
  });
});
