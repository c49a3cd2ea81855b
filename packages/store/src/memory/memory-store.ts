import {
  assertStoreKey,
  assertStoreValue,
  type KeyValue,
  type ListOptions,
  type ListResult,
  type Store,
  StoreError,
  type StoreEvent,
} from '@capstan/core';
import { Observable } from 'rxjs';
import { type ChangeEvent, ChangeLog } from './change-log.js';
import { KeyHistory } from './key-history.js';
import { SortedKeys } from './sorted-keys.js';
import { WatchHub } from './watch-hub.js';

/**
 * MemoryCompactionOptions sets the automatic compaction window of a {@link MemoryStore}:
 * every `intervalMs`, history is compacted up to the newest revision that is both older
 * than `retainMs` and more than `retainRevisions` behind the current one. So reads and
 * watches from the last `retainMs` milliseconds and from the last `retainRevisions`
 * revisions always work, and the history held stays bounded.
 */
export interface MemoryCompactionOptions {
  /** How often to compact, in milliseconds (default 60 000). */
  intervalMs?: number;
  /** Keep the history of at least this many milliseconds (default 300 000, five minutes). */
  retainMs?: number;
  /** Keep the history of at least this many revisions (default 1000). */
  retainRevisions?: number;
}

/** MemoryStoreOptions configures a {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * How often idle watches receive a progress event at the current revision, in
   * milliseconds (default 1000); 0 turns progress events off.
   */
  progressIntervalMs?: number;
  /** The automatic compaction window, or `false` to keep all history until `compact` is called. */
  compaction?: MemoryCompactionOptions | false;
}

const DEFAULT_PROGRESS_INTERVAL_MS = 1000;
const DEFAULT_COMPACTION_INTERVAL_MS = 60_000;
const DEFAULT_RETAIN_MS = 5 * 60_000;
const DEFAULT_RETAIN_REVISIONS = 1000;

/** nonNegative returns `value` (or `fallback` when absent) after checking it is a finite number ≥ 0. */
function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0) {
    throw new RangeError(`MemoryStore option ${name} must be a finite number >= 0, got ${result}`);
  }
  return result;
}

/** compactionWindow resolves the compaction options with their defaults; `undefined` when off. */
function compactionWindow(
  options: MemoryCompactionOptions | false | undefined,
): Required<MemoryCompactionOptions> | undefined {
  if (options === false) return undefined;
  const intervalMs = nonNegative(
    'compaction.intervalMs',
    options?.intervalMs,
    DEFAULT_COMPACTION_INTERVAL_MS,
  );
  if (intervalMs === 0) {
    throw new RangeError('MemoryStore option compaction.intervalMs must be above 0 (pass compaction: false)');
  }
  return {
    intervalMs,
    retainMs: nonNegative('compaction.retainMs', options?.retainMs, DEFAULT_RETAIN_MS),
    retainRevisions: nonNegative(
      'compaction.retainRevisions',
      options?.retainRevisions,
      DEFAULT_RETAIN_REVISIONS,
    ),
  };
}

