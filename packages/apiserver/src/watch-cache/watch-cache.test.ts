import { ApiError, ConfigMap, type Store, StoreError, type StoreEvent } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { Observable, type Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiObject } from '../registry/api-object.js';
import { ObjectFilter } from '../registry/object-filter.js';
import type { WatchBackpressure } from './watch-backpressure.js';
import { WatchCache, type WatchCacheOptions } from './watch-cache.js';
import { encodeWatchEvent, type WatchEvent } from './watch-event.js';

const stores: Store[] = [];
const caches: WatchCache[] = [];
const subscriptions: Subscription[] = [];

afterEach(async () => {
  for (const sub of subscriptions.splice(0)) sub.unsubscribe();
  for (const cache of caches.splice(0)) cache.close();
  for (const store of stores.splice(0)) await store.close();
});

/** counting wraps a store so the test can count its watches and fail the latest one. */
function counting(memory: MemoryStore) {
  let watches = 0;
  let fail: (err: unknown) => void = () => undefined;
  const store: Store = Object.create(memory, {
    watch: {
      value: (prefix: string, after: number): Observable<StoreEvent> => {
        watches++;
        return new Observable<StoreEvent>((subscriber) => {
          fail = (err) => subscriber.error(err);
          return memory.watch(prefix, after).subscribe(subscriber);
        });
      },
    },
  });
  return { store, fail: (err: unknown) => fail(err), watches: () => watches };
}

async function setup(options: Partial<WatchCacheOptions> = {}) {
  const memory = new MemoryStore({ compaction: false, progressIntervalMs: 20 });
  stores.push(memory);
  const wrapped = counting(memory);
  const cache = new WatchCache({
    store: wrapped.store,
    type: ConfigMap,
    freshnessTimeoutMs: 500,
    ...options,
  });
  caches.push(cache);
  await cache.start();
  return { memory, cache, ...wrapped };
}

const key = (namespace: string, name: string) => `/registry/configmaps/${namespace}/${name}`;
const value = (namespace: string, name: string, labels: Record<string, string> = {}, data = '') =>
  JSON.stringify({
    kind: 'ConfigMap',
    apiVersion: 'v1',
    metadata: { name, namespace, labels },
    data: { v: data },
  });

function record(events$: Observable<WatchEvent>) {
  const events: WatchEvent[] = [];
  let done = false;
  subscriptions.push(events$.subscribe({ next: (e) => events.push(e), complete: () => (done = true) }));
  return { events, done: () => done };
}

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const everything = ObjectFilter.create(ConfigMap);
const rvOf = (e: WatchEvent): number =>
  Number((e.object.metadata as { resourceVersion?: string }).resourceVersion);

