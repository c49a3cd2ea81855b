import {
  Binding,
  type GroupVersionKind,
  type ResourceRegistry,
  type ResourceType,
  StatusSchema,
} from '@capstan/core';
import { RegistryCache } from '../discovery/registry-cache.js';
import { BINDING_KIND, EVICTION_KIND, SCALE_KIND } from '../discovery/served-subresource.js';
import {
  builtinPatchStrategyLookup,
  hasStrategicMergeSupport,
  patchKindKey,
} from '../patch/builtin-patch-strategies.js';
import { CONTEXTUAL_DEFINITIONS, kindDefinitionName, SHARED_DEFINITIONS } from './definition-names.js';
import { DeleteOptions, Eviction, Patch, Scale, WatchEvent } from './operation-schemas.js';
import { annotatePatchStrategies } from './patch-extensions.js';
import { type JsonSchema, SchemaConverter } from './schema-converter.js';

/** GVK_EXTENSION is the OpenAPI extension naming the group/version/kind(s) of a definition or operation. */
export const GVK_EXTENSION = 'x-kubernetes-group-version-kind';

/** gvkObject is a group/version/kind as Kubernetes writes it in `x-kubernetes-group-version-kind`. */
export function gvkObject(gvk: GroupVersionKind): { group: string; kind: string; version: string } {
  return { group: gvk.group, kind: gvk.kind, version: gvk.version };
}

const STATUS_KIND: GroupVersionKind = { group: '', version: 'v1', kind: 'Status' };

/** KindDefinitions names the definitions of one resource type: its kind and its list. */
export interface KindDefinitions {
  readonly kind: string;
  readonly list: string;
}

/**
 * RegistryDefinitions is every OpenAPI definition of a registry's types, generated from their zod
 * schemas, with the names of each type's definitions and of the operation bodies.
 */
export interface RegistryDefinitions {
  /** Every definition by name, in OpenAPI 3 form with bare-name `$ref`s (see {@link JsonSchema}). */
  readonly definitions: ReadonlyMap<string, JsonSchema>;
  /** The definitions of each registered type. */
  readonly kinds: ReadonlyMap<ResourceType, KindDefinitions>;
  /** Definition names of the operation bodies and responses that are not resources. */
  readonly names: {
    readonly status: string;
    readonly deleteOptions: string;
    readonly watchEvent: string;
    readonly patch: string;
    readonly scale: string;
    readonly eviction: string;
    readonly binding: string;
  };
}

const cache = new RegistryCache();

/**
 * registryDefinitions generates the definitions of every type of `registry` (kind and list, named
 * as Kubernetes names them, see `kindDefinitionName`) and of the operation bodies (Status,
 * DeleteOptions, WatchEvent, Patch, autoscaling/v1 Scale, policy/v1 Eviction, v1 Binding).
 *
 * Guarantees: every `$ref` names a definition of the set; every kind and list definition, Status,
 * Scale, Eviction and Binding carry `x-kubernetes-group-version-kind` (a one-element array); a kind's
 * `apiVersion` and `kind` fields are plain strings, as Kubernetes publishes them; list `items`
 * refer to the kind's definition; the fields of built-in kinds that strategic merge patch treats
 * specially carry the patch extensions (see `annotatePatchStrategies`). Computed once per registry
 * generation; the result must not be modified.
 */
export function registryDefinitions(registry: ResourceRegistry): RegistryDefinitions {
  return cache.get(registry, 'definitions', () => generate(registry.list()));
}

function generate(types: readonly ResourceType[]): RegistryDefinitions {
  const kinds = new Map<ResourceType, KindDefinitions>();
  const contextual: Record<string, string> = { ...CONTEXTUAL_DEFINITIONS };
  for (const type of types) {
    const names: KindDefinitions = {
      kind: kindDefinitionName(type),
      list: kindDefinitionName({ group: type.group, version: type.version, kind: type.listKind }),
    };
    kinds.set(type, names);
    contextual[`${names.list}.items[]`] = names.kind;
  }

  const converter = new SchemaConverter(SHARED_DEFINITIONS, contextual);
  const define = (
    gvk: GroupVersionKind | undefined,
    name: string,
    schema: Parameters<SchemaConverter['define']>[1],
  ) => {
    const definition = converter.define(name, schema);
    if (gvk !== undefined) definition[GVK_EXTENSION] = [gvkObject(gvk)];
    return name;
  };
  const names = {
    status: define(STATUS_KIND, kindDefinitionName(STATUS_KIND), StatusSchema),
    deleteOptions: define(undefined, 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', DeleteOptions),
    watchEvent: define(undefined, 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent', WatchEvent),
    patch: define(undefined, 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', Patch),
    scale: define(SCALE_KIND, kindDefinitionName(SCALE_KIND), Scale),
    eviction: define(EVICTION_KIND, kindDefinitionName(EVICTION_KIND), Eviction),
    // pods/binding is served whether or not Binding is registered as a resource of its own.
    binding: define(BINDING_KIND, kindDefinitionName(BINDING_KIND), Binding.objectSchema),
  };
  plainTypeMeta(converter.definitions.get(names.binding));

  for (const [type, { kind, list }] of kinds) {
    define(type, kind, type.objectSchema);
    define({ ...type, kind: type.listKind }, list, type.listSchema);
    for (const name of [kind, list]) plainTypeMeta(converter.definitions.get(name));
  }
  for (const [type, { kind }] of kinds) {
    const key = patchKindKey(type.apiVersion, type.kind);
    if (hasStrategicMergeSupport(key)) {
      annotatePatchStrategies(converter.definitions, kind, builtinPatchStrategyLookup(key));
    }
  }
  const scaleKey = patchKindKey('autoscaling/v1', 'Scale');
  annotatePatchStrategies(converter.definitions, names.scale, builtinPatchStrategyLookup(scaleKey));
  return { definitions: converter.definitions, kinds, names };
}

/** plainTypeMeta publishes a kind's `apiVersion` and `kind` as plain strings, without the literal's enum. */
function plainTypeMeta(definition: JsonSchema | undefined): void {
  const properties = definition?.properties as Record<string, JsonSchema> | undefined;
  for (const field of ['apiVersion', 'kind']) delete properties?.[field]?.enum;
}
