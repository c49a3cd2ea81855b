import { statusReasonCodes } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBERNETES_PROTOBUF_MAGIC } from '../protobuf/kubernetes-protobuf.js';
import { MAX_REQUEST_BODY_BYTES } from './api-server.js';
import { startTestServer, type TestServer } from './test-kit.js';

/**
 * A bad request and what Kubernetes answers it with: `expect` lists the acceptable status codes.
 * Writes that fail must leave the store's revision where it was.
 */
interface BadRequest {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly accept?: string;
  readonly expect: readonly number[];
}

const PODS = '/api/v1/namespaces/default/pods';
const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

const text = fc.string({ maxLength: 40 });
const junk = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 40 }));
const notJson = junk.filter((t) => {
  try {
    JSON.parse(t);
    return false;
  } catch {
    return true;
  }
});
const json = fc.jsonValue({ maxDepth: 4 });
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const badName = fc.oneof(
  fc.stringMatching(/^[A-Z_][A-Za-z_.]{0,12}$/),
  fc.constantFrom('-x', 'x-', 'a..b', 'UPPER', 'x'.repeat(254), 'sp ace', 'emoji\u{1F600}'),
);
const segmentBreaker = fc.constantFrom('.', '..', 'a%2Fb', 'a%25b');
const otherKind = fc.constantFrom('Service', 'Secret', 'Deployment', 'Banana');
const otherVersion = fc.constantFrom('v2', 'apps/v1', 'example.com/v1');
const queryValue = fc.string({ maxLength: 30 }).map(encodeURIComponent);
const badInteger = fc.oneof(
  fc.constantFrom('abc', '1.5', '--1', '0x10', '99999999999999999999'),
  fc.stringMatching(/^[a-z]{1,5}$/),
);

