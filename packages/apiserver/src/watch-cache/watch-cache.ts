import {
  ApiError,
  type KeyValue,
  type ResourceType,
  type Store,
  StoreError,
  type StoreEvent,
} from '@capstan/core';
import { Observable, type Subscription } from 'rxjs';
import type { ApiObject } from '../registry/api-object.js';
import { deepFreeze } from '../registry/json-equality.js';
import { ObjectCodec } from '../registry/object-codec.js';
import type { ObjectFilter } from '../registry/object-filter.js';
import { ResourceKeys } from '../registry/resource-keys.js';
import { tooLargeResourceVersion } from '../registry/resource-version.js';
import { CacheEvent } from './cache-event.js';
import { CacheWatcher } from './cache-watcher.js';
import { CachedObject } from './cached-object.js';
import { EventRing } from './event-ring.js';
import type { WatchBackpressure } from './watch-backpressure.js';
import { bookmarkEvent, errorEvent, type WatchEvent } from './watch-event.js';

/** WatchCacheOptions configures a {@link WatchCache}. Durations are in milliseconds. */
export interface WatchCacheOptions {
  readonly store: Store;
  readonly type: ResourceType;
  /** The fewest recent events kept for watches that resume (default 100, as Kubernetes). */
  readonly minCapacity?: number;
  /** The most recent events kept (default 102,400, as Kubernetes). */
  readonly maxCapacity?: number;
  /** The ring grows rather than forget an event younger than this (default 75 s, as Kubernetes). */
  readonly eventFreshnessMs?: number;
  /** How often watchers that allow bookmarks get one (default 60 s). */
  readonly bookmarkIntervalMs?: number;
  /** How many events may wait for a slow watcher before its watch is ended (default 1,000). */
  readonly watcherBufferSize?: number;
  /** How long a read waits for the cache to reach a requested revision, or to be loaded (default 3 s). */
  readonly freshnessTimeoutMs?: number;
  /** The first pause before retrying a failed list; it doubles up to 30 s (default 1 s). */
  readonly relistBackoffMs?: number;
}

/**
 * CacheWatchStart says where a cache watch starts:
 * - `snapshot`: ADDED events for every matching object in the cache once it is at least at
 *   `minRevision`, then every later change;
 * - `revision`: every change after `revision` (410 Expired when the cache no longer holds them);
 * - `now`: every change after the cache's revision once it is at least at `minRevision`.
 */
export type CacheWatchStart =
  | { readonly from: 'snapshot'; readonly minRevision?: number }
  | { readonly from: 'revision'; readonly revision: number }
  | { readonly from: 'now'; readonly minRevision?: number };

/** CacheWatchRequest describes one watch served by a {@link WatchCache}. */
export interface CacheWatchRequest {
  readonly filter: ObjectFilter;
  readonly start: CacheWatchStart;
  /** Send periodic BOOKMARK events. */
  readonly allowBookmarks?: boolean;
  /** After the snapshot's ADDED events, send the `k8s.io/initial-events-end` bookmark (needs `allowBookmarks`). */
  readonly initialEventsEndBookmark?: boolean;
  /** End the watch after this long. */
  readonly timeoutMs?: number;
  readonly backpressure?: WatchBackpressure | undefined;
}

/** CacheListRequest describes a list served by a {@link WatchCache}. */
export interface CacheListRequest {
  readonly filter: ObjectFilter;
  /** Wait until the cache is at least at this revision. */
  readonly minRevision?: number;
  /** At most this many items; 0 or undefined for all. */
  readonly limit?: number;
}

/** CacheListResult is a list served from the cache, in key order, at one revision. */
export interface CacheListResult {
  readonly items: readonly ApiObject[];
  readonly revision: number;
  /** The key of the last item, when more matching items follow it. */
  readonly continueAfter?: string;
  /** How many objects follow in the namespace, when the filter has no selector. */
  readonly remainingItemCount?: number;
}

/** WatchCacheStats is a snapshot of a {@link WatchCache}'s counters, for metrics. */
export interface WatchCacheStats {
  readonly revision: number;
  readonly objects: number;
  readonly events: number;
  readonly capacity: number;
  readonly watchers: number;
  /** Watches ended because their consumer did not keep up. */
  readonly overflowedWatchers: number;
  /** Relists after the first list (compaction or a store failure). */
  readonly relists: number;
}

type CacheState = 'new' | 'loading' | 'ready' | 'closed';

