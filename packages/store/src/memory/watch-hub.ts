import type { StoreEvent } from '@capstan/core';
import type { Subscriber, TeardownLogic } from 'rxjs';
import type { ChangeEvent } from './change-log.js';

/** Watcher is one open watch: its prefix, its subscriber, and how far it has got. */
interface Watcher {
  prefix: string;
  subscriber: Subscriber<StoreEvent>;
  /** The highest revision delivered so far (a change or a progress event). */
  delivered: number;
  open: boolean;
}

/**
 * WatchHub fans committed changes out to the open watches, synchronously with the commit.
 *
 * Delivery is serialized: while the hub is handing an event to subscribers, a change
 * committed from inside a `next` handler is queued and fanned out only once every watch has
 * received the current one, so no watch ever sees a later revision before an earlier one.
 * A watch never receives a change at or below a revision it already delivered, so a replay
 * read from the log may overlap with queued changes (or a watch opened from inside a
 * handler may be reached by the fan-out it was opened in) without duplicates.
 */
export class WatchHub {
  private readonly watchers = new Set<Watcher>();
  private pending: ChangeEvent[] = [];
  private busy = false;

  /**
   * attach opens a watch on `prefix` that first delivers `replay` (the history after
   * `afterRevision`, read from the log in the same synchronous step) and then every
   * published change. It returns the teardown that closes the watch.
   */
  attach(
    prefix: string,
    afterRevision: number,
    subscriber: Subscriber<StoreEvent>,
    replay: ChangeEvent[],
  ): TeardownLogic {
    const watcher: Watcher = { prefix, subscriber, delivered: afterRevision, open: true };
    this.watchers.add(watcher);
    this.serialized(() => {
      for (const event of replay) this.send(watcher, event);
    });
    return () => {
      watcher.open = false;
      this.watchers.delete(watcher);
    };
  }

  /** publish delivers a committed change to every watch whose prefix it falls under. */
  publish(event: ChangeEvent): void {
    this.pending.push(event);
    if (!this.busy) this.serialized(() => undefined);
  }

  /**
   * progress sends `{ type: 'progress', revision }` to every watch still below `revision`.
   * Call it only with the current revision, from outside any delivery (a timer).
   */
  progress(revision: number): void {
    if (this.busy) return;
    this.serialized(() => {
      for (const watcher of this.watchers) {
        if (!watcher.open || watcher.delivered >= revision) continue;
        watcher.delivered = revision;
        watcher.subscriber.next({ type: 'progress', revision });
      }
    });
  }

  /** completeAll completes every open watch. */
  completeAll(): void {
    const watchers = [...this.watchers];
    this.watchers.clear();
    for (const watcher of watchers) {
      watcher.open = false;
      watcher.subscriber.complete();
    }
  }

  /**
   * serialized runs `action` and then fans out every queued change, oldest first. When a
   * delivery is already under way (we are inside a handler) it runs `action` at once and
   * leaves the queue to the delivery in progress.
   */
  private serialized(action: () => void): void {
    if (this.busy) {
      action();
      return;
    }
    this.busy = true;
    try {
      action();
      for (let i = 0; i < this.pending.length; i++) {
        const event = this.pending[i]!;
        for (const watcher of this.watchers) {
          if (event.kv.key.startsWith(watcher.prefix)) this.send(watcher, event);
        }
      }
    } finally {
      this.pending = [];
      this.busy = false;
    }
  }

  private send(watcher: Watcher, event: ChangeEvent): void {
    if (!watcher.open || event.kv.modRevision <= watcher.delivered) return;
    watcher.delivered = event.kv.modRevision;
    watcher.subscriber.next(event);
  }
}
