import type { Observable } from 'rxjs';

/**
 * KeyValue is one version of one key in a {@link Store}.
 *
 * `createRevision` is the revision that created the key (it stays the same across
 * updates); `modRevision` is the revision of the write that produced this version.
 */
export interface KeyValue {
  key: string;
  value: string;
  createRevision: number;
  modRevision: number;
}

/**
 * StoreEvent is one change delivered by {@link Store.watch}.
 *
 * - `put`: a create (no `prevKv`) or an update (`prevKv` is the version it replaced).
 * - `delete`: `kv.modRevision` is the revision of the delete itself, `kv.value` is the
 *   last value the key had, `prevKv` is the version that was deleted.
 * - `progress`: a bookmark. Every change with a revision at or below `revision` under the
 *   watched prefix has already been delivered on this watch.
 */
export type StoreEvent =
  | { type: 'put'; kv: KeyValue; prevKv?: KeyValue }
  | { type: 'delete'; kv: KeyValue; prevKv: KeyValue }
  | { type: 'progress'; revision: number };

/** ListOptions narrows a {@link Store.list}. */
export interface ListOptions {
  /** At most this many items (a positive integer); omitted or 0 means no limit. */
  limit?: number;
  /** Only keys that sort strictly after this one (paging). */
  startAfter?: string;
  /**
   * Read the state as it was at this revision; omitted or 0 means the current
   * revision. Fails with `Compacted` below the compacted revision and with
   * `FutureRevision` above the current one.
   */
  revision?: number;
}

/** ListResult is one page of a {@link Store.list}. */
export interface ListResult {
  /** The live keys under the prefix, in ascending key order (see the note on key order in {@link Store}). */
  items: KeyValue[];
  /** The revision the page reflects: pass it back as `revision` to read the next page at the same state. */
  revision: number;
  /** Whether keys after the last returned one exist at that revision. */
  more: boolean;
}

/**
 * Store is the MVCC key-value contract every Capstan storage backend implements.
 *
 * Guarantees (each proven by {@link runStoreConformance}):
 * - One global revision per store; every successful write takes the next one, strictly
 *   increasing and never reused, even across restarts of a durable backend.
 * - `create` fails with `KeyExists` when the key is live; `update` and `delete` with an
 *   expected revision fail with `Conflict` when the key's current `modRevision` differs and
 *   with `NotFound` when the key is absent. A failed write changes nothing.
 * - `watch(prefix, afterRevision)` delivers every change under `prefix` whose revision is
 *   greater than `afterRevision`, exactly once and in revision order, however many writers
 *   run concurrently. It fails with `Compacted` when `afterRevision` is below the compacted
 *   revision, and with `FutureRevision` when it is above the current revision.
 * - `list` at a past revision returns the state at that revision until it is compacted.
 * - Values are at most {@link MAX_VALUE_BYTES} bytes of UTF-8; a larger write fails with
 *   `TooLarge` before anything is sent to a server.
 * - Keys start with `/` and hold no NUL character; anything else fails with `InvalidKey`.
 * - Keys order as strings; for keys beyond U+FFFF backends may differ (UTF-8 bytes vs UTF-16 units).
 * - Durable backends acknowledge a write only once it survives a crash of the process.
 */
export interface Store {
  /** get returns the live version of `key`, or `undefined` when it does not exist. */
  get(key: string): Promise<KeyValue | undefined>;
  /** list returns the live keys under `prefix` (see {@link ListOptions} for paging and past revisions). */
  list(prefix: string, opts?: ListOptions): Promise<ListResult>;
  /** create writes a new key; fails with `KeyExists` when the key is live. */
  create(key: string, value: string): Promise<KeyValue>;
  /** update replaces the value when the key's `modRevision` equals `expectedModRevision`. */
  update(key: string, value: string, expectedModRevision: number): Promise<KeyValue>;
  /**
   * delete removes the key (only when its `modRevision` equals `expectedModRevision`, if
   * given) and returns the version it removed.
   */
  delete(key: string, expectedModRevision?: number): Promise<KeyValue>;
  /**
   * watch streams the changes under `prefix` after `afterRevision`. The Observable is cold:
   * each subscription is its own watch; unsubscribing ends it. Errors are {@link StoreError}s.
   */
  watch(prefix: string, afterRevision: number): Observable<StoreEvent>;
  /**
   * requestProgress (optional) asks for a bookmark now instead of at the next periodic one: when
   * the returned promise resolves, every watch that was open at the call has received a
   * `progress` event at or above the revision that was current at the call (or a change at or
   * above it). A watch cache uses it to learn that it is up to date with a revision written under
   * another prefix. Backends that cannot promise this leave it out.
   */
  requestProgress?(): Promise<void>;
  /** currentRevision is the revision of the last successful write (0 for an empty new store). */
  currentRevision(): Promise<number>;
  /**
   * compact drops history at and below `revision` that is not needed to read the state at
   * `revision`. Reads and watches below it then fail with `Compacted`. Compacting to a revision
   * at or below an earlier compaction does nothing.
   */
  compact(revision: number): Promise<void>;
  /** close releases the backend; every open watch completes and later calls fail with `Closed`. */
  close(): Promise<void>;
}

/**
 * MAX_VALUE_BYTES is the largest value a {@link Store} accepts: 1.5 MiB, etcd's default
 * request limit and so the largest object Kubernetes can store.
 */
export const MAX_VALUE_BYTES = 1.5 * 1024 * 1024;
