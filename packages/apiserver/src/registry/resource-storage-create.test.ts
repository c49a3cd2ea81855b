import {
  ApiError,
  ConfigMap,
  Deployment,
  defineResource,
  Namespace,
  Pod,
  type ResourceType,
  Role,
  Service,
  type Store,
  StoreError,
} from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiObject } from './api-object.js';
import { ResourceStorage } from './resource-storage.js';

const NOW = new Date('2024-05-01T12:00:00.789Z');
const stores: Store[] = [];
const storages: ResourceStorage[] = [];

function setup(
  type: ResourceType = Pod,
  store: Store = new MemoryStore({ compaction: false, progressIntervalMs: 0 }),
) {
  stores.push(store);
  const storage = new ResourceStorage({ store, type, clock: () => NOW });
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

const pod = (name: string, extra: Record<string, unknown> = {}): ApiObject => ({
  metadata: { name },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
  ...extra,
});

/** A custom kind with a status that is not a subresource, to see that create keeps it. */
const Gizmo = defineResource({
  group: 'example.com',
  version: 'v1',
  kind: 'Gizmo',
  plural: 'gizmos',
  namespaced: true,
  schema: z.object({ spec: z.looseObject({}).optional(), status: z.looseObject({}).optional() }),
});

describe('ResourceStorage.create', () => {
  it('fills the system fields and stores JSON without a resourceVersion', async () => {
    const { store, storage } = setup();
    const created = await storage.create('default', pod('web'));
    expect(created).toMatchObject({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name: 'web',
        namespace: 'default',
        generation: 1,
        creationTimestamp: '2024-05-01T12:00:00Z',
      },
    });
    expect(created.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const kv = await store.get('/registry/pods/default/web');
    expect(created.metadata.resourceVersion).toBe(String(kv?.modRevision));
    const stored = JSON.parse(kv!.value);
    expect(stored.metadata.resourceVersion).toBeUndefined();
    expect(stored).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { uid: created.metadata.uid } });
  });

  it('stores other groups under /registry/<group>/<plural>', async () => {
    const { store, storage } = setup(Deployment);
    await storage.create('prod', {
      metadata: { name: 'api' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
      },
    });
    expect(await store.get('/registry/apps/deployments/prod/api')).toBeDefined();
  });

  it('overrides client-supplied uid, creation and deletion fields', async () => {
    const { storage } = setup();
    const created = await storage.create('default', pod('web', {}));
    const again = await storage.create('default', {
      ...pod('web2'),
      metadata: {
        name: 'web2',
        uid: 'mine',
        creationTimestamp: '2000-01-01T00:00:00Z',
        deletionTimestamp: '2000-01-01T00:00:00Z',
        deletionGracePeriodSeconds: 5,
        generation: 9,
      },
    });
    expect(again.metadata.uid).not.toBe('mine');
    expect(again.metadata.uid).not.toBe(created.metadata.uid);
    expect(again.metadata).toMatchObject({ creationTimestamp: '2024-05-01T12:00:00Z', generation: 1 });
    expect(again.metadata.deletionTimestamp).toBeUndefined();
    expect(again.metadata.deletionGracePeriodSeconds).toBeUndefined();
  });

  it('does not modify the object it is given', async () => {
    const { storage } = setup();
    const input = pod('web', { status: { phase: 'Running' } });
    const copy = structuredClone(input);
    await storage.create('default', input);
    expect(input).toEqual(copy);
  });

  it('generates a name from generateName', async () => {
    const { storage } = setup();
    const created = await storage.create('default', { ...pod(''), metadata: { generateName: 'web-' } });
    expect(created.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(created.metadata.generateName).toBe('web-');
  });

  it('retries a generated name that is taken, then gives up with Kubernetes’ conflict', async () => {
    const memory = new MemoryStore({ compaction: false, progressIntervalMs: 0 });
    let refusals = 2;
    const flaky: Store = Object.create(memory, {
      create: {
        value: async (key: string, value: string) => {
          if (refusals-- > 0) throw new StoreError('KeyExists', `key ${key} exists`, { key });
          return memory.create(key, value);
        },
      },
    });
    const { storage } = setup(Pod, flaky);
    const created = await storage.create('default', { ...pod(''), metadata: { generateName: 'web-' } });
    expect(refusals).toBe(-1);
    expect(created.metadata.name).toMatch(/^web-/);

    refusals = 100;
    const err = await failure(storage.create('default', { ...pod(''), metadata: { generateName: 'web-' } }));
    expect(refusals).toBe(92);
    expect(err.status).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      details: { retryAfterSeconds: 1 },
    });
    expect(err.message).toMatch(
      /^pods "web-[a-z0-9]{5}" already exists, the server was not allowed to generate a unique name for this resource$/,
    );
    await memory.close();
  });

  it('answers an existing name with 409 AlreadyExists', async () => {
    const { storage } = setup();
    await storage.create('default', pod('web'));
    const err = await failure(storage.create('default', pod('web')));
    expect(err.status).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'pods "web" already exists',
      details: { name: 'web', kind: 'pods' },
    });
  });

  it.each([
    ['Deployment (status subresource: dropped)', Deployment, undefined],
    ['Gizmo (no status subresource: kept)', Gizmo, { phase: 'Mine' }],
  ])('handles the status of a %s', async (_what, type, status) => {
    const { storage } = setup(type);
    const body: ApiObject =
      type === Deployment
        ? {
            metadata: { name: 'x' },
            spec: { selector: {}, template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
            status: { phase: 'Mine' },
          }
        : { metadata: { name: 'x' }, spec: {}, status: { phase: 'Mine' } };
    const created = await storage.create('default', body);
    expect(created.status).toEqual(status);
  });

  it('starts pods Pending with their QoS class, whatever status was sent', async () => {
    const { storage } = setup();
    const created = await storage.create(
      'default',
      pod('web', { status: { phase: 'Running', podIP: '1.2.3.4' } }),
    );
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('starts namespaces Active', async () => {
    const { storage } = setup(Namespace);
    expect((await storage.create(undefined, { metadata: { name: 'team-a' } })).status).toEqual({
      phase: 'Active',
    });
  });

  it.each([
    ['an empty body namespace', 'default', undefined, 'default'],
    ['a matching body namespace', 'default', 'default', 'default'],
  ])('takes the request namespace given %s', async (_what, requested, body, expected) => {
    const { storage } = setup();
    const created = await storage.create(requested, {
      ...pod('web'),
      metadata: { name: 'web', namespace: body },
    });
    expect(created.metadata.namespace).toBe(expected);
  });

  it('refuses a body namespace that differs from the request', async () => {
    const { storage } = setup();
    const err = await failure(
      storage.create('default', { ...pod('web'), metadata: { name: 'web', namespace: 'other' } }),
    );
    expect(err.status).toMatchObject({
      code: 400,
      reason: 'BadRequest',
      message: 'the namespace of the provided object does not match the namespace sent on the request',
    });
  });

  it('clears a namespace sent for a cluster-scoped kind', async () => {
    const { store, storage } = setup(Namespace);
    const created = await storage.create(undefined, { metadata: { name: 'a', namespace: 'b' } });
    expect(created.metadata.namespace).toBeUndefined();
    expect(await store.get('/registry/namespaces/a')).toBeDefined();
  });

  it('requires a namespace for a namespaced kind', async () => {
    const { storage } = setup();
    const err = await failure(storage.create(undefined, pod('web')));
    expect(err.status).toMatchObject({
      code: 422,
      message: 'Pod "web" is invalid: metadata.namespace: Required value',
    });
  });

  it.each([
    [Pod, 'default', 'Web', 'metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain'],
    [Namespace, undefined, 'a.b', 'metadata.name: Invalid value: "a.b": must not contain dots'],
    [Service, 'default', '1svc', 'metadata.name: Invalid value: "1svc": a DNS-1035 label must consist'],
    [ConfigMap, 'default', 'a/b', 'metadata.name: Invalid value: "a/b": may not contain \'/\''],
    [ConfigMap, 'default', '', 'metadata.name: Required value: name or generateName is required'],
  ])('validates %s names (%j)', async (type, namespace, name, message) => {
    const { storage } = setup(type);
    const body: ApiObject = type === Pod ? pod(name) : { metadata: { name } };
    const err = await failure(storage.create(namespace, body));
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.message).toContain(message);
  });

  it('accepts RBAC names any path segment may hold', async () => {
    const { storage } = setup(Role);
    const created = await storage.create('default', { metadata: { name: 'system:controller:x' }, rules: [] });
    expect(created.metadata.name).toBe('system:controller:x');
  });

  it('reports schema problems as Kubernetes does, one cause each', async () => {
    const { storage } = setup();
    const err = await failure(
      storage.create('default', { metadata: { name: 'x' }, spec: { containers: [{ image: 'nginx' }] } }),
    );
    expect(err.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      code: 422,
      reason: 'Invalid',
      message: 'Pod "x" is invalid: spec.containers[0].name: Required value',
      details: {
        name: 'x',
        kind: 'Pod',
        causes: [
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].name' },
        ],
      },
    });
  });

  it('aggregates several problems into one message', async () => {
    const { storage } = setup();
    const err = await failure(
      storage.create('default', {
        metadata: { name: 'x', labels: { k: 'bad value' } },
        spec: { containers: [], restartPolicy: 'Sometimes', hostNetwork: 'yes' },
      }),
    );
    expect(err.message).toMatch(
      /^Pod "x" is invalid: \[metadata\.labels: Invalid value: "bad value": .*, spec\.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never", spec\.hostNetwork: Invalid value: "yes": must be of type boolean\]$/,
    );
    expect(err.details?.causes?.map((c) => [c.field, c.reason])).toEqual([
      ['metadata.labels', 'FieldValueInvalid'],
      ['spec.restartPolicy', 'FieldValueNotSupported'],
      ['spec.hostNetwork', 'FieldValueTypeInvalid'],
    ]);
  });

  it.each([
    ['a resourceVersion', '12'],
    ['resourceVersion "0"', '0'],
    ['a resourceVersion that is not a number', 'abc'],
  ])('treats %s on a new object as Kubernetes does', async (_what, resourceVersion) => {
    const { storage } = setup();
    const body = { ...pod('web'), metadata: { name: 'web', resourceVersion } };
    if (resourceVersion !== '12') {
      expect((await storage.create('default', body)).metadata.name).toBe('web');
      return;
    }
    const err = await failure(storage.create('default', body));
    expect(err.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      code: 500,
      message: 'resourceVersion should not be set on objects to be created',
    });
  });

  it.each([
    ['a non-object', 'nope', 'the object provided is not a JSON object'],
    ['an array', [], 'the object provided is not a JSON object'],
    ['non-object metadata', { metadata: 'x' }, 'the metadata of the object provided is not a JSON object'],
    [
      'another kind',
      { kind: 'Service', metadata: { name: 'a' } },
      'the kind in the data (Service) does not match the expected kind (Pod)',
    ],
    [
      'another apiVersion',
      { apiVersion: 'apps/v1', metadata: { name: 'a' } },
      'the API version in the data (apps/v1) does not match the expected API version (v1)',
    ],
  ])('refuses %s with 400', async (_what, body, message) => {
    const { storage } = setup();
    const err = await failure(storage.create('default', body as ApiObject));
    expect(err.code).toBe(400);
    expect(err.message).toBe(message);
  });

  it('does everything but the write on a dry run', async () => {
    const { store, storage } = setup();
    await storage.create('default', pod('taken'));
    const before = await store.currentRevision();
    const dry = await storage.create('default', pod('web'), { dryRun: true });
    expect(dry.metadata).toMatchObject({
      name: 'web',
      generation: 1,
      creationTimestamp: '2024-05-01T12:00:00Z',
    });
    expect(dry.metadata.uid).toBeDefined();
    expect(dry.metadata.resourceVersion).toBeUndefined();
    expect(dry.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(await store.currentRevision()).toBe(before);
    expect((await failure(storage.create('default', pod('taken'), { dryRun: true }))).reason).toBe(
      'AlreadyExists',
    );
    expect((await failure(storage.create('default', pod('Bad'), { dryRun: true }))).reason).toBe('Invalid');
  });
});
