import { ConfigMap, createClient, isNotFound } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-kit.js';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(): Promise<TestServer> {
  const s = await startTestServer(new MemoryStore({ compaction: false, progressIntervalMs: 50 }));
  servers.push(s);
  return s;
}

const pod = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

describe('API server CRUD through the in-process transport', () => {
  it('bootstraps the system namespaces', async () => {
    const s = await start();
    const reply = await s.call('GET', '/api/v1/namespaces');
    expect(reply.status).toBe(200);
    expect(reply.json.items.map((n: { metadata: { name: string } }) => n.metadata.name).sort()).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });

  it('creates, gets, updates and deletes a namespaced object', async () => {
    const s = await start();
    const created = await s.call('POST', '/api/v1/namespaces/default/pods', { body: pod('web') });
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toBe('application/json');
    expect(created.json.metadata).toMatchObject({ name: 'web', namespace: 'default', generation: 1 });
    expect(created.json.spec.schedulerName).toBe('default-scheduler');

    const got = await s.call('GET', '/api/v1/namespaces/default/pods/web');
    expect(got.status).toBe(200);
    expect(got.json.metadata.uid).toBe(created.json.metadata.uid);

    const changed = { ...got.json, metadata: { ...got.json.metadata, labels: { app: 'web' } } };
    const updated = await s.call('PUT', '/api/v1/namespaces/default/pods/web', { body: changed });
    expect(updated.status).toBe(200);
    expect(updated.json.metadata.labels).toEqual({ app: 'web' });

    const stale = await s.call('PUT', '/api/v1/namespaces/default/pods/web', { body: changed });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ kind: 'Status', reason: 'Conflict' });

    const deleted = await s.call('DELETE', '/api/v1/namespaces/default/pods/web');
    expect(deleted.status).toBe(200);
    expect(deleted.json.kind).toBe('Pod');
    expect((await s.call('GET', '/api/v1/namespaces/default/pods/web')).status).toBe(404);
  });

  it('serves cluster-scoped objects and the namespace object itself', async () => {
    const s = await start();
    const ns = await s.call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'team' } } });
    expect(ns.status).toBe(201);
    expect(ns.json.status.phase).toBe('Active');
    expect((await s.call('GET', '/api/v1/namespaces/team')).json.metadata.name).toBe('team');
    const node = await s.call('POST', '/api/v1/nodes', { body: { metadata: { name: 'n1' } } });
    expect(node.status).toBe(201);
    const deleted = await s.call('DELETE', '/api/v1/nodes/n1');
    expect(deleted.json).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'n1', kind: 'nodes' },
    });
  });

  it('lists across namespaces with label selectors and pages', async () => {
    const s = await start();
    await s.call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'other' } } });
    for (const [ns, name] of [
      ['default', 'a'],
      ['default', 'b'],
      ['other', 'c'],
    ] as const) {
      const reply = await s.call('POST', `/api/v1/namespaces/${ns}/pods`, {
        body: pod(name, { app: name === 'b' ? 'x' : 'y' }),
      });
      expect(reply.status).toBe(201);
    }
    const all = await s.call('GET', '/api/v1/pods');
    expect(all.json.kind).toBe('PodList');
    expect(all.json.items).toHaveLength(3);
    const selected = await s.call('GET', '/api/v1/pods?labelSelector=app%3Dy');
    expect(selected.json.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual([
      'a',
      'c',
    ]);
    const first = await s.call('GET', '/api/v1/pods?limit=2');
    expect(first.json.items).toHaveLength(2);
    const token = first.json.metadata.continue as string;
    expect(token).toBeTruthy();
    const second = await s.call('GET', `/api/v1/pods?limit=2&continue=${encodeURIComponent(token)}`);
    expect(second.json.items).toHaveLength(1);
    expect(second.json.metadata.resourceVersion).toBe(first.json.metadata.resourceVersion);
  });

  it('serves the typed client in-process, with no sockets', async () => {
    const s = await start();
    const client = createClient({ transport: s.server });
    const configMaps = client.resource(ConfigMap).namespace('default');
    const events = firstValueFrom(configMaps.watch().pipe(take(3), toArray()));
    const created = await configMaps.create({ metadata: { name: 'cm' }, data: { a: '1' } });
    await configMaps.update({ ...created, data: { a: '2' } });
    await configMaps.delete('cm');
    expect((await events).map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    await expect(configMaps.get('cm')).rejects.toSatisfy(isNotFound);
  });
});
