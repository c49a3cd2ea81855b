import type { Verb } from '@capstan/core';

// The wire shapes of Kubernetes discovery (k8s.io/apimachinery/pkg/apis/meta/v1 and
// k8s.io/api/apidiscovery/v2), with Kubernetes' JSON field names.

/** ServerAddressByClientCIDR is `metav1.ServerAddressByClientCIDR`: the address clients in a CIDR should use. */
export interface ServerAddressByClientCIDR {
  readonly clientCIDR: string;
  readonly serverAddress: string;
}

/** APIVersions is `metav1.APIVersions`, the body of `GET /api`: the versions of the core group. */
export interface APIVersions {
  readonly kind: 'APIVersions';
  readonly versions: readonly string[];
  readonly serverAddressByClientCIDRs: readonly ServerAddressByClientCIDR[];
}

/** GroupVersionForDiscovery is `metav1.GroupVersionForDiscovery`: `apps/v1` and `v1`. */
export interface GroupVersionForDiscovery {
  readonly groupVersion: string;
  readonly version: string;
}

/** APIGroup is `metav1.APIGroup`: a group, its versions (preferred first) and the preferred one. */
export interface APIGroup {
  readonly kind?: 'APIGroup';
  readonly apiVersion?: 'v1';
  readonly name: string;
  readonly versions: readonly GroupVersionForDiscovery[];
  readonly preferredVersion: GroupVersionForDiscovery;
}

/** APIGroupList is `metav1.APIGroupList`, the body of `GET /apis`: every group but the core one. */
export interface APIGroupList {
  readonly kind: 'APIGroupList';
  readonly apiVersion: 'v1';
  readonly groups: readonly APIGroup[];
}

/**
 * APIResource is `metav1.APIResource`: one resource or subresource (`pods/status`) of a group
 * version. `group`, `version` and `kind` name the kind the endpoint takes and returns; `group` and
 * `version` appear only when they differ from the list's group version (`deployments/scale` is
 * `autoscaling/v1` `Scale`).
 */
export interface APIResource {
  readonly name: string;
  readonly singularName: string;
  readonly namespaced: boolean;
  readonly group?: string;
  readonly version?: string;
  readonly kind: string;
  readonly verbs: readonly Verb[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  readonly storageVersionHash?: string;
}

/**
 * APIResourceList is `metav1.APIResourceList`, the body of `GET /api/v1` and
 * `GET /apis/<group>/<version>`. The core group's list carries no `apiVersion`, as Kubernetes
 * serves it.
 */
export interface APIResourceList {
  readonly kind: 'APIResourceList';
  readonly apiVersion?: 'v1';
  readonly groupVersion: string;
  readonly resources: readonly APIResource[];
}

/** DiscoveryVersion is an aggregated discovery version: `apidiscovery.k8s.io/v2`, or `v2beta1` for older clients. */
export type DiscoveryVersion = 'v2' | 'v2beta1';

/** DiscoveryGroupVersionKind is the `responseKind` of aggregated discovery: every field always present. */
export interface DiscoveryGroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** APISubresourceDiscovery is `apidiscovery.v2.APISubresourceDiscovery`: one subresource of a resource. */
export interface APISubresourceDiscovery {
  readonly subresource: string;
  readonly responseKind: DiscoveryGroupVersionKind;
  readonly verbs: readonly Verb[];
}

/** APIResourceDiscovery is `apidiscovery.v2.APIResourceDiscovery`: one resource with its subresources. */
export interface APIResourceDiscovery {
  readonly resource: string;
  readonly responseKind: DiscoveryGroupVersionKind;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly singularResource: string;
  readonly verbs: readonly Verb[];
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  readonly subresources?: readonly APISubresourceDiscovery[];
}

/** APIVersionDiscovery is `apidiscovery.v2.APIVersionDiscovery`: one version of a group and its resources. */
export interface APIVersionDiscovery {
  readonly version: string;
  readonly resources: readonly APIResourceDiscovery[];
  readonly freshness: 'Current';
}

/**
 * APIGroupDiscovery is `apidiscovery.v2.APIGroupDiscovery`: a group (named in `metadata.name`,
 * empty for the core group) and its versions, preferred first.
 */
export interface APIGroupDiscovery {
  readonly metadata: { readonly name?: string; readonly creationTimestamp: null };
  readonly versions: readonly APIVersionDiscovery[];
}

/** APIGroupDiscoveryList is `apidiscovery.v2.APIGroupDiscoveryList`, the aggregated body of `/api` or `/apis`. */
export interface APIGroupDiscoveryList {
  readonly kind: 'APIGroupDiscoveryList';
  readonly apiVersion: `apidiscovery.k8s.io/${DiscoveryVersion}`;
  readonly metadata: Record<string, never>;
  readonly items: readonly APIGroupDiscovery[];
}
