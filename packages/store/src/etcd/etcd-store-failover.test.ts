import { createServer } from 'node:net';
import { runStoreConformance, StoreError, type StoreEvent } from '@capstan/core';
import type { Subscription } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type EtcdProcess, etcdAvailability, startEtcd } from '../internal/etcd-process.js';
import { EtcdStore } from './etcd-store.js';

const etcd = etcdAvailability();
const skipped = etcd.available ? '' : ` (skipped: ${etcd.reason})`;

/** closedPort returns a loopback port that nothing listens on (it was bound and released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** WatchLog records one watch's events and lets a test wait for a revision. */
class WatchLog {
  readonly revisions: number[] = [];
  error: unknown;
  private readonly subscription: Subscription;

  constructor(store: EtcdStore, prefix: string, afterRevision: number) {
    this.subscription = store.watch(prefix, afterRevision).subscribe({
      next: (event: StoreEvent) => {
        if (event.type !== 'progress') this.revisions.push(event.kv.modRevision);
      },
      error: (err: unknown) => {
        this.error = err;
      },
    });
  }

  /** until waits (bounded) until the watch delivered `revision`, and fails if it errored. */
  async until(revision: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.revisions.at(-1) ?? 0) < revision) {
      if (this.error !== undefined) throw this.error;
      if (Date.now() > deadline)
        throw new Error(`watch did not reach revision ${revision}: saw ${this.revisions.join(',')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop(): void {
    this.subscription.unsubscribe();
  }
}

describe('EtcdStore.connect', () => {
  it('fails with Unavailable naming the endpoint within the bound when nothing listens', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const err = await EtcdStore.connect([endpoint], { connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(StoreError.is(err, 'Unavailable'), String(err)).toBe(true);
    expect((err as Error).message).toContain(endpoint);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3000);
  });

  it.each([
    ['no endpoints', []],
    ['a URL that is not http', ['ftp://127.0.0.1:2379']],
    ['text that is not a URL', ['127.0.0.1 2379']],
    ['one bad endpoint among good ones', ['http://127.0.0.1:2379', 'nonsense']],
  ])('rejects %s with Unavailable at once', async (_what, endpoints) => {
    const err = await EtcdStore.connect(endpoints, { connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(StoreError.is(err, 'Unavailable'), String(err)).toBe(true);
  });
});

describe.skipIf(!etcd.available)(`EtcdStore with one member that restarts${skipped}`, () => {
  let server: EtcdProcess;
  const stores: EtcdStore[] = [];
  beforeAll(async () => {
    server = await startEtcd();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('works again once etcd is back, and a watch resumes with every revision exactly once', async () => {
    const store = await EtcdStore.connect(server.endpoints, { requestTimeoutMs: 1000 });
    stores.push(store);
    const start = await store.currentRevision();
    const log = new WatchLog(store, '/restart/', start);
    const written: number[] = [];
    for (let i = 0; i < 10; i++) written.push((await store.create(`/restart/a${i}`, `${i}`)).modRevision);
    await log.until(written.at(-1)!);

    await server.kill(0);
    const down = Date.now();
    const err = await store.create('/restart/while-down', 'v').catch((e: unknown) => e);
    expect(StoreError.is(err, 'Unavailable'), String(err)).toBe(true);
    expect(Date.now() - down).toBeLessThan(3000);

    await server.restart(0);
    for (let i = 0; i < 10; i++) written.push((await store.create(`/restart/b${i}`, `${i}`)).modRevision);
    await log.until(written.at(-1)!);

    expect(written).toEqual(Array.from({ length: 20 }, (_, i) => start + 1 + i));
    expect(log.revisions).toEqual(written);
    expect(log.error).toBeUndefined();
    log.stop();
  });
});

describe.skipIf(!etcd.available)(`EtcdStore on etcd with a small request limit${skipped}`, () => {
  let server: EtcdProcess;
  beforeAll(async () => {
    // etcd answers requests over 64 KiB with INVALID_ARGUMENT, and gRPC refuses messages over
    // 64 KiB + 512 KiB with RESOURCE_EXHAUSTED, which the etcd3 client's default circuit
    // breaker counts as a host failure: three of them would stall every call for five seconds.
    server = await startEtcd({ maxRequestBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports values the server refuses as TooLarge without slowing down other calls', async () => {
    const store = await EtcdStore.connect(server.endpoints);
    try {
      const started = Date.now();
      for (const size of [100 * 1024, 1024 * 1024]) {
        for (let i = 0; i < 4; i++) {
          const err = await store.create(`/large/${size}-${i}`, 'x'.repeat(size)).catch((e: unknown) => e);
          expect(StoreError.is(err, 'TooLarge'), String(err)).toBe(true);
          expect((err as Error).message).toContain('--max-request-bytes');
        }
      }
      const small = await store.create('/large/small', 'v');
      expect(await store.get('/large/small')).toEqual(small);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!etcd.available)(`EtcdStore on a three-member cluster${skipped}`, () => {
  let cluster: EtcdProcess;
  beforeAll(async () => {
    cluster = await startEtcd({ members: 3 });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  runStoreConformance({ open: () => EtcdStore.connect(cluster.endpoints), test: it, progress: true });

  it('keeps writing and watching while each member in turn is down', async () => {
    const store = await EtcdStore.connect(cluster.endpoints);
    try {
      const start = await store.currentRevision();
      // A watch's stream lives on one member; taking each member down in turn breaks every one of them once.
      const logs = [0, 1, 2].map(() => new WatchLog(store, '/cluster/', start));
      const written: number[] = [];
      for (let member = 0; member < 3; member++) {
        const wasLeader = (await cluster.leader()) === member;
        await cluster.kill(member);
        // Writes sent to a follower after a follower died go through at once. After the leader
        // died, a write forwarded to it before the others notice is lost and etcd answers
        // "request timed out" seconds later with its outcome unknown (the store reports that
        // as Unavailable): like any etcd client, write once a new leader is elected.
        if (wasLeader) await cluster.healthy();
        for (let i = 0; i < 5; i++) {
          written.push((await store.create(`/cluster/m${member}-${i}`, `${i}`)).modRevision);
        }
        for (const log of logs) await log.until(written.at(-1)!);
        await cluster.restart(member);
      }
      for (const log of logs) {
        expect(log.revisions).toEqual(written);
        log.stop();
      }
    } finally {
      await store.close();
    }
  });
});
