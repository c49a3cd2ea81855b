import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { runStoreConformance, StoreError, type StoreEvent } from '@capstan/core';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'capstan-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** newPath names a database file no test has used yet. */
function newPath(): string {
  files += 1;
  return join(dir, `store-${files}`, 'state.db');
}

/** openNew opens a store on a new file; automatic compaction stays off unless asked for. */
function openNew(options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  return SqliteStore.open(newPath(), { compaction: false, ...options });
}

/** rejection returns what `promise` was rejected with (and fails when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

/** collect subscribes to a watch and returns the array its events land in. */
function collect(store: SqliteStore, prefix: string, afterRevision: number): StoreEvent[] {
  const events: StoreEvent[] = [];
  store.watch(prefix, afterRevision).subscribe({ next: (event) => events.push(event) });
  return events;
}

/** eventually polls `check` every 10 ms until it holds, for at most five seconds. */
async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await sleep(10);
  }
  throw new Error('condition not met within 5 s');
}

describe('SqliteStore conformance', () => {
  // The default options (automatic compaction included), with quicker progress events.
  runStoreConformance({
    open: () => SqliteStore.open(newPath(), { progressIntervalMs: 50 }),
    test: it,
    progress: true,
    requestProgress: true,
  });
});

describe('SqliteStore', () => {
  it('creates the parent directory and reports its path', async () => {
    const path = join(dir, 'nested', 'deeper', 'state.db');
    const store = await SqliteStore.open(path);
    expect(store.path).toBe(path);
    await store.create('/a', 'v');
    await store.close();
  });

  it('keeps values, revisions and the compacted revision across close and reopen', async () => {
    const path = newPath();
    const first = await SqliteStore.open(path, { compaction: false });
    const a1 = await first.create('/r/a', 'a1');
    const a2 = await first.update('/r/a', 'a2', a1.modRevision);
    await first.create('/r/b', 'b1');
    await first.compact(a2.modRevision);
    // The newest row is a tombstone, and compaction at the current revision removes it.
    await first.delete('/r/b');
    const last = await first.currentRevision();
    await first.compact(last);
    await first.close();

    const second = await SqliteStore.open(path, { compaction: false });
    expect(await second.currentRevision()).toBe(last);
    expect(await second.get('/r/a')).toEqual(a2);
    expect(await second.get('/r/b')).toBeUndefined();
    const err = await rejection(second.list('/r/', { revision: last - 1 }));
    expect(StoreError.is(err, 'Compacted') && err.revision).toBe(last);
    const next = await second.create('/r/b', 'b2');
    expect(next.modRevision).toBe(last + 1);
    await second.close();
  });

  it('commits writes issued together in one batch, each failure alone and without a revision', async () => {
    const store = await openNew();
    const a = await store.create('/b/a', 'a1');
    const start = await store.currentRevision();
    const events = collect(store, '/b/', start);
    // Issued in one turn of the event loop, so they share one transaction.
    const results = await Promise.allSettled([
      store.create('/b/x', 'x1'),
      store.create('/b/a', 'again'),
      store.update('/b/a', 'a2', a.modRevision),
      store.update('/b/a', 'a3', a.modRevision),
      store.update('/b/missing', 'm', a.modRevision),
      store.create('/b/x', 'x2'),
      store.delete('/b/x'),
      store.create('/b/x', 'x3'),
    ]);
    const outcome = results.map((r) =>
      r.status === 'fulfilled' ? r.value.modRevision : (r.reason as StoreError).code,
    );
    expect(outcome).toEqual([
      start + 1,
      'KeyExists',
      start + 2,
      'Conflict',
      'NotFound',
      'KeyExists',
      start + 1, // delete returns the version it removed
      start + 4,
    ]);
    expect(await store.currentRevision()).toBe(start + 4);
    expect(
      events.map((e) => (e.type === 'progress' ? e.type : `${e.type} ${e.kv.key} ${e.kv.modRevision}`)),
    ).toEqual([
      `put /b/x ${start + 1}`,
      `put /b/a ${start + 2}`,
      `delete /b/x ${start + 3}`,
      `put /b/x ${start + 4}`,
    ]);
    await store.close();
  });

  it('loses no increment when many writers race on one key', async () => {
    const store = await openNew();
    const created = await store.create('/counter', '0');
    const writers = 32;
    const rounds = 10;
    let conflicts = 0;
    const increment = async () => {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const current = (await store.get('/counter'))!;
        try {
          await store.update('/counter', String(Number(current.value) + 1), current.modRevision);
          return;
        } catch (err) {
          if (!StoreError.is(err, 'Conflict')) throw err;
          conflicts += 1;
        }
      }
      throw new Error('too many conflicts');
    };
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = 0; i < rounds; i++) await increment();
      }),
    );
    expect((await store.get('/counter'))?.value).toBe(String(writers * rounds));
    expect(await store.currentRevision()).toBe(created.modRevision + writers * rounds);
    expect(conflicts).toBeGreaterThan(0);
    await store.close();
  });

  it('replays history longer than one page without a gap while writes continue', async () => {
    const store = await openNew();
    const writers = 50;
    const rounds = 50; // 2500 revisions of history: three pages
    const writeAll = (phase: string) =>
      Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < rounds; i++) await store.create(`/h/${phase}/${w}/${i}`, `${w}.${i}`);
        }),
      );
    await writeAll('before');
    const events = collect(store, '/h/', 0);
    expect(events.length).toBeLessThan(writers * rounds); // the rest of the replay is still to come
    await writeAll('during');
    const last = await store.create('/h/last', 'v');
    await eventually(() => events.length === last.modRevision);
    expect(events.map((e) => (e.type === 'progress' ? 0 : e.kv.modRevision))).toEqual(
      Array.from({ length: last.modRevision }, (_, i) => i + 1),
    );
    expect(events.at(-1)).toEqual({ type: 'put', kv: last });
    await store.close();
  });

  it('fails a replay that compaction overtakes with Compacted', async () => {
    const store = await openNew();
    await Promise.all(
      Array.from({ length: 50 }, async (_, w) => {
        for (let i = 0; i < 50; i++) await store.create(`/o/${w}/${i}`, 'v');
      }),
    );
    let failure: unknown;
    const events: StoreEvent[] = [];
    store
      .watch('/o/', 0)
      .subscribe({ next: (e) => events.push(e), error: (err: unknown) => (failure = err) });
    await store.compact(2000);
    await eventually(() => failure !== undefined);
    expect(StoreError.is(failure, 'Compacted')).toBe(true);
    expect(events.length).toBeLessThan(2000);
    await store.close();
  });

  it('completes a replay still in progress when the store closes', async () => {
    const store = await openNew();
    await Promise.all(
      Array.from({ length: 50 }, async (_, w) => {
        for (let i = 0; i < 50; i++) await store.create(`/p/${w}/${i}`, 'v');
      }),
    );
    let completed = false;
    store.watch('/p/', 0).subscribe({ complete: () => (completed = true) });
    await store.close();
    expect(completed).toBe(true);
  });

  it('gives a watch opened by another watch, mid-batch, each change once', async () => {
    const store = await openNew();
    const inner: StoreEvent[] = [];
    const subscription = store.watch('/n/', 0).subscribe((event) => {
      if (event.type === 'put' && event.kv.key === '/n/1') {
        store.watch('/n/', event.kv.modRevision - 1).subscribe((e) => inner.push(e));
      }
    });
    await Promise.all([store.create('/n/1', 'v'), store.create('/n/2', 'v'), store.create('/n/3', 'v')]);
    await store.create('/n/4', 'v');
    expect(inner.map((e) => (e.type === 'progress' ? 0 : e.kv.modRevision))).toEqual([1, 2, 3, 4]);
    subscription.unsubscribe();
    await store.close();
  });

  it('finishes the writes in flight when closed, and keeps them', async () => {
    const path = newPath();
    const store = await SqliteStore.open(path, { compaction: false });
    const writes = Array.from({ length: 20 }, (_, i) => store.create(`/c/${i}`, `${i}`));
    const closed = store.close();
    expect(StoreError.is(await rejection(store.create('/c/late', 'v')), 'Closed')).toBe(true);
    expect((await Promise.all(writes)).map((kv) => kv.modRevision)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    await closed;
    const reopened = await SqliteStore.open(path, { compaction: false });
    expect((await reopened.list('/c/')).items).toHaveLength(20);
    await reopened.close();
  });

  it('compacts automatically, keeping the configured number of revisions', async () => {
    const store = await openNew({ compaction: { intervalMs: 10, retainMs: 0, retainRevisions: 5 } });
    for (let i = 0; i < 20; i++) await store.create(`/auto/${i}`, `${i}`);
    await eventually(() =>
      store.list('/auto/', { revision: 14 }).then(
        () => false,
        (err: unknown) => StoreError.is(err, 'Compacted'),
      ),
    );
    expect((await store.list('/auto/', { revision: 15 })).items).toHaveLength(15);
    await store.close();
  });

  it('does not compact history younger than retainMs', async () => {
    const store = await openNew({ compaction: { intervalMs: 10, retainMs: 60_000, retainRevisions: 0 } });
    for (let i = 0; i < 20; i++) await store.create(`/young/${i}`, `${i}`);
    await sleep(100);
    expect((await store.list('/young/', { revision: 1 })).items).toHaveLength(1);
    await store.close();
  });

  it('compacts in steps, removing superseded rows and keeping the state at the compacted revision', async () => {
    const path = newPath();
    const store = await SqliteStore.open(path, { compaction: false });
    const keys = 30;
    const versions = 800; // 24 000 revisions: more than one compaction step
    await Promise.all(
      Array.from({ length: keys }, async (_, k) => {
        let kv = await store.create(`/s/${k}`, '0');
        for (let v = 1; v < versions; v++) kv = await store.update(kv.key, String(v), kv.modRevision);
        if (k % 2 === 0) await store.delete(kv.key);
      }),
    );
    const current = await store.currentRevision();
    const before = await store.list('/s/', { revision: current - 100 });
    await store.compact(current - 100);
    expect((await store.list('/s/', { revision: current - 100 })).items).toEqual(before.items);
    expect(StoreError.is(await rejection(store.list('/s/', { revision: current - 101 })), 'Compacted')).toBe(
      true,
    );
    const events = collect(store, '/s/', current - 100);
    expect(events.map((e) => (e.type === 'progress' ? 0 : e.kv.modRevision))).toEqual(
      Array.from({ length: 100 }, (_, i) => current - 99 + i),
    );
    await store.close();
    // What is left: the 100 rows above the compacted revision, and at most one row per key below it.
    const db = new DatabaseSync(path);
    const { rows } = db.prepare('SELECT COUNT(*) AS rows FROM kv').get() as { rows: number };
    db.close();
    expect(rows).toBeLessThanOrEqual(100 + keys);
  }, 30_000);

  it('sends no progress events when progressIntervalMs is 0', async () => {
    const quiet = await openNew({ progressIntervalMs: 0 });
    const chatty = await openNew({ progressIntervalMs: 10 });
    const quietEvents = collect(quiet, '/idle/', 0);
    const chattyEvents = collect(chatty, '/idle/', 0);
    await quiet.create('/busy/x', 'v');
    await chatty.create('/busy/x', 'v');
    await eventually(() => chattyEvents.length > 0);
    await sleep(50);
    expect(chattyEvents).toEqual([{ type: 'progress', revision: 1 }]);
    expect(quietEvents).toEqual([]);
    await Promise.all([quiet.close(), chatty.close()]);
  });

  it('refuses a second open of a file that is already open', async () => {
    const path = newPath();
    const store = await SqliteStore.open(path);
    const err = await rejection(SqliteStore.open(path));
    expect(StoreError.is(err, 'Unavailable')).toBe(true);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toContain('locked by another process');
    await store.close();
    const again = await SqliteStore.open(path);
    await again.close();
  });

  it.each([
    ['a text file', () => Buffer.from('this is not a database, just some text\n'.repeat(200))],
    [
      'a database whose header was overwritten',
      (original: Buffer) => Buffer.concat([Buffer.alloc(100, 0xab), original.subarray(100)]),
    ],
  ])('refuses %s with Unavailable naming the path', async (_, corrupt: (original: Buffer) => Buffer) => {
    const path = newPath();
    const first = await SqliteStore.open(path);
    await first.create('/a', 'v');
    await first.close();
    writeFileSync(path, corrupt(readFileSync(path)));
    const err = await rejection(SqliteStore.open(path));
    expect(StoreError.is(err, 'Unavailable')).toBe(true);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toContain('not a SQLite database or is corrupt');
  });
});
