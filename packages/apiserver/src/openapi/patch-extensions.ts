import { type FieldPatchStrategy, LIST_ITEM, type PatchStrategyLookup } from '../patch/patch-strategy.js';
import type { JsonSchema } from './schema-converter.js';

/**
 * LIST_MAP_KEYS gives the `x-kubernetes-list-map-keys` of the merge-keyed lists whose
 * server-side-apply keys Kubernetes declares differently from their patch merge key
 * (`<definition>.<field>` → keys). Every other merge-keyed list is a map keyed by its merge key.
 */
export const LIST_MAP_KEYS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'io.k8s.api.core.v1.Container.ports': ['containerPort', 'protocol'],
  'io.k8s.api.core.v1.ServiceSpec.ports': ['port', 'protocol'],
  'io.k8s.api.core.v1.PodSpec.topologySpreadConstraints': ['topologyKey', 'whenUnsatisfiable'],
});

/**
 * annotatePatchStrategies adds Kubernetes' patch extensions to the fields of the definition
 * `root` (and of every definition it refers to) that `lookup` — a kind's strategic merge patch
 * table — gives a strategy: `x-kubernetes-patch-strategy` (`merge`, `retainKeys`,
 * `merge,retainKeys`, `replace`), `x-kubernetes-patch-merge-key`, and for lists
 * `x-kubernetes-list-type` (`map` with `x-kubernetes-list-map-keys` for merge-keyed lists, `set`
 * for merged lists of scalars). The extensions go on the field's schema inside the definition
 * that declares the field, so a shared definition (`Container`) carries them wherever it is used,
 * as Go struct tags do. Recursion through definitions stops at a definition already on the path.
 */
export function annotatePatchStrategies(
  definitions: ReadonlyMap<string, JsonSchema>,
  root: string,
  lookup: PatchStrategyLookup,
): void {
  const visit = (
    schema: JsonSchema,
    owner: string,
    path: readonly string[],
    stack: ReadonlySet<string>,
  ): void => {
    let target = schema;
    let targetOwner = owner;
    let nextStack = stack;
    if (typeof schema.$ref === 'string') {
      const definition = definitions.get(schema.$ref);
      if (definition === undefined || stack.has(schema.$ref)) return;
      target = definition;
      targetOwner = schema.$ref;
      nextStack = new Set([...stack, schema.$ref]);
    }
    const properties = target.properties as Record<string, JsonSchema> | undefined;
    for (const [key, field] of Object.entries(properties ?? {})) {
      const fieldPath = [...path, key];
      const strategy = lookup.strategyFor(fieldPath);
      if (strategy !== undefined) annotate(field, `${targetOwner}.${key}`, strategy);
      visit(field, targetOwner, fieldPath, nextStack);
    }
    const items = target.items as JsonSchema | undefined;
    if (items !== undefined) visit(items, targetOwner, [...path, LIST_ITEM], nextStack);
  };
  const definition = definitions.get(root);
  if (definition !== undefined) visit(definition, root, [], new Set([root]));
}

function annotate(field: JsonSchema, where: string, strategy: FieldPatchStrategy): void {
  const strategies = [strategy.strategy, strategy.retainKeys === true ? 'retainKeys' : undefined].filter(
    (s) => s !== undefined,
  );
  if (strategies.length > 0) field['x-kubernetes-patch-strategy'] = strategies.join(',');
  if (strategy.mergeKey !== undefined) field['x-kubernetes-patch-merge-key'] = strategy.mergeKey;
  if (field.type !== 'array' || strategy.strategy !== 'merge') return;
  if (strategy.mergeKey !== undefined) {
    field['x-kubernetes-list-type'] = 'map';
    field['x-kubernetes-list-map-keys'] = [...(LIST_MAP_KEYS[where] ?? [strategy.mergeKey])];
  } else {
    field['x-kubernetes-list-type'] = 'set';
  }
}
