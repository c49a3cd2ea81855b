import type { Observable, Subscription } from 'rxjs';
import type { WatchBackpressure } from '../watch-cache/watch-backpressure.js';
import type { WatchEvent } from '../watch-cache/watch-event.js';

/** WatchStreamOptions configure a {@link WatchStream}. */
export interface WatchStreamOptions {
  /** Turns one event into the bytes of its frame (a JSON line, a protobuf frame). */
  readonly encode: (event: WatchEvent) => Uint8Array;
  /** Aborting it ends the stream (the client went away). */
  readonly signal: AbortSignal;
  /** How many encoded events may wait for the reader before the watch is told to hold back (default 64). */
  readonly highWaterMark?: number;
}

/**
 * WatchStream turns the events of a watch into the chunks of a streamed response body.
 *
 * Guarantees: each event becomes exactly one chunk, in order, available to the reader as soon as
 * the event arrives; the stream ends when the watch completes (after its last event), when the
 * watch fails (after an ERROR event the caller's `encode` wrote for the failure), when `signal`
 * aborts, or when the reader stops iterating — and in every case the watch is unsubscribed. Its {@link WatchStream.backpressure} reports not-ready while
 * `highWaterMark` chunks wait, so that the watch cache holds events for a slow reader (and ends
 * the watch when it falls too far behind) instead of this stream buffering without bound.
 */
export class WatchStream implements AsyncIterable<Uint8Array> {
  readonly backpressure: WatchBackpressure;
  readonly #options: WatchStreamOptions;
  readonly #highWaterMark: number;
  readonly #queue: Uint8Array[] = [];
  readonly #readyListeners = new Set<() => void>();
  #subscription: Subscription | undefined;
  #wake: (() => void) | undefined;
  #done = false;

  constructor(options: WatchStreamOptions) {
    this.#options = options;
    this.#highWaterMark = options.highWaterMark ?? 64;
    this.backpressure = {
      ready: () => this.#queue.length < this.#highWaterMark,
      onReady: (listener) => {
        this.#readyListeners.add(listener);
        return () => this.#readyListeners.delete(listener);
      },
    };
    if (options.signal.aborted) this.#finish();
    else options.signal.addEventListener('abort', () => this.#finish(), { once: true });
  }

  /**
   * attach starts consuming `events`; `failure` encodes the ERROR event sent when the observable
   * fails rather than completing.
   */
  attach(events: Observable<WatchEvent>, failure: (err: unknown) => WatchEvent): void {
    if (this.#done) return;
    this.#subscription = events.subscribe({
      next: (event) => this.#push(event),
      error: (err: unknown) => {
        this.#push(failure(err));
        this.#finish();
      },
      complete: () => this.#finish(),
    });
    if (this.#done) this.#subscription.unsubscribe();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    try {
      for (;;) {
        const chunk = this.#queue.shift();
        if (chunk !== undefined) {
          if (this.#queue.length === this.#highWaterMark - 1) this.#notifyReady();
          yield chunk;
          continue;
        }
        if (this.#done) return;
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
        });
      }
    } finally {
      this.#finish();
      this.#queue.length = 0;
    }
  }

  #push(event: WatchEvent): void {
    if (this.#done) return;
    let chunk: Uint8Array;
    try {
      chunk = this.#options.encode(event);
    } catch {
      // An event that cannot be written in the negotiated form ends the watch; the client re-watches.
      this.#finish();
      return;
    }
    this.#queue.push(chunk);
    this.#wakeReader();
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    this.#subscription?.unsubscribe();
    this.#readyListeners.clear();
    this.#wakeReader();
  }

  #wakeReader(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #notifyReady(): void {
    for (const listener of [...this.#readyListeners]) listener();
  }
}
