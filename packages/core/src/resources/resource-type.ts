import type { z } from 'zod';
import type { ListMeta } from '../meta/list-meta.js';
import type { ObjectMeta } from '../meta/object-meta.js';

/**
 * Verb is a Kubernetes API verb a resource can serve. Discovery lists them per resource and RBAC
 * rules grant them.
 */
export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** STANDARD_VERBS is every {@link Verb}: what a resource serves unless its definition says otherwise. */
export const STANDARD_VERBS: readonly Verb[] = Object.freeze([
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
] as const);

/** ApiVersionOf is the `apiVersion` string of a group and version: `v1` for the core group, else `group/version`. */
export type ApiVersionOf<G extends string, V extends string> = G extends '' ? V : `${G}/${V}`;

/**
 * ScaleSubresource says where the `scale` subresource finds its numbers, with the same fields
 * and path syntax as a CustomResourceDefinition's `subresources.scale`: simple dotted JSON paths
 * with a leading dot, such as `.spec.replicas`.
 */
export interface ScaleSubresource {
  /** Path of the desired replica count; under `.spec`. */
  readonly specReplicasPath: string;
  /** Path of the observed replica count; under `.status`. */
  readonly statusReplicasPath: string;
  /**
   * Path of the label selector reported in the Scale's `status.selector`; under `.spec` or
   * `.status`. It holds either a selector string or a `metav1.LabelSelector` object (built-in
   * workloads point at `.spec.selector`).
   */
  readonly labelSelectorPath?: string;
}

/** ResourceSubresources is what a definition declares about its subresources. */
export interface ResourceSubresources {
  /** Serve `<plural>/<name>/status`, which updates only `status` (and makes the main endpoint ignore it). */
  readonly status?: boolean;
  /** Serve `<plural>/<name>/scale` with these paths. */
  readonly scale?: ScaleSubresource;
}

/**
 * SelectableFieldGetter reads one field-selector field from an object: the string Kubernetes would
 * compare a field selector against, or `undefined` when the field is absent (field selectors treat
 * an absent field as the empty string, see {@link selectableFieldValues}).
 */
export type SelectableFieldGetter<T> = {
  // A method signature keeps getters of specific kinds assignable to getters of any object.
  get(obj: T): string | undefined;
}['get'];

/** ResourceObjectShape is the zod shape of a resource's objects: apiVersion, kind and metadata, then the kind's own fields. */
export type ResourceObjectShape<AV extends string, K extends string, S extends z.core.$ZodShape> = {
  apiVersion: z.ZodOptional<z.ZodLiteral<AV>>;
  kind: z.ZodOptional<z.ZodLiteral<K>>;
  metadata: typeof ObjectMeta;
} & S;

/** ResourceObjectSchema is the zod schema of a resource's objects; unknown top-level fields are preserved. */
export type ResourceObjectSchema<
  AV extends string,
  K extends string,
  S extends z.core.$ZodShape,
> = z.ZodObject<ResourceObjectShape<AV, K, S>, z.core.$loose>;

/** ResourceListSchema is the zod schema of a resource's list (`<Kind>List`). */
export type ResourceListSchema<AV extends string, K extends string, S extends z.core.$ZodShape> = z.ZodObject<
  {
    apiVersion: z.ZodOptional<z.ZodLiteral<AV>>;
    kind: z.ZodOptional<z.ZodLiteral<string>>;
    metadata: typeof ListMeta;
    items: z.ZodArray<ResourceObjectSchema<AV, K, S>>;
  },
  z.core.$loose
>;

/**
 * ResourceType is the complete description of one resource (one kind in one group/version), as
 * returned by {@link defineResource}. It is frozen; it carries everything the API server needs to
 * serve the resource (REST paths, discovery, OpenAPI from the zod schemas, field selectors,
 * subresources) and what clients need to type its objects.
 *
 * `AV` is the apiVersion, `K` the kind and `S` the zod shape of the fields beside
 * apiVersion/kind/metadata; use {@link ResourceObject} for the type of its objects.
 */
export interface ResourceType<
  AV extends string = string,
  K extends string = string,
  S extends z.core.$ZodShape = z.core.$ZodShape,
> {
  /** API group; `''` for the core (legacy) group served under `/api`. */
  readonly group: string;
  /** API version within the group, e.g. `v1`. */
  readonly version: string;
  /** `group/version`, or `version` for the core group: the objects' `apiVersion`. */
  readonly apiVersion: AV;
  /** Kind in PascalCase, e.g. `Deployment`. */
  readonly kind: K;
  /** Kind of the list, `<Kind>List` unless the definition said otherwise. */
  readonly listKind: string;
  /** Lowercase plural used in URLs, e.g. `deployments`. */
  readonly plural: string;
  /** Lowercase singular, e.g. `deployment` (defaults to the lowercased kind). */
  readonly singular: string;
  /** Whether objects live in a namespace. */
  readonly namespaced: boolean;
  /** Short names accepted by kubectl, e.g. `deploy`. */
  readonly shortNames: readonly string[];
  /** Categories the resource belongs to, e.g. `all`. */
  readonly categories: readonly string[];
  /** Verbs the resource serves. */
  readonly verbs: readonly Verb[];
  /** Subresources: `status` is always present as a boolean, `scale` only when served. */
  readonly subresources: { readonly status: boolean; readonly scale?: ScaleSubresource };
  /** Schema of one object: apiVersion and kind (optional literals), metadata, and the kind's fields. */
  readonly objectSchema: ResourceObjectSchema<AV, K, S>;
  /** Schema of a list of objects. */
  readonly listSchema: ResourceListSchema<AV, K, S>;
  /**
   * Field-selector fields, by path: always `metadata.name`, `metadata.namespace` for namespaced
   * kinds, then the kind's own. The record is frozen and has no prototype.
   */
  readonly selectableFields: Readonly<
    Record<string, SelectableFieldGetter<z.output<ResourceObjectSchema<AV, K, S>>>>
  >;
  /** Human-readable description of the kind, for OpenAPI and `kubectl explain`. */
  readonly description?: string;
}

/**
 * ResourceObject is the type of the objects of a {@link ResourceType}: `ResourceObject<typeof Pod>`
 * is a Pod. Without an argument it is any object with apiVersion, kind and metadata.
 */
export type ResourceObject<T extends ResourceType = ResourceType> = z.output<T['objectSchema']>;

/** ResourceObjectList is the type of a list of the objects of a {@link ResourceType}, e.g. a PodList. */
export type ResourceObjectList<T extends ResourceType = ResourceType> = z.output<T['listSchema']>;

/** GroupVersionKind names a kind in a group and version; `group` is `''` for the core group. */
export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** GroupVersionResource names a resource (its plural) in a group and version. */
export interface GroupVersionResource {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
}
