import type { GroupVersionKind, ResourceType, Verb } from '@capstan/core';

/** ServedSubresourceName is a subresource the API server serves: `status`, `scale`, `binding` or `eviction`. */
export type ServedSubresourceName = 'binding' | 'eviction' | 'scale' | 'status';

/**
 * ServedSubresource is one subresource the API server serves for a resource, as discovery and
 * OpenAPI describe it: its name, the kind its endpoint takes and returns, and its verbs.
 */
export interface ServedSubresource {
  readonly name: ServedSubresourceName;
  readonly kind: GroupVersionKind;
  readonly verbs: readonly Verb[];
}

/** SCALE_KIND is `autoscaling/v1` `Scale`, the body of every `scale` subresource. */
export const SCALE_KIND: GroupVersionKind = Object.freeze({
  group: 'autoscaling',
  version: 'v1',
  kind: 'Scale',
});

/** EVICTION_KIND is `policy/v1` `Eviction`, the body of `pods/eviction`. */
export const EVICTION_KIND: GroupVersionKind = Object.freeze({
  group: 'policy',
  version: 'v1',
  kind: 'Eviction',
});

/** BINDING_KIND is core `v1` `Binding`, the body of `pods/binding`. */
export const BINDING_KIND: GroupVersionKind = Object.freeze({ group: '', version: 'v1', kind: 'Binding' });

const readWrite: readonly Verb[] = Object.freeze(['get', 'patch', 'update']);
const createOnly: readonly Verb[] = Object.freeze(['create']);

/**
 * servedSubresources lists the subresources the API server serves for `type`, sorted by name, with
 * the verbs Kubernetes lists for them:
 * - `status` (get, patch, update; the type's own kind) when the type declares a status subresource;
 * - `scale` (get, patch, update; `autoscaling/v1` Scale) when it declares a scale subresource;
 * - for core `v1` pods, `binding` (create; `v1` Binding) and `eviction` (create; `policy/v1` Eviction).
 */
export function servedSubresources(type: ResourceType): readonly ServedSubresource[] {
  const own: GroupVersionKind = { group: type.group, version: type.version, kind: type.kind };
  const served: ServedSubresource[] = [];
  if (type.group === '' && type.version === 'v1' && type.plural === 'pods') {
    served.push({ name: 'binding', kind: BINDING_KIND, verbs: createOnly });
    served.push({ name: 'eviction', kind: EVICTION_KIND, verbs: createOnly });
  }
  if (type.subresources.scale !== undefined)
    served.push({ name: 'scale', kind: SCALE_KIND, verbs: readWrite });
  if (type.subresources.status) served.push({ name: 'status', kind: own, verbs: readWrite });
  return served;
}
