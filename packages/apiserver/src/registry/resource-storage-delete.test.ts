import { ApiError, ConfigMap, Namespace, Pod, type ResourceType, type Store } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiObject } from './api-object.js';
import { ResourceStorage } from './resource-storage.js';

const T0 = Date.parse('2024-05-01T12:00:00Z');
let now = T0;
const stores: Store[] = [];
const storages: ResourceStorage[] = [];

function setup(type: ResourceType = ConfigMap) {
  const store = new MemoryStore({ compaction: false, progressIntervalMs: 0 });
  stores.push(store);
  const storage = new ResourceStorage({ store, type, clock: () => new Date(now) });
  storages.push(storage);
  return { store, storage };
}

afterEach(async () => {
  now = T0;
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

const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');

describe('ResourceStorage.delete', () => {
  it('removes an object and returns its last state', async () => {
    const { store, storage } = setup();
    const created = await storage.create('default', { metadata: { name: 'c' }, data: { a: 'b' } });
    const result = await storage.delete('default', 'c');
    expect(result).toEqual({ object: created, deleted: true });
    expect(await store.get('/registry/configmaps/default/c')).toBeUndefined();
    expect((await failure(storage.get('default', 'c'))).message).toBe('configmaps "c" not found');
  });

  it('answers 404 for an object that does not exist', async () => {
    const { storage } = setup();
    expect((await failure(storage.delete('default', 'nope'))).status).toMatchObject({
      code: 404,
      message: 'configmaps "nope" not found',
    });
  });

  it.each([
    [
      'uid',
      { uid: 'other' },
      /^Operation cannot be fulfilled on ConfigMap "c": the UID in the precondition \(other\) does not match the UID in record \([0-9a-f-]+\)\. The object might have been deleted and then recreated$/,
    ],
    [
      'resourceVersion',
      { resourceVersion: '99' },
      /^Operation cannot be fulfilled on ConfigMap "c": the ResourceVersion in the precondition \(99\) does not match the ResourceVersion in record \(1\)\. The object might have been modified$/,
    ],
  ])('checks a %s precondition (409)', async (_what, preconditions, message) => {
    const { storage } = setup();
    const created = await storage.create('default', { metadata: { name: 'c' } });
    const err = await failure(storage.delete('default', 'c', { preconditions }));
    expect(err.code).toBe(409);
    expect(err.message).toMatch(message);
    const ok = await storage.delete('default', 'c', {
      preconditions: { uid: created.metadata.uid, resourceVersion: created.metadata.resourceVersion },
    });
    expect(ok.deleted).toBe(true);
  });

  it.each([
    ['Orphan', { propagationPolicy: 'Orphan' }, ['orphan']],
    ['Foreground', { propagationPolicy: 'Foreground' }, ['foregroundDeletion']],
    ['orphanDependents', { orphanDependents: true }, ['orphan']],
  ])('records propagationPolicy %s as a finalizer and keeps the object', async (_what, opts, finalizers) => {
    const { storage } = setup();
    await storage.create('default', { metadata: { name: 'c' } });
    const result = await storage.delete('default', 'c', opts);
    expect(result.deleted).toBe(false);
    expect(result.object.metadata).toMatchObject({
      finalizers,
      deletionTimestamp: at(0),
      deletionGracePeriodSeconds: 0,
      generation: 2,
    });
    expect(await storage.get('default', 'c')).toEqual(result.object);
  });

  it('deletes at once with propagationPolicy Background', async () => {
    const { storage } = setup();
    await storage.create('default', { metadata: { name: 'c' } });
    expect((await storage.delete('default', 'c', { propagationPolicy: 'Background' })).deleted).toBe(true);
  });

  it('refuses an unknown propagationPolicy with 422', async () => {
    const { storage } = setup();
    const err = await failure(storage.delete('default', 'c', { propagationPolicy: 'Sideways' }));
    expect(err.code).toBe(422);
  });

  it('marks an object with finalizers, once, and lets the last finalizer removal delete it', async () => {
    const { store, storage } = setup();
    await storage.create('default', { metadata: { name: 'c', finalizers: ['example.com/cleanup'] } });
    const first = await storage.delete('default', 'c');
    expect(first.deleted).toBe(false);
    expect(first.object.metadata).toMatchObject({ deletionTimestamp: at(0), deletionGracePeriodSeconds: 0 });
    const revision = await store.currentRevision();
    now += 60_000;
    const second = await storage.delete('default', 'c');
    expect(second).toEqual({ object: first.object, deleted: false });
    expect(await store.currentRevision()).toBe(revision);
    await storage.update('default', 'c', {
      ...first.object,
      metadata: { ...first.object.metadata, finalizers: [] },
    });
    expect((await failure(storage.get('default', 'c'))).reason).toBe('NotFound');
  });

  it('marks a namespace that waits for finalizers Terminating', async () => {
    const { storage } = setup(Namespace);
    await storage.create(undefined, { metadata: { name: 'team', finalizers: ['example.com/x'] } });
    const { object } = await storage.delete(undefined, 'team');
    expect(object.status).toEqual({ phase: 'Terminating' });
  });

  it('writes nothing on a dry run', async () => {
    const { store, storage } = setup();
    await storage.create('default', { metadata: { name: 'c' } });
    await storage.create('default', { metadata: { name: 'f', finalizers: ['a.io/x'] } });
    const revision = await store.currentRevision();
    expect((await storage.delete('default', 'c', { dryRun: true })).deleted).toBe(true);
    const marked = await storage.delete('default', 'f', { dryRun: true });
    expect(marked.deleted).toBe(false);
    expect(marked.object.metadata.deletionTimestamp).toBe(at(0));
    expect(await store.currentRevision()).toBe(revision);
    expect((await storage.get('default', 'f')).metadata.deletionTimestamp).toBeUndefined();
  });
});

describe('ResourceStorage.delete of pods', () => {
  const pod = (
    name: string,
    spec: Record<string, unknown> = {},
    status?: Record<string, unknown>,
  ): ApiObject => ({
    metadata: { name },
    spec: { containers: [{ name: 'c', image: 'i' }], ...spec },
    ...(status === undefined ? {} : { status }),
  });

  async function podSetup(spec: Record<string, unknown>, phase?: string) {
    const { store, storage } = setup(Pod);
    const created = await storage.create('default', pod('p', spec));
    if (phase !== undefined)
      await storage.update('default', 'p', { ...created, status: { phase } }, { subresource: 'status' });
    return { store, storage };
  }

  it.each([
    ['a bound pod with the default grace period', { nodeName: 'n1' }, undefined, {}, 30],
    [
      'a bound pod with its own grace period',
      { nodeName: 'n1', terminationGracePeriodSeconds: 5 },
      undefined,
      {},
      5,
    ],
    [
      'a bound pod with a requested grace period',
      { nodeName: 'n1' },
      undefined,
      { gracePeriodSeconds: 7 },
      7,
    ],
    ['a bound pod with a negative request', { nodeName: 'n1' }, undefined, { gracePeriodSeconds: -5 }, 1],
  ])('deletes %s gracefully', async (_what, spec, phase, opts, period) => {
    const { storage } = await podSetup(spec, phase);
    const result = await storage.delete('default', 'p', opts);
    expect(result.deleted).toBe(false);
    expect(result.object.metadata).toMatchObject({
      deletionTimestamp: at(period),
      deletionGracePeriodSeconds: period,
      generation: 2,
    });
  });

  it.each([
    ['an unbound pod', {}, undefined, {}],
    ['a succeeded pod', { nodeName: 'n1' }, 'Succeeded', {}],
    ['a failed pod', { nodeName: 'n1' }, 'Failed', {}],
    ['a forced delete', { nodeName: 'n1' }, undefined, { gracePeriodSeconds: 0 }],
  ])('deletes %s at once', async (_what, spec, phase, opts) => {
    const { storage } = await podSetup(spec, phase);
    const result = await storage.delete('default', 'p', opts);
    expect(result.deleted).toBe(true);
    expect(result.object.metadata.deletionTimestamp).toBe(at(0));
    expect((await failure(storage.get('default', 'p'))).reason).toBe('NotFound');
  });

  it('only lets a later delete shorten the grace period', async () => {
    const { store, storage } = await podSetup({ nodeName: 'n1' });
    const first = await storage.delete('default', 'p');
    const revision = await store.currentRevision();
    const longer = await storage.delete('default', 'p', { gracePeriodSeconds: 60 });
    expect(longer).toEqual({ object: first.object, deleted: false });
    expect(await store.currentRevision()).toBe(revision);
    const shorter = await storage.delete('default', 'p', { gracePeriodSeconds: 10 });
    expect(shorter.deleted).toBe(false);
    expect(shorter.object.metadata).toMatchObject({
      deletionTimestamp: at(10),
      deletionGracePeriodSeconds: 10,
      generation: 2,
    });
    expect((await storage.delete('default', 'p', { gracePeriodSeconds: 0 })).deleted).toBe(true);
  });

  it('keeps a gracefully deleted pod whose finalizers are removed until its grace period is forced', async () => {
    const { storage } = setup(Pod);
    await storage.create('default', {
      ...pod('p', { nodeName: 'n1' }),
      metadata: { name: 'p', finalizers: ['a.io/x'] },
    });
    const { object } = await storage.delete('default', 'p');
    const updated = await storage.update('default', 'p', {
      ...object,
      metadata: { ...object.metadata, finalizers: [] },
    });
    expect(updated.metadata.deletionGracePeriodSeconds).toBe(30);
    expect((await storage.delete('default', 'p', { gracePeriodSeconds: 0 })).deleted).toBe(true);
  });
});

describe('ResourceStorage.deleteCollection', () => {
  it('deletes what the list selects and returns it', async () => {
    const { storage } = setup();
    for (const [name, app] of [
      ['a', 'web'],
      ['b', 'web'],
      ['c', 'db'],
    ]) {
      await storage.create('default', { metadata: { name, labels: { app: app! } } });
    }
    await storage.create('other', { metadata: { name: 'd', labels: { app: 'web' } } });
    const result = await storage.deleteCollection('default', { labelSelector: 'app=web' });
    expect(result.kind).toBe('ConfigMapList');
    expect(result.items.map((i) => i.metadata.name)).toEqual(['a', 'b']);
    expect((await storage.list(undefined)).items.map((i) => i.metadata.name)).toEqual(['d', 'c'].sort());
  });

  it('applies the delete options to each object', async () => {
    const { storage } = setup();
    await storage.create('default', { metadata: { name: 'a' } });
    const result = await storage.deleteCollection('default', {}, { propagationPolicy: 'Orphan' });
    expect(result.items[0]?.metadata.finalizers).toEqual(['orphan']);
    expect((await storage.get('default', 'a')).metadata.deletionTimestamp).toBe(at(0));
  });
});
