import type { StoreEvent } from '@capstan/core';
import type { Subscriber } from 'rxjs';

/** ChangeEvent is a put or delete {@link StoreEvent}: one committed write. */
export type ChangeEvent = Exclude<StoreEvent, { type: 'progress' }>;

interface Watch {
  readonly prefix: string;
  readonly subscriber: Subscriber<StoreEvent>;
  /** Every change under `prefix` at or below this revision has been delivered. */
  through: number;
  /** The revision of the last event (change or progress) delivered. */
  reported: number;
}

/**
 * WatchFanout hands each committed write to the live watches whose prefix it falls under,
 * synchronously, in revision order. A watch registered while a batch is being published
 * (from inside another watch's handler) skips the changes it already read as history, so no
 * change is delivered twice.
 */
export class WatchFanout {
  private readonly watches = new Set<Watch>();

  /**
   * add registers a watch that has already been given every change under `prefix` up to
   * `through`, the last of them at `reported`. It returns the function that removes it.
   */
  add(prefix: string, subscriber: Subscriber<StoreEvent>, through: number, reported: number): () => void {
    const watch: Watch = { prefix, subscriber, through, reported };
    this.watches.add(watch);
    return () => {
      this.watches.delete(watch);
    };
  }

  /** publish delivers `events` (ascending revisions, all committed, the last at `through`). */
  publish(events: readonly ChangeEvent[], through: number): void {
    for (const watch of this.watches) {
      for (const event of events) {
        if (watch.subscriber.closed) break;
        const revision = event.kv.modRevision;
        if (revision <= watch.through || !event.kv.key.startsWith(watch.prefix)) continue;
        watch.reported = revision;
        watch.subscriber.next(event);
      }
      watch.through = Math.max(watch.through, through);
    }
  }

  /**
   * progress sends `{ type: 'progress', revision }` to every watch whose last delivered event
   * is older. Valid only because {@link WatchFanout.publish} runs synchronously with each
   * commit: every change at or below `revision` has already been delivered.
   */
  progress(revision: number): void {
    for (const watch of this.watches) {
      if (watch.reported >= revision) continue;
      watch.reported = revision;
      watch.subscriber.next({ type: 'progress', revision });
    }
  }

  /** completeAll completes and forgets every watch. */
  completeAll(): void {
    const watches = [...this.watches];
    this.watches.clear();
    for (const watch of watches) watch.subscriber.complete();
  }
}
