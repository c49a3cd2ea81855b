import { ApiError, ConfigMap, type KeyValue, type Store } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiObject } from './api-object.js';
import { ResourceStorage } from './resource-storage.js';

const stores: MemoryStore[] = [];
const storages: ResourceStorage[] = [];

afterEach(async () => {
  for (const storage of storages.splice(0)) storage.close();
  for (const store of stores.splice(0)) await store.close();
});

/** jittery delays every store call by 0–2 ms, so concurrent requests interleave as they would against a real backend. */
function jittery(memory: MemoryStore): Store {
  let seed = 11;
  const pause = () => {
    seed = (seed * 48271) % 2147483647;
    return new Promise((resolve) => setTimeout(resolve, seed % 3));
  };
  const delayed =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await pause();
      return call(...args);
    };
  return Object.create(memory, {
    get: { value: delayed((key: string) => memory.get(key)) },
    create: { value: delayed((key: string, value: string) => memory.create(key, value)) },
    update: { value: delayed((key: string, value: string, rev: number) => memory.update(key, value, rev)) },
    delete: { value: delayed((key: string, rev?: number) => memory.delete(key, rev)) },
  });
}

function setup() {
  const memory = new MemoryStore({ compaction: false, progressIntervalMs: 0 });
  stores.push(memory);
  const storage = new ResourceStorage({ store: jittery(memory), type: ConfigMap });
  storages.push(storage);
  return { memory, storage };
}

const counter = (object: ApiObject): number =>
  Number((object.data as Record<string, string> | undefined)?.count ?? '0');

describe('ResourceStorage under concurrency', () => {
  it('lets exactly one of several updates at the same resourceVersion win, round after round', async () => {
    const { memory, storage } = setup();
    let current = await storage.create('default', { metadata: { name: 'c' }, data: { count: '0' } });
    for (let round = 1; round <= 5; round++) {
      const base = current;
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          storage.update('default', 'c', { ...base, data: { count: String(round), by: String(i) } }),
        ),
      );
      const won = results.filter((r): r is PromiseFulfilledResult<ApiObject> => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((r) => ApiError.is(r.reason, 'Conflict'))).toBe(true);
      current = won[0]!.value;
      expect(Number(current.metadata.resourceVersion)).toBe(Number(base.metadata.resourceVersion) + 1);
    }
    const kv = (await memory.get('/registry/configmaps/default/c')) as KeyValue;
    expect(JSON.parse(kv.value).data.count).toBe('5');
  });

  it('makes concurrent guaranteed updates converge: none lost, each at its own revision', async () => {
    const { storage } = setup();
    await storage.create('default', { metadata: { name: 'c' }, data: { count: '0' } });
    const results = await Promise.all(
      Array.from({ length: 25 }, () =>
        storage.guaranteedUpdate('default', 'c', (current) => ({
          ...current,
          data: { count: String(counter(current) + 1) },
        })),
      ),
    );
    expect(counter(await storage.get('default', 'c'))).toBe(25);
    expect(new Set(results.map((r) => r.metadata.resourceVersion)).size).toBe(25);
    expect(results.map(counter).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('lets unconditional updates all succeed, the last write winning', async () => {
    const { storage } = setup();
    const created = await storage.create('default', { metadata: { name: 'c' } });
    const { resourceVersion: _rv, ...metadata } = created.metadata;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        storage.update('default', 'c', { ...created, metadata, data: { v: String(i) } }),
      ),
    );
    const last = results.reduce((a, b) =>
      Number(a.metadata.resourceVersion) > Number(b.metadata.resourceVersion) ? a : b,
    );
    expect(await storage.get('default', 'c')).toEqual(last);
  });

  it('gives concurrent generateName creates distinct names', async () => {
    const { storage } = setup();
    const created = await Promise.all(
      Array.from({ length: 30 }, () => storage.create('default', { metadata: { generateName: 'job-' } })),
    );
    expect(new Set(created.map((c) => c.metadata.name)).size).toBe(30);
  });

  it('deletes an object once when several deletes race', async () => {
    const { storage } = setup();
    await storage.create('default', { metadata: { name: 'c' } });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => storage.delete('default', 'c')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(ApiError.is(r.reason, 'NotFound')).toBe(true);
  });

  it('keeps finalizer updates and deletes consistent when they race', async () => {
    const { storage } = setup();
    await storage.create('default', { metadata: { name: 'c', finalizers: ['a.io/x'] } });
    const [deleted] = await Promise.all([
      storage.delete('default', 'c'),
      storage.guaranteedUpdate('default', 'c', (current) => ({
        ...current,
        metadata: { ...current.metadata, labels: { touched: 'yes' } },
      })),
    ]);
    expect(deleted.deleted).toBe(false);
    const final = await storage.get('default', 'c');
    expect(final.metadata.labels).toEqual({ touched: 'yes' });
    expect(final.metadata.deletionTimestamp).toBeDefined();
  });
});
