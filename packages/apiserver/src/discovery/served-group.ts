import type { ResourceRegistry, ResourceType } from '@capstan/core';

/** ServedGroupVersion is one version of an API group and the resource types registered in it. */
export interface ServedGroupVersion {
  readonly group: string;
  readonly version: string;
  /** `group/version`, or `version` for the core group. */
  readonly groupVersion: string;
  /** The types of this group version, in registration order. */
  readonly types: readonly ResourceType[];
}

/** ServedGroup is an API group (`''` for the core group) and its versions, preferred first. */
export interface ServedGroup {
  readonly name: string;
  readonly versions: readonly ServedGroupVersion[];
}

/**
 * servedGroups groups the types of `registry` by API group and version. Groups come in the order
 * their first type was registered (so the core group leads when its types come first, as in the
 * built-in registry); within a group, versions come in the order their first type was registered,
 * so the preferred version — listed first — is the version registered first, as the registry
 * prefers it for a group's resources.
 */
export function servedGroups(registry: ResourceRegistry): readonly ServedGroup[] {
  const groups = new Map<string, Map<string, ResourceType[]>>();
  for (const type of registry.list()) {
    let versions = groups.get(type.group);
    if (versions === undefined) {
      versions = new Map();
      groups.set(type.group, versions);
    }
    let types = versions.get(type.version);
    if (types === undefined) {
      types = [];
      versions.set(type.version, types);
    }
    types.push(type);
  }
  return [...groups].map(([name, versions]) => ({
    name,
    versions: [...versions].map(([version, types]) => ({
      group: name,
      version,
      groupVersion: name === '' ? version : `${name}/${version}`,
      types,
    })),
  }));
}

/** findGroupVersion returns the served group version `group`/`version` of `registry`, or `undefined`. */
export function findGroupVersion(
  registry: ResourceRegistry,
  group: string,
  version: string,
): ServedGroupVersion | undefined {
  return servedGroups(registry)
    .find((g) => g.name === group)
    ?.versions.find((v) => v.version === version);
}
