import { MemoryStore } from '@capstan/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OPENAPI_V2_PROTOBUF } from '../openapi/openapi-negotiation.js';
import { startTestServer, type TestServer, WatchReader } from './test-kit.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer(new MemoryStore({ compaction: false, progressIntervalMs: 50 }));
  await s.call('POST', '/api/v1/namespaces/default/pods', {
    body: { metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  });
});
afterAll(async () => {
  await s.close();
});

const KUBECTL_TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const KUBECTL_DISCOVERY =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

describe('discovery', () => {
  it('serves legacy discovery documents', async () => {
    expect((await s.call('GET', '/api')).json).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const apis = await s.call('GET', '/apis');
    expect(apis.json.kind).toBe('APIGroupList');
    expect(apis.json.groups.map((g: { name: string }) => g.name)).toContain('apps');
    expect((await s.call('GET', '/apis/apps')).json).toMatchObject({ kind: 'APIGroup', name: 'apps' });
    const core = await s.call('GET', '/api/v1');
    expect(core.json.resources.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining(['pods', 'pods/binding', 'pods/eviction', 'pods/status', 'namespaces']),
    );
    expect((await s.call('GET', '/apis/apps/v1')).json.groupVersion).toBe('apps/v1');
    expect((await s.call('GET', '/apis/nope')).status).toBe(404);
    expect((await s.call('GET', '/apis/apps/v9')).status).toBe(404);
  });

  it('serves aggregated discovery with the Content-Type client-go recognises, and 304 on a matching ETag', async () => {
    const reply = await s.call('GET', '/apis', { headers: { accept: KUBECTL_DISCOVERY } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    expect(reply.headers.vary).toBe('Accept');
    expect(reply.json.kind).toBe('APIGroupDiscoveryList');
    const cached = await s.call('GET', '/apis', {
      headers: { accept: KUBECTL_DISCOVERY, 'if-none-match': reply.headers.etag! },
    });
    expect(cached.status).toBe(304);
    expect(cached.bytes.length).toBe(0);
    expect((await s.call('GET', '/api', { headers: { accept: 'text/html' } })).status).toBe(406);
  });
});

describe('OpenAPI', () => {
  it('serves /openapi/v2 as protobuf to kubectl and as JSON otherwise', async () => {
    const proto = await s.call('GET', '/openapi/v2', {
      headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' },
    });
    expect(proto.status).toBe(200);
    expect(proto.headers['content-type']).toBe(OPENAPI_V2_PROTOBUF);
    expect(proto.bytes.length).toBeGreaterThan(1000);
    const json = await s.call('GET', '/openapi/v2');
    expect(json.json.swagger).toBe('2.0');
  });

  it('serves /openapi/v3 documents by hash, immutable when the hash matches and redirected when stale', async () => {
    const index = await s.call('GET', '/openapi/v3');
    const url = index.json.paths['apis/apps/v1'].serverRelativeURL as string;
    const document = await s.call('GET', url);
    expect(document.status).toBe(200);
    expect(document.headers['cache-control']).toBe('public, immutable');
    expect(document.json.openapi).toBe('3.0.0');
    const stale = await s.call('GET', '/openapi/v3/apis/apps/v1?hash=0000');
    expect(stale.status).toBe(301);
    expect(stale.headers.location).toBe(url);
    expect((await s.call('GET', '/openapi/v3/apis/nope/v1')).status).toBe(404);
  });
});

describe('output negotiation', () => {
  it('answers kubectl get with a Table of the pod columns', async () => {
    const list = await s.call('GET', '/api/v1/namespaces/default/pods', {
      headers: { accept: KUBECTL_TABLE },
    });
    expect(list.headers['content-type']).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    expect(list.json.columnDefinitions.map((c: { name: string }) => c.name).slice(0, 5)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(list.json.rows[0].cells.slice(0, 3)).toEqual(['web', '0/1', 'Pending']);
    expect(list.json.rows[0].object.kind).toBe('PartialObjectMetadata');
    const one = await s.call('GET', '/api/v1/namespaces/default/pods/web?includeObject=Object', {
      headers: { accept: KUBECTL_TABLE },
    });
    expect(one.json.rows[0].object.kind).toBe('Pod');
  });

  it('serves YAML, PartialObjectMetadata, and protobuf only to clients that accept nothing else', async () => {
    const yaml = await s.call('GET', '/api/v1/namespaces/default/pods/web', {
      headers: { accept: 'application/yaml' },
    });
    expect(yaml.headers['content-type']).toBe('application/yaml');
    expect(parse(yaml.text).metadata.name).toBe('web');
    const partial = await s.call('GET', '/api/v1/namespaces/default/pods', {
      headers: {
        accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json',
      },
    });
    expect(partial.json.kind).toBe('PartialObjectMetadataList');
    expect(partial.json.items[0]).toEqual({
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: expect.objectContaining({ name: 'web' }),
    });
    const mixed = await s.call('GET', '/api/v1/namespaces/default/pods/web', {
      headers: { accept: 'application/vnd.kubernetes.protobuf, application/json' },
    });
    expect(mixed.headers['content-type']).toBe('application/json');
    const proto = await s.call('GET', '/api/v1/namespaces/default/pods/web', {
      headers: { accept: 'application/vnd.kubernetes.protobuf' },
    });
    expect(proto.headers['content-type']).toBe('application/vnd.kubernetes.protobuf');
    const none = await s.call('GET', '/api/v1/namespaces/default/pods/web', {
      headers: { accept: 'text/html' },
    });
    expect(none.status).toBe(406);
    expect(none.json.message).toBe(
      'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  });

  it('pretty-prints JSON for ?pretty and for curl', async () => {
    const pretty = await s.call('GET', '/api/v1/namespaces/default/pods/web?pretty=true');
    expect(pretty.text.startsWith('{\n  "')).toBe(true);
    const curl = await s.call('GET', '/api/v1/namespaces/default/pods/web', {
      headers: { 'user-agent': 'curl/8.5' },
    });
    expect(curl.text.startsWith('{\n  "')).toBe(true);
    const compact = await s.call('GET', '/api/v1/namespaces/default/pods/web');
    expect(compact.text.startsWith('{"')).toBe(true);
  });
});

describe('health, version and metrics', () => {
  it('answers /livez, /readyz and /healthz, verbosely on request', async () => {
    expect((await s.call('GET', '/livez')).text).toBe('ok');
    const verbose = await s.call('GET', '/readyz?verbose');
    expect(verbose.text).toBe(
      '[+]ping ok\n[+]store ok\n[+]poststarthook/bootstrap ok\n[+]shutdown ok\nreadyz check passed\n',
    );
    const excluded = await s.call('GET', '/healthz?verbose&exclude=store');
    expect(excluded.text).toContain('[+]store excluded: ok');
    expect((await s.call('GET', '/livez/ping')).text).toBe('ok');
    expect((await s.call('GET', '/livez/nope')).status).toBe(404);
  });

  it('serves a Kubernetes-shaped /version', async () => {
    const version = await s.call('GET', '/version');
    expect(version.json).toMatchObject({ major: '1', minor: '33' });
    expect(version.json.gitVersion).toMatch(/^v1\.33\.0\+capstan\.\d+\.\d+\.\d+$/);
  });

  it('counts requests, watches and storage calls in /metrics', async () => {
    await s.call('GET', '/api/v1/namespaces/default/pods');
    const metrics = await s.call('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(
      /apiserver_request_total\{verb="LIST",dry_run="",group="",version="v1",resource="pods",subresource="",scope="namespace",component="apiserver",code="200"\} \d+/,
    );
    expect(metrics.text).toMatch(/etcd_requests_total\{operation="list",group="",resource="pods"\} \d+/);
    expect(metrics.text).toContain('apiserver_request_duration_seconds_bucket');
  });

  it('counts open watches and the events sent to them', async () => {
    const open =
      'apiserver_longrunning_requests{verb="WATCH",group="",version="v1",resource="pods",subresource="",scope="namespace",component="apiserver"}';
    const controller = new AbortController();
    const watch = await s.open('GET', '/api/v1/namespaces/default/pods?watch=true', {
      signal: controller.signal,
    });
    const reader = new WatchReader(watch);
    expect((await reader.next()).type).toBe('ADDED');
    expect((await s.call('GET', '/metrics')).text).toContain(`${open} 1`);
    expect((await s.call('GET', '/metrics')).text).toMatch(
      /apiserver_watch_events_total\{group="",version="v1",kind="Pod"\} [1-9]/,
    );
    controller.abort();
    expect(await reader.next()).toBeUndefined();
    expect((await s.call('GET', '/metrics')).text).toContain(`${open} 0`);
    expect((await s.call('GET', '/metrics')).text).toMatch(
      /apiserver_request_total\{verb="WATCH",dry_run="",group="",version="v1",resource="pods",subresource="",scope="namespace",component="apiserver",code="200"\} 1/,
    );
  });
});

describe('paths the server does not serve', () => {
  it.each([
    ['GET', '/api/v1/bananas', 404, 'NotFound', 'the server could not find the requested resource'],
    ['GET', '/not/a/path', 404, 'NotFound', 'the server could not find the requested resource'],
    [
      'PUT',
      '/api/v1/namespaces/default/pods',
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    ],
  ])('%s %s is %i with Kubernetes body', async (method, path, code, reason, message) => {
    const reply = await s.call(method, path, method === 'PUT' ? { body: {} } : {});
    expect(reply.status).toBe(code);
    expect(reply.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      details: {},
      code,
    });
  });
});
