import { z } from 'zod';
import { ListMeta } from '../meta/list-meta.js';
import { ObjectMeta } from '../meta/object-meta.js';
import { definitionProblems } from './definition-problems.js';
import {
  type ApiVersionOf,
  type ResourceObjectSchema,
  type ResourceSubresources,
  type ResourceType,
  type SelectableFieldGetter,
  STANDARD_VERBS,
  type Verb,
} from './resource-type.js';

/**
 * ResourceDefinition is what {@link defineResource} takes: the names of a kind, its scope, and a
 * zod object schema of the fields beside apiVersion/kind/metadata (`spec`/`status`, or `data` for
 * a ConfigMap-like kind).
 */
export interface ResourceDefinition<
  G extends string,
  V extends string,
  K extends string,
  S extends z.core.$ZodShape,
> {
  /** API group, a DNS subdomain such as `example.com`; `''` for the core group. */
  readonly group: G;
  /** Version, a DNS-1035 label such as `v1` or `v1beta1`. */
  readonly version: V;
  /** Kind in PascalCase, e.g. `Widget`. */
  readonly kind: K;
  /** Lowercase plural used in URLs, a DNS-1035 label, e.g. `widgets`. */
  readonly plural: string;
  /** Lowercase singular; defaults to the lowercased kind. */
  readonly singular?: string;
  /** Kind of lists; defaults to `<Kind>List`. */
  readonly listKind?: string;
  /** Whether objects live in a namespace. */
  readonly namespaced: boolean;
  /** Short names for kubectl, each a DNS-1035 label. */
  readonly shortNames?: readonly string[];
  /** Categories (e.g. `all`), each a DNS-1035 label. */
  readonly categories?: readonly string[];
  /** Verbs served; defaults to {@link STANDARD_VERBS}. */
  readonly verbs?: readonly Verb[];
  /**
   * The fields beside apiVersion, kind and metadata. The top level of the resulting object schema
   * always preserves unknown fields; nested objects follow this schema (use `z.looseObject` to keep
   * fields added by newer versions).
   */
  readonly schema: z.ZodObject<S, z.core.$ZodObjectConfig>;
  /** Subresources served beside the object. */
  readonly subresources?: ResourceSubresources;
  /**
   * Extra field-selector fields by path (e.g. `spec.nodeName`). `metadata.name` and (for namespaced
   * kinds) `metadata.namespace` are always added and must not be given here.
   */
  readonly selectableFields?: Readonly<
    Record<string, SelectableFieldGetter<z.output<ResourceObjectSchema<ApiVersionOf<G, V>, K, S>>>>
  >;
  /** Human-readable description of the kind. */
  readonly description?: string;
}

/**
 * defineResource is the one way a resource type is described, for built-in kinds and for users'
 * custom resources alike. It checks the definition (names, paths, schema) and throws a
 * `TypeError` listing every problem; otherwise it returns a frozen {@link ResourceType} whose
 * object schema is `{ apiVersion?, kind?, metadata, ...schema }` with apiVersion and kind as
 * literals, and whose list schema is `{ apiVersion?, kind?, metadata: ListMeta, items }`.
 *
 * @example
 * ```ts
 * const Widget = defineResource({
 *   group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', namespaced: true,
 *   schema: z.object({ spec: z.looseObject({ color: z.string() }) }),
 *   selectableFields: { 'spec.color': (w) => w.spec.color },
 * });
 * type Widget = ResourceObject<typeof Widget>;
 * ```
 */
export function defineResource<
  const G extends string,
  const V extends string,
  const K extends string,
  S extends z.core.$ZodShape,
>(definition: ResourceDefinition<G, V, K, S>): ResourceType<ApiVersionOf<G, V>, K, S> {
  const problems = definitionProblems(definition);
  const { group, version, kind } = definition;
  const apiVersion = (group === '' ? version : `${group}/${version}`) as ApiVersionOf<G, V>;
  if (problems.length > 0) {
    throw new TypeError(
      `defineResource(${apiVersion} ${kind}): invalid definition:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  const listKind = definition.listKind ?? `${kind}List`;
  const description = definition.description;

  const plainObjectSchema: ResourceObjectSchema<ApiVersionOf<G, V>, K, S> = z.looseObject({
    apiVersion: z
      .literal(apiVersion)
      .optional()
      .describe(`The versioned schema of this object: ${apiVersion}.`),
    kind: z.literal(kind).optional().describe(`The kind of this object: ${kind}.`),
    metadata: ObjectMeta,
    ...definition.schema.shape,
  });
  const objectSchema =
    description === undefined ? plainObjectSchema : plainObjectSchema.describe(description);
  const listSchema = z.looseObject({
    apiVersion: z.literal(apiVersion).optional(),
    kind: z.literal(listKind).optional(),
    metadata: ListMeta,
    items: z.array(objectSchema).describe(`The ${definition.plural}.`),
  });

  type Obj = z.output<typeof objectSchema>;
  const selectableFields: Record<string, SelectableFieldGetter<Obj>> = Object.create(null);
  // Every object of the type has metadata (the schema requires it); the generic shape hides that from TypeScript.
  const metadataOf = (obj: Obj): ObjectMeta => (obj as { metadata: ObjectMeta }).metadata;
  selectableFields['metadata.name'] = (obj) => metadataOf(obj).name;
  if (definition.namespaced) selectableFields['metadata.namespace'] = (obj) => metadataOf(obj).namespace;
  for (const [path, getter] of Object.entries(definition.selectableFields ?? {})) {
    selectableFields[path] = getter;
  }

  const scale = definition.subresources?.scale;
  return Object.freeze({
    group,
    version,
    apiVersion,
    kind,
    listKind,
    plural: definition.plural,
    singular: definition.singular ?? kind.toLowerCase(),
    namespaced: definition.namespaced,
    shortNames: Object.freeze([...(definition.shortNames ?? [])]),
    categories: Object.freeze([...(definition.categories ?? [])]),
    verbs: Object.freeze([...(definition.verbs ?? STANDARD_VERBS)]),
    subresources: Object.freeze({
      status: definition.subresources?.status ?? false,
      ...(scale === undefined ? {} : { scale: Object.freeze({ ...scale }) }),
    }),
    objectSchema,
    listSchema: listSchema.describe(`A list of ${kind} objects.`),
    selectableFields: Object.freeze(selectableFields),
    ...(description === undefined ? {} : { description }),
  });
}
