import { ApiError, ConfigMap, Pod, type ResourceType, type Store } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiObject } from './api-object.js';
import { ResourceStorage } from './resource-storage.js';
import type { AdmitFunction } from './storage-options.js';

const stores: Store[] = [];
const storages: ResourceStorage[] = [];

function setup(type: ResourceType = ConfigMap) {
  const store = new MemoryStore({ compaction: false, progressIntervalMs: 0 });
  const storage = new ResourceStorage({ store, type });
  stores.push(store);
  storages.push(storage);
  return { store, storage };
}

afterEach(async () => {
  for (const storage of storages.splice(0)) storage.close();
  for (const store of stores.splice(0)) await store.close();
});

/** recording admits everything and remembers what it saw; `refuse` makes it throw a 403. */
function recording(refuse = false) {
  const seen: { next: ApiObject | undefined; current: ApiObject | undefined }[] = [];
  const admit: AdmitFunction = async (next, current) => {
    seen.push({ next: next && structuredClone(next), current: current && structuredClone(current) });
    if (refuse) throw ApiError.forbidden({ resource: 'configmaps' }, next?.metadata.name ?? '', 'denied');
  };
  return { seen, admit };
}

const configMap = (name: string, data: Record<string, string> = { a: '1' }): ApiObject => ({
  metadata: { name },
  data,
});

describe('ResourceStorage validating admission hook', () => {
  it('sees the validated object of a create (uid, generateName resolved) and can refuse it', async () => {
    const { store, storage } = setup();
    const hook = recording();
    await storage.create('default', { metadata: { generateName: 'cm-' }, data: {} }, { admit: hook.admit });
    expect(hook.seen).toHaveLength(1);
    expect(hook.seen[0]?.next?.metadata.name).toMatch(/^cm-/);
    expect(hook.seen[0]?.next?.metadata.uid).toBeTypeOf('string');
    expect(hook.seen[0]?.current).toBeUndefined();

    const before = await store.currentRevision();
    const refusing = recording(true);
    await expect(storage.create('default', configMap('x'), { admit: refusing.admit })).rejects.toSatisfy(
      (e) => ApiError.is(e, 'Forbidden'),
    );
    expect(await store.currentRevision()).toBe(before);
  });

  it('runs after schema validation: an invalid object never reaches it', async () => {
    const { storage } = setup(Pod);
    const hook = recording();
    await expect(
      storage.create('default', { metadata: { name: 'p' }, spec: { containers: [] } }, { admit: hook.admit }),
    ).rejects.toSatisfy((e) => ApiError.is(e, 'Invalid'));
    expect(hook.seen).toHaveLength(0);
  });

  it('sees the next and the stored object of an update, and a refusal writes nothing', async () => {
    const { store, storage } = setup();
    await storage.create('default', configMap('cm'));
    const hook = recording();
    await storage.guaranteedUpdate('default', 'cm', (cm) => ({ ...cm, data: { a: '2' } }), {
      admit: hook.admit,
    });
    expect(hook.seen[0]?.next?.data).toEqual({ a: '2' });
    expect(hook.seen[0]?.current?.data).toEqual({ a: '1' });

    const before = await store.currentRevision();
    const refusing = recording(true);
    await expect(
      storage.guaranteedUpdate('default', 'cm', (cm) => ({ ...cm, data: { a: '3' } }), {
        admit: refusing.admit,
      }),
    ).rejects.toSatisfy((e) => ApiError.is(e, 'Forbidden'));
    expect(await store.currentRevision()).toBe(before);
    expect((await storage.get('default', 'cm')).data).toEqual({ a: '2' });
  });

  it('sees the stored object of a delete, and a refusal keeps it', async () => {
    const { storage } = setup();
    await storage.create('default', configMap('cm'));
    const refusing = recording(true);
    await expect(storage.delete('default', 'cm', { admit: refusing.admit })).rejects.toSatisfy((e) =>
      ApiError.is(e, 'Forbidden'),
    );
    expect(refusing.seen[0]?.next).toBeUndefined();
    expect(refusing.seen[0]?.current?.metadata.name).toBe('cm');
    await expect(storage.get('default', 'cm')).resolves.toBeDefined();
    const hook = recording();
    await expect(storage.delete('default', 'cm', { admit: hook.admit })).resolves.toMatchObject({
      deleted: true,
    });
  });
});
