import { ApiError, ConfigMap, Pod, type ResourceType } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import type { Observable, Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_EVENTS_END_ANNOTATION, type WatchEvent } from '../watch-cache/watch-event.js';
import type { ApiObject } from './api-object.js';
import { ResourceStorage } from './resource-storage.js';

const stores: MemoryStore[] = [];
const storages: ResourceStorage[] = [];
const subscriptions: Subscription[] = [];

async function setup(type: ResourceType = ConfigMap, watchCache = {}) {
  const store = new MemoryStore({ compaction: false, progressIntervalMs: 20 });
  stores.push(store);
  const storage = new ResourceStorage({
    store,
    type,
    watchCache: { freshnessTimeoutMs: 500, ...watchCache },
  });
  storages.push(storage);
  await storage.watchCache.start();
  return { store, storage };
}

afterEach(async () => {
  for (const sub of subscriptions.splice(0)) sub.unsubscribe();
  for (const storage of storages.splice(0)) storage.close();
  for (const store of stores.splice(0)) await store.close();
});

interface Recording {
  readonly events: WatchEvent[];
  readonly done: () => boolean;
}

function record(events$: Observable<WatchEvent>): Recording {
  const events: WatchEvent[] = [];
  let done = false;
  subscriptions.push(events$.subscribe({ next: (e) => events.push(e), complete: () => (done = true) }));
  return { events, done: () => done };
}

/** until waits (at most `ms`) for `condition`, polling every few milliseconds. */
async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** summary renders events as `TYPE name@rv` (bookmarks as `BOOKMARK@rv`, with `!` for initial-events-end). */
function summary(events: readonly WatchEvent[]): string[] {
  return events.map((e) => {
    if (e.type === 'ERROR') return `ERROR ${e.object.code} ${e.object.message}`;
    const meta = e.object.metadata as ApiObject['metadata'];
    if (e.type === 'BOOKMARK')
      return `BOOKMARK@${meta.resourceVersion}${meta.annotations?.[INITIAL_EVENTS_END_ANNOTATION] ? '!' : ''}`;
    return `${e.type} ${meta.name}@${meta.resourceVersion}`;
  });
}

const cm = (name: string, labels?: Record<string, string>): ApiObject => ({
  metadata: { name, ...(labels ? { labels } : {}) },
});