interface Waiter {
  readonly revision: number;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

const DEFAULTS = {
  minCapacity: 100,
  maxCapacity: 100 * 1024,
  eventFreshnessMs: 75_000,
  bookmarkIntervalMs: 60_000,
  watcherBufferSize: 1000,
  freshnessTimeoutMs: 3000,
  relistBackoffMs: 1000,
};
const MAX_RELIST_BACKOFF_MS = 30_000;
/** The longest delay a Node.js timer takes (about 24.8 days); longer ones would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * WatchCache holds the current objects of one resource type and its recent changes, fed by one
 * `Store.watch`, and serves any number of watches and `resourceVersion=0` reads from memory.
 *
 * Guarantees:
 * - One store watch per cache, however many watchers: it starts with a list at a revision and
 *   watches from it; on `Compacted` (or any watch failure) it ends every watch (clients re-watch)
 *   and lists again.
 * - Every watcher sees every change its filter selects exactly once, in revision order, with no
 *   gap between its initial events and its live events: the snapshot (or replay) and the
 *   registration happen in one synchronous step.
 * - A watch from a revision the cache no longer holds gets an ERROR event with 410 Expired
 *   (`too old resource version: X (Y)`); a read or watch for a revision the cache has not reached
 *   within `freshnessTimeoutMs` gets 504 `Too large resource version`.
 * - Objects are deeply frozen and shared between watchers and reads.
 * - A slow watcher never delays the others (see {@link WatchBackpressure}).
 * - The cache starts on first use (or {@link WatchCache.start}); {@link WatchCache.close} ends
 *   every watch and releases the store watch and timers. Its timers never keep a process alive.
 */
export class WatchCache {
  readonly type: ResourceType;
  readonly #store: Store;
  readonly #options: typeof DEFAULTS;
  readonly #keys: ResourceKeys;
  readonly #codec: ObjectCodec;
  readonly #objects = new Map<string, CachedObject>();
  #sortedKeys: string[] | undefined;
  readonly #ring: EventRing<CacheEvent>;
  #revision = 0;
  /** Watches may resume from this revision or later; older ones get 410. */
  #horizon = 0;
  readonly #watchers = new Set<CacheWatcher>();
  #state: CacheState = 'new';
  #subscription: Subscription | undefined;
  #readyWaiters: Waiter[] = [];
  #freshWaiters: Waiter[] = [];
  #bookmarkTimer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #lastBookmark: { readonly revision: number; readonly event: WatchEvent } | undefined;
  #overflowed = 0;
  #relists = 0;
  /** When the cache last finished loading (`performance.now()`), and the pause before the last relist. */
  #loadedAt = Number.NEGATIVE_INFINITY;
  #relistDelay = 0;

