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
import { Etcd3, type IKeyValue } from 'etcd3';
import { Observable } from 'rxjs';
import { EtcdFailure } from './etcd-failure.js';
import { toKeyValue } from './etcd-key-value.js';
import { EtcdWatch, type WatchSource, type WatchStream } from './etcd-watch.js';
import { HostCooldownPolicy, PASS_THROUGH_POLICY } from './fault-policy.js';
import { prefixRange, rangeAfter } from './key-range.js';

/** EtcdStoreOptions tunes {@link EtcdStore.connect}. */
export interface EtcdStoreOptions {
  /** How long `connect` waits for etcd to answer before failing with `Unavailable` (default 5000 ms). */
  connectTimeoutMs?: number;
  /**
   * How long one operation may take, retries on other members included, before it fails with
   * `Unavailable` (default 10000 ms).
   */
  requestTimeoutMs?: number;
}

/** The options of one gRPC call the etcd3 client accepts (grpc-js CallOptions). */
type CallOptions = NonNullable<Parameters<Etcd3['kv']['range']>[1]>;

const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** How long a member that failed with UNAVAILABLE is skipped before calls try it again. */
const HOST_COOLDOWN_MS = 500;
const RETRY_MIN_MS = 20;
const RETRY_MAX_MS = 500;

/**
 * EtcdStore is the {@link Store} on an etcd v3 cluster (through the `etcd3` client). Revisions
 * are etcd's own: a fresh etcd cluster starts at revision 1, not 0.
 *
 * Guarantees beyond the Store contract:
 * - Writes are etcd transactions that compare the key's createRevision/modRevision, so every
 *   check-and-write is atomic in etcd; a failed compare reads the key in the same transaction
 *   to tell `KeyExists`, `Conflict` and `NotFound` apart.
 * - Keys and values are checked before anything is sent. etcd's own request limit
 *   (`--max-request-bytes`, by default exactly 1.5 MiB) must be raised above 1.5 MiB plus the
 *   key for the largest values the Store accepts; otherwise such a write fails with `TooLarge`.
 * - Reads are linearizable. Calls go to any member; a member that is down or without a
 *   leader is skipped for a moment. Reads (and `compact`) are retried on another member until
 *   `requestTimeoutMs`; a write is retried only when it certainly was not sent, and otherwise
 *   fails with `Unavailable` saying its outcome is unknown. No failure of one call slows the
 *   others down.
 * - Watches resume after a lost connection from the last delivered revision with no gap and
 *   no duplicate (see {@link EtcdWatch}), and emit etcd's periodic progress notifications as
 *   `progress` events: how often is etcd's `--experimental-watch-progress-notify-interval`
 *   (10 minutes unless the server is configured otherwise).
 *
 * Limits: a watch stream does not ask etcd to require a leader (the etcd3 client cannot send
 * that metadata), so a watch on a member cut off from the others waits instead of moving to
 * another member until the connection itself fails; and a call to a member that does not
 * answer at all (rather than refusing the connection) waits until `requestTimeoutMs`.
 */
export class EtcdStore implements Store {
  private closed = false;
  private readonly watches = new Set<EtcdWatch>();
  private readonly failure: EtcdFailure;
  private readonly watchSource: WatchSource;

  private constructor(
    private readonly client: Etcd3,
    endpoints: readonly string[],
    private readonly requestTimeoutMs: number,
  ) {
    this.failure = new EtcdFailure(endpoints);
    this.watchSource = {
      currentRevision: () => this.currentRevision(),
      openStream: () => this.client.watchClient.watch() as Promise<WatchStream>,
      translate: (err) => this.failure.translate(err, undefined),
    };
  }