describe('ResourceStorage.watch', () => {
  it.each([
    ['resourceVersion unset', {}, ['ADDED a@1', 'ADDED b@2', 'MODIFIED a@3', 'DELETED b@4']],
    [
      'resourceVersion "0"',
      { resourceVersion: '0' },
      ['ADDED a@1', 'ADDED b@2', 'MODIFIED a@3', 'DELETED b@4'],
    ],
    ['resourceVersion N', { resourceVersion: '1' }, ['ADDED b@2', 'MODIFIED a@3', 'DELETED b@4']],
    [
      'sendInitialEvents with bookmarks',
      { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true },
      ['ADDED a@1', 'ADDED b@2', 'BOOKMARK@2!', 'MODIFIED a@3', 'DELETED b@4'],
    ],
    [
      'sendInitialEvents without bookmarks',
      { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan' },
      ['ADDED a@1', 'ADDED b@2', 'MODIFIED a@3', 'DELETED b@4'],
    ],
    [
      'sendInitialEvents from resourceVersion N',
      {
        sendInitialEvents: true,
        resourceVersionMatch: 'NotOlderThan',
        resourceVersion: '1',
        allowWatchBookmarks: true,
      },
      ['ADDED a@1', 'ADDED b@2', 'BOOKMARK@2!', 'MODIFIED a@3', 'DELETED b@4'],
    ],
    [
      'sendInitialEvents=false',
      { sendInitialEvents: false, resourceVersionMatch: 'NotOlderThan' },
      ['MODIFIED a@3', 'DELETED b@4'],
    ],
    [
      'sendInitialEvents=false from N',
      { sendInitialEvents: false, resourceVersionMatch: 'NotOlderThan', resourceVersion: '1' },
      ['ADDED b@2', 'MODIFIED a@3', 'DELETED b@4'],
    ],
  ])('streams with %s', async (_what, opts, expected) => {
    const { storage } = await setup();
    const a = await storage.create('default', cm('a'));
    await storage.create('default', cm('b'));
    const recording = record(storage.watch('default', opts));
    await until(() => storage.watchCache.stats().watchers === 1);
    await storage.update('default', 'a', { ...a, data: { k: 'v' } });
    await storage.delete('default', 'b');
    await until(() => recording.events.length >= expected.length);
    expect(summary(recording.events)).toEqual(expected);
  });

  it('sends an object leaving the selector as DELETED and one entering it as ADDED', async () => {
    const { storage } = await setup();
    const recording = record(storage.watch('default', { labelSelector: 'app=web' }));
    await until(() => storage.watchCache.stats().watchers === 1);
    const x = await storage.create('default', cm('x', { app: 'db' }));
    const y = await storage.update('default', 'x', {
      ...x,
      metadata: { ...x.metadata, labels: { app: 'web' } },
    });
    const z = await storage.update('default', 'x', { ...y, data: { k: 'v' } });
    await storage.update('default', 'x', { ...z, metadata: { ...z.metadata, labels: { app: 'db' } } });
    await storage.delete('default', 'x');
    await until(() => recording.events.length >= 3);
    expect(summary(recording.events)).toEqual(['ADDED x@2', 'MODIFIED x@3', 'DELETED x@4']);
    const left = recording.events[2]!.object as ApiObject;
    expect(left.metadata.labels).toEqual({ app: 'web' });
    expect(left.data).toEqual({ k: 'v' });
  });

  it('selects pods on fields, including a phase change out of the selector', async () => {
    const { storage } = await setup(Pod);
    const recording = record(storage.watch(undefined, { fieldSelector: 'status.phase=Pending' }));
    await until(() => storage.watchCache.stats().watchers === 1);
    const p = await storage.create('default', {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    });
    await storage.update('default', 'p', { ...p, status: { phase: 'Running' } }, { subresource: 'status' });
    await until(() => recording.events.length >= 2);
    expect(summary(recording.events)).toEqual(['ADDED p@1', 'DELETED p@2']);
    expect((recording.events[1]!.object as ApiObject).status).toMatchObject({ phase: 'Pending' });
  });

  it('only streams the namespace asked for', async () => {
    const { storage } = await setup();
    const recording = record(storage.watch('a'));
    await until(() => storage.watchCache.stats().watchers === 1);
    await storage.create('b', cm('x'));
    await storage.create('a', cm('y'));
    await until(() => recording.events.length >= 1);
    expect(summary(recording.events)).toEqual(['ADDED y@2']);
  });

  it('stamps a DELETED object with the revision of the deletion', async () => {
    const { store, storage } = await setup();
    const recording = record(storage.watch('default', { resourceVersion: '0' }));
    await storage.create('default', cm('x'));
    await storage.delete('default', 'x');
    await until(() => recording.events.length >= 2);
    expect(summary(recording.events)).toEqual(['ADDED x@1', 'DELETED x@2']);
    expect(await store.currentRevision()).toBe(2);
  });

  it('answers a resourceVersion the cache no longer holds with an ERROR 410 and ends', async () => {
    const { storage } = await setup(ConfigMap, { minCapacity: 3, maxCapacity: 3, eventFreshnessMs: 1 });
    await storage.list('default', { resourceVersion: '0' });
    for (let i = 0; i < 6; i++) {
      await storage.create('default', cm(`c${i}`));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const recording = record(storage.watch('default', { resourceVersion: '1' }));
    await until(recording.done);
    expect(summary(recording.events)).toEqual(['ERROR 410 too old resource version: 1 (3)']);
    expect(recording.events[0]!.object).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    const fresh = record(storage.watch('default', { resourceVersion: '3' }));
    await until(() => fresh.events.length >= 3);
    expect(summary(fresh.events)).toEqual(['ADDED c3@4', 'ADDED c4@5', 'ADDED c5@6']);
  });

  it('answers a resourceVersion the store has not reached with an ERROR 504', async () => {
    const { storage } = await setup(ConfigMap, { freshnessTimeoutMs: 50 });
    const recording = record(storage.watch('default', { resourceVersion: '7' }));
    await until(recording.done);
    expect(summary(recording.events)).toEqual([
      'ERROR 504 Timeout: Too large resource version: 7, current: 0',
    ]);
  });

  it('sends periodic bookmarks to watchers that allow them', async () => {
    const { storage } = await setup(ConfigMap, { bookmarkIntervalMs: 20 });
    await storage.create('default', cm('x'));
    const with_ = record(storage.watch('default', { resourceVersion: '1', allowWatchBookmarks: true }));
    const without = record(storage.watch('default', { resourceVersion: '1' }));
    await until(() => with_.events.length >= 2);
    await storage.create('default', cm('y'));
    await until(() => {
      const added = with_.events.findIndex((e) => e.type === 'ADDED');
      return added !== -1 && with_.events.slice(added).some((e) => e.type === 'BOOKMARK');
    });
    const kinds = summary(with_.events);
    expect(kinds.filter((k) => k === 'BOOKMARK@1').length).toBeGreaterThanOrEqual(1);
    expect(kinds.indexOf('ADDED y@2')).toBeLessThan(kinds.lastIndexOf('BOOKMARK@2'));
    expect(kinds.lastIndexOf('BOOKMARK@1')).toBeLessThan(kinds.indexOf('ADDED y@2'));
    expect(with_.events.find((e) => e.type === 'BOOKMARK')?.object).toEqual({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { resourceVersion: '1' },
    });
    expect(summary(without.events)).toEqual(['ADDED y@2']);
  });

  it('ends the watch after timeoutSeconds', async () => {
    const { storage } = await setup();
    const recording = record(storage.watch('default', { timeoutSeconds: 0.05 }));
    await until(recording.done, 1000);
    expect(storage.watchCache.stats().watchers).toBe(0);
  });

  it.each([
    [{ sendInitialEvents: true }, 422],
    [{ resourceVersionMatch: 'NotOlderThan' }, 422],
    [{ labelSelector: 'a in (' }, 400],
    [{ fieldSelector: 'data.k=v' }, 400],
    [{ resourceVersion: 'abc' }, 400],
  ])('refuses %j synchronously', async (opts, code) => {
    const { storage } = await setup();
    let caught: unknown;
    try {
      storage.watch('default', opts);
    } catch (err) {
      caught = err;
    }
    expect(ApiError.is(caught)).toBe(true);
    expect((caught as ApiError).code).toBe(code);
  });

  it('stops delivering when the subscriber unsubscribes', async () => {
    const { storage } = await setup();
    const events: WatchEvent[] = [];
    const sub = storage.watch('default').subscribe((e) => events.push(e));
    await until(() => storage.watchCache.stats().watchers === 1);
    sub.unsubscribe();
    expect(storage.watchCache.stats().watchers).toBe(0);
    await storage.create('default', cm('x'));
    expect(events).toEqual([]);
  });
});
