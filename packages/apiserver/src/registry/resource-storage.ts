import { randomUUID } from 'node:crypto';
import {
  ApiError,
  type FieldError,
  type GroupResource,
  generateName,
  type KeyValue,
  type ObjectMeta,
  type ResourceType,
  type Store,
  StoreError,
} from '@capstan/core';
import { Observable, type Subscription } from 'rxjs';
import { type CacheWatchStart, WatchCache, type WatchCacheOptions } from '../watch-cache/watch-cache.js';
import { errorEvent, type WatchEvent } from '../watch-cache/watch-event.js';
import type { ApiObject } from './api-object.js';
import { strategyFor } from './builtin-strategies.js';
import { decodeContinueToken, encodeContinueToken } from './continue-token.js';
import { deletionFinalizers } from './deletion-finalizers.js';
import { sameJson, sameJsonExcept } from './json-equality.js';
import { ObjectCodec } from './object-codec.js';
import { ObjectFilter } from './object-filter.js';
import {
  defaultNameValidator,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta-validation.js';
import {
  validateDeleteOptions,
  validateListOptions,
  validateWatchOptions,
} from './request-options-validation.js';
import { ResourceKeys } from './resource-keys.js';
import type { ResourceStrategy } from './resource-strategy.js';
import { parseResourceVersion } from './resource-version.js';
import type {
  DeleteResult,
  ObjectList,
  ResourceCreateOptions,
  ResourceDeleteOptions,
  ResourceGetOptions,
  ResourceGuaranteedUpdateOptions,
  ResourceListOptions,
  ResourcePreconditions,
  ResourceUpdateOptions,
  ResourceWatchOptions,
} from './storage-options.js';
import { INCONSISTENT_CONTINUE_MESSAGE, storeFailure } from './store-errors.js';
import { zodFieldErrors } from './zod-field-errors.js';

/** ResourceStorageOptions configures a {@link ResourceStorage}. */
export interface ResourceStorageOptions {
  readonly store: Store;
  readonly type: ResourceType;
  /** Type-specific behaviour; defaults to the built-in strategy of the kind ({@link strategyFor}). */
  readonly strategy?: ResourceStrategy;
  /** Options of the watch cache the storage creates for its type. */
  readonly watchCache?: Omit<WatchCacheOptions, 'store' | 'type'>;
  /** The clock for creationTimestamp and deletionTimestamp (defaults to the system clock). */
  readonly clock?: () => Date;
}

/** How many names `generateName` tries before giving up, as Kubernetes. */
const GENERATE_NAME_ATTEMPTS = 8;
/** How many times a write retries after losing a race with another writer. */
const MAX_WRITE_ATTEMPTS = 64;
/** The first page size when a paged list filters items out; it doubles up to this. */
const MAX_LIST_CHUNK = 10_000;
const TOP_LEVEL_SYSTEM_KEYS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata', 'status']);
const NOT_FOUND_RESOURCE = 'the server could not find the requested resource';

/**
 * ResourceStorage is the generic REST storage of one resource type (Kubernetes' generic registry
 * `Store`): get, list, create, update, guaranteedUpdate, delete, deleteCollection and watch with
 * Kubernetes' semantics, over any {@link Store}. Type-specific behaviour comes from a
 * {@link ResourceStrategy}; watches and `resourceVersion=0` reads come from one {@link WatchCache},
 * which starts loading when the storage is created.
 *
 * Keys are `/registry/<plural>/<namespace>/<name>` (core group) or
 * `/registry/<group>/<plural>/<namespace>/<name>`; values are the object as JSON with apiVersion and
 * kind, without resourceVersion, which is always the key's modRevision on the way out.
 *
 * `O` is the type of the objects (`new ResourceStorage<Pod>({ store, type: Pod })`). Every
 * failure is an `ApiError` with Kubernetes' status, reason and message, except errors thrown by a
 * `guaranteedUpdate` mutation, which pass through. Objects passed in are never modified. Objects returned are the caller's own, except those served by the watch
 * cache (`resourceVersion` `'0'`/`N` reads, watch events), which are deeply frozen and shared.
 */
export class ResourceStorage<O extends ApiObject = ApiObject> {
  readonly type: ResourceType;
  readonly #store: Store;
  readonly #strategy: ResourceStrategy;
  readonly #keys: ResourceKeys;
  readonly #codec: ObjectCodec;
  readonly #cache: WatchCache;
  readonly #clock: () => Date;
  readonly #resource: GroupResource;

  constructor(options: ResourceStorageOptions) {
    this.type = options.type;
    this.#store = options.store;
    this.#strategy = options.strategy ?? strategyFor(options.type);
    this.#keys = new ResourceKeys(options.type);
    this.#codec = new ObjectCodec(options.type);
    this.#cache = new WatchCache({ ...options.watchCache, store: options.store, type: options.type });
    // Start the cache now, so that watches from the revisions of early reads can be served.
    this.#cache.start().catch(() => undefined);
    this.#clock = options.clock ?? (() => new Date());
    this.#resource = { group: options.type.group, resource: options.type.plural };
  }

  /** watchCache is the cache serving this storage's watches (for metrics and tests). */
  get watchCache(): WatchCache {
    return this.#cache;
  }

  /** close closes the watch cache (every watch ends); the Store is left open. */
  close(): void {
    this.#cache.close();
  }

  /**
   * get returns one object (404 NotFound when absent). Without resourceVersion it reads the store;
   * with `'0'` it reads the watch cache; with `N` the watch cache once it has reached N.
   */
  async get(namespace: string | undefined, name: string, opts: ResourceGetOptions = {}): Promise<O> {
    const key = this.#keys.objectKey(namespace, name);
    if ((opts.resourceVersion ?? '') === '') {
      const kv = await this.#read(() => this.#store.get(key), 'get');
      if (kv === undefined) throw ApiError.notFound(this.#resource, name);
      return this.#codec.decode(kv) as O;
    }
    const { object } = await this.#cache.get(key, parseResourceVersion(opts.resourceVersion));
    if (object === undefined) throw ApiError.notFound(this.#resource, name);
    return object as O;
  }

  /**
   * list returns the objects of a namespace (or of every namespace when `namespace` is undefined)
   * that match the selectors, with the `resourceVersion`/`resourceVersionMatch` semantics of the
   * Kubernetes API concepts: unset reads the latest state from the store; `'0'` any state from the
   * watch cache; `N` a state not older than N (from the cache), or exactly N with a limit or
   * `Exact` (from the store). Pages (`limit`) are all read at the first page's revision; a page
   * holds `limit` matching items unless the list ends; a continue token whose revision was
   * compacted is a 410 Expired carrying a token that continues at the latest revision.
   */
  async list(namespace: string | undefined, opts: ResourceListOptions = {}): Promise<ObjectList<O>> {
    validateListOptions(opts);
    const prefix = this.#keys.listPrefix(namespace);
    const filter = ObjectFilter.create(this.type, {
      namespace,
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
    });
    const limit = opts.limit !== undefined && opts.limit > 0 ? Math.floor(opts.limit) : 0;
    if ((opts.continue ?? '') !== '') {
      const position = decodeContinueToken(opts.continue!, prefix);
      return this.#listFromStore(prefix, filter, limit, position.revision, position.startKey);
    }
    const rvText = opts.resourceVersion ?? '';
    const rv = parseResourceVersion(rvText);
    const match = opts.resourceVersionMatch ?? '';
    if (rvText === '') return this.#listFromStore(prefix, filter, limit, 0);
    if (match === 'Exact' || (match === '' && limit > 0 && rv > 0)) {
      return this.#listFromStore(prefix, filter, limit, rv);
    }
    const page = await this.#cache.list({ filter, minRevision: rv, limit });
    const metadata: ObjectList['metadata'] = { resourceVersion: String(page.revision) };
    if (page.continueAfter !== undefined) {
      metadata.continue = encodeContinueToken(page.continueAfter, prefix, page.revision);
      if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
    }
    return this.#list(metadata, page.items as O[]);
  }

  /**
   * create stores a new object in `namespace` (ignored for cluster-scoped kinds), as Kubernetes'
   * create does: the name comes from `generateName` when unset (retrying on a collision), uid,
   * creationTimestamp and `generation: 1` are set, deletion fields are cleared, status is dropped
   * when the kind has a status subresource, and the object is validated (422 Invalid with one
   * cause per problem). A body namespace that differs from `namespace` is a 400; an existing name
   * is a 409 AlreadyExists; a resourceVersion on the object is refused as Kubernetes refuses it
   * (500, `resourceVersion should not be set on objects to be created`). `admit` (validating
   * admission) sees the validated object last, right before the write. With `dryRun` nothing is
   * written and the result has no resourceVersion.
   */
  async create(namespace: string | undefined, object: O, opts: ResourceCreateOptions = {}): Promise<O> {
    const requestedVersion = metadataOf(object).resourceVersion;
    const base = this.#prepareCreate(namespace, object);
    const generated = (base.metadata.name ?? '') === '' && (base.metadata.generateName ?? '') !== '';
    for (let attempt = 1; ; attempt++) {
      const candidate = generated
        ? { ...base, metadata: { ...base.metadata, name: generateName(base.metadata.generateName!) } }
        : base;
      const valid = this.#validated(candidate, (obj) => this.#strategy.validate?.(obj) ?? []);
      const name = valid.metadata.name!;
      const key = this.#keys.objectKey(valid.metadata.namespace, name);
      await opts.admit?.(valid);
      try {
        if (opts.dryRun) {
          if ((await this.#store.get(key)) !== undefined)
            throw new StoreError('KeyExists', `key ${key} exists`);
          return valid as O;
        }
        if (hasResourceVersion(requestedVersion)) {
          throw new ApiError({
            reason: '',
            code: 500,
            message: 'resourceVersion should not be set on objects to be created',
          });
        }
        const kv = await this.#store.create(key, this.#codec.encode(valid));
        valid.metadata.resourceVersion = String(kv.modRevision);
        return valid as O;
      } catch (err) {
        if (!StoreError.is(err, 'KeyExists')) throw storeFailure(err, this.#resource, 'create');
        if (!generated) throw ApiError.alreadyExists(this.#resource, name);
        if (attempt >= GENERATE_NAME_ATTEMPTS) throw generateNameConflict(this.#resource, name);
      }
    }
  }

  /**
   * update replaces an object (or, with `subresource: 'status'`, its status) with Kubernetes'
   * semantics: `metadata.resourceVersion` is the optimistic-concurrency precondition (a stale one
   * is 409 Conflict, `Operation cannot be fulfilled on pods "x": the object has been modified;
   * please apply your changes to the latest version and try again`); without it the update is
   * unconditional (unless the strategy forbids it). name, namespace, uid and creationTimestamp
   * cannot change; generation is bumped when anything outside metadata and status changes; the
   * main resource ignores status when the kind has a status subresource, and `/status` takes only
   * status. Removing the last finalizer from an object being deleted (with no grace period
   * pending) deletes it, and the object as it was stored is returned. An update that changes
   * nothing writes nothing and returns the same resourceVersion. `admit` (validating admission)
   * sees the validated object and the stored one right before every write attempt.
   */
  async update(
    namespace: string | undefined,
    name: string,
    object: O,
    opts: ResourceUpdateOptions = {},
  ): Promise<O> {
    const key = this.#keys.objectKey(namespace, name);
    const meta = metadataOf(object);
    const bodyName = meta.name ?? '';
    if (bodyName !== name) {
      throw ApiError.badRequest(
        `the name of the object (${bodyName}) does not match the name on the URL (${name})`,
      );
    }
    const bodyNamespace = meta.namespace ?? '';
    if (this.type.namespaced && bodyNamespace !== '' && bodyNamespace !== namespace) {
      throw ApiError.badRequest(
        `the namespace of the object (${bodyNamespace}) does not match the namespace on the request (${namespace})`,
      );
    }
    const hasPrecondition = parseResourceVersion(meta.resourceVersion, 'metadata.resourceVersion') > 0;
    return this.#updateLoop(key, namespace, name, () => object, {
      ...opts,
      retry: !hasPrecondition,
    });
  }

  /**
   * guaranteedUpdate reads the current object, applies `mutate` to a copy of it and writes the
   * result with the semantics of {@link ResourceStorage.update} — the building block of PATCH and
   * of subresources that change one field. When another writer wins the race, it reads again and
   * re-applies `mutate`, unless the caller gave a resourceVersion precondition (then 409). A
   * resourceVersion that `mutate` leaves on the object other than the current one (a patch that
   * sets it) is a 409 Conflict too. Errors thrown by `mutate` propagate unchanged.
   */
  async guaranteedUpdate(
    namespace: string | undefined,
    name: string,
    mutate: (current: O) => O | Promise<O>,
    opts: ResourceGuaranteedUpdateOptions = {},
  ): Promise<O> {
    const key = this.#keys.objectKey(namespace, name);
    return this.#updateLoop(key, namespace, name, (current) => mutate(current as O), {
      ...opts,
      retry: opts.preconditions?.resourceVersion === undefined,
    });
  }

  /**
   * delete removes an object as Kubernetes' delete does: preconditions (uid, resourceVersion) are
   * checked (409); `propagationPolicy` Orphan/Foreground adds the `orphan`/`foregroundDeletion`
   * finalizer; an object with finalizers only gets `deletionTimestamp` (and
   * `deletionGracePeriodSeconds: 0`) and stays; a kind with graceful deletion (pods bound to a
   * node) gets `deletionTimestamp` = now + grace period and stays, and a later delete may only
   * shorten the period (`gracePeriodSeconds: 0` forces). `admit` (validating admission) sees the
   * stored object once the preconditions hold. With `dryRun` nothing is written.
   */
  async delete(
    namespace: string | undefined,
    name: string,
    opts: ResourceDeleteOptions = {},
  ): Promise<DeleteResult<O>> {
    validateDeleteOptions(opts);
    const key = this.#keys.objectKey(namespace, name);
    for (let attempt = 1; ; attempt++) {
      const kv = await this.#read(() => this.#store.get(key), 'delete');
      if (kv === undefined) throw ApiError.notFound(this.#resource, name);
      const result = await this.#deleteOnce(key, kv, opts);
      if (result !== undefined) return result;
      if (attempt >= MAX_WRITE_ATTEMPTS) throw ApiError.conflict(this.#resource, name);
    }
  }

  /**
   * deleteCollection deletes every object a list selects (with the list's resourceVersion
   * semantics), each as {@link ResourceStorage.delete} would, skipping objects that are already
   * gone, and returns the list of what each delete returned.
   */
  async deleteCollection(
    namespace: string | undefined,
    listOpts: ResourceListOptions = {},
    deleteOpts: ResourceDeleteOptions = {},
  ): Promise<ObjectList<O>> {
    validateDeleteOptions(deleteOpts);
    const list = await this.list(namespace, listOpts);
    const results: (O | undefined)[] = new Array(list.items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < list.items.length) {
        const index = next++;
        const item = list.items[index]!;
        try {
          results[index] = (
            await this.delete(item.metadata.namespace, item.metadata.name ?? '', deleteOpts)
          ).object;
        } catch (err) {
          if (!ApiError.is(err, 'NotFound')) throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, list.items.length) }, worker));
    return { ...list, items: results.filter((item): item is O => item !== undefined) };
  }

  /**
   * watch streams the changes to the objects a namespace and selectors select, from the watch
   * cache, with Kubernetes' semantics: resourceVersion unset (or `'0'`) first sends ADDED events
   * for the current objects (at least as fresh as the store's current revision when unset, any
   * state for `'0'`); `N` sends every change after N (an ERROR event with 410 Expired when the
   * cache no longer has them); `sendInitialEvents=true` sends the initial ADDED events and then,
   * with `allowWatchBookmarks`, the `k8s.io/initial-events-end` bookmark; `sendInitialEvents=false`
   * starts at the current revision (unset), any revision (`'0'`) or exactly N. Invalid options
   * throw synchronously (400/422); failures after the start are ERROR events that end the watch.
   */
  watch(namespace: string | undefined, opts: ResourceWatchOptions = {}): Observable<WatchEvent<O>> {
    validateWatchOptions(opts);
    this.#keys.listPrefix(namespace);
    const filter = ObjectFilter.create(this.type, {
      namespace,
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
    });
    const rvText = opts.resourceVersion ?? '';
    const rv = parseResourceVersion(rvText);
    const initial = opts.sendInitialEvents;
    const request = {
      filter,
      allowBookmarks: opts.allowWatchBookmarks === true,
      initialEventsEndBookmark: initial === true,
      backpressure: opts.backpressure,
      ...(opts.timeoutSeconds !== undefined && opts.timeoutSeconds > 0
        ? { timeoutMs: opts.timeoutSeconds * 1000 }
        : {}),
    };
    const startAt = (current: number): CacheWatchStart => {
      if (initial === false) {
        if (rvText === '') return { from: 'now', minRevision: current };
        return rv === 0 ? { from: 'now' } : { from: 'revision', revision: rv };
      }
      if (rvText === '') return { from: 'snapshot', minRevision: current };
      if (rv === 0) return { from: 'snapshot' };
      return initial === true ? { from: 'snapshot', minRevision: rv } : { from: 'revision', revision: rv };
    };
    return new Observable<WatchEvent<O>>((subscriber) => {
      let inner: Subscription | undefined;
      let closed = false;
      const begin = (current: number): void => {
        if (closed) return;
        const events = this.#cache.watch({ ...request, start: startAt(current) }) as Observable<
          WatchEvent<O>
        >;
        inner = events.subscribe(subscriber);
      };
      if (rvText !== '') begin(0);
      else {
        this.#store.currentRevision().then(begin, (err: unknown) => {
          if (closed) return;
          subscriber.next(errorEvent(storeFailure(err, this.#resource, 'watch')) as WatchEvent<O>);
          subscriber.complete();
        });
      }
      return () => {
        closed = true;
        inner?.unsubscribe();
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // create

  /** prepareCreate copies the object and does what Kubernetes' `BeforeCreate` does before naming and validation. */
  #prepareCreate(namespace: string | undefined, object: O): ApiObject {
    const obj = workingCopy(object);
    this.#assertKind(obj);
    const meta = obj.metadata;
    const expected = this.type.namespaced ? (namespace ?? '') : '';
    const actual = meta.namespace ?? '';
    if (actual !== expected) {
      if (actual === '') meta.namespace = expected;
      else if (expected === '') delete meta.namespace;
      else {
        throw ApiError.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
    }
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.selfLink;
    delete meta.resourceVersion;
    if (this.type.subresources.status) delete obj.status;
    this.#strategy.prepareForCreate?.(obj);
    meta.uid = randomUUID();
    meta.creationTimestamp = rfc3339(this.#clock());
    meta.generation = 1;
    return obj;
  }

  // ---------------------------------------------------------------------------------------------
  // update

  async #updateLoop(
    key: string,
    namespace: string | undefined,
    name: string,
    build: (current: ApiObject) => ApiObject | Promise<ApiObject>,
    opts: ResourceUpdateOptions & { retry: boolean; preconditions?: ResourcePreconditions | undefined },
  ): Promise<O> {
    if (opts.subresource === 'status' && !this.type.subresources.status) {
      throw new ApiError({ reason: 'NotFound', message: NOT_FOUND_RESOURCE });
    }
    for (let attempt = 1; ; attempt++) {
      const kv = await this.#read(() => this.#store.get(key), 'update');
      if (kv === undefined) throw ApiError.notFound(this.#resource, name);
      const existing = this.#codec.decode(kv);
      this.#checkPreconditions(existing, opts.preconditions, name);
      const incoming = workingCopy(await build(this.#codec.decode(kv)));
      const incomingRV = incoming.metadata.resourceVersion ?? '';
      const unconditional = incomingRV === '' || incomingRV === '0';
      if (!unconditional && incomingRV !== existing.metadata.resourceVersion) {
        throw ApiError.conflict(this.#resource, name);
      }
      if (unconditional && this.#strategy.allowUnconditionalUpdate === false) {
        throw ApiError.conflict(
          this.#resource,
          name,
          'metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
        );
      }
      const next = this.#prepareUpdate(namespace, incoming, existing, opts.subresource);
      await opts.admit?.(next, existing);
      try {
        if (shouldDeleteDuringUpdate(next, existing)) {
          if (!opts.dryRun) await this.#store.delete(key, kv.modRevision);
          return existing as O;
        }
        if (sameJson(withoutVersion(next), withoutVersion(existing))) return existing as O;
        if (opts.dryRun) return next as O;
        const written = await this.#store.update(key, this.#codec.encode(next), kv.modRevision);
        next.metadata.resourceVersion = String(written.modRevision);
        return next as O;
      } catch (err) {
        if (StoreError.is(err, 'NotFound')) throw ApiError.notFound(this.#resource, name);
        if (!StoreError.is(err, 'Conflict')) throw storeFailure(err, this.#resource, 'update');
        if (!opts.retry || attempt >= MAX_WRITE_ATTEMPTS) throw ApiError.conflict(this.#resource, name);
      }
    }
  }

  /** prepareUpdate builds the object to store from the request and the current object (Kubernetes' `BeforeUpdate`) and validates it. */
  #prepareUpdate(
    namespace: string | undefined,
    incoming: ApiObject,
    existing: ApiObject,
    subresource: 'status' | undefined,
  ): ApiObject {
    this.#assertKind(incoming);
    const working = incoming;
    const expected = this.type.namespaced ? (namespace ?? '') : '';
    const actual = working.metadata.namespace ?? '';
    if (actual === '' && expected !== '') working.metadata.namespace = expected;
    else if (expected === '' && actual !== '') delete working.metadata.namespace;
    else if (actual !== expected) {
      throw ApiError.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    let next: ApiObject;
    if (subresource === 'status') {
      next = { ...structuredClone(existing), status: working.status };
      if (working.status === undefined) delete next.status;
      this.#strategy.prepareForStatusUpdate?.(next, working, existing);
    } else {
      next = working;
      if (this.type.subresources.status) {
        if (existing.status === undefined) delete next.status;
        else next.status = structuredClone(existing.status);
      }
      this.#strategy.prepareForUpdate?.(next, existing);
    }
    const meta = next.metadata;
    const old = existing.metadata;
    meta.generation = old.generation ?? 0;
    if ((meta.uid ?? '') === '' && old.uid !== undefined) meta.uid = old.uid;
    if (old.creationTimestamp != null) meta.creationTimestamp = old.creationTimestamp;
    if (old.deletionTimestamp != null) meta.deletionTimestamp = old.deletionTimestamp;
    if (old.deletionGracePeriodSeconds !== undefined && meta.deletionGracePeriodSeconds === undefined) {
      meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
    }
    meta.resourceVersion = old.resourceVersion;
    delete meta.selfLink;
    const valid = this.#validated(next, (obj) => [
      ...validateObjectMetaUpdate(obj.metadata, old),
      ...(this.#strategy.validateUpdate?.(obj, existing) ?? []),
    ]);
    // Compared after validation, so that fields the schema drops do not count as a change.
    if (subresource !== 'status' && !sameJsonExcept(valid, existing, TOP_LEVEL_SYSTEM_KEYS)) {
      valid.metadata.generation = (old.generation ?? 0) + 1;
    }
    return valid;
  }

  #checkPreconditions(
    existing: ApiObject,
    preconditions: ResourcePreconditions | undefined,
    name: string,
  ): void {
    if (preconditions === undefined) return;
    const { uid, resourceVersion } = preconditions;
    if (uid !== undefined && uid !== existing.metadata.uid) {
      throw ApiError.conflict(
        this.#resource,
        name,
        `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${existing.metadata.uid ?? ''}`,
      );
    }
    if (resourceVersion !== undefined && resourceVersion !== existing.metadata.resourceVersion) {
      throw ApiError.conflict(
        this.#resource,
        name,
        `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${existing.metadata.resourceVersion ?? ''}`,
      );
    }
  }

  // ---------------------------------------------------------------------------------------------
  // delete

  /**
   * deleteOnce runs one attempt of a delete against the version `kv`; it returns undefined when
   * another writer changed the object in between (the caller reads again and retries).
   */
  async #deleteOnce(
    key: string,
    kv: KeyValue,
    opts: ResourceDeleteOptions,
  ): Promise<DeleteResult<O> | undefined> {
    const existing = this.#codec.decode(kv);
    const meta = existing.metadata;
    const name = meta.name ?? '';
    this.#checkDeletePreconditions(existing, opts.preconditions);
    await opts.admit?.(undefined, existing);
    const requested =
      opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0 ? 1 : opts.gracePeriodSeconds;
    const now = this.#clock();

    // Graceful deletion (Kubernetes' BeforeDelete).
    let graceful: { period: number; deletionTimestamp: Date } | undefined;
    if (meta.deletionTimestamp != null) {
      const current = meta.deletionGracePeriodSeconds ?? 0;
      if (current > 0) {
        if (requested === undefined || requested >= current) return { object: existing as O, deleted: false };
        const shortened = new Date(Date.parse(meta.deletionTimestamp) + (requested - current) * 1000);
        graceful = { period: requested, deletionTimestamp: shortened };
      }
    } else if (this.#strategy.gracePeriodSeconds !== undefined) {
      const period = this.#strategy.gracePeriodSeconds(existing, requested);
      if (period !== undefined)
        graceful = { period, deletionTimestamp: new Date(now.getTime() + period * 1000) };
    }

    const gc = deletionFinalizers(meta.finalizers, opts);
    const pendingFinalizers = gc.finalizers.length > 0;
    let out: ApiObject = existing;
    let outKv = kv;
    if (graceful !== undefined || pendingFinalizers || gc.changed) {
      const next = structuredClone(existing);
      const nextMeta = next.metadata;
      if (gc.changed) nextMeta.finalizers = gc.finalizers;
      const startsDeleting = meta.deletionTimestamp == null;
      if (graceful !== undefined) {
        nextMeta.deletionTimestamp = rfc3339(graceful.deletionTimestamp);
        nextMeta.deletionGracePeriodSeconds = graceful.period;
      } else if (pendingFinalizers) {
        if (startsDeleting || Date.parse(meta.deletionTimestamp ?? '') > now.getTime()) {
          nextMeta.deletionTimestamp = rfc3339(now);
        }
        nextMeta.deletionGracePeriodSeconds = 0;
      }
      const staysForNow = pendingFinalizers || (graceful !== undefined && graceful.period > 0);
      if (graceful !== undefined || staysForNow) {
        if (startsDeleting) {
          if ((meta.generation ?? 0) > 0) nextMeta.generation = (meta.generation ?? 0) + 1;
          this.#strategy.prepareForDeletion?.(next);
        }
        const written = await this.#write(key, next, existing, kv, opts.dryRun === true);
        if (written === undefined) return undefined;
        if (staysForNow) return { object: written.object as O, deleted: false };
        out = written.object;
        outKv = written.kv;
      }
    }
    if (opts.dryRun) return { object: out as O, deleted: true };
    try {
      const prev = await this.#store.delete(key, outKv.modRevision);
      return { object: this.#codec.decode(prev) as O, deleted: true };
    } catch (err) {
      if (StoreError.is(err, 'Conflict')) return undefined;
      if (StoreError.is(err, 'NotFound')) {
        // Another deleter won the race after our graceful update: the object is gone all the same.
        if (outKv !== kv) return { object: out as O, deleted: true };
        throw ApiError.notFound(this.#resource, name);
      }
      throw storeFailure(err, this.#resource, 'delete');
    }
  }

  /**
   * write stores `next` over `existing` at `kv` (nothing when they are the same, or for a dry run);
   * undefined when another writer got there first.
   */
  async #write(
    key: string,
    next: ApiObject,
    existing: ApiObject,
    kv: KeyValue,
    dryRun: boolean,
  ): Promise<{ object: ApiObject; kv: KeyValue } | undefined> {
    if (sameJson(next, existing)) return { object: existing, kv };
    if (dryRun) return { object: next, kv };
    try {
      const written = await this.#store.update(key, this.#codec.encode(next), kv.modRevision);
      next.metadata.resourceVersion = String(written.modRevision);
      return { object: next, kv: written };
    } catch (err) {
      if (StoreError.is(err, 'Conflict')) return undefined;
      if (StoreError.is(err, 'NotFound')) throw ApiError.notFound(this.#resource, next.metadata.name ?? '');
      throw storeFailure(err, this.#resource, 'delete');
    }
  }

  /** checkDeletePreconditions fails as Kubernetes' `BeforeDelete` does, naming the kind. */
  #checkDeletePreconditions(existing: ApiObject, preconditions: ResourcePreconditions | undefined): void {
    if (preconditions === undefined) return;
    const kind = { group: this.type.group, resource: this.type.kind };
    const name = existing.metadata.name ?? '';
    const { uid, resourceVersion } = preconditions;
    if (uid !== undefined && uid !== existing.metadata.uid) {
      throw ApiError.conflict(
        kind,
        name,
        `the UID in the precondition (${uid}) does not match the UID in record (${existing.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
      );
    }
    if (resourceVersion !== undefined && resourceVersion !== existing.metadata.resourceVersion) {
      throw ApiError.conflict(
        kind,
        name,
        `the ResourceVersion in the precondition (${resourceVersion}) does not match the ResourceVersion in record (${existing.metadata.resourceVersion ?? ''}). The object might have been modified`,
      );
    }
  }

  // ---------------------------------------------------------------------------------------------
  // list

  /**
   * listFromStore reads a page from the store at `revision` (0: the latest; -1: the latest, for a
   * token whose revision was compacted), starting at `startKey` (inclusive), and keeps reading
   * until it has `limit` matching items or the range ends.
   */
  async #listFromStore(
    prefix: string,
    filter: ObjectFilter,
    limit: number,
    revision: number,
    startKey?: string,
  ): Promise<ObjectList<O>> {
    let cursor: string | undefined;
    let skipBelow: string | undefined;
    if (startKey !== undefined && startKey !== prefix) {
      // A start key is inclusive; the store pages strictly after a key.
      if (startKey.endsWith('\u0000')) cursor = startKey.slice(0, -1);
      else {
        cursor = startKey.slice(0, -1);
        skipBelow = startKey;
      }
    }
    const items: O[] = [];
    let readAt = revision > 0 ? revision : 0;
    let chunk = limit;
    let lastKey: string | undefined;
    let more = false;
    for (;;) {
      let page: { items: KeyValue[]; revision: number; more: boolean };
      try {
        page = await this.#store.list(prefix, {
          ...(chunk > 0 ? { limit: chunk } : {}),
          ...(cursor === undefined ? {} : { startAfter: cursor }),
          ...(readAt > 0 ? { revision: readAt } : {}),
        });
      } catch (err) {
        throw this.#listFailure(err, prefix, startKey, readAt);
      }
      readAt = page.revision;
      for (const kv of page.items) {
        if (skipBelow !== undefined && kv.key < skipBelow) continue;
        if (limit > 0 && items.length === limit) {
          more = true;
          break;
        }
        lastKey = kv.key;
        const object = this.#codec.decode(kv);
        if (filter.matchesObject(this.type, object)) items.push(object as O);
      }
      if (more || !page.more || limit === 0) break;
      if (items.length === limit) {
        more = true;
        break;
      }
      cursor = page.items.at(-1)?.key ?? cursor;
      chunk = Math.min(chunk * 2, MAX_LIST_CHUNK);
    }
    const metadata: ObjectList['metadata'] = { resourceVersion: String(readAt) };
    if (more && lastKey !== undefined) metadata.continue = encodeContinueToken(lastKey, prefix, readAt);
    return this.#list(metadata, items);
  }

  /** listFailure maps a store failure of a list to Kubernetes' answer (410 for compacted revisions, with a fresh token when paging). */
  #listFailure(err: unknown, prefix: string, startKey: string | undefined, revision: number): ApiError {
    if (StoreError.is(err, 'Compacted') && startKey !== undefined) {
      const error = ApiError.expired(INCONSISTENT_CONTINUE_MESSAGE);
      const token = encodeContinueToken(
        `${startKey.endsWith('\u0000') ? startKey.slice(0, -1) : startKey}`,
        prefix,
        -1,
      );
      (error.status.metadata as Record<string, string>).continue = token;
      return error;
    }
    return storeFailure(err, this.#resource, 'list', revision);
  }

  #list(metadata: ObjectList['metadata'], items: O[]): ObjectList<O> {
    return { apiVersion: this.type.apiVersion, kind: this.type.listKind, metadata, items };
  }

  // ---------------------------------------------------------------------------------------------
  // shared

  /** validated runs the schema, the metadata rules and `extra` over `obj`; it returns the parsed object or throws 422. */
  #validated(obj: ApiObject, extra: (parsed: ApiObject) => FieldError[]): ApiObject {
    const parsed = this.type.objectSchema.safeParse(obj, { reportInput: true });
    const errs: FieldError[] = [];
    const metadataBroken =
      !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === 'metadata');
    if (!metadataBroken) {
      errs.push(
        ...validateObjectMeta(
          obj.metadata,
          this.type.namespaced,
          this.#strategy.validateName ?? defaultNameValidator,
        ),
      );
    }
    if (!parsed.success) errs.push(...zodFieldErrors(this.type.objectSchema, parsed.error.issues));
    else errs.push(...extra(parsed.data as ApiObject));
    if (errs.length > 0) {
      throw ApiError.invalid({ group: this.type.group, kind: this.type.kind }, obj.metadata.name ?? '', errs);
    }
    const { apiVersion: _apiVersion, kind: _kind, ...fields } = parsed.data as ApiObject;
    return { kind: this.type.kind, apiVersion: this.type.apiVersion, ...fields };
  }

  /** assertKind refuses a body whose apiVersion or kind names another type (400). */
  #assertKind(object: ApiObject): void {
    if (
      object.apiVersion !== undefined &&
      object.apiVersion !== '' &&
      object.apiVersion !== this.type.apiVersion
    ) {
      throw ApiError.badRequest(
        `the API version in the data (${object.apiVersion}) does not match the expected API version (${this.type.apiVersion})`,
      );
    }
    if (object.kind !== undefined && object.kind !== '' && object.kind !== this.type.kind) {
      throw ApiError.badRequest(
        `the kind in the data (${object.kind}) does not match the expected kind (${this.type.kind})`,
      );
    }
  }

  async #read<T>(read: () => Promise<T>, operation: string): Promise<T> {
    try {
      return await read();
    } catch (err) {
      throw storeFailure(err, this.#resource, operation);
    }
  }
}

/**
 * workingCopy checks that a request body is an object whose metadata, if any, is an object, and
 * returns a deep copy of it that always has metadata (400 BadRequest otherwise).
 */
function workingCopy(object: unknown): ApiObject {
  metadataOf(object);
  let copy: ApiObject;
  try {
    copy = structuredClone(object) as ApiObject;
  } catch (err) {
    throw ApiError.badRequest(`the object provided cannot be copied: ${(err as Error).message}`);
  }
  copy.metadata ??= {};
  return copy;
}

/** metadataOf returns a request body's metadata ({} when absent), refusing a body that is not an object (400). */
function metadataOf(object: unknown): ObjectMeta {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw ApiError.badRequest('the object provided is not a JSON object');
  }
  const metadata = (object as { metadata?: unknown }).metadata;
  if (metadata === undefined) return {};
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw ApiError.badRequest('the metadata of the object provided is not a JSON object');
  }
  return metadata as ObjectMeta;
}

/**
 * hasResourceVersion tells whether a new object carries a resourceVersion the way Kubernetes'
 * create counts it: a positive decimal number (anything else is ignored).
 */
function hasResourceVersion(value: string | undefined): boolean {
  return value !== undefined && /^[0-9]+$/.test(value) && Number(value) > 0;
}

function withoutVersion(object: ApiObject): ApiObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: undefined } };
}

/**
 * shouldDeleteDuringUpdate is Kubernetes' rule for an update that empties the finalizers of an
 * object being deleted with no grace period pending: the object is deleted instead.
 */
function shouldDeleteDuringUpdate(next: ApiObject, existing: ApiObject): boolean {
  const old = existing.metadata;
  return (
    (next.metadata.finalizers ?? []).length === 0 &&
    (old.finalizers ?? []).length > 0 &&
    old.deletionTimestamp != null &&
    (old.deletionGracePeriodSeconds ?? 0) === 0
  );
}

/** generateNameConflict is Kubernetes' 409 when every generated name was taken. */
function generateNameConflict(resource: GroupResource, name: string): ApiError {
  const gr = resource.group ? `${resource.resource}.${resource.group}` : resource.resource;
  return new ApiError({
    reason: 'AlreadyExists',
    message: `${gr} ${JSON.stringify(name)} already exists, the server was not allowed to generate a unique name for this resource`,
    details: { group: resource.group ?? '', kind: resource.resource, name, retryAfterSeconds: 1 },
  });
}

/** rfc3339 formats a time as Kubernetes' metav1.Time: UTC, whole seconds. */
function rfc3339(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
