import {
  ApiError,
  ConfigMap,
  defineResource,
  Namespace,
  Pod,
  type ResourceType,
  type Store,
} from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiObject } from './api-object.js';
import { ResourceStorage } from './resource-storage.js';
import type { ResourceStrategy } from './resource-strategy.js';

const Widget = defineResource({
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: true,
  schema: z.object({
    spec: z.looseObject({ color: z.string(), size: z.number().int().optional() }),
    status: z.looseObject({ ready: z.boolean().optional() }).optional(),
    extra: z.string().optional(),
    settings: z.object({ mode: z.string().optional() }).optional(),
  }),
  subresources: { status: true },
});

const stores: Store[] = [];
const storages: ResourceStorage[] = [];

function setup(type: ResourceType = Widget, strategy?: ResourceStrategy) {
  const store = new MemoryStore({ compaction: false, progressIntervalMs: 0 });
  stores.push(store);
  const storage = new ResourceStorage({ store, type, ...(strategy ? { strategy } : {}) });
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

const widget = (name = 'w'): ApiObject => ({ metadata: { name }, spec: { color: 'red' } });

async function seeded(type: ResourceType = Widget, strategy?: ResourceStrategy) {
  const { store, storage } = setup(type, strategy);
  const created = await storage.create(
    'default',
    type === Pod ? { metadata: { name: 'w' }, spec: { containers: [{ name: 'c', image: 'i' }] } } : widget(),
  );
  return { store, storage, created };
}

describe('ResourceStorage.update', () => {
  it('writes with the current resourceVersion and returns the new one', async () => {
    const { storage, created } = await seeded();
    const updated = await storage.update('default', 'w', { ...created, spec: { color: 'blue' } });
    expect(updated.spec).toEqual({ color: 'blue' });
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );
    expect(await storage.get('default', 'w')).toEqual(updated);
  });

  it('answers a stale resourceVersion with Kubernetes’ 409 Conflict', async () => {
    const { storage, created } = await seeded();
    await storage.update('default', 'w', { ...created, spec: { color: 'blue' } });
    const err = await failure(storage.update('default', 'w', { ...created, spec: { color: 'green' } }));
    expect(err.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on widgets.example.com "w": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'w', group: 'example.com', kind: 'widgets' },
    });
  });

  it('updates unconditionally without a resourceVersion', async () => {
    const { storage, created } = await seeded();
    await storage.update('default', 'w', { ...created, spec: { color: 'blue' } });
    const { resourceVersion: _rv, ...metadata } = created.metadata;
    const updated = await storage.update('default', 'w', { ...created, metadata, spec: { color: 'green' } });
    expect(updated.spec).toEqual({ color: 'green' });
  });

  it('treats resourceVersion "0" as no precondition and refuses one that is not a number', async () => {
    const { storage, created } = await seeded();
    await storage.update('default', 'w', { ...created, spec: { color: 'blue' } });
    const zero = {
      ...created,
      metadata: { ...created.metadata, resourceVersion: '0' },
      spec: { color: 'green' },
    };
    expect((await storage.update('default', 'w', zero)).spec).toEqual({ color: 'green' });
    const garbage = { ...created, metadata: { ...created.metadata, resourceVersion: 'abc' } };
    const err = await failure(storage.update('default', 'w', garbage));
    expect(err.status).toMatchObject({
      code: 400,
      message:
        'metadata.resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
    });
  });

  it('refuses an unconditional update when the strategy requires a resourceVersion', async () => {
    const { storage, created } = await seeded(Widget, { allowUnconditionalUpdate: false });
    const { resourceVersion: _rv, ...metadata } = created.metadata;
    const err = await failure(storage.update('default', 'w', { ...created, metadata }));
    expect(err.code).toBe(409);
    expect(err.message).toContain(
      'metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
    );
  });

  it.each([
    ['a spec change', { spec: { color: 'blue' } }, 2],
    ['a new top-level field', { extra: 'x' }, 2],
    ['a label change', { metadata: { labels: { a: 'b' } } }, 1],
    ['an annotation change', { metadata: { annotations: { a: 'b' } } }, 1],
    ['a status change on the main resource', { status: { ready: true } }, 1],
    ['a generation the client sets', { metadata: { generation: 7 } }, 1],
    ['a new field', { settings: { mode: 'x' } }, 2],
  ])('after %s, generation is %d', async (_what, change, generation) => {
    const { storage, created } = await seeded();
    const { metadata: changedMeta = {}, ...rest } = change as { metadata?: Record<string, unknown> };
    const body = { ...created, ...rest, metadata: { ...created.metadata, ...changedMeta } };
    expect((await storage.update('default', 'w', body)).metadata.generation).toBe(generation);
  });

  it('does not count fields the schema drops as a change', async () => {
    const { store, storage } = setup();
    const created = await storage.create('default', { ...widget(), settings: { mode: 'a' } });
    const before = await store.currentRevision();
    const same = await storage.update('default', 'w', { ...created, settings: { mode: 'a', unknown: 'x' } });
    expect(same).toEqual(created);
    expect(await store.currentRevision()).toBe(before);
  });

  it('ignores status on the main resource of a kind with a status subresource', async () => {
    const { storage, created } = await seeded();
    const withStatus = await storage.update(
      'default',
      'w',
      { ...created, status: { ready: true } },
      { subresource: 'status' },
    );
    const updated = await storage.update('default', 'w', {
      ...withStatus,
      status: { ready: false },
      spec: { color: 'blue' },
    });
    expect(updated.status).toEqual({ ready: true });
    expect(updated.spec).toEqual({ color: 'blue' });
  });

  it('takes only status on /status, and never bumps generation there', async () => {
    const { storage, created } = await seeded();
    const updated = await storage.update(
      'default',
      'w',
      {
        ...created,
        spec: { color: 'blue' },
        metadata: { ...created.metadata, labels: { a: 'b' } },
        status: { ready: true },
      },
      { subresource: 'status' },
    );
    expect(updated.status).toEqual({ ready: true });
    expect(updated.spec).toEqual({ color: 'red' });
    expect(updated.metadata.labels).toBeUndefined();
    expect(updated.metadata.generation).toBe(1);
  });

  it('takes the metadata of a pod /status update, except owner references', async () => {
    const { storage, created } = await seeded(Pod);
    const updated = await storage.update(
      'default',
      'w',
      {
        ...created,
        metadata: {
          ...created.metadata,
          labels: { a: 'b' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u' }],
        },
        status: { phase: 'Running' },
      },
      { subresource: 'status' },
    );
    expect(updated.metadata.labels).toEqual({ a: 'b' });
    expect(updated.metadata.ownerReferences).toBeUndefined();
    expect(updated.status).toEqual({ phase: 'Running' });
  });

  it('keeps the spec.finalizers of a namespace, which only the finalize subresource may change', async () => {
    const { storage } = setup(Namespace);
    const created = await storage.create(undefined, {
      metadata: { name: 'team' },
      spec: { finalizers: ['kubernetes'] },
    });
    const cleared = await storage.update(undefined, 'team', { ...created, spec: {} });
    expect(cleared.spec).toEqual({ finalizers: ['kubernetes'] });
    const plain = await storage.create(undefined, { metadata: { name: 'plain' } });
    const added = await storage.update(undefined, 'plain', { ...plain, spec: { finalizers: ['x'] } });
    expect(added.spec).toEqual({});
  });

  it('has no /status for a kind without the subresource', async () => {
    const { storage } = setup(ConfigMap);
    const created = await storage.create('default', { metadata: { name: 'w' } });
    const err = await failure(storage.update('default', 'w', created, { subresource: 'status' }));
    expect(err.status).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
    });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const { store, storage, created } = await seeded();
    const before = await store.currentRevision();
    const same = await storage.update('default', 'w', {
      ...created,
      metadata: { ...created.metadata, uid: '' },
    });
    expect(same).toEqual(created);
    expect(await store.currentRevision()).toBe(before);
  });

  it('keeps uid, creationTimestamp and deletion fields the client cannot change', async () => {
    const { storage, created } = await seeded();
    const updated = await storage.update('default', 'w', {
      ...created,
      metadata: {
        ...created.metadata,
        uid: '',
        creationTimestamp: '1999-01-01T00:00:00Z',
        deletionTimestamp: null,
      },
      spec: { color: 'blue' },
    });
    expect(updated.metadata.uid).toBe(created.metadata.uid);
    expect(updated.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp);
  });

  it.each([
    [
      'uid',
      { uid: 'other' },
      'Widget.example.com "w" is invalid: metadata.uid: Invalid value: "other": field is immutable',
    ],
    [
      'deletionTimestamp',
      { deletionTimestamp: '2030-01-01T00:00:00Z' },
      'Widget.example.com "w" is invalid: metadata.deletionTimestamp: Invalid value: "2030-01-01T00:00:00Z": field is immutable',
    ],
  ])('refuses a change to %s with 422', async (_what, change, message) => {
    const { storage, created } = await seeded();
    const err = await failure(
      storage.update('default', 'w', { ...created, metadata: { ...created.metadata, ...change } }),
    );
    expect(err.code).toBe(422);
    expect(err.message).toBe(message);
  });

  it.each([
    [
      'another name',
      'default',
      { name: 'x' },
      'the name of the object (x) does not match the name on the URL (w)',
    ],
    [
      'no name',
      'default',
      { name: undefined },
      'the name of the object () does not match the name on the URL (w)',
    ],
    [
      'another namespace',
      'default',
      { namespace: 'other' },
      'the namespace of the object (other) does not match the namespace on the request (default)',
    ],
    ['no namespace', undefined, {}, 'Namespace parameter required.'],
  ])('refuses %s with 400', async (_what, namespace, change, message) => {
    const { storage, created } = await seeded();
    const err = await failure(
      storage.update(namespace, 'w', { ...created, metadata: { ...created.metadata, ...change } }),
    );
    expect(err.code).toBe(400);
    expect(err.message).toBe(message);
  });

  it('answers 404 for an object that does not exist', async () => {
    const { storage } = setup();
    const err = await failure(storage.update('default', 'w', widget()));
    expect(err.status).toMatchObject({ code: 404, message: 'widgets.example.com "w" not found' });
  });

  it('validates the result with 422', async () => {
    const { storage, created } = await seeded();
    const err = await failure(storage.update('default', 'w', { ...created, spec: { size: 1 } }));
    expect(err.message).toBe('Widget.example.com "w" is invalid: spec.color: Required value');
  });

  it('refuses new finalizers once the object is being deleted', async () => {
    const { storage, created } = await seeded();
    const held = await storage.update('default', 'w', {
      ...created,
      metadata: { ...created.metadata, finalizers: ['a.io/x'] },
    });
    const { object: deleting } = await storage.delete('default', 'w');
    const err = await failure(
      storage.update('default', 'w', {
        ...deleting,
        metadata: { ...deleting.metadata, finalizers: ['a.io/x', 'b.io/y'] },
      }),
    );
    expect(err.message).toBe(
      'Widget.example.com "w" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    );
    expect(held.metadata.finalizers).toEqual(['a.io/x']);
  });

  it('deletes an object being deleted when the last finalizer goes, returning it as stored', async () => {
    const { store, storage, created } = await seeded();
    await storage.update('default', 'w', {
      ...created,
      metadata: { ...created.metadata, finalizers: ['a.io/x'] },
    });
    const { object: deleting, deleted } = await storage.delete('default', 'w');
    expect(deleted).toBe(false);
    const returned = await storage.update('default', 'w', {
      ...deleting,
      metadata: { ...deleting.metadata, finalizers: [] },
    });
    expect(returned).toEqual(deleting);
    expect(await store.get('/registry/example.com/widgets/default/w')).toBeUndefined();
  });

  it('does everything but the write on a dry run', async () => {
    const { store, storage, created } = await seeded();
    const before = await store.currentRevision();
    const dry = await storage.update(
      'default',
      'w',
      { ...created, spec: { color: 'blue' } },
      { dryRun: true },
    );
    expect(dry.spec).toEqual({ color: 'blue' });
    expect(dry.metadata.generation).toBe(2);
    expect(dry.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(await store.currentRevision()).toBe(before);
    expect((await storage.get('default', 'w')).spec).toEqual({ color: 'red' });
  });

  it('does not modify the object it is given', async () => {
    const { storage, created } = await seeded();
    const body = { ...created, spec: { color: 'blue' }, status: { ready: true } };
    const copy = structuredClone(body);
    await storage.update('default', 'w', body);
    expect(body).toEqual(copy);
  });
});

