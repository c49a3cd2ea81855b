import type { ResourceRegistry, ResourceType, Verb } from '@capstan/core';
import type {
  APIGroup,
  APIGroupList,
  APIResource,
  APIResourceList,
  APIVersions,
  GroupVersionForDiscovery,
  ServerAddressByClientCIDR,
} from './discovery-types.js';
import { RegistryCache } from './registry-cache.js';
import { type ServedDocument, servedDocument } from './served-document.js';
import { findGroupVersion, type ServedGroup, servedGroups } from './served-group.js';
import { servedSubresources } from './served-subresource.js';
import { storageVersionHash } from './storage-version-hash.js';

const cache = new RegistryCache();

/**
 * buildApiVersions returns the body of `GET /api`: `APIVersions` with the versions of the core
 * group (`["v1"]` for the built-in registry). `serverAddress` (such as `127.0.0.1:6443`), when
 * given, is published for every client (`clientCIDR` `0.0.0.0/0`); otherwise the list is empty.
 * The document without an address is computed once per registry generation; one with an address
 * (which a server may take from the request) is built on each call, so that clients cannot fill a
 * cache with addresses of their choosing.
 */
export function buildApiVersions(
  registry: ResourceRegistry,
  serverAddress?: string,
): ServedDocument<APIVersions> {
  const versions = cache.get(registry, 'api', () =>
    Object.freeze((servedGroups(registry).find((g) => g.name === '')?.versions ?? []).map((v) => v.version)),
  );
  const document = (serverAddressByClientCIDRs: ServerAddressByClientCIDR[]) =>
    servedDocument<APIVersions>({ kind: 'APIVersions', versions: [...versions], serverAddressByClientCIDRs });
  if (serverAddress !== undefined) return document([{ clientCIDR: '0.0.0.0/0', serverAddress }]);
  return cache.get(registry, 'api-document', () => document([]));
}

/**
 * buildApiGroupList returns the body of `GET /apis`: `APIGroupList` with every group except the
 * core one, each with its versions (preferred first) and `preferredVersion`. Computed once per
 * registry generation.
 */
export function buildApiGroupList(registry: ResourceRegistry): ServedDocument<APIGroupList> {
  return cache.get(registry, 'apis', () =>
    servedDocument<APIGroupList>({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: servedGroups(registry)
        .filter((g) => g.name !== '')
        .map((g) => apiGroup(g, false)),
    }),
  );
}

/**
 * buildApiGroup returns the body of `GET /apis/<group>`: `APIGroup` with its versions and
 * `preferredVersion`, or `undefined` when no type of `group` is registered (a 404) or `group` is
 * the core group (served under `/api`). Computed once per registry generation and group.
 */
export function buildApiGroup(
  registry: ResourceRegistry,
  group: string,
): ServedDocument<APIGroup> | undefined {
  return cache.get(registry, `group|${group}`, () => {
    const served = servedGroups(registry).find((g) => g.name === group && g.name !== '');
    return served === undefined ? undefined : servedDocument(apiGroup(served, true));
  });
}

/**
 * buildApiResourceList returns the body of `GET /api/<version>` (core group, `group` `''`) or
 * `GET /apis/<group>/<version>`: `APIResourceList` with each resource (name, singularName,
 * namespaced, kind, sorted verbs, shortNames, categories, storageVersionHash) and each served
 * subresource (`pods/status`, `pods/binding`, `pods/eviction`, `deployments/scale` …) with its
 * kind and verbs, sorted by name as Kubernetes sorts them. `undefined` when the group version has
 * no types. Computed once per registry generation and group version.
 */
export function buildApiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): ServedDocument<APIResourceList> | undefined {
  return cache.get(registry, `resources|${group}|${version}`, () => {
    const served = findGroupVersion(registry, group, version);
    if (served === undefined) return undefined;
    const resources = served.types
      .flatMap((type) => apiResources(type))
      .sort((a, b) => compareStrings(a.name, b.name));
    return servedDocument<APIResourceList>({
      kind: 'APIResourceList',
      ...(group === '' ? {} : { apiVersion: 'v1' as const }),
      groupVersion: served.groupVersion,
      resources,
    });
  });
}

function apiGroup(group: ServedGroup, withTypeMeta: boolean): APIGroup {
  const versions: GroupVersionForDiscovery[] = group.versions.map((v) => ({
    groupVersion: v.groupVersion,
    version: v.version,
  }));
  // Every served group has at least one version: a group exists only through its types.
  const preferredVersion = versions[0]!;
  return {
    ...(withTypeMeta ? { kind: 'APIGroup' as const, apiVersion: 'v1' as const } : {}),
    name: group.name,
    versions,
    preferredVersion,
  };
}

function apiResources(type: ResourceType): APIResource[] {
  const main: APIResource = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: sortedVerbs(type.verbs),
    ...(type.shortNames.length > 0 ? { shortNames: [...type.shortNames] } : {}),
    ...(type.categories.length > 0 ? { categories: [...type.categories] } : {}),
    storageVersionHash: storageVersionHash(type.group, type.version, type.kind),
  };
  const subresources = servedSubresources(type).map((sub): APIResource => {
    const sameGroupVersion = sub.kind.group === type.group && sub.kind.version === type.version;
    return {
      name: `${type.plural}/${sub.name}`,
      singularName: '',
      namespaced: type.namespaced,
      ...(sameGroupVersion ? {} : { group: sub.kind.group, version: sub.kind.version }),
      kind: sub.kind.kind,
      verbs: sortedVerbs(sub.verbs),
    };
  });
  return [main, ...subresources];
}

/** sortedVerbs returns `verbs` sorted alphabetically, as Kubernetes lists them in discovery. */
export function sortedVerbs(verbs: readonly Verb[]): Verb[] {
  return [...verbs].sort(compareStrings);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
