import { MemoryStore } from '@capstan/store';
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

const PODS = '/api/v1/namespaces/default/pods';
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

async function withPod(s: TestServer, name = 'web') {
  const reply = await s.call('POST', PODS, {
    body: { metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  });
  expect(reply.status).toBe(201);
  return reply.json;
}

async function withDeployment(s: TestServer, replicas = 2) {
  const labels = { app: 'web' };
  const reply = await s.call('POST', DEPLOYMENTS, {
    body: {
      metadata: { name: 'web' },
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    },
  });
  expect(reply.status).toBe(201);
  return reply.json;
}

describe('status subresource', () => {
  it('is ignored on the main resource and written through /status', async () => {
    const s = await start();
    const pod = await withPod(s);
    const ignored = await s.call('PUT', `${PODS}/web`, { body: { ...pod, status: { phase: 'Running' } } });
    expect(ignored.json.status.phase).toBe('Pending');
    const written = await s.call('PUT', `${PODS}/web/status`, {
      body: { ...pod, status: { phase: 'Running' } },
    });
    expect(written.status).toBe(200);
    expect(written.json.status.phase).toBe('Running');
    const patched = await s.call('PATCH', `${PODS}/web/status`, {
      body: { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(patched.json.status).toMatchObject({
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    const got = await s.call('GET', `${PODS}/web/status`);
    expect(got.json.status.phase).toBe('Running');
  });
});

describe('pods/binding', () => {
  it('binds a pod once and refuses a second binding with Kubernetes conflict', async () => {
    const s = await start();
    await withPod(s);
    const binding = (node: string) => ({
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'web', annotations: { 'scheduler.example/by': 'test' } },
      target: { apiVersion: 'v1', kind: 'Node', name: node },
    });
    const bound = await s.call('POST', `${PODS}/web/binding`, { body: binding('n1') });
    expect(bound.status).toBe(201);
    expect(bound.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      code: 201,
    });
    const pod = await s.call('GET', `${PODS}/web`);
    expect(pod.json.spec.nodeName).toBe('n1');
    expect(pod.json.metadata.annotations).toEqual({ 'scheduler.example/by': 'test' });

    const again = await s.call('POST', `${PODS}/web/binding`, { body: binding('n2') });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "n1"',
    });
  });

  it('refuses a binding to a name other than the URL, or without a node', async () => {
    const s = await start();
    await withPod(s);
    const wrongName = await s.call('POST', `${PODS}/web/binding`, {
      body: { metadata: { name: 'other' }, target: { name: 'n1' } },
    });
    expect(wrongName.status).toBe(400);
    const noNode = await s.call('POST', `${PODS}/web/binding`, {
      body: { metadata: { name: 'web' }, target: {} },
    });
    expect(noNode.status).toBe(422);
    expect(noNode.json.message).toContain('target.name: Required value');
    expect(
      (
        await s.call('POST', `${PODS}/missing/binding`, {
          body: { metadata: { name: 'missing' }, target: { name: 'n' } },
        })
      ).status,
    ).toBe(404);
  });
});

describe('pods/eviction', () => {
  it('deletes the pod and answers Success', async () => {
    const s = await start();
    await withPod(s);
    const evicted = await s.call('POST', `${PODS}/web/eviction`, {
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web', namespace: 'default' } },
    });
    expect(evicted.status).toBe(201);
    expect(evicted.json).toMatchObject({ kind: 'Status', status: 'Success' });
    expect((await s.call('GET', `${PODS}/web`)).status).toBe(404);
    const missing = await s.call('POST', `${PODS}/web/eviction`, {
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web' } },
    });
    expect(missing.status).toBe(404);
  });
});

describe('scale subresource', () => {
  it('reads and writes replicas as an autoscaling/v1 Scale', async () => {
    const s = await start();
    const deployment = await withDeployment(s, 2);
    const scale = await s.call('GET', `${DEPLOYMENTS}/web/scale`);
    expect(scale.json).toMatchObject({
      apiVersion: 'autoscaling/v1',
      kind: 'Scale',
      metadata: { name: 'web', namespace: 'default', uid: deployment.metadata.uid },
      spec: { replicas: 2 },
      status: { replicas: 0, selector: 'app=web' },
    });
    const updated = await s.call('PUT', `${DEPLOYMENTS}/web/scale`, {
      body: { ...scale.json, spec: { replicas: 5 } },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.spec.replicas).toBe(5);
    expect((await s.call('GET', `${DEPLOYMENTS}/web`)).json.spec.replicas).toBe(5);

    const stale = await s.call('PUT', `${DEPLOYMENTS}/web/scale`, {
      body: { ...scale.json, spec: { replicas: 1 } },
    });
    expect(stale.status).toBe(409);

    const patched = await s.call('PATCH', `${DEPLOYMENTS}/web/scale`, {
      body: { spec: { replicas: 3 } },
      contentType: 'application/merge-patch+json',
    });
    expect(patched.json.spec.replicas).toBe(3);
    const negative = await s.call('PATCH', `${DEPLOYMENTS}/web/scale`, {
      body: [{ op: 'replace', path: '/spec/replicas', value: -1 }],
      contentType: 'application/json-patch+json',
    });
    expect(negative.status).toBe(422);
    expect(negative.json.message).toBe(
      'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('is not served for kinds without a scale subresource', async () => {
    const s = await start();
    await withPod(s);
    expect((await s.call('GET', `${PODS}/web/scale`)).status).toBe(404);
  });
});
