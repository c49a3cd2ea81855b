import { runStoreConformance, type StoreEvent } from '@capstan/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from './memory-store.js';

describe('MemoryStore conformance', () => {
  runStoreConformance({
    open: async () => new MemoryStore({ progressIntervalMs: 20 }),
    test: it,
    progress: true,
    requestProgress: true,
  });
});

describe('MemoryStore.requestProgress', () => {
  it('sends progress at once even with periodic progress turned off', async () => {
    const store = new MemoryStore({ progressIntervalMs: 0, compaction: false });
    const start = await store.currentRevision();
    const events = record(store, '/idle/', start);
    const other = await store.create('/busy/x', 'v');
    expect(events).toEqual([]);
    await store.requestProgress();
    expect(events).toEqual([{ type: 'progress', revision: other.modRevision }]);
    await store.close();
  });
});

/** record subscribes to a watch and collects its events. */
function record(store: MemoryStore, prefix: string, afterRevision: number): StoreEvent[] {
  const events: StoreEvent[] = [];
  store.watch(prefix, afterRevision).subscribe((event) => events.push(event));
  return events;
}

/** writeMany creates `count` keys under `/k/` and returns the last revision. */
async function writeMany(store: MemoryStore, count: number, from = 0): Promise<number> {
  let revision = 0;
  for (let i = from; i < from + count; i++) revision = (await store.create(`/k/${i}`, `${i}`)).modRevision;
  return revision;
}

describe('MemoryStore', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('compacts automatically what is older than both retainMs and retainRevisions', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore({
      progressIntervalMs: 0,
      compaction: { intervalMs: 1000, retainMs: 10_000, retainRevisions: 5 },
    });
    const readable = async (revision: number): Promise<boolean> =>
      store.list('/k/', { revision }).then(
        () => true,
        () => false,
      );
    await writeMany(store, 20);

    vi.advanceTimersByTime(5000);
    expect(await readable(1)).toBe(true);

    vi.advanceTimersByTime(6000);
    expect(await readable(14)).toBe(false);
    expect(await readable(15)).toBe(true);
    await expect(store.list('/k/', { revision: 14 })).rejects.toMatchObject({
      code: 'Compacted',
      revision: 15,
    });

    await writeMany(store, 10, 20);
    vi.advanceTimersByTime(1000);
    expect(await readable(19)).toBe(false);
    expect(await readable(20)).toBe(true);
    expect((await store.list('/k/')).items).toHaveLength(30);
    await store.close();
  });

  it('keeps all history when automatic compaction is off', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore({ progressIntervalMs: 0, compaction: false });
    await writeMany(store, 20);
    vi.advanceTimersByTime(60 * 60_000);
    expect((await store.list('/k/', { revision: 1 })).items).toHaveLength(1);
    await store.close();
  });

  it.each([
    ['defaults', {}, 2],
    ['progress off', { progressIntervalMs: 0 }, 1],
    ['compaction off', { compaction: false as const }, 1],
    ['both off', { progressIntervalMs: 0, compaction: false as const }, 0],
  ])('holds only unref’d timers and clears them on close (%s)', async (_, options, timers) => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');
    const clearIntervalSpy = vi.spyOn(globalThis, 'clearInterval');
    const store = new MemoryStore(options);
    const created = setIntervalSpy.mock.results.map((result) => result.value as NodeJS.Timeout);
    expect(created).toHaveLength(timers);
    for (const timer of created) expect(timer.hasRef()).toBe(false);
    await store.close();
    expect(clearIntervalSpy.mock.calls.map(([timer]) => timer)).toEqual(created);
  });

  it('sends progress at the current revision only to watches that are behind it', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore({ progressIntervalMs: 100, compaction: false });
    await store.create('/busy/a', 'v');
    const idle = record(store, '/idle/', 1);
    const busy = record(store, '/busy/', 0);
    const written = await store.create('/busy/b', 'v');

    vi.advanceTimersByTime(100);
    expect(idle).toEqual([{ type: 'progress', revision: written.modRevision }]);
    expect(busy.map((event) => event.type)).toEqual(['put', 'put']);

    vi.advanceTimersByTime(500);
    expect(idle).toHaveLength(1);
    await store.close();
  });

  it('keeps revision order when a subscriber writes from inside its handler', async () => {
    const store = new MemoryStore({ progressIntervalMs: 0 });
    const seen: string[] = [];
    const other: string[] = [];
    store.watch('/', 0).subscribe((event) => {
      if (event.type === 'progress') return;
      seen.push(event.kv.key);
      if (event.kv.key === '/a') void store.create('/b', 'from the handler');
    });
    store.watch('/', 0).subscribe((event) => {
      if (event.type !== 'progress') other.push(event.kv.key);
    });
    await store.create('/a', 'v');
    await store.create('/c', 'v');
    expect(seen).toEqual(['/a', '/b', '/c']);
    expect(other).toEqual(['/a', '/b', '/c']);
    await store.close();
  });

  it('delivers a change once to a watch opened from a past revision inside a handler of that change', async () => {
    const store = new MemoryStore({ progressIntervalMs: 0 });
    const nested: number[] = [];
    store.watch('/', 0).subscribe((event) => {
      if (event.type === 'put' && event.kv.key === '/a') {
        store.watch('/', 0).subscribe((inner) => {
          if (inner.type !== 'progress') nested.push(inner.kv.modRevision);
        });
      }
    });
    await store.create('/a', 'v');
    await store.create('/b', 'v');
    expect(nested).toEqual([1, 2]);
    await store.close();
  });

  it('rejects option and argument values that are not usable', async () => {
    expect(() => new MemoryStore({ progressIntervalMs: -1 })).toThrow(RangeError);
    expect(() => new MemoryStore({ compaction: { intervalMs: 0 } })).toThrow(RangeError);
    expect(() => new MemoryStore({ compaction: { retainRevisions: Number.NaN } })).toThrow(RangeError);
    const store = new MemoryStore({ progressIntervalMs: 0, compaction: false });
    await expect(store.list('/', { limit: -1 })).rejects.toThrow(RangeError);
    await expect(store.list('/', { revision: 1.5 })).rejects.toThrow(RangeError);
    await expect(store.compact(-1)).rejects.toThrow(RangeError);
    await expect(store.compact(1)).rejects.toMatchObject({ code: 'FutureRevision' });
    await store.close();
    await store.close();
  });

  it('lists and pages through many keys at the current and a past revision', async () => {
    const store = new MemoryStore({ progressIntervalMs: 0, compaction: false });
    const count = 5000;
    for (let i = 0; i < count; i++) await store.create(`/many/${String(i).padStart(5, '0')}`, `${i}`);
    const past = await store.currentRevision();
    for (let i = 0; i < count; i += 2) await store.delete(`/many/${String(i).padStart(5, '0')}`);

    const pageThrough = async (revision: number): Promise<string[]> => {
      const keys: string[] = [];
      let startAfter: string | undefined;
      for (let page = 0; page < count; page++) {
        const result = await store.list('/many/', {
          limit: 700,
          revision,
          ...(startAfter === undefined ? {} : { startAfter }),
        });
        keys.push(...result.items.map((kv) => kv.key));
        if (!result.more) break;
        startAfter = result.items.at(-1)!.key;
      }
      return keys;
    };
    const then = await pageThrough(past);
    const now = await pageThrough(await store.currentRevision());
    expect(then).toHaveLength(count);
    expect(now).toHaveLength(count / 2);
    expect(now.every((key) => Number(key.slice('/many/'.length)) % 2 === 1)).toBe(true);
    expect([...then].sort()).toEqual(then);
    await store.close();
  });
});
