import type { GroupResource } from '../errors/api-error.js';
import type { GroupVersionKind, GroupVersionResource, ResourceType } from './resource-type.js';

/**
 * ResourceRegistry is a set of {@link ResourceType}s with the lookups the API server, clients and
 * the CLI need: by group/version/kind, by group/version/plural, by group/plural (any version) and
 * by short name.
 *
 * Guarantees:
 * - A kind or a plural is registered at most once per group and version; registering it again
 *   throws, naming both.
 * - Every version of one group/plural agrees on kind and scope; a short name belongs to one
 *   resource per group. Registering anything else throws.
 * - When several versions of a group/plural exist, the first registered is the preferred one;
 *   when a short name is used in several groups, the first registered wins (as kubectl prefers
 *   the core group).
 * - {@link list} returns types in registration order. A registry is independent of every other:
 *   registering into one never changes another.
 */
export class ResourceRegistry {
  readonly #types: ResourceType[] = [];
  readonly #byKind = new Map<string, ResourceType>();
  readonly #byResource = new Map<string, ResourceType>();
  readonly #byGroupResource = new Map<string, ResourceType>();
  readonly #byShortName = new Map<string, ResourceType>();

  /** Creates a registry holding `types`, registered in order (see {@link register}). */
  constructor(types: Iterable<ResourceType> = []) {
    for (const type of types) this.register(type);
  }

  /**
   * register adds `type`. It throws an `Error` naming the conflict when the type's kind or plural
   * is already registered in its group and version, when another version of the same group/plural
   * disagrees on kind or scope, or when one of its short names belongs to another resource of the
   * same group. A failed registration changes nothing.
   */
  register(type: ResourceType): void {
    const name = describe(type);
    const kindKey = key(type.group, type.version, type.kind);
    const existingKind = this.#byKind.get(kindKey);
    if (existingKind !== undefined) {
      throw new Error(
        `cannot register ${name}: kind ${type.kind} is already registered by ${describe(existingKind)}`,
      );
    }
    const resourceKey = key(type.group, type.version, type.plural);
    const existingResource = this.#byResource.get(resourceKey);
    if (existingResource !== undefined) {
      throw new Error(
        `cannot register ${name}: resource ${type.plural} is already registered by ${describe(existingResource)}`,
      );
    }
    const groupResourceKey = key(type.group, type.plural);
    const preferred = this.#byGroupResource.get(groupResourceKey);
    if (
      preferred !== undefined &&
      (preferred.kind !== type.kind || preferred.namespaced !== type.namespaced)
    ) {
      throw new Error(
        `cannot register ${name}: version ${preferred.version} of ${groupResource(type)} is ${scopeOf(preferred)} kind ${preferred.kind}, ` +
          `every version must agree on kind and scope`,
      );
    }
    for (const shortName of type.shortNames) {
      const owner = this.#shortNameOwners(shortName).find(
        (t) => t.group === type.group && t.plural !== type.plural,
      );
      if (owner !== undefined) {
        throw new Error(
          `cannot register ${name}: short name ${shortName} already belongs to ${describe(owner)}`,
        );
      }
    }

    this.#types.push(type);
    this.#byKind.set(kindKey, type);
    this.#byResource.set(resourceKey, type);
    if (preferred === undefined) this.#byGroupResource.set(groupResourceKey, type);
    for (const shortName of type.shortNames) {
      if (!this.#byShortName.has(shortName)) this.#byShortName.set(shortName, type);
    }
  }

  /** forKind returns the type of a group/version/kind, or `undefined`. */
  forKind(gvk: GroupVersionKind): ResourceType | undefined {
    return this.#byKind.get(key(gvk.group, gvk.version, gvk.kind));
  }

  /** forResource returns the type of a group/version/plural, or `undefined`. */
  forResource(gvr: GroupVersionResource): ResourceType | undefined {
    return this.#byResource.get(key(gvr.group, gvr.version, gvr.resource));
  }

  /**
   * forGroupResource returns the preferred (first registered) version of a group/plural, or
   * `undefined`; an omitted group is the core group.
   */
  forGroupResource(gr: GroupResource): ResourceType | undefined {
    return this.#byGroupResource.get(key(gr.group ?? '', gr.resource));
  }

  /** forShortName returns the preferred version of the resource a short name (e.g. `po`) belongs to, or `undefined`. */
  forShortName(shortName: string): ResourceType | undefined {
    const owner = this.#byShortName.get(shortName);
    return owner === undefined
      ? undefined
      : this.forGroupResource({ group: owner.group, resource: owner.plural });
  }

  /** list returns every registered type, in registration order. */
  list(): readonly ResourceType[] {
    return [...this.#types];
  }

  #shortNameOwners(shortName: string): ResourceType[] {
    return this.#types.filter((t) => t.shortNames.includes(shortName));
  }
}

function key(...parts: string[]): string {
  // '/' never appears in a group, version, kind or plural, so the key is unambiguous.
  return parts.join('/');
}

function describe(type: ResourceType): string {
  return `${type.apiVersion} ${type.kind} (${groupResource(type)})`;
}

function groupResource(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

function scopeOf(type: ResourceType): string {
  return type.namespaced ? 'namespaced' : 'cluster-scoped';
}