/** assertRevisionArgument rejects a revision argument that is not a non-negative integer. */
function assertRevisionArgument(name: string, revision: number): void {
  if (!Number.isSafeInteger(revision) || revision < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${revision}`);
  }
}

/**
 * MemoryStore is a complete in-process {@link Store}: nothing survives the process, which
 * makes it the store for tests and for `memory:` store URLs.
 *
 * - `get` is a hash lookup; `list` finds the first key with a binary search and then costs
 *   O(1) per key it passes, at the current or any past revision still held.
 * - Every operation commits synchronously when it is called; watches receive each change
 *   before the write's promise resolves, in revision order, and a watch from a past
 *   revision replays history in the same step in which it goes live, so nothing falls
 *   between replay and live delivery. That is also why its progress events are exact.
 * - History is bounded by the automatic compaction window ({@link MemoryCompactionOptions}).
 * - Its timers are unref'd (they never keep a process alive) and cleared by `close`.
 */
export class MemoryStore implements Store {
  private revision = 0;
  private compacted = 0;
  private closed = false;
  private readonly histories = new Map<string, KeyHistory>();
  private readonly keys = new SortedKeys();
  private readonly log = new ChangeLog();
  private readonly hub = new WatchHub();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(options: MemoryStoreOptions = {}) {
    const progressMs = nonNegative(
      'progressIntervalMs',
      options.progressIntervalMs,
      DEFAULT_PROGRESS_INTERVAL_MS,
    );
    const window = compactionWindow(options.compaction);
    if (progressMs > 0) {
      this.timers.push(setInterval(() => this.hub.progress(this.revision), progressMs).unref());
    }
    if (window !== undefined) {
      const { intervalMs, retainMs, retainRevisions } = window;
      this.timers.push(setInterval(() => this.compactWindow(retainMs, retainRevisions), intervalMs).unref());
    }
  }

  async get(key: string): Promise<KeyValue | undefined> {
    this.assertOpen();
    assertStoreKey(key);
    return this.histories.get(key)?.latest();
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    this.assertOpen();
    assertStoreKey(prefix, 'prefix');
    const limit = opts.limit ?? 0;
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new RangeError(`list limit must be a non-negative integer, got ${limit}`);
    }
    const revision = this.readableRevision(opts.revision ?? 0, prefix);
    const { startAfter } = opts;
    const keys =
      startAfter !== undefined && startAfter >= prefix
        ? this.keys.from(startAfter, true)
        : this.keys.from(prefix);
    const items: KeyValue[] = [];
    let more = false;
    for (const key of keys) {
      if (!key.startsWith(prefix)) break;
      const kv = this.histories.get(key)!.at(revision);
      if (kv === undefined) continue;
      if (items.length === limit && limit > 0) {
        more = true;
        break;
      }
      items.push(kv);
    }
    return { items, revision, more };
  }

  async create(key: string, value: string): Promise<KeyValue> {
    this.assertOpen();
    assertStoreKey(key);
    assertStoreValue(key, value);
    let history = this.histories.get(key);
    const live = history?.latest();
    if (live !== undefined) {
      throw new StoreError('KeyExists', `key ${key} already exists`, { key, revision: live.modRevision });
    }
    if (history === undefined) {
      history = new KeyHistory();
      this.histories.set(key, history);
      this.keys.insert(key);
    }
    const revision = this.revision + 1;
    const kv = Object.freeze({ key, value, createRevision: revision, modRevision: revision });
    history.record(revision, kv);
    this.commit(Object.freeze({ type: 'put', kv }));
    return kv;
  }

  async update(key: string, value: string, expectedModRevision: number): Promise<KeyValue> {
    this.assertOpen();
    assertStoreKey(key);
    assertStoreValue(key, value);
    const history = this.histories.get(key);
    const prevKv = this.expectLive(history, key, expectedModRevision);
    const revision = this.revision + 1;
    const kv = Object.freeze({ key, value, createRevision: prevKv.createRevision, modRevision: revision });
    history!.record(revision, kv);
    this.commit(Object.freeze({ type: 'put', kv, prevKv }));
    return kv;
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    this.assertOpen();
    assertStoreKey(key);
    const history = this.histories.get(key);
    const prevKv = this.expectLive(history, key, expectedModRevision);
    const revision = this.revision + 1;
    const kv = Object.freeze({
      key,
      value: prevKv.value,
      createRevision: prevKv.createRevision,
      modRevision: revision,
    });
    history!.record(revision, undefined);
    this.commit(Object.freeze({ type: 'delete', kv, prevKv }));
    return prevKv;
  }

  watch(prefix: string, afterRevision: number): Observable<StoreEvent> {
    return new Observable<StoreEvent>((subscriber) => {
      try {
        this.assertOpen();
        assertStoreKey(prefix, 'prefix');
        assertRevisionArgument('watch afterRevision', afterRevision);
        this.assertHeld(afterRevision, prefix);
      } catch (err) {
        subscriber.error(err);
        return;
      }
      return this.hub.attach(prefix, afterRevision, subscriber, this.log.since(afterRevision, prefix));
    });
  }

  async currentRevision(): Promise<number> {
    this.assertOpen();
    return this.revision;
  }

  /**
   * requestProgress sends a progress event at the current revision to every open watch below it,
   * at once: changes reach watches synchronously with their commit, so nothing is pending.
   */
  async requestProgress(): Promise<void> {
    this.assertOpen();
    this.hub.progress(this.revision);
  }

  async compact(revision: number): Promise<void> {
    this.assertOpen();
    assertRevisionArgument('compact revision', revision);
    if (revision > this.revision) {
      throw new StoreError(
        'FutureRevision',
        `cannot compact to revision ${revision}: the current revision is ${this.revision}`,
        { revision: this.revision },
      );
    }
    this.compactTo(revision);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    this.hub.completeAll();
  }

  /** commit makes `event` the next revision: it logs it and hands it to the watches. */
  private commit(event: ChangeEvent): void {
    this.revision = event.kv.modRevision;
    this.log.append(event, performance.now());
    this.hub.publish(event);
  }

  /** expectLive returns the live version of `key`, checking `expectedModRevision` when given. */
  private expectLive(history: KeyHistory | undefined, key: string, expectedModRevision?: number): KeyValue {
    const live = history?.latest();
    if (live === undefined) throw new StoreError('NotFound', `key ${key} not found`, { key });
    if (expectedModRevision !== undefined && live.modRevision !== expectedModRevision) {
      throw new StoreError(
        'Conflict',
        `key ${key} is at revision ${live.modRevision}, not the expected ${expectedModRevision}`,
        { key, revision: live.modRevision },
      );
    }
    return live;
  }

  /** readableRevision resolves a list revision (0 means current) and checks it is still held. */
  private readableRevision(requested: number, prefix: string): number {
    assertRevisionArgument('list revision', requested);
    const revision = requested === 0 ? this.revision : requested;
    this.assertHeld(revision, prefix);
    return revision;
  }

  /** assertHeld fails unless the state at `revision` is between the compacted and the current revision. */
  private assertHeld(revision: number, prefix: string): void {
    if (revision < this.compacted) {
      throw new StoreError(
        'Compacted',
        `revision ${revision} of ${prefix} has been compacted (the oldest readable revision is ${this.compacted})`,
        { key: prefix, revision: this.compacted },
      );
    }
    if (revision > this.revision) {
      throw new StoreError(
        'FutureRevision',
        `revision ${revision} of ${prefix} is ahead of the current revision ${this.revision}`,
        { key: prefix, revision: this.revision },
      );
    }
  }

  /** compactWindow compacts everything older than both `retainMs` and `retainRevisions`. */
  private compactWindow(retainMs: number, retainRevisions: number): void {
    const byTime = this.log.lastRevisionAtOrBefore(performance.now() - retainMs) ?? 0;
    this.compactTo(Math.min(byTime, this.revision - retainRevisions));
  }

  /** compactTo drops the history that no read at or after `revision` can see; lower revisions do nothing. */
  private compactTo(revision: number): void {
    if (revision <= this.compacted) return;
    const touched = new Set(this.log.dropThrough(revision).map((event) => event.kv.key));
    for (const key of touched) {
      if (this.histories.get(key)?.compact(revision)) {
        this.histories.delete(key);
        this.keys.remove(key);
      }
    }
    this.compacted = revision;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('Closed', 'the memory store is closed');
  }
}