  /**
   * connect opens a store on the etcd members at `endpoints` (URLs like
   * `http://127.0.0.1:2379`) and waits up to `connectTimeoutMs` for one of them to answer. It
   * fails with `Unavailable`, naming the endpoints, for an empty or malformed list or when no
   * member answers in time.
   */
  static async connect(endpoints: string[], options: EtcdStoreOptions = {}): Promise<EtcdStore> {
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    checkEndpoints(endpoints);
    let client: Etcd3;
    try {
      client = new Etcd3({
        hosts: endpoints,
        faultHandling: {
          host: (host) => new HostCooldownPolicy(host, HOST_COOLDOWN_MS),
          global: PASS_THROUGH_POLICY,
        },
        grpcOptions: {
          // etcd answers with whole ranges and watch batches; several large values exceed grpc's 4 MiB default.
          'grpc.max_receive_message_length': -1,
          'grpc.max_send_message_length': -1,
          // Reconnect to a restarted member within a second (grpc's default backoff grows to two minutes).
          'grpc.initial_reconnect_backoff_ms': 100,
          'grpc.max_reconnect_backoff_ms': 1000,
          // Notice a member that stopped answering on an open connection (etcd allows pings every 5 s).
          'grpc.keepalive_time_ms': 10_000,
          'grpc.keepalive_timeout_ms': 5000,
        },
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new StoreError('Unavailable', `cannot use etcd endpoints ${endpoints.join(', ')}: ${reason}`, {
        cause: err,
      });
    }
    const store = new EtcdStore(
      client,
      [...endpoints],
      options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    );
    try {
      await store.request(
        'read',
        undefined,
        (call) => client.kv.range(revisionProbe(), call),
        connectTimeoutMs,
      );
    } catch (err) {
      await store.close();
      const reason = err instanceof Error ? err.message : String(err);
      throw new StoreError(
        'Unavailable',
        `cannot reach etcd at ${endpoints.join(', ')} within ${connectTimeoutMs} ms: ${reason}`,
        { cause: err },
      );
    }
    return store;
  }

  async get(key: string): Promise<KeyValue | undefined> {
    assertStoreKey(key);
    const response = await this.request('read', key, (call) =>
      this.client.kv.range({ key: Buffer.from(key, 'utf8') }, call),
    );
    const kv = response.kvs[0];
    return kv === undefined ? undefined : toKeyValue(kv);
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    assertStoreKey(prefix, 'prefix');
    const limit = opts.limit ?? 0;
    const revision = opts.revision ?? 0;
    if (!Number.isSafeInteger(limit) || limit < 0)
      throw new RangeError(`list limit ${limit} is not a non-negative integer`);
    if (!Number.isSafeInteger(revision) || revision < 0) {
      throw new RangeError(`list revision ${revision} is not a non-negative integer`);
    }
    const whole = prefixRange(prefix);
    const range = opts.startAfter === undefined ? whole : rangeAfter(whole, opts.startAfter);
    try {
      const response = await this.request('read', prefix, (call) =>
        this.client.kv.range(
          range === undefined
            ? // Nothing sorts after startAfter under the prefix; still check and report the revision.
              { key: whole.start, revision, count_only: true, limit: 1 }
            : { key: range.start, range_end: range.end, limit, revision },
          call,
        ),
      );
      return {
        items: range === undefined ? [] : response.kvs.map(toKeyValue),
        revision: revision > 0 ? revision : Number(response.header.revision),
        more: range !== undefined && response.more,
      };
    } catch (err) {
      throw await this.withCurrentRevision(err);
    }
  }

  async create(key: string, value: string): Promise<KeyValue> {
    assertStoreKey(key);
    assertStoreValue(key, value);
    const k = Buffer.from(key, 'utf8');
    const response = await this.request('write', key, (call) =>
      this.client.kv.txn(
        {
          compare: [{ key: k, target: 'Create', result: 'Equal', create_revision: 0 }],
          success: [{ request_put: { key: k, value: Buffer.from(value, 'utf8') } }],
          failure: [{ request_range: { key: k } }],
        },
        call,
      ),
    );
    if (!response.succeeded) {
      const live = response.responses[0]?.response_range.kvs[0];
      throw new StoreError('KeyExists', `key ${key} already exists`, revisionDetails(key, live));
    }
    const revision = Number(response.header.revision);
    return { key, value, createRevision: revision, modRevision: revision };
  }

  async update(key: string, value: string, expectedModRevision: number): Promise<KeyValue> {
    assertStoreKey(key);
    assertStoreValue(key, value);
    checkRevision(expectedModRevision);
    const k = Buffer.from(key, 'utf8');
    const response = await this.request('write', key, (call) =>
      this.client.kv.txn(
        {
          compare: liveAt(k, expectedModRevision),
          success: [{ request_put: { key: k, value: Buffer.from(value, 'utf8'), prev_kv: true } }],
          failure: [{ request_range: { key: k } }],
        },
        call,
      ),
    );
    if (!response.succeeded)
      throw compareFailure(key, expectedModRevision, response.responses[0]?.response_range.kvs[0]);
    const previous = response.responses[0]?.response_put.prev_kv;
    const revision = Number(response.header.revision);
    return {
      key,
      value,
      createRevision: Number(previous?.create_revision ?? revision),
      modRevision: revision,
    };
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    assertStoreKey(key);
    const k = Buffer.from(key, 'utf8');
    if (expectedModRevision === undefined) {
      const response = await this.request('write', key, (call) =>
        this.client.kv.deleteRange({ key: k, prev_kv: true }, call),
      );
      const removed = response.prev_kvs[0];
      if (removed === undefined) throw new StoreError('NotFound', `key ${key} does not exist`, { key });
      return toKeyValue(removed);
    }
    checkRevision(expectedModRevision);
    const response = await this.request('write', key, (call) =>
      this.client.kv.txn(
        {
          compare: liveAt(k, expectedModRevision),
          success: [{ request_delete_range: { key: k, prev_kv: true } }],
          failure: [{ request_range: { key: k } }],
        },
        call,
      ),
    );
    if (!response.succeeded)
      throw compareFailure(key, expectedModRevision, response.responses[0]?.response_range.kvs[0]);
    const removed = response.responses[0]?.response_delete_range.prev_kvs[0];
    if (removed === undefined) throw new StoreError('NotFound', `key ${key} does not exist`, { key });
    return toKeyValue(removed);
  }

  watch(prefix: string, afterRevision: number): Observable<StoreEvent> {
    return new Observable<StoreEvent>((subscriber) => {
      try {
        assertStoreKey(prefix, 'prefix');
        if (!Number.isSafeInteger(afterRevision) || afterRevision < 0) {
          throw new RangeError(`watch revision ${afterRevision} is not a non-negative integer`);
        }
        if (this.closed) throw closedError();
      } catch (err) {
        subscriber.error(err);
        return undefined;
      }
      const watch = new EtcdWatch(this.watchSource, prefix, afterRevision, subscriber);
      this.watches.add(watch);
      void watch.start();
      return () => {
        this.watches.delete(watch);
        watch.stop();
      };
    });
  }

  async currentRevision(): Promise<number> {
    const response = await this.request('read', undefined, (call) =>
      this.client.kv.range(revisionProbe(), call),
    );
    return Number(response.header.revision);
  }

  async compact(revision: number): Promise<void> {
    if (!Number.isSafeInteger(revision))
      throw new RangeError(`compact revision ${revision} is not an integer`);
    if (revision < 1) return;
    try {
      // Compacting twice does no harm, so it is retried like a read. physical: etcd answers
      // once the old revisions are gone, so that reads below them fail at once.
      await this.request('read', undefined, (call) =>
        this.client.kv.compact({ revision, physical: true }, call),
      );
    } catch (err) {
      if (StoreError.is(err, 'Compacted')) return; // at or below an earlier compaction: nothing to do
      throw await this.withCurrentRevision(err);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const watch of this.watches) watch.complete();
    this.watches.clear();
    this.client.close();
  }

  /**
   * request runs one etcd call with a deadline, retrying on another member what may be
   * retried (see {@link EtcdFailure}) until the deadline, and translates the final error.
   */
  private async request<T>(
    kind: 'read' | 'write',
    key: string | undefined,
    call: (options: CallOptions) => Promise<T>,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let delayMs = RETRY_MIN_MS;
    for (;;) {
      if (this.closed) throw closedError();
      try {
        return await call({ deadline });
      } catch (err) {
        if (this.closed) throw closedError();
        const retry = kind === 'read' ? this.failure.isTransient(err) : this.failure.wasNotSent(err);
        // Leave the last attempt some time of its own, so its failure still says why.
        const remainingMs = deadline - Date.now() - RETRY_MIN_MS;
        if (!retry || remainingMs <= 0) throw this.failure.translate(err, key, kind === 'write');
        await new Promise((resolve) => setTimeout(resolve, Math.min(delayMs, remainingMs)));
        delayMs = Math.min(delayMs * 2, RETRY_MAX_MS);
      }
    }
  }

  /** withCurrentRevision adds the current revision to a `FutureRevision` error, as the contract asks. */
  private async withCurrentRevision(err: unknown): Promise<unknown> {
    if (!StoreError.is(err, 'FutureRevision') || err.revision !== undefined) return err;
    const current = await this.currentRevision().catch(() => undefined);
    if (current === undefined) return err;
    return new StoreError('FutureRevision', `${err.message} (current revision ${current})`, {
      revision: current,
      cause: err.cause,
    });
  }
}

function closedError(): StoreError {
  return new StoreError('Closed', 'the etcd store is closed');
}

/** revisionProbe is the cheapest read: it returns only the response header with the revision. */
function revisionProbe(): { key: Buffer; count_only: true; limit: number } {
  return { key: Buffer.from([0]), count_only: true, limit: 1 };
}

/** liveAt compares that `key` exists with modRevision `expected`. */
function liveAt(key: Buffer, expected: number) {
  return [
    { key, target: 'Create' as const, result: 'Greater' as const, create_revision: 0 },
    { key, target: 'Mod' as const, result: 'Equal' as const, mod_revision: expected },
  ];
}

/** compareFailure explains a failed {@link liveAt} from the key's current version. */
function compareFailure(key: string, expected: number, live: IKeyValue | undefined): StoreError {
  if (live === undefined) return new StoreError('NotFound', `key ${key} does not exist`, { key });
  return new StoreError(
    'Conflict',
    `key ${key} is at revision ${live.mod_revision}, not ${expected}`,
    revisionDetails(key, live),
  );
}

function revisionDetails(key: string, live: IKeyValue | undefined): { key: string; revision?: number } {
  return live === undefined ? { key } : { key, revision: Number(live.mod_revision) };
}

function checkRevision(revision: number): void {
  if (!Number.isSafeInteger(revision))
    throw new RangeError(`expected revision ${revision} is not an integer`);
}

/** checkEndpoints rejects an empty list and anything but http(s) URLs with a host. */
function checkEndpoints(endpoints: string[]): void {
  if (!Array.isArray(endpoints) || endpoints.length === 0) {
    throw new StoreError('Unavailable', 'cannot connect to etcd: no endpoints given');
  }
  for (const endpoint of endpoints) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
      throw new StoreError(
        'Unavailable',
        `cannot connect to etcd at ${endpoints.join(', ')}: ${JSON.stringify(endpoint)} is not an http(s)://host:port URL`,
      );
    }
  }
}
