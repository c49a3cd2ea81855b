import { ApiError, ConfigMap, Namespace, Pod, type ResourceType } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiObject } from './api-object.js';
import { decodeContinueToken } from './continue-token.js';
import { ResourceStorage } from './resource-storage.js';

const stores: MemoryStore[] = [];
const storages: ResourceStorage[] = [];

function setup(
  type: ResourceType = ConfigMap,
  store = new MemoryStore({ compaction: false, progressIntervalMs: 20 }),
) {
  stores.push(store);
  const storage = new ResourceStorage({ store, type, watchCache: { freshnessTimeoutMs: 300 } });
  storages.push(storage);
  return { store, storage };
}

afterEach(async () => {
  for (const storage of storages.splice(0)) storage.close();
  for (const store of stores.splice(0)) await store.close();
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (ApiError.is(err)) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

const names = (list: { items: ApiObject[] }): string[] => list.items.map((i) => i.metadata.name ?? '');

/** seed creates configmaps n00..n{count-1} in `default`, every third labelled `pick=yes`. */
async function seed(storage: ResourceStorage, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const name = `n${String(i).padStart(2, '0')}`;
    await storage.create('default', { metadata: { name, labels: { pick: i % 3 === 0 ? 'yes' : 'no' } } });
  }
}

describe('ResourceStorage.list', () => {
  it('lists a namespace or every namespace, in key order, at the store revision', async () => {
    const { store, storage } = setup();
    await storage.create('b', { metadata: { name: 'x' } });
    await storage.create('a', { metadata: { name: 'y' } });
    await storage.create('a', { metadata: { name: 'x' } });
    const all = await storage.list(undefined);
    expect(all).toMatchObject({
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: { resourceVersion: '3' },
    });
    expect(all.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['a/x', 'a/y', 'b/x']);
    expect(names(await storage.list('a'))).toEqual(['x', 'y']);
    expect(await store.currentRevision()).toBe(3);
  });

  it.each([
    ['a label selector', { labelSelector: 'pick=yes' }, ['n00', 'n03']],
    ['a set-based label selector', { labelSelector: 'pick notin (yes)' }, ['n01', 'n02', 'n04']],
    ['a field selector', { fieldSelector: 'metadata.name=n02' }, ['n02']],
    [
      'a negative field selector',
      { fieldSelector: 'metadata.name!=n02,metadata.namespace=default' },
      ['n00', 'n01', 'n03', 'n04'],
    ],
  ])('filters with %s', async (_what, opts, expected) => {
    const { storage } = setup();
    await seed(storage, 5);
    expect(names(await storage.list('default', opts))).toEqual(expected);
    expect(names(await storage.list('default', { ...opts, resourceVersion: '0' }))).toEqual(expected);
  });

  it('refuses a field the kind cannot select on', async () => {
    const { storage } = setup();
    const err = await failure(storage.list('default', { fieldSelector: 'data.x=y' }));
    expect(err.status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'field label not supported: data.x',
    });
  });

  it('selects pods by node and phase', async () => {
    const { storage } = setup(Pod);
    const spec = (nodeName?: string) => ({
      containers: [{ name: 'c', image: 'i' }],
      ...(nodeName ? { nodeName } : {}),
    });
    await storage.create('default', { metadata: { name: 'a' }, spec: spec('n1') });
    await storage.create('default', { metadata: { name: 'b' }, spec: spec() });
    expect(names(await storage.list(undefined, { fieldSelector: 'spec.nodeName=n1' }))).toEqual(['a']);
    expect(names(await storage.list(undefined, { fieldSelector: 'spec.nodeName=' }))).toEqual(['b']);
    expect(names(await storage.list(undefined, { fieldSelector: 'status.phase=Pending' }))).toEqual([
      'a',
      'b',
    ]);
  });

  it('pages with limit and continue, every page at the first page’s revision', async () => {
    const { storage } = setup();
    await seed(storage, 7);
    const first = await storage.list('default', { limit: 3 });
    expect(names(first)).toEqual(['n00', 'n01', 'n02']);
    expect(first.metadata.resourceVersion).toBe('7');
    expect(decodeContinueToken(first.metadata.continue!, '/registry/configmaps/default/')).toEqual({
      startKey: '/registry/configmaps/default/n02\u0000',
      revision: 7,
    });
    await storage.delete('default', 'n04');
    await storage.create('default', { metadata: { name: 'n03a' } });
    const second = await storage.list('default', { limit: 3, continue: first.metadata.continue });
    expect(names(second)).toEqual(['n03', 'n04', 'n05']);
    expect(second.metadata.resourceVersion).toBe('7');
    const third = await storage.list('default', { limit: 3, continue: second.metadata.continue });
    expect(names(third)).toEqual(['n06']);
    expect(third.metadata.continue).toBeUndefined();
  });

  it('fills a page with matching items, reading on past those the selector drops', async () => {
    const { storage } = setup();
    await seed(storage, 20);
    const first = await storage.list('default', { limit: 3, labelSelector: 'pick=yes' });
    expect(names(first)).toEqual(['n00', 'n03', 'n06']);
    const second = await storage.list('default', {
      limit: 3,
      labelSelector: 'pick=yes',
      continue: first.metadata.continue,
    });
    expect(names(second)).toEqual(['n09', 'n12', 'n15']);
    const third = await storage.list('default', {
      limit: 3,
      labelSelector: 'pick=yes',
      continue: second.metadata.continue,
    });
    expect(names(third)).toEqual(['n18']);
    expect(third.metadata.continue).toBeUndefined();
    expect(first.metadata.remainingItemCount).toBeUndefined();
  });

  it('answers a continue token whose revision was compacted with 410 and a token at the latest revision', async () => {
    const { store, storage } = setup();
    await seed(storage, 4);
    const first = await storage.list('default', { limit: 2 });
    await storage.delete('default', 'n03');
    await store.compact(await store.currentRevision());
    const err = await failure(storage.list('default', { limit: 2, continue: first.metadata.continue }));
    expect(err.status).toMatchObject({
      code: 410,
      reason: 'Expired',
      message:
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    });
    const token = (err.status.metadata as { continue?: string }).continue!;
    expect(decodeContinueToken(token, '/registry/configmaps/default/').revision).toBe(-1);
    const rest = await storage.list('default', { limit: 2, continue: token });
    expect(names(rest)).toEqual(['n02']);
    expect(rest.metadata.resourceVersion).toBe(String(await store.currentRevision()));
  });

  it('refuses hostile continue tokens with 400', async () => {
    const { storage } = setup();
    const climbing = Buffer.from(
      JSON.stringify({ v: 'meta.k8s.io/v1', rv: 1, start: '../../secrets/x' }),
    ).toString('base64url');
    for (const token of ['%%%', climbing, Buffer.from('{}').toString('base64url')]) {
      const err = await failure(storage.list('default', { continue: token }));
      expect(err.code).toBe(400);
      expect(err.message).toMatch(/^invalid continue token: /);
    }
  });

  it('answers a continue token from the future with 504', async () => {
    const { storage } = setup();
    const future = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: 99, start: 'a' })).toString(
      'base64url',
    );
    const err = await failure(storage.list('default', { continue: future }));
    expect(err.status).toMatchObject({
      code: 504,
      message: 'Timeout: Too large resource version: 99, current: 0',
    });
  });
});

