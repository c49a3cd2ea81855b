import type { ResourceRegistry, ResourceType } from '@capstan/core';
import type {
  APIGroupDiscovery,
  APIGroupDiscoveryList,
  APIResourceDiscovery,
  DiscoveryVersion,
} from './discovery-types.js';
import { sortedVerbs } from './legacy-discovery.js';
import { RegistryCache } from './registry-cache.js';
import { type ServedDocument, servedDocument } from './served-document.js';
import { servedGroups } from './served-group.js';
import { servedSubresources } from './served-subresource.js';

/** DiscoveryRoot is the endpoint an aggregated discovery document is served at: `legacy` is `/api`, `apis` is `/apis`. */
export type DiscoveryRoot = 'legacy' | 'apis';

const cache = new RegistryCache();

/**
 * buildAggregatedDiscovery returns the aggregated discovery document (`APIGroupDiscoveryList` of
 * `apidiscovery.k8s.io/v2`, or `v2beta1`, whose shape is the same) served at `/api` (`legacy`: the
 * core group, `metadata.name` empty) or `/apis` (every other group). Each group lists its versions
 * preferred first, each version `freshness: Current` and its resources sorted by name, each with
 * `responseKind`, `scope`, `singularResource`, sorted verbs, `shortNames`, `categories` and
 * subresources (`status`, `scale` as `autoscaling/v1` Scale, `binding`, `eviction` as `policy/v1`
 * Eviction) with their verbs. Computed once per registry generation, root and version.
 */
export function buildAggregatedDiscovery(
  registry: ResourceRegistry,
  root: DiscoveryRoot,
  version: DiscoveryVersion = 'v2',
): ServedDocument<APIGroupDiscoveryList> {
  return cache.get(registry, `${root}|${version}`, () =>
    servedDocument<APIGroupDiscoveryList>({
      kind: 'APIGroupDiscoveryList',
      apiVersion: `apidiscovery.k8s.io/${version}`,
      metadata: {},
      items: servedGroups(registry)
        .filter((g) => (root === 'legacy') === (g.name === ''))
        .map(
          (g): APIGroupDiscovery => ({
            metadata: { ...(g.name === '' ? {} : { name: g.name }), creationTimestamp: null },
            versions: g.versions.map((v) => ({
              version: v.version,
              resources: v.types
                .map(resourceDiscovery)
                .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0)),
              freshness: 'Current',
            })),
          }),
        ),
    }),
  );
}

function resourceDiscovery(type: ResourceType): APIResourceDiscovery {
  const subresources = servedSubresources(type).map((sub) => ({
    subresource: sub.name,
    responseKind: { group: sub.kind.group, version: sub.kind.version, kind: sub.kind.kind },
    verbs: sortedVerbs(sub.verbs),
  }));
  return {
    resource: type.plural,
    responseKind: { group: type.group, version: type.version, kind: type.kind },
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: sortedVerbs(type.verbs),
    ...(type.shortNames.length > 0 ? { shortNames: [...type.shortNames] } : {}),
    ...(type.categories.length > 0 ? { categories: [...type.categories] } : {}),
    ...(subresources.length > 0 ? { subresources } : {}),
  };
}
