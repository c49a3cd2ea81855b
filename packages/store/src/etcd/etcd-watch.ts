import { StoreError, type StoreEvent } from '@capstan/core';
import type { IDuplexStream, IEvent, IWatchRequest, IWatchResponse } from 'etcd3';
import type { Subscriber } from 'rxjs';
import { toKeyValue } from './etcd-key-value.js';
import { type KeyRange, prefixRange } from './key-range.js';

/** WatchStream is one etcd gRPC watch stream. */
export type WatchStream = IDuplexStream<IWatchRequest, IWatchResponse>;

/** WatchSource is what an {@link EtcdWatch} needs from its store. */
export interface WatchSource {
  /** currentRevision reads the cluster's revision linearizably. */
  currentRevision(): Promise<number>;
  /** openStream opens a new watch stream on some member. */
  openStream(): Promise<WatchStream>;
  /** translate turns a client error into a StoreError. */
  translate(err: unknown): unknown;
}

const RETRY_MIN_MS = 50;
const RETRY_MAX_MS = 1000;

/**
 * EtcdWatch is one subscription of {@link EtcdStore.watch}: an etcd watch on a prefix, on
 * a gRPC stream of its own, that survives lost connections.
 *
 * Guarantees:
 * - It starts etcd's watch at `afterRevision` itself (and drops the events of that
 *   revision), so etcd reports `Compacted` exactly when `afterRevision` is below the compacted
 *   revision. A start above the current revision fails with `FutureRevision` at once.
 * - When a stream breaks (a member restarts or dies), it opens a new one, on any member,
 *   from the last revision it delivered, retrying with capped backoff until etcd answers
 *   again or the subscription ends. Events at or below that revision are dropped, so nothing is
 *   delivered twice and nothing is skipped.
 * - Progress events come from etcd's own progress notifications (requested with
 *   `progress_notify`; etcd sends one to an idle, caught-up watch every
 *   `--experimental-watch-progress-notify-interval`, 10 minutes by default). etcd sends them
 *   only when every earlier event has been sent, so they are safe bookmarks. Explicit progress
 *   requests are not used: etcd before 3.4.25/3.5.8 could answer them ahead of pending events.
 * - A `put` or `delete` whose previous version etcd can no longer supply (compacted while the
 *   watch lagged) fails the watch with `Compacted` rather than deliver an event without it.
 */
export class EtcdWatch {
  private delivered: number;
  private stream: WatchStream | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = RETRY_MIN_MS;
  private ended = false;
  private readonly range: KeyRange;

  constructor(
    private readonly source: WatchSource,
    prefix: string,
    afterRevision: number,
    private readonly subscriber: Subscriber<StoreEvent>,
  ) {
    this.delivered = afterRevision;
    this.range = prefixRange(prefix);
  }

  /** start checks the start revision and opens the first stream. */
  async start(): Promise<void> {
    let current: number;
    try {
      current = await this.source.currentRevision();
    } catch (err) {
      this.fail(err);
      return;
    }
    if (this.ended) return;
    if (this.delivered > current) {
      this.fail(
        new StoreError(
          'FutureRevision',
          `cannot watch after revision ${this.delivered}: etcd's current revision is ${current}`,
          { revision: current },
        ),
      );
      return;
    }
    this.connect();
  }

  /** stop ends the watch without telling the subscriber (it unsubscribed). */
  stop(): void {
    this.ended = true;
    this.dropStream();
  }

  /** complete ends the watch and completes the subscriber (the store closed). */
  complete(): void {
    if (this.ended) return;
    this.stop();
    this.subscriber.complete();
  }

  private fail(err: unknown): void {
    if (this.ended) return;
    this.stop();
    this.subscriber.error(this.source.translate(err));
  }

  private connect(): void {
    this.source.openStream().then(
      (stream) => {
        if (this.ended) {
          closeStream(stream);
          return;
        }
        this.stream = stream;
        stream.on('data', (response) => this.onResponse(stream, response));
        stream.on('error', () => this.onBroken(stream));
        stream.on('end', () => this.onBroken(stream));
        stream.write({
          create_request: {
            key: this.range.start,
            range_end: this.range.end,
            start_revision: Math.max(1, this.delivered),
            prev_kv: true,
            progress_notify: true,
          },
        });
      },
      () => this.onBroken(undefined),
    );
  }

  private onResponse(stream: WatchStream, response: IWatchResponse): void {
    if (this.ended || stream !== this.stream) return;
    const compacted = Number(response.compact_revision);
    if (compacted > 0) {
      this.fail(
        new StoreError(
          'Compacted',
          `cannot watch after revision ${this.delivered}: etcd has compacted its history up to revision ${compacted}`,
          { revision: compacted },
        ),
      );
      return;
    }
    if (response.canceled) {
      // etcd ended this watch for another reason (such as losing its leader): start over.
      this.onBroken(stream);
      return;
    }
    if (response.created) {
      this.retryDelayMs = RETRY_MIN_MS;
      return;
    }
    if (response.events.length === 0) {
      const revision = Number(response.header.revision);
      if (revision > this.delivered) {
        this.delivered = revision;
        this.subscriber.next({ type: 'progress', revision });
      }
      return;
    }
    this.deliver(response.events);
  }

  private deliver(events: IEvent[]): void {
    // Events of one revision always arrive in one response, so the floor is fixed per response.
    const floor = this.delivered;
    for (const event of events) {
      const revision = Number(event.kv.mod_revision);
      if (revision <= floor) continue;
      const mapped = toStoreEvent(event);
      if (mapped === undefined) {
        this.fail(
          new StoreError(
            'Compacted',
            `etcd no longer has the version before revision ${revision} of ${event.kv.key.toString('utf8')}: ` +
              'its history was compacted while the watch lagged',
          ),
        );
        return;
      }
      this.delivered = Math.max(this.delivered, revision);
      this.subscriber.next(mapped);
      if (this.ended) return;
    }
  }

  private onBroken(stream: WatchStream | undefined): void {
    if (this.ended || stream !== this.stream) return;
    this.dropStream();
    const delay = this.retryDelayMs * (0.5 + Math.random() / 2);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.ended) this.connect();
    }, delay);
  }

  private dropStream(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const stream = this.stream;
    this.stream = undefined;
    if (stream !== undefined) closeStream(stream);
  }
}

/**
 * closeStream ends a watch stream. It half-closes first, so that the cancellation that follows
 * is not taken by the etcd3 client as a failure of the host.
 */
function closeStream(stream: WatchStream): void {
  const writable = stream as unknown as { writable?: boolean };
  if (writable.writable) stream.end();
  stream.cancel();
}

/**
 * toStoreEvent maps an etcd event to a {@link StoreEvent}, or returns undefined when the
 * previous version it needs is missing. A delete carries the deleted version's value and
 * createRevision with the delete's own revision.
 */
function toStoreEvent(event: IEvent): StoreEvent | undefined {
  const prevKv = event.prev_kv ? toKeyValue(event.prev_kv) : undefined;
  if (event.type === 'Delete') {
    if (prevKv === undefined) return undefined;
    const kv = {
      key: prevKv.key,
      value: prevKv.value,
      createRevision: prevKv.createRevision,
      modRevision: Number(event.kv.mod_revision),
    };
    return { type: 'delete', kv, prevKv };
  }
  const kv = toKeyValue(event.kv);
  if (kv.createRevision === kv.modRevision) return { type: 'put', kv };
  if (prevKv === undefined) return undefined;
  return { type: 'put', kv, prevKv };
}
