import { type ResourceType, selectableFieldValues } from '@capstan/core';
import type { ApiObject } from '../registry/api-object.js';
import type { FilterableObject } from '../registry/object-filter.js';
import type { WatchEvent } from './watch-event.js';

/**
 * CachedObject is one version of one object held by the watch cache: its key, the deeply frozen
 * object, and what filters read from it (namespace, labels, and the selectable fields, computed
 * on first use and then kept).
 */
export class CachedObject implements FilterableObject {
  readonly key: string;
  readonly object: ApiObject;
  readonly revision: number;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>> | undefined;
  readonly #type: ResourceType;
  #fields: Readonly<Record<string, string>> | undefined;
  #added: WatchEvent | undefined;

  /** Wraps `object`, which the caller has already frozen, stored under `key` at `revision`. */
  constructor(type: ResourceType, key: string, object: ApiObject, revision: number) {
    this.#type = type;
    this.key = key;
    this.object = object;
    this.revision = revision;
    this.namespace = object.metadata.namespace ?? '';
    this.labels = object.metadata.labels;
  }

  fields(): Readonly<Record<string, string>> {
    this.#fields ??= Object.freeze(selectableFieldValues(this.#type, this.object));
    return this.#fields;
  }

  /** added returns the ADDED event of this version, built once and shared by every watcher. */
  added(): WatchEvent {
    this.#added ??= Object.freeze({ type: 'ADDED', object: this.object });
    return this.#added;
  }
}