describe('WatchCache', () => {
  it('serves a thousand watchers from one store watch, sharing each event', async () => {
    const { memory, cache, watches } = await setup();
    const recordings = Array.from({ length: 1000 }, () =>
      record(cache.watch({ filter: everything, start: { from: 'now' } })),
    );
    await until(() => cache.stats().watchers === 1000);
    for (let i = 0; i < 10; i++) await memory.create(key('default', `c${i}`), value('default', `c${i}`));
    expect(watches()).toBe(1);
    expect(recordings.every((r) => r.events.length === 10)).toBe(true);
    const first = recordings[0]!.events[3]!;
    expect(recordings.every((r) => r.events[3] === first)).toBe(true);
    expect(Object.isFrozen(first.object)).toBe(true);
    expect(encodeWatchEvent(first)).toBe(encodeWatchEvent(recordings[999]!.events[3]!));
    expect(JSON.parse(encodeWatchEvent(first))).toMatchObject({
      type: 'ADDED',
      object: { metadata: { name: 'c3' } },
    });
  });

  it('gives every watcher every change once, in order, with no gap after its initial events', async () => {
    const { memory, cache } = await setup({ bookmarkIntervalMs: 10 });
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const namespaces = ['x', 'y'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const writer = async (rounds: number) => {
      for (let i = 0; i < rounds; i++) {
        const ns = namespaces[random(2)]!;
        const name = names[random(names.length)]!;
        const k = key(ns, name);
        const labels = { app: random(2) === 0 ? 'web' : 'db' };
        const current = await memory.get(k);
        try {
          if (current === undefined) await memory.create(k, value(ns, name, labels, String(i)));
          else if (random(4) === 0) await memory.delete(k, current.modRevision);
          else await memory.update(k, value(ns, name, labels, String(i)), current.modRevision);
        } catch (err) {
          if (!StoreError.is(err)) throw err;
        }
        await new Promise((resolve) => setTimeout(resolve, random(2)));
      }
    };
    type Check = {
      filter: ObjectFilter;
      events: WatchEvent[];
      initial: Map<string, number>;
      from: number;
      done: () => boolean;
    };
    const checks: Check[] = [];
    const startWatchers = async () => {
      for (let i = 0; i < 12; i++) {
        await new Promise((resolve) => setTimeout(resolve, random(8)));
        const filter = [
          everything,
          ObjectFilter.create(ConfigMap, { labelSelector: 'app=web' }),
          ObjectFilter.create(ConfigMap, { namespace: 'x' }),
          ObjectFilter.create(ConfigMap, { namespace: 'y', labelSelector: 'app=db' }),
        ][i % 4]!;
        if (i % 3 === 0) {
          // An informer: list, then watch from the list's revision.
          const list = await cache.list({ filter });
          const initial = new Map(
            list.items.map((o) => [
              `${o.metadata.namespace}/${o.metadata.name}`,
              Number(o.metadata.resourceVersion),
            ]),
          );
          const r = record(
            cache.watch({
              filter,
              start: { from: 'revision', revision: list.revision },
              allowBookmarks: true,
            }),
          );
          checks.push({ filter, initial, from: list.revision, ...r });
        } else {
          const r = record(
            cache.watch({
              filter,
              start: { from: 'snapshot' },
              allowBookmarks: true,
              initialEventsEndBookmark: true,
            }),
          );
          checks.push({ filter, initial: new Map(), from: 0, ...r });
        }
      }
    };
    await Promise.all([writer(80), writer(80), writer(80), startWatchers()]);
    const final = await memory.currentRevision();
    await until(() => checks.every((c) => c.events.some((e) => e.type === 'BOOKMARK' && rvOf(e) >= final)));
    const listed = await memory.list('/registry/configmaps/');
    for (const check of checks) {
      const state = new Map(check.initial);
      let last = check.from;
      let live = check.initial.size > 0 || check.from > 0;
      for (const event of check.events) {
        if (event.type === 'BOOKMARK') {
          live = true;
          expect(rvOf(event)).toBeGreaterThanOrEqual(last);
          last = rvOf(event);
          continue;
        }
        const meta = event.object.metadata as ApiObject['metadata'];
        const id = `${meta.namespace}/${meta.name}`;
        if (live) {
          expect(rvOf(event)).toBeGreaterThan(last);
          last = rvOf(event);
        }
        if (event.type === 'ADDED') expect(state.has(id)).toBe(false);
        else expect(state.has(id)).toBe(true);
        if (event.type === 'DELETED') state.delete(id);
        else state.set(id, rvOf(event));
      }
      const expected = new Map(
        listed.items
          .map((kv) => ({ kv, object: JSON.parse(kv.value) as ApiObject }))
          .filter(({ object }) => check.filter.matchesObject(ConfigMap, object))
          .map(({ kv, object }) => [`${object.metadata.namespace}/${object.metadata.name}`, kv.modRevision]),
      );
      expect(state).toEqual(expected);
    }
  });

  it('lists in key order with limits, a continuation key and the remaining count', async () => {
    const { memory, cache } = await setup();
    for (const [ns, name] of [
      ['b', 'x'],
      ['a', 'y'],
      ['a', 'x'],
      ['c', 'z'],
    ] as const) {
      await memory.create(key(ns, name), value(ns, name, { k: name }));
    }
    const page = await cache.list({ filter: everything, limit: 2 });
    expect(page.items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a/x', 'a/y']);
    expect(page).toMatchObject({ revision: 4, continueAfter: key('a', 'y'), remainingItemCount: 2 });
    const inA = await cache.list({ filter: ObjectFilter.create(ConfigMap, { namespace: 'a' }), limit: 1 });
    expect(inA).toMatchObject({ continueAfter: key('a', 'x'), remainingItemCount: 1 });
    const selected = await cache.list({
      filter: ObjectFilter.create(ConfigMap, { labelSelector: 'k=x' }),
      limit: 1,
    });
    expect(selected.continueAfter).toBe(key('a', 'x'));
    expect(selected.remainingItemCount).toBeUndefined();
    const last = await cache.list({
      filter: ObjectFilter.create(ConfigMap, { labelSelector: 'k=z' }),
      limit: 1,
    });
    expect(last.continueAfter).toBeUndefined();
  });

  it('ends a watcher whose consumer falls behind, without delaying the others', async () => {
    const { memory, cache } = await setup({ watcherBufferSize: 3 });
    const stuck: WatchBackpressure = { ready: () => false, onReady: () => () => undefined };
    const slow = record(cache.watch({ filter: everything, start: { from: 'now' }, backpressure: stuck }));
    const fast = record(cache.watch({ filter: everything, start: { from: 'now' } }));
    await until(() => cache.stats().watchers === 2);
    for (let i = 0; i < 6; i++) await memory.create(key('d', `c${i}`), value('d', `c${i}`));
    expect(fast.events).toHaveLength(6);
    expect(slow.events).toHaveLength(0);
    expect(slow.done()).toBe(true);
    expect(cache.stats()).toMatchObject({ watchers: 1, overflowedWatchers: 1 });
  });

  it('delivers held events in order once the consumer is ready again', async () => {
    const { memory, cache } = await setup();
    let ready = false;
    let wake: (() => void) | undefined;
    const backpressure: WatchBackpressure = {
      ready: () => ready,
      onReady: (listener) => {
        wake = listener;
        return () => {
          wake = undefined;
        };
      },
    };
    const recording = record(cache.watch({ filter: everything, start: { from: 'now' }, backpressure }));
    await until(() => cache.stats().watchers === 1);
    for (let i = 0; i < 3; i++) await memory.create(key('d', `c${i}`), value('d', `c${i}`));
    expect(recording.events).toHaveLength(0);
    ready = true;
    wake?.();
    await until(() => recording.events.length === 3);
    expect(recording.events.map(rvOf)).toEqual([1, 2, 3]);
    expect(wake).toBeUndefined();
  });

  it('ends every watch and lists again when its store watch fails', async () => {
    const { memory, cache, fail, watches } = await setup({ relistBackoffMs: 20 });
    await memory.create(key('d', 'a'), value('d', 'a'));
    const before = record(cache.watch({ filter: everything, start: { from: 'now' } }));
    await until(() => cache.stats().watchers === 1);
    fail(new StoreError('Compacted', 'compacted', { revision: 1 }));
    expect(before.done()).toBe(true);
    await memory.create(key('d', 'b'), value('d', 'b'));
    await until(() => cache.stats().relists === 1 && cache.revision === 2);
    expect(watches()).toBe(2);
    const after = await cache.list({ filter: everything });
    expect(after.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    const stale = record(cache.watch({ filter: everything, start: { from: 'revision', revision: 1 } }));
    await until(stale.done);
    expect(stale.events[0]).toMatchObject({
      type: 'ERROR',
      object: { code: 410, message: 'too old resource version: 1 (2)' },
    });
    // A store watch that fails again right after a relist is retried after a growing pause.
    fail(new StoreError('Unavailable', 'etcd is down'));
    expect(watches()).toBe(2);
    await until(() => watches() === 3);
    expect(cache.stats().relists).toBe(2);
  });

  it('fails reads and ends watches once closed', async () => {
    const { cache } = await setup();
    const recording = record(cache.watch({ filter: everything, start: { from: 'now' } }));
    await until(() => cache.stats().watchers === 1);
    cache.close();
    expect(recording.done()).toBe(true);
    let caught: unknown;
    try {
      await cache.list({ filter: everything });
    } catch (err) {
      caught = err;
    }
    expect(ApiError.is(caught, 'ServiceUnavailable')).toBe(true);
    const late = record(cache.watch({ filter: everything, start: { from: 'now' } }));
    await until(late.done);
    expect(late.events[0]).toMatchObject({ type: 'ERROR', object: { code: 503 } });
  });

  it('closes itself when its store closes', async () => {
    const { memory, cache } = await setup();
    const recording = record(cache.watch({ filter: everything, start: { from: 'now' } }));
    await until(() => cache.stats().watchers === 1);
    await memory.close();
    expect(recording.done()).toBe(true);
    await expect(cache.get(key('d', 'a'))).rejects.toMatchObject({ status: { code: 503 } });
  });

  it('moves its revision with progress events, so reads of later revisions are served', async () => {
    const { memory, cache } = await setup();
    await memory.create('/registry/other/x', '{}');
    await memory.create('/registry/other/y', '{}');
    const result = await cache.get(key('d', 'a'), 2);
    expect(result).toEqual({ object: undefined, revision: 2 });
  });

  it.each([
    ['asks a store that offers requestProgress for a bookmark at once', true],
    ['waits out its freshness timeout on a store that offers no progress at all', false],
  ])('%s', async (_name, offersProgress) => {
    const memory = new MemoryStore({ compaction: false, progressIntervalMs: 0 });
    stores.push(memory);
    const store: Store = offersProgress
      ? memory
      : Object.create(memory, { requestProgress: { value: undefined } });
    const cache = new WatchCache({ store, type: ConfigMap, freshnessTimeoutMs: 300 });
    caches.push(cache);
    await cache.start();
    const other = await memory.create('/registry/other/x', '{}');
    const read = cache.get(key('d', 'a'), other.modRevision);
    if (offersProgress) {
      await expect(read).resolves.toEqual({ object: undefined, revision: other.modRevision });
    } else {
      await expect(read).rejects.toMatchObject({ status: { code: 504 } });
    }
  });

  it('checks its options', () => {
    const store = new MemoryStore({ compaction: false, progressIntervalMs: 0 });
    stores.push(store);
    expect(() => new WatchCache({ store, type: ConfigMap, minCapacity: 0 })).toThrow(RangeError);
    expect(() => new WatchCache({ store, type: ConfigMap, minCapacity: 10, maxCapacity: 5 })).toThrow(
      RangeError,
    );
  });
});
