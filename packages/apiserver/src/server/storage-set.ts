import { ApiError, type ResourceType, type Store } from '@capstan/core';
import type { ApiObject } from '../registry/api-object.js';
import { ResourceStorage, type ResourceStorageOptions } from '../registry/resource-storage.js';

/** StorageSetOptions configure a {@link StorageSet}: what every storage it creates shares. */
export interface StorageSetOptions {
  readonly store: Store;
  readonly watchCache?: ResourceStorageOptions['watchCache'];
  readonly clock?: () => Date;
}

/**
 * StorageSet holds one {@link ResourceStorage} per resource type, created on first use, all over
 * one Store.
 *
 * Guarantees: `for(type)` returns the same storage for the same type object until `close`; after
 * `close` every storage is closed (their watches end) and `for` throws a 503 ServiceUnavailable.
 */
export class StorageSet {
  readonly #options: StorageSetOptions;
  readonly #storages = new Map<ResourceType, ResourceStorage>();
  #closed = false;

  constructor(options: StorageSetOptions) {
    this.#options = options;
  }

  /** for returns the storage of `type`, creating it (and starting its watch cache) the first time. */
  for<O extends ApiObject = ApiObject>(type: ResourceType): ResourceStorage<O> {
    if (this.#closed) throw ApiError.serviceUnavailable('the API server is shutting down');
    let storage = this.#storages.get(type);
    if (storage === undefined) {
      storage = new ResourceStorage({
        store: this.#options.store,
        type,
        ...(this.#options.watchCache === undefined ? {} : { watchCache: this.#options.watchCache }),
        ...(this.#options.clock === undefined ? {} : { clock: this.#options.clock }),
      });
      this.#storages.set(type, storage);
    }
    return storage as unknown as ResourceStorage<O>;
  }

  /** open lists the storages created so far. */
  open(): readonly ResourceStorage[] {
    return [...this.#storages.values()];
  }

  /** close closes every storage; the Store is left open. */
  close(): void {
    this.#closed = true;
    for (const storage of this.#storages.values()) storage.close();
    this.#storages.clear();
  }
}
