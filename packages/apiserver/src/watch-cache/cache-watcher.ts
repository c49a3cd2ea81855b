import type { Subscriber } from 'rxjs';
import type { ObjectFilter } from '../registry/object-filter.js';
import type { CacheEvent } from './cache-event.js';
import type { WatchBackpressure } from './watch-backpressure.js';
import type { WatchEvent } from './watch-event.js';

/** CacheWatcherOptions configures one {@link CacheWatcher}. */
export interface CacheWatcherOptions {
  readonly filter: ObjectFilter;
  /** The revision the watcher is at: changes at or below it are never delivered. */
  readonly revision: number;
  /** Events delivered before any live change (initial ADDED events, a bookmark, a replay), produced lazily. */
  readonly initial?: Iterator<WatchEvent>;
  readonly allowBookmarks: boolean;
  /** How many live events may wait for a consumer that is not ready before the watch is ended. */
  readonly bufferSize: number;
  readonly backpressure?: WatchBackpressure | undefined;
  /** Called once when the watcher ends because its buffer overflowed. */
  readonly onOverflow: () => void;
}

/**
 * CacheWatcher is one watch served by the watch cache: its filter, its position, and the events
 * waiting for its consumer.
 *
 * Guarantees: events reach the subscriber in revision order, each change at most once (a change
 * at or below the watcher's revision is dropped); initial events come first and do not count
 * against the buffer; without backpressure every event is delivered synchronously when offered;
 * with backpressure, events wait while the consumer is not ready, and more than `bufferSize`
 * waiting events end the watch.
 */
export class CacheWatcher {
  readonly filter: ObjectFilter;
  readonly allowBookmarks: boolean;
  #revision: number;
  readonly #subscriber: Subscriber<WatchEvent>;
  readonly #options: CacheWatcherOptions;
  #initial: Iterator<WatchEvent> | undefined;
  #queue: WatchEvent[] = [];
  #head = 0;
  #closed = false;
  #draining = false;
  #stopWaiting: (() => void) | undefined;

  constructor(subscriber: Subscriber<WatchEvent>, options: CacheWatcherOptions) {
    this.#subscriber = subscriber;
    this.#options = options;
    this.filter = options.filter;
    this.allowBookmarks = options.allowBookmarks;
    this.#revision = options.revision;
    this.#initial = options.initial;
  }

  /** revision is the revision of the last change offered to this watcher (or its start). */
  get revision(): number {
    return this.#revision;
  }

  /** closed tells whether the watcher has stopped delivering. */
  get closed(): boolean {
    return this.#closed;
  }

  /** offer hands the watcher a change; it delivers what its filter makes of it. */
  offer(event: CacheEvent): void {
    if (this.#closed || event.revision <= this.#revision) return;
    this.#revision = event.revision;
    const watchEvent = event.eventFor(this.filter);
    if (watchEvent !== undefined) this.#enqueue(watchEvent);
  }

  /** bookmark queues a BOOKMARK event, when the watcher asked for bookmarks. */
  bookmark(event: WatchEvent): void {
    if (this.allowBookmarks && !this.#closed) this.#enqueue(event);
  }

  /** drain delivers waiting events for as long as the consumer is ready. */
  drain(): void {
    if (this.#draining || this.#closed) return;
    this.#draining = true;
    try {
      const backpressure = this.#options.backpressure;
      while (!this.#closed) {
        if (backpressure !== undefined && !backpressure.ready()) {
          this.#waitForConsumer(backpressure);
          return;
        }
        const event = this.#next();
        if (event === undefined) return;
        this.#subscriber.next(event);
      }
    } finally {
      this.#draining = false;
    }
  }

  /** end stops the watcher and completes its subscriber (the watch stream ends). */
  end(): void {
    if (this.#closed) return;
    this.stop();
    this.#subscriber.complete();
  }

  /** stop stops the watcher without signalling the subscriber (it has unsubscribed). */
  stop(): void {
    this.#closed = true;
    this.#initial = undefined;
    this.#queue = [];
    this.#head = 0;
    this.#stopWaiting?.();
    this.#stopWaiting = undefined;
  }

  #enqueue(event: WatchEvent): void {
    if (this.#queue.length - this.#head >= this.#options.bufferSize) {
      this.#options.onOverflow();
      this.end();
      return;
    }
    this.#queue.push(event);
    this.drain();
  }

  #next(): WatchEvent | undefined {
    if (this.#initial !== undefined) {
      const step = this.#initial.next();
      if (!step.done) return step.value;
      this.#initial = undefined;
    }
    if (this.#head === this.#queue.length) {
      if (this.#head > 0) {
        this.#queue = [];
        this.#head = 0;
      }
      return undefined;
    }
    const event = this.#queue[this.#head]!;
    this.#head++;
    if (this.#head >= 1024 && this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    return event;
  }

  #waitForConsumer(backpressure: WatchBackpressure): void {
    if (this.#stopWaiting !== undefined) return;
    let fired = false;
    let stop: (() => void) | undefined;
    stop = backpressure.onReady(() => {
      if (fired) return;
      fired = true;
      if (this.#stopWaiting === stop) this.#stopWaiting = undefined;
      stop?.();
      // Resume outside the consumer's callback, which may run inside our own drain.
      queueMicrotask(() => this.drain());
    });
    if (fired) stop();
    else this.#stopWaiting = stop;
  }
}