describe('ResourceStorage.guaranteedUpdate', () => {
  it('applies the mutation to the current object', async () => {
    const { storage } = await seeded();
    const updated = await storage.guaranteedUpdate('default', 'w', (current) => ({
      ...current,
      spec: { color: 'blue' },
    }));
    expect(updated.spec).toEqual({ color: 'blue' });
    expect(updated.metadata.generation).toBe(2);
  });

  it('reads again and re-applies the mutation when another writer wins', async () => {
    const { storage } = await seeded();
    let calls = 0;
    const updated = await storage.guaranteedUpdate('default', 'w', async (current) => {
      calls++;
      if (calls === 1)
        await storage.guaranteedUpdate('default', 'w', (c) => ({ ...c, spec: { color: 'green' } }));
      const seen = (current.spec as { color: string }).color;
      return { ...current, metadata: { ...current.metadata, labels: { seen } } };
    });
    expect(calls).toBe(2);
    expect(updated.metadata.labels).toEqual({ seen: 'green' });
    expect(updated.spec).toEqual({ color: 'green' });
  });

  it.each([
    [
      'resourceVersion',
      { resourceVersion: '1' },
      'Operation cannot be fulfilled on widgets.example.com "w": Precondition failed: ResourceVersion in precondition: 1, ResourceVersion in object meta: 2',
    ],
    [
      'uid',
      { uid: 'nope' },
      'Operation cannot be fulfilled on widgets.example.com "w": Precondition failed: UID in precondition: nope, UID in object meta: ',
    ],
  ])('answers a %s precondition that does not hold with 409', async (_what, preconditions, message) => {
    const { storage, created } = await seeded();
    await storage.update('default', 'w', { ...created, spec: { color: 'blue' } });
    const err = await failure(storage.guaranteedUpdate('default', 'w', (c) => c, { preconditions }));
    expect(err.code).toBe(409);
    expect(err.message.startsWith(message)).toBe(true);
  });

  it('does not retry when the caller gave a resourceVersion precondition', async () => {
    const { storage, created } = await seeded();
    let calls = 0;
    const err = await failure(
      storage.guaranteedUpdate(
        'default',
        'w',
        async (current) => {
          calls++;
          await storage.guaranteedUpdate('default', 'w', (c) => ({ ...c, spec: { color: 'green' } }));
          return { ...current, spec: { color: 'blue' } };
        },
        { preconditions: { resourceVersion: created.metadata.resourceVersion } },
      ),
    );
    expect(calls).toBe(1);
    expect(err.reason).toBe('Conflict');
  });

  it('answers a stale resourceVersion left by the mutation (a patch that sets it) with 409', async () => {
    const { storage, created } = await seeded();
    await storage.update('default', 'w', { ...created, spec: { color: 'blue' } });
    const err = await failure(
      storage.guaranteedUpdate('default', 'w', (current) => ({
        ...current,
        metadata: { ...current.metadata, resourceVersion: created.metadata.resourceVersion },
      })),
    );
    expect(err.reason).toBe('Conflict');
  });

  it('lets errors of the mutation through unchanged', async () => {
    const { storage } = await seeded();
    const boom = new Error('patch failed');
    await expect(
      storage.guaranteedUpdate('default', 'w', () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });
});