const cases: fc.Arbitrary<BadRequest>[] = [
  notJson.map((body) => ({ label: 'malformed JSON', method: 'POST', path: CONFIGMAPS, body, expect: [400] })),
  fc
    .oneof(fc.array(json, { maxLength: 3 }), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), text))
    .map((value) => ({
      label: 'JSON that is not an object',
      method: 'POST',
      path: CONFIGMAPS,
      body: JSON.stringify(value),
      expect: [400],
    })),
  fc.tuple(name, otherKind).map(([n, kind]) => ({
    label: 'kind mismatching the URL',
    method: 'POST',
    path: CONFIGMAPS,
    body: JSON.stringify({ apiVersion: 'v1', kind, metadata: { name: n } }),
    expect: [400],
  })),
  fc.tuple(name, otherVersion).map(([n, apiVersion]) => ({
    label: 'apiVersion mismatching the URL',
    method: 'POST',
    path: CONFIGMAPS,
    body: JSON.stringify({ apiVersion, kind: 'ConfigMap', metadata: { name: n } }),
    expect: [400],
  })),
  name.map((n) => ({
    label: 'namespace mismatching the URL',
    method: 'POST',
    path: CONFIGMAPS,
    body: JSON.stringify({ metadata: { name: n, namespace: 'kube-system' } }),
    expect: [400],
  })),
  name.map((n) => ({
    label: 'name mismatching the URL on update',
    method: 'PUT',
    path: `${CONFIGMAPS}/seed`,
    body: JSON.stringify({ metadata: { name: `${n}-x` } }),
    expect: [400],
  })),
  badName.map((n) => ({
    label: 'invalid name',
    method: 'POST',
    path: CONFIGMAPS,
    body: JSON.stringify({ metadata: { name: n } }),
    expect: [422],
  })),
  segmentBreaker.map((segment) => ({
    label: 'name that cannot be a path segment',
    method: 'GET',
    path: `${CONFIGMAPS}/${segment}`,
    expect: [400, 404],
  })),
  fc.constant({
    label: 'body over 3 MiB',
    method: 'POST',
    path: CONFIGMAPS,
    body: `{"metadata":{"name":"big"},"data":{"a":"${'x'.repeat(MAX_REQUEST_BODY_BYTES)}"}}`,
    expect: [413],
  }),
  fc
    .oneof(
      fc.stringMatching(/^[a-z]{1,12}$/).map((r) => `/api/v1/${r}s0`),
      fc.stringMatching(/^[a-z]{1,12}$/).map((r) => `/apis/apps/v1/namespaces/default/${r}x`),
      fc.stringMatching(/^[a-z]{1,12}$/).map((r) => `/${r}/v1/things`),
      fc.constantFrom(
        '/apis/nope.example.com/v1/widgets',
        '/api/v2/pods',
        '/api/v1/namespaces/default/pods/web/logs',
        '/api/v1/nodes/n/binding',
      ),
    )
    .map((path) => ({ label: 'unknown resource or path', method: 'GET', path, expect: [404] })),
  fc
    .tuple(
      fc.constantFrom('POST', 'PUT'),
      fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png'),
    )
    .map(([method, contentType]) => ({
      label: 'unsupported body media type',
      method,
      path: method === 'POST' ? CONFIGMAPS : `${CONFIGMAPS}/seed`,
      body: '{"metadata":{"name":"seed"}}',
      contentType,
      expect: [415],
    })),
  fc.constantFrom('text/plain', 'application/json', 'application/xml').map((contentType) => ({
    label: 'unsupported patch media type',
    method: 'PATCH',
    path: `${CONFIGMAPS}/seed`,
    body: '{}',
    contentType,
    expect: [415],
  })),
  fc.constantFrom('text/html', 'image/png', 'application/xml;q=1').map((accept) => ({
    label: 'unacceptable response type',
    method: 'GET',
    path: `${CONFIGMAPS}/seed`,
    accept,
    expect: [406],
  })),
  fc
    .constantFrom(
      ['PUT', CONFIGMAPS],
      ['PATCH', CONFIGMAPS],
      ['POST', `${CONFIGMAPS}/seed`],
      ['POST', '/api/v1/configmaps'],
      ['DELETE', '/api/v1/pods'],
      ['OPTIONS', CONFIGMAPS],
      ['POST', `${PODS}/seed/status`],
      ['GET', `${PODS}/seed/binding`],
      ['POST', '/version'],
      ['DELETE', '/api'],
    )
    .map(([method, path]) => ({
      label: 'unsupported verb',
      method: method!,
      path: path!,
      body: '{}',
      expect: [405],
    })),
  fc.tuple(fc.constantFrom('labelSelector', 'fieldSelector'), queryValue).map(([param, value]) => ({
    label: 'hostile selector',
    method: 'GET',
    path: `${PODS}?${param}=${value}`,
    expect: [200, 400],
  })),
  junk.map((token) => ({
    label: 'hostile continue token',
    method: 'GET',
    path: `${CONFIGMAPS}?limit=1&continue=${encodeURIComponent(token || 'x')}`,
    expect: [400],
  })),
  fc
    .tuple(fc.constantFrom('limit', 'timeoutSeconds', 'gracePeriodSeconds'), badInteger)
    .map(([param, value]) => ({
      label: 'integer parameter that is not one',
      method: param === 'gracePeriodSeconds' ? 'DELETE' : 'GET',
      path: `${CONFIGMAPS}${param === 'gracePeriodSeconds' ? '/seed' : ''}?${param}=${value}${param === 'timeoutSeconds' ? '&watch=1' : ''}`,
      expect: [400],
    })),
  fc.constantFrom('abc', '-1', '1.5', '18446744073709551616').map((rv) => ({
    label: 'malformed resourceVersion',
    method: 'GET',
    path: `${CONFIGMAPS}?resourceVersion=${rv}`,
    expect: [400],
  })),
  fc
    .tuple(
      fc.constantFrom(
        'application/json-patch+json',
        'application/merge-patch+json',
        'application/strategic-merge-patch+json',
      ),
      fc.oneof(
        notJson,
        json.map((v) => JSON.stringify(v)),
      ),
    )
    .map(([contentType, body]) => ({
      label: 'hostile patch',
      method: 'PATCH',
      path: `${DEPLOYMENTS}/seed`,
      body,
      contentType,
      expect: [200, 400, 409, 422],
    })),
  fc
    .array(
      fc.record({
        op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'),
        path: fc.constantFrom(
          '',
          '/',
          '/spec',
          '/spec/replicas',
          '/metadata/name',
          '/spec/template/spec/containers/9',
          '/x~2',
          '/metadata/labels/a',
        ),
        value: json,
        from: fc.constantFrom('/spec', '/metadata', '/nope'),
      }),
      { maxLength: 4 },
    )
    .map((ops) => ({
      label: 'hostile JSON patch operations',
      method: 'PATCH',
      path: `${DEPLOYMENTS}/seed`,
      body: JSON.stringify(ops),
      contentType: 'application/json-patch+json',
      expect: [200, 400, 409, 422],
    })),
  junk.map((body) => ({
    label: 'malformed YAML',
    method: 'POST',
    path: CONFIGMAPS,
    body: `metadata: [${body}\n  : {`,
    contentType: 'application/yaml',
    expect: [400],
  })),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => {
    const body = new Uint8Array(KUBERNETES_PROTOBUF_MAGIC.length + bytes.length);
    body.set(KUBERNETES_PROTOBUF_MAGIC);
    body.set(bytes, KUBERNETES_PROTOBUF_MAGIC.length);
    return {
      label: 'malformed protobuf',
      method: 'POST',
      path: CONFIGMAPS,
      body,
      contentType: 'application/vnd.kubernetes.protobuf',
      expect: [400, 413, 415, 422],
    };
  }),
  fc
    .tuple(name, fc.dictionary(fc.stringMatching(/^x[a-z]{1,6}$/), json, { minKeys: 1, maxKeys: 3 }))
    .map(([n, extra]) => ({
      label: 'unknown fields under Strict',
      method: 'POST',
      path: `${CONFIGMAPS}?fieldValidation=Strict`,
      body: JSON.stringify({ metadata: { name: n }, ...extra }),
      expect: [400],
    })),
  fc.tuple(name, fc.constantFrom('"three"', '{}', '[1]', 'true')).map(([n, replicas]) => ({
    label: 'field of the wrong type',
    method: 'POST',
    path: DEPLOYMENTS,
    body: `{"metadata":{"name":"${n}"},"spec":{"replicas":${replicas},"selector":{},"template":{}}}`,
    expect: [400],
  })),
  fc
    .tuple(
      fc.constantFrom(
        'propagationPolicy=Sideways',
        'dryRun=Maybe',
        'orphanDependents=true&propagationPolicy=Orphan',
      ),
      fc.boolean(),
    )
    .map(([query, withBody]) => ({
      label: 'invalid delete options',
      method: 'DELETE',
      path: `${CONFIGMAPS}/seed?${query}`,
      ...(withBody ? { body: '{"kind":"DeleteOptions","apiVersion":"v1"}' } : {}),
      expect: [422],
    })),
  notJson.map((body) => ({
    label: 'malformed DeleteOptions body',
    method: 'DELETE',
    path: `${CONFIGMAPS}/seed`,
    body: body === '' ? '{' : body,
    expect: [400],
  })),
  fc.constantFrom('Some', 'all', '').map((value) => ({
    label: 'invalid write options',
    method: 'POST',
    path: `${CONFIGMAPS}?fieldValidation=${value === '' ? 'Loud' : value}&dryRun=${value || 'None'}`,
    body: '{"metadata":{"name":"opts"}}',
    expect: [422],
  })),
];

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer(new MemoryStore({ compaction: false, progressIntervalMs: 50 }));
  const seed = async (path: string, body: unknown) =>
    expect((await s.call('POST', path, { body })).status).toBe(201);
  await seed(CONFIGMAPS, { metadata: { name: 'seed' }, data: { a: '1' } });
  await seed(PODS, { metadata: { name: 'seed' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  await seed(DEPLOYMENTS, {
    metadata: { name: 'seed' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'seed' } },
      template: {
        metadata: { labels: { app: 'seed' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    },
  });
});
afterAll(async () => {
  await s.close();
});

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('bad input', () => {
  it('gets a Kubernetes Status with the right code, writes nothing, and never breaks the server', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(...cases), async (bad) => {
        const before = await s.store.currentRevision();
        const reply = await s.call(bad.method, bad.path, {
          ...(bad.body === undefined ? {} : { body: bad.body }),
          ...(bad.contentType === undefined ? {} : { contentType: bad.contentType }),
          headers: bad.accept === undefined ? {} : { accept: bad.accept },
        });
        const context = `${bad.label}: ${bad.method} ${bad.path.slice(0, 200)} → ${reply.status} ${reply.text.slice(0, 300)}`;
        expect(bad.expect, context).toContain(reply.status);
        if (reply.status >= 400) {
          expect(reply.json, context).toMatchObject({
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            code: reply.status,
          });
          const reason = reply.json.reason as keyof typeof statusReasonCodes;
          expect(statusReasonCodes[reason], context).toBe(reply.status);
          if (WRITES.has(bad.method)) expect(await s.store.currentRevision(), context).toBe(before);
        }
      }),
      { numRuns: 400, seed: 20_250_301 },
    );
    const alive = await s.call('GET', `${CONFIGMAPS}/seed`);
    expect(alive.status).toBe(200);
  });

  it('answers an unexpected exception with a 500 Status and keeps serving', async () => {
    const broken = await startTestServer(new MemoryStore({ compaction: false, progressIntervalMs: 0 }));
    try {
      const storage = broken.server.storage(
        broken.server.registry.forResource({ group: '', version: 'v1', resource: 'configmaps' })!,
      );
      const original = storage.list.bind(storage);
      storage.list = () => Promise.reject(new TypeError('boom'));
      const failed = await broken.call('GET', CONFIGMAPS);
      expect(failed.status).toBe(500);
      expect(failed.json).toMatchObject({
        kind: 'Status',
        reason: 'InternalError',
        message: 'Internal error occurred: boom',
      });
      storage.list = original;
      expect((await broken.call('GET', CONFIGMAPS)).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
