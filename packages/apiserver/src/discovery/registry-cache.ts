import type { ResourceRegistry, ResourceType } from '@capstan/core';

interface Generation {
  readonly types: readonly ResourceType[];
  readonly values: Map<string, unknown>;
}

/**
 * RegistryCache remembers values computed from a {@link ResourceRegistry}, per registry and key,
 * for as long as the registry holds the same types.
 *
 * Guarantees: `get` calls `compute` at most once per registry generation and key, where a
 * generation ends whenever the registry's list of types changes (a type registered at run time,
 * such as a custom resource, starts a new one and drops every value of the old). Registries are
 * held weakly. Checking the generation costs one `registry.list()` and a comparison of its
 * entries by identity.
 */
export class RegistryCache {
  readonly #generations = new WeakMap<ResourceRegistry, Generation>();

  /** get returns the value cached for `registry` and `key`, computing and caching it when missing. */
  get<V>(registry: ResourceRegistry, key: string, compute: () => V): V {
    const types = registry.list();
    let generation = this.#generations.get(registry);
    if (generation === undefined || !sameTypes(generation.types, types)) {
      generation = { types, values: new Map() };
      this.#generations.set(registry, generation);
    }
    if (generation.values.has(key)) return generation.values.get(key) as V;
    const value = compute();
    generation.values.set(key, value);
    return value;
  }
}

function sameTypes(a: readonly ResourceType[], b: readonly ResourceType[]): boolean {
  return a.length === b.length && a.every((type, i) => type === b[i]);
}
