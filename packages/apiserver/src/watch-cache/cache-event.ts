import type { ObjectFilter } from '../registry/object-filter.js';
import type { CachedObject } from './cached-object.js';
import type { WatchEvent } from './watch-event.js';

/**
 * CacheEvent is one change the watch cache applied: the new version (for a deletion, the last
 * state stamped with the deletion's revision) and the version it replaced.
 *
 * {@link CacheEvent.eventFor} turns it into what one watcher sees through its filter, as
 * Kubernetes' cache watchers do: an object entering the filter is ADDED, one leaving it is DELETED
 * (with its previous content and this event's resourceVersion), one staying is MODIFIED. Each
 * distinct WatchEvent is built once and shared by every watcher.
 */
export class CacheEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly revision: number;
  readonly object: CachedObject;
  readonly prev: CachedObject | undefined;
  /** When the cache recorded the event (`performance.now()`), for sizing the event ring. */
  readonly recordedAt: number;
  #modified: WatchEvent | undefined;
  #deleted: WatchEvent | undefined;

  constructor(
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: CachedObject,
    prev: CachedObject | undefined,
    recordedAt: number,
  ) {
    this.type = type;
    this.revision = object.revision;
    this.object = object;
    this.prev = prev;
    this.recordedAt = recordedAt;
  }

  /** eventFor returns what a watcher with `filter` receives for this change, or undefined for nothing. */
  eventFor(filter: ObjectFilter): WatchEvent | undefined {
    const now = this.type !== 'DELETED' && filter.matches(this.object);
    const before = this.prev !== undefined && filter.matches(this.prev);
    if (this.type === 'DELETED') return before ? this.deleted() : undefined;
    if (now) return before ? this.modified() : this.object.added();
    return before ? this.deleted() : undefined;
  }

  private modified(): WatchEvent {
    this.#modified ??= Object.freeze({ type: 'MODIFIED', object: this.object.object });
    return this.#modified;
  }

  private deleted(): WatchEvent {
    if (this.#deleted === undefined) {
      // A deletion already carries the last state at this revision; an object leaving the filter
      // is reported with its previous content, stamped with this revision.
      let object = this.object.object;
      if (this.type === 'MODIFIED' && this.prev !== undefined) {
        const prev = this.prev.object;
        object = Object.freeze({
          ...prev,
          metadata: Object.freeze({ ...prev.metadata, resourceVersion: String(this.revision) }),
        });
      }
      this.#deleted = Object.freeze({ type: 'DELETED', object });
    }
    return this.#deleted;
  }
}
