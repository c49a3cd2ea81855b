/** NamespaceState is what admission needs to know about a namespace: its phase and whether its deletion has begun. */
export interface NamespaceState {
  readonly phase?: string;
  readonly deletionTimestamp?: string;
}

/**
 * NamespaceLookup reads namespaces for admission plugins. `get` returns the namespace's current
 * state, or undefined when it does not exist; it must reflect every acknowledged write (a namespace
 * created a moment ago is found), so back it with the store or a cache that has caught up with the
 * write, never with a cache that may lag. The API server binds it under {@link NAMESPACE_LOOKUP}.
 */
export interface NamespaceLookup {
  get(name: string): Promise<NamespaceState | undefined>;
}

/** NAMESPACE_LOOKUP is the inversify token of the {@link NamespaceLookup} the API server provides. */
export const NAMESPACE_LOOKUP = Symbol.for('@capstan/apiserver/NamespaceLookup');
