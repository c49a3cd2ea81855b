import { ApiError, type ResourceType } from '@capstan/core';
import { pathSegmentNameProblems } from './path-segment-name.js';

/**
 * ResourceKeys lays out the Store keys of one resource type:
 * `/registry/<plural>/<namespace>/<name>` for the core group,
 * `/registry/<group>/<plural>/<namespace>/<name>` for every other group, and no namespace segment
 * for cluster-scoped kinds.
 *
 * Guarantees: every key it returns lies under {@link ResourceKeys.root}, whatever the caller
 * passes. A namespace or name that could escape its segment (`/`, `%`, `.`, `..`) is refused with
 * a 400 BadRequest, as Kubernetes' `NamespaceKeyFunc` refuses it.
 */
export class ResourceKeys {
  /** The prefix every key of the type starts with, ending in `/`, e.g. `/registry/apps/deployments/`. */
  readonly root: string;
  readonly #namespaced: boolean;

  constructor(type: ResourceType) {
    this.root = type.group === '' ? `/registry/${type.plural}/` : `/registry/${type.group}/${type.plural}/`;
    this.#namespaced = type.namespaced;
  }

  /**
   * objectKey returns the key of one object. For a namespaced type `namespace` is required
   * (400 `Namespace parameter required.`); for a cluster-scoped type it is ignored.
   */
  objectKey(namespace: string | undefined, name: string): string {
    if (name === '') throw ApiError.badRequest('Name parameter required.');
    const problems = pathSegmentNameProblems(name, false);
    if (problems.length > 0) {
      throw ApiError.badRequest(`Name parameter invalid: ${JSON.stringify(name)}: ${problems.join(';')}`);
    }
    if (!this.#namespaced) return this.root + name;
    if (namespace === undefined || namespace === '')
      throw ApiError.badRequest('Namespace parameter required.');
    return `${this.namespacePrefix(namespace)}${name}`;
  }

  /**
   * listPrefix returns the prefix of every object in `namespace`, or of every object of the type
   * when `namespace` is undefined or empty (and always for a cluster-scoped type).
   */
  listPrefix(namespace: string | undefined): string {
    if (!this.#namespaced || namespace === undefined || namespace === '') return this.root;
    return this.namespacePrefix(namespace);
  }

  private namespacePrefix(namespace: string): string {
    const problems = pathSegmentNameProblems(namespace, false);
    if (problems.length > 0) {
      throw ApiError.badRequest(
        `Namespace parameter invalid: ${JSON.stringify(namespace)}: ${problems.join(';')}`,
      );
    }
    return `${this.root}${namespace}/`;
  }
}