describe('ResourceStorage.list resourceVersion semantics', () => {
  /** history: c1 at rv 1, c2 at rv 2, c1 deleted at rv 3. */
  async function history() {
    const ctx = setup();
    await ctx.storage.create('default', { metadata: { name: 'c1' } });
    await ctx.storage.create('default', { metadata: { name: 'c2' } });
    await ctx.storage.delete('default', 'c1');
    return ctx;
  }

  it.each([
    ['unset: the latest state', {}, ['c2'], '3'],
    ['"0": any state (the cache)', { resourceVersion: '0' }, ['c2'], '3'],
    ['N: not older than N', { resourceVersion: '2' }, ['c2'], '3'],
    ['N with NotOlderThan', { resourceVersion: '2', resourceVersionMatch: 'NotOlderThan' }, ['c2'], '3'],
    ['"0" with NotOlderThan', { resourceVersion: '0', resourceVersionMatch: 'NotOlderThan' }, ['c2'], '3'],
    [
      'N with Exact: the state at N',
      { resourceVersion: '2', resourceVersionMatch: 'Exact' },
      ['c1', 'c2'],
      '2',
    ],
    ['N with a limit: exactly N', { resourceVersion: '1', limit: 5 }, ['c1'], '1'],
    ['"0" with a limit: any state', { resourceVersion: '0', limit: 5 }, ['c2'], '3'],
  ])('%s', async (_what, opts, expected, revision) => {
    const { storage } = await history();
    const list = await storage.list('default', opts);
    expect(names(list)).toEqual(expected);
    expect(list.metadata.resourceVersion).toBe(revision);
  });

  it('serves resourceVersion "0" from the watch cache, frozen', async () => {
    const { storage } = await history();
    const list = await storage.list('default', { resourceVersion: '0' });
    expect(Object.isFrozen(list.items[0])).toBe(true);
    expect(storage.watchCache.stats().objects).toBe(1);
  });

  it('pages a cache list and continues it from the store at the same revision', async () => {
    const { storage } = setup();
    await seed(storage, 5);
    const first = await storage.list('default', { resourceVersion: '0', limit: 2 });
    expect(names(first)).toEqual(['n00', 'n01']);
    expect(first.metadata.remainingItemCount).toBe(3);
    await storage.delete('default', 'n02');
    const second = await storage.list('default', { limit: 2, continue: first.metadata.continue });
    expect(names(second)).toEqual(['n02', 'n03']);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
  });

  it('answers an Exact list at a compacted revision with 410', async () => {
    const { store, storage } = await history();
    await store.compact(3);
    const err = await failure(
      storage.list('default', { resourceVersion: '2', resourceVersionMatch: 'Exact' }),
    );
    expect(err.status).toMatchObject({
      code: 410,
      reason: 'Expired',
      message: 'The resourceVersion for the provided list is too old.',
    });
  });

  it.each([
    ['Exact', { resourceVersion: '50', resourceVersionMatch: 'Exact' }],
    ['NotOlderThan (after waiting)', { resourceVersion: '50' }],
  ])('answers a future revision (%s) with 504', async (_what, opts) => {
    const { storage } = await history();
    const err = await failure(storage.list('default', opts));
    expect(err.status).toMatchObject({
      code: 504,
      reason: 'Timeout',
      message: 'Timeout: Too large resource version: 50, current: 3',
    });
  });

  it('serves "not older than N" as soon as the cache reaches N', async () => {
    const { storage } = await history();
    await storage.list('default', { resourceVersion: '0' });
    const pending = storage.list('default', { resourceVersion: '4' });
    await storage.create('default', { metadata: { name: 'c3' } });
    expect(names(await pending)).toEqual(['c2', 'c3']);
  });

  it.each([
    [{ resourceVersionMatch: 'Exact' }, 422],
    [{ resourceVersion: '0', resourceVersionMatch: 'Exact' }, 422],
    [{ resourceVersion: 'x' }, 400],
    [{ continue: 'abc', resourceVersion: '3' }, 400],
    [{ sendInitialEvents: true }, 422],
  ])('refuses %j', async (opts, code) => {
    const { storage } = setup();
    expect((await failure(storage.list('default', opts))).code).toBe(code);
  });

  it('lists cluster-scoped kinds whatever namespace is asked for', async () => {
    const { storage } = setup(Namespace);
    await storage.create(undefined, { metadata: { name: 'a' } });
    expect(names(await storage.list('ignored'))).toEqual(['a']);
  });
});

describe('ResourceStorage.get', () => {
  it('reads the store, or the cache for resourceVersion "0"/N', async () => {
    const { storage } = setup();
    const created = await storage.create('default', { metadata: { name: 'c' } });
    expect(await storage.get('default', 'c')).toEqual(created);
    expect(await storage.get('default', 'c', { resourceVersion: '0' })).toEqual(created);
    expect(await storage.get('default', 'c', { resourceVersion: '1' })).toEqual(created);
    expect((await failure(storage.get('default', 'nope', { resourceVersion: '0' }))).code).toBe(404);
    expect((await failure(storage.get('default', 'c', { resourceVersion: '9' }))).code).toBe(504);
  });
});