  constructor(options: WatchCacheOptions) {
    this.type = options.type;
    this.#store = options.store;
    this.#options = {
      minCapacity: positive('minCapacity', options.minCapacity, DEFAULTS.minCapacity),
      maxCapacity: positive('maxCapacity', options.maxCapacity, DEFAULTS.maxCapacity),
      eventFreshnessMs: positive('eventFreshnessMs', options.eventFreshnessMs, DEFAULTS.eventFreshnessMs),
      bookmarkIntervalMs: positive(
        'bookmarkIntervalMs',
        options.bookmarkIntervalMs,
        DEFAULTS.bookmarkIntervalMs,
      ),
      watcherBufferSize: positive('watcherBufferSize', options.watcherBufferSize, DEFAULTS.watcherBufferSize),
      freshnessTimeoutMs: positive(
        'freshnessTimeoutMs',
        options.freshnessTimeoutMs,
        DEFAULTS.freshnessTimeoutMs,
      ),
      relistBackoffMs: positive('relistBackoffMs', options.relistBackoffMs, DEFAULTS.relistBackoffMs),
    };
    if (this.#options.maxCapacity < this.#options.minCapacity) {
      throw new RangeError('WatchCache option maxCapacity must be at least minCapacity');
    }
    this.#keys = new ResourceKeys(options.type);
    this.#codec = new ObjectCodec(options.type);
    this.#ring = new EventRing({
      min: this.#options.minCapacity,
      max: this.#options.maxCapacity,
      freshMs: this.#options.eventFreshnessMs,
    });
  }

  /** revision is the revision the cache has caught up with (0 before it is loaded). */
  get revision(): number {
    return this.#revision;
  }

  /** start loads the cache (once) and resolves when it serves reads; it rejects only if the cache is closed first. */
  start(): Promise<void> {
    return this.#whenReady(undefined);
  }

  /** stats returns the cache's counters. */
  stats(): WatchCacheStats {
    return {
      revision: this.#revision,
      objects: this.#objects.size,
      events: this.#ring.length,
      capacity: this.#ring.capacity,
      watchers: this.#watchers.size,
      overflowedWatchers: this.#overflowed,
      relists: this.#relists,
    };
  }

  /** get returns the object under `key` once the cache is at least at `minRevision`, or undefined. */
  async get(key: string, minRevision = 0): Promise<{ object: ApiObject | undefined; revision: number }> {
    await this.#whenReady(this.#options.freshnessTimeoutMs);
    await this.#waitFresh(minRevision);
    return { object: this.#objects.get(key)?.object, revision: this.#revision };
  }

  /** list returns the matching objects in key order once the cache is at least at `minRevision`. */
  async list(request: CacheListRequest): Promise<CacheListResult> {
    await this.#whenReady(this.#options.freshnessTimeoutMs);
    await this.#waitFresh(request.minRevision ?? 0);
    const { filter } = request;
    const limit = request.limit !== undefined && request.limit > 0 ? request.limit : Number.POSITIVE_INFINITY;
    const prefix = this.#keys.listPrefix(filter.namespace);
    const keys = this.#keysSorted();
    const first = lowerBound(keys, prefix);
    const items: ApiObject[] = [];
    let lastIndex = -1;
    let more = false;
    for (let i = first; i < keys.length && keys[i]!.startsWith(prefix); i++) {
      const entry = this.#objects.get(keys[i]!)!;
      if (!filter.matches(entry)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(entry.object);
      lastIndex = i;
    }
    if (!more) return { items, revision: this.#revision };
    const result = { items, revision: this.#revision, continueAfter: keys[lastIndex]! };
    if (!filter.isEverything()) return result;
    return { ...result, remainingItemCount: lowerBound(keys, prefixEnd(prefix)) - lastIndex - 1 };
  }

  /**
   * watch streams the changes a request selects (see {@link CacheWatchRequest}). The Observable
   * is cold: each subscription is one watcher, and unsubscribing ends it. Failures to start are
   * delivered as an ERROR event followed by completion, as Kubernetes streams them.
   */
  watch(request: CacheWatchRequest): Observable<WatchEvent> {
    return new Observable<WatchEvent>((subscriber) => {
      let watcher: CacheWatcher | undefined;
      let cancelled = false;
      let timer: NodeJS.Timeout | undefined;
      const start = request.start;
      const needed = start.from === 'revision' ? start.revision : (start.minRevision ?? 0);
      this.#whenReady(this.#options.freshnessTimeoutMs)
        .then(() => this.#waitFresh(needed))
        .then(() => {
          if (cancelled) return;
          if (start.from === 'revision' && start.revision < this.#horizon) {
            subscriber.next(errorEvent(ApiError.tooOldResourceVersion(start.revision, this.#horizon)));
            subscriber.complete();
            return;
          }
          watcher = this.#register(subscriber, request);
          if (request.timeoutMs !== undefined) {
            timer = setTimeout(() => watcher?.end(), Math.min(request.timeoutMs, MAX_TIMER_MS));
            timer.unref();
          }
          watcher.drain();
        })
        .catch((err: unknown) => {
          if (cancelled) return;
          subscriber.next(errorEvent(ApiError.from(err)));
          subscriber.complete();
        });
      return () => {
        cancelled = true;
        clearTimeout(timer);
        if (watcher !== undefined) {
          watcher.stop();
          this.#watchers.delete(watcher);
        }
      };
    });
  }

  /** close ends every watch, stops the store watch and timers, and fails pending reads with 503. */
  close(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    clearInterval(this.#bookmarkTimer);
    clearTimeout(this.#retryTimer);
    this.#endAllWatchers();
    const failure = ApiError.serviceUnavailable(`the watch cache of ${this.type.plural} is closed`);
    for (const waiter of [...this.#readyWaiters, ...this.#freshWaiters]) waiter.reject(failure);
    this.#readyWaiters = [];
    this.#freshWaiters = [];
  }

  /** register creates a watcher and, in the same synchronous step, its initial events. */
  #register(
    subscriber: ConstructorParameters<typeof CacheWatcher>[0],
    request: CacheWatchRequest,
  ): CacheWatcher {
    const { filter, start } = request;
    const allowBookmarks = request.allowBookmarks === true;
    let initial: Iterator<WatchEvent> | undefined;
    if (start.from === 'snapshot') {
      const prefix = this.#keys.listPrefix(filter.namespace);
      const keys = this.#keysSorted();
      const entries: CachedObject[] = [];
      for (let i = lowerBound(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) {
        entries.push(this.#objects.get(keys[i]!)!);
      }
      const end = allowBookmarks && request.initialEventsEndBookmark === true;
      initial = snapshotEvents(
        entries,
        filter,
        end ? bookmarkEvent(this.type, this.#revision, true) : undefined,
      );
    } else if (start.from === 'revision') {
      initial = replayEvents(this.#ring.after(start.revision), filter);
    }
    const watcher = new CacheWatcher(subscriber, {
      filter,
      revision: this.#revision,
      allowBookmarks,
      bufferSize: this.#options.watcherBufferSize,
      backpressure: request.backpressure,
      onOverflow: () => {
        this.#overflowed++;
      },
      ...(initial === undefined ? {} : { initial }),
    });
    this.#watchers.add(watcher);
    return watcher;
  }

  #keysSorted(): string[] {
    this.#sortedKeys ??= [...this.#objects.keys()].sort();
    return this.#sortedKeys;
  }

  /** whenReady starts the cache if needed and waits until it is loaded (503/429 on close or timeout). */
  #whenReady(timeoutMs: number | undefined): Promise<void> {
    if (this.#state === 'ready') return Promise.resolve();
    if (this.#state === 'closed') {
      return Promise.reject(ApiError.serviceUnavailable(`the watch cache of ${this.type.plural} is closed`));
    }
    if (this.#state === 'new') {
      this.#state = 'loading';
      this.#bookmarkTimer = setInterval(() => this.#sendBookmarks(), this.#options.bookmarkIntervalMs);
      this.#bookmarkTimer.unref();
      void this.#load(0);
    }
    return this.#wait(this.#readyWaiters, 0, timeoutMs, () =>
      ApiError.tooManyRequests('storage is (re)initializing', 1),
    );
  }

  /**
   * waitFresh waits until the cache is at least at `revision` (504 Too large resource version on
   * timeout). A revision written under another prefix reaches this cache only as a progress event,
   * so it asks the store for one at once when the store offers that, rather than waiting for the
   * next periodic one.
   */
  #waitFresh(revision: number): Promise<void> {
    if (this.#revision >= revision) return Promise.resolve();
    const fresh = this.#wait(this.#freshWaiters, revision, this.#options.freshnessTimeoutMs, () =>
      tooLargeResourceVersion(revision, this.#revision),
    );
    // A failed request only means waiting for the periodic progress event instead.
    this.#store.requestProgress?.().catch(() => undefined);
    return fresh;
  }

  #wait(
    list: Waiter[],
    revision: number,
    timeoutMs: number | undefined,
    onTimeout: () => ApiError,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        revision,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const index = list.indexOf(waiter);
          if (index !== -1) list.splice(index, 1);
          reject(onTimeout());
        }, timeoutMs);
        timer.unref();
      }
      list.push(waiter);
    });
  }

  /** load lists the store and starts watching, retrying with backoff until it succeeds or the cache closes. */
  async #load(delayMs: number): Promise<void> {
    if (delayMs > 0) {
      await new Promise<void>((resolve) => {
        this.#retryTimer = setTimeout(resolve, delayMs);
        this.#retryTimer.unref();
      });
    }
    if (this.#state !== 'loading') return;
    let listed: { items: KeyValue[]; revision: number };
    try {
      listed = await this.#store.list(this.#keys.root);
    } catch (err) {
      if (StoreError.is(err, 'Closed')) this.close();
      else
        void this.#load(
          Math.min(Math.max(delayMs * 2, this.#options.relistBackoffMs), MAX_RELIST_BACKOFF_MS),
        );
      return;
    }
    if (this.#state !== 'loading') return;
    this.#replace(listed.items, listed.revision);
    this.#state = 'ready';
    this.#loadedAt = performance.now();
    this.#subscription = this.#store.watch(this.#keys.root, listed.revision).subscribe({
      next: (event) => this.#apply(event),
      error: () => this.#relist(),
      complete: () => this.close(),
    });
    const waiters = this.#readyWaiters;
    this.#readyWaiters = [];
    for (const waiter of waiters) waiter.resolve();
    this.#wakeFreshWaiters();
  }

  #replace(items: readonly KeyValue[], revision: number): void {
    this.#objects.clear();
    for (const kv of items) {
      const entry = this.#decode(kv, kv.modRevision);
      if (entry !== undefined) this.#objects.set(kv.key, entry);
    }
    this.#sortedKeys = undefined;
    this.#ring.clear();
    this.#revision = Math.max(this.#revision, revision);
    this.#horizon = revision;
  }

  /**
   * relist ends every watch and loads the cache again (after a compaction or a failed store
   * watch): at once, unless the previous load was moments ago (then with a growing pause, so a
   * store whose watches keep failing is not hammered).
   */
  #relist(): void {
    if (this.#state === 'closed') return;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#relists++;
    this.#endAllWatchers();
    this.#state = 'loading';
    const backoff = this.#options.relistBackoffMs;
    const recent = performance.now() - this.#loadedAt < backoff;
    this.#relistDelay = recent
      ? Math.min(Math.max(this.#relistDelay * 2, backoff), MAX_RELIST_BACKOFF_MS)
      : 0;
    void this.#load(this.#relistDelay);
  }

  #apply(event: StoreEvent): void {
    if (event.type === 'progress') {
      if (event.revision > this.#revision) {
        this.#revision = event.revision;
        this.#wakeFreshWaiters();
      }
      return;
    }
    const { key, modRevision: revision } = event.kv;
    if (revision <= this.#revision) return;
    const prev = this.#objects.get(key);
    const now = performance.now();
    let change: CacheEvent | undefined;
    if (event.type === 'put') {
      const entry = this.#decode(event.kv, revision);
      if (entry !== undefined) {
        this.#objects.set(key, entry);
        if (prev === undefined) this.#sortedKeys = undefined;
        change = new CacheEvent(prev === undefined ? 'ADDED' : 'MODIFIED', entry, prev, now);
      }
    } else if (prev !== undefined) {
      this.#objects.delete(key);
      this.#sortedKeys = undefined;
      // The deleted value is the previous one; only the resourceVersion changes (to the deletion's).
      const object = Object.freeze({
        ...prev.object,
        metadata: Object.freeze({ ...prev.object.metadata, resourceVersion: String(revision) }),
      });
      change = new CacheEvent('DELETED', new CachedObject(this.type, key, object, revision), prev, now);
    }
    this.#revision = revision;
    if (change !== undefined) {
      if (this.#ring.push(change)) this.#horizon = this.#ring.oldest()!.revision - 1;
      for (const watcher of this.#watchers) watcher.offer(change);
    }
    this.#wakeFreshWaiters();
  }

  /** decode turns a store value into a frozen cache entry; an undecodable value is left out of the cache. */
  #decode(kv: KeyValue, revision: number): CachedObject | undefined {
    try {
      return new CachedObject(this.type, kv.key, deepFreeze(this.#codec.decode(kv, revision)), revision);
    } catch {
      return undefined;
    }
  }

  #wakeFreshWaiters(): void {
    if (this.#freshWaiters.length === 0) return;
    const ready = this.#freshWaiters.filter((w) => w.revision <= this.#revision);
    if (ready.length === 0) return;
    this.#freshWaiters = this.#freshWaiters.filter((w) => w.revision > this.#revision);
    for (const waiter of ready) waiter.resolve();
  }

  #sendBookmarks(): void {
    if (this.#state !== 'ready' || this.#watchers.size === 0) return;
    const revision = this.#revision;
    if (this.#lastBookmark?.revision !== revision) {
      this.#lastBookmark = { revision, event: bookmarkEvent(this.type, revision) };
    }
    for (const watcher of this.#watchers) watcher.bookmark(this.#lastBookmark.event);
  }

  #endAllWatchers(): void {
    const watchers = [...this.#watchers];
    this.#watchers.clear();
    for (const watcher of watchers) watcher.end();
  }
}

function* snapshotEvents(
  entries: readonly CachedObject[],
  filter: ObjectFilter,
  endBookmark: WatchEvent | undefined,
): Generator<WatchEvent> {
  for (const entry of entries) if (filter.matches(entry)) yield entry.added();
  if (endBookmark !== undefined) yield endBookmark;
}

function* replayEvents(events: readonly CacheEvent[], filter: ObjectFilter): Generator<WatchEvent> {
  for (const event of events) {
    const watchEvent = event.eventFor(filter);
    if (watchEvent !== undefined) yield watchEvent;
  }
}

/** lowerBound returns the index of the first key not below `key` in sorted `keys`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** prefixEnd returns the smallest string above every string that starts with `prefix` (which ends in `/`). */
function prefixEnd(prefix: string): string {
  return `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result <= 0) {
    throw new RangeError(`WatchCache option ${name} must be a positive number, got ${result}`);
  }
  return result;
}
