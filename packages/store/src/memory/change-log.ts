import type { StoreEvent } from '@capstan/core';

/** ChangeEvent is a {@link StoreEvent} that records a write. */
export type ChangeEvent = Exclude<StoreEvent, { type: 'progress' }>;

/**
 * ChangeLog is the store's history of writes after the compacted revision: one event per
 * revision, without gaps, each with the time it was committed. Watches replay from it.
 */
export class ChangeLog {
  private events: ChangeEvent[] = [];
  private times: number[] = [];
  /** The revision of `events[0]`, the first one after the compacted revision. */
  private base = 1;

  /** append adds the event of the next revision, committed at time `at` (milliseconds, non-decreasing). */
  append(event: ChangeEvent, at: number): void {
    this.events.push(event);
    this.times.push(at);
  }

  /** since returns the events after `afterRevision` whose key starts with `prefix`, oldest first. */
  since(afterRevision: number, prefix: string): ChangeEvent[] {
    const from = Math.max(0, afterRevision + 1 - this.base);
    const found: ChangeEvent[] = [];
    for (let i = from; i < this.events.length; i++) {
      const event = this.events[i]!;
      if (event.kv.key.startsWith(prefix)) found.push(event);
    }
    return found;
  }

  /** lastRevisionAtOrBefore returns the last revision committed at or before `time`, if any is still held. */
  lastRevisionAtOrBefore(time: number): number | undefined {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid]! <= time) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : this.base + low - 1;
  }

  /** dropThrough removes the events at and below `revision` and returns them. */
  dropThrough(revision: number): ChangeEvent[] {
    const count = Math.max(0, Math.min(this.events.length, revision + 1 - this.base));
    const dropped = this.events.slice(0, count);
    this.events = this.events.slice(count);
    this.times = this.times.slice(count);
    this.base += count;
    return dropped;
  }
}
