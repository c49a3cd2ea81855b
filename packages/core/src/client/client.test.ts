import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ApiError, isNotFound, isResourceExpired } from '../errors/api-error.js';
import type { Status } from '../errors/status.js';
import { Deployment } from '../resources/apps-v1.js';
import { Node, Pod } from '../resources/core-v1.js';
import { defineResource } from '../resources/define-resource.js';
import { ResourceRegistry } from '../resources/resource-registry.js';
import { LabelSelector } from '../selectors/label-selector.js';
import { type Client, createClient } from './client.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import type { WatchEvent } from './watch-event.js';

const encoder = new TextEncoder();

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === 'string' ? encoder.encode(part) : part;
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}): TransportResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: chunks(text) };
}

/** fakeClient returns a client whose transport records every request and answers with `answer`. */
function fakeClient(answer: (req: TransportRequest) => TransportResponse | Promise<TransportResponse>) {
  const requests: TransportRequest[] = [];
  const transport: Transport = {
    request: async (req) => {
      requests.push(req);
      return answer(req);
    },
  };
  return { client: createClient({ transport }), requests };
}

const bodyOf = (req: TransportRequest | undefined) =>
  req?.body === undefined ? undefined : JSON.parse(new TextDecoder().decode(req.body));

const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
  ...extra,
});

describe('client requests', () => {
  const ok = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, items: [] };
  it.each<[string, (c: Client) => Promise<unknown>, string, string, string | undefined]>([
    [
      'get',
      (c) => c.resource(Pod).namespace('default').get('web'),
      'GET',
      '/api/v1/namespaces/default/pods/web',
      undefined,
    ],
    [
      'get from the cache',
      (c) => c.resource(Node).get('n 1', { resourceVersion: '0' }),
      'GET',
      '/api/v1/nodes/n%201?resourceVersion=0',
      undefined,
    ],
    ['list all namespaces', (c) => c.resource(Pod).list(), 'GET', '/api/v1/pods', undefined],
    [
      'list with options',
      (c) =>
        c.resource(Deployment).namespace('prod').list({
          labelSelector: 'app=web',
          fieldSelector: 'metadata.name=x',
          limit: 5,
          continue: 'tok',
          resourceVersion: '10',
          resourceVersionMatch: 'NotOlderThan',
        }),
      'GET',
      '/apis/apps/v1/namespaces/prod/deployments?labelSelector=app%3Dweb&fieldSelector=metadata.name%3Dx&limit=5&continue=tok&resourceVersion=10&resourceVersionMatch=NotOlderThan',
      undefined,
    ],
    [
      'list with a parsed selector',
      (c) => c.resource(Pod).list({ labelSelector: LabelSelector.parse('tier in (b,a),app') }),
      'GET',
      '/api/v1/pods?labelSelector=app%2Ctier+in+%28a%2Cb%29',
      undefined,
    ],
    [
      'create',
      (c) =>
        c.resource(Pod).namespace('default').create(pod('web'), {
          dryRun: true,
          fieldManager: 'me',
          fieldValidation: 'Strict',
        }),
      'POST',
      '/api/v1/namespaces/default/pods?dryRun=All&fieldManager=me&fieldValidation=Strict',
      'application/json',
    ],
    [
      "create in the object's namespace",
      (c) => c.resource(Pod).create(pod('web')),
      'POST',
      '/api/v1/namespaces/default/pods',
      'application/json',
    ],
    [
      'update',
      (c) => c.resource(Pod).namespace('default').update(pod('web')),
      'PUT',
      '/api/v1/namespaces/default/pods/web',
      'application/json',
    ],
    [
      'updateStatus',
      (c) => c.resource(Pod).updateStatus(pod('web'), { fieldManager: 'kubelet' }),
      'PUT',
      '/api/v1/namespaces/default/pods/web/status?fieldManager=kubelet',
      'application/json',
    ],
    [
      'patch (json)',
      (c) =>
        c
          .resource(Pod)
          .namespace('default')
          .patch('web', [{ op: 'remove', path: '/x' }], { type: 'json' }),
      'PATCH',
      '/api/v1/namespaces/default/pods/web',
      'application/json-patch+json',
    ],
    [
      'patch (merge)',
      (c) => c.resource(Node).patch('n1', { spec: { unschedulable: true } }, { type: 'merge' }),
      'PATCH',
      '/api/v1/nodes/n1',
      'application/merge-patch+json',
    ],
    [
      'patch (strategic) of status',
      (c) =>
        c
          .resource(Pod)
          .namespace('default')
          .patch('web', { status: {} }, { type: 'strategic', subresource: 'status' }),
      'PATCH',
      '/api/v1/namespaces/default/pods/web/status',
      'application/strategic-merge-patch+json',
    ],
    [
      'patch (apply)',
      (c) =>
        c
          .resource(Deployment)
          .namespace('default')
          .patch('web', { spec: {} }, { type: 'apply', fieldManager: 'me', force: true }),
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/web?fieldManager=me&force=true',
      'application/apply-patch+yaml',
    ],
    [
      'delete',
      (c) => c.resource(Pod).namespace('default').delete('web'),
      'DELETE',
      '/api/v1/namespaces/default/pods/web',
      'application/json',
    ],
    [
      'deleteCollection',
      (c) => c.resource(Pod).namespace('default').deleteCollection({ labelSelector: 'app=web' }),
      'DELETE',
      '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb',
      'application/json',
    ],
    [
      'getSubresource',
      (c) => c.resource(Deployment).namespace('default').getSubresource('web', 'scale'),
      'GET',
      '/apis/apps/v1/namespaces/default/deployments/web/scale',
      undefined,
    ],
    [
      'createSubresource',
      (c) =>
        c
          .resource(Pod)
          .namespace('default')
          .createSubresource('web', 'binding', { target: { name: 'n1' } }),
      'POST',
      '/api/v1/namespaces/default/pods/web/binding',
      'application/json',
    ],
    [
      'updateSubresource',
      (c) =>
        c
          .resource(Deployment)
          .namespace('default')
          .updateSubresource('web', 'scale', { spec: { replicas: 3 } }),
      'PUT',
      '/apis/apps/v1/namespaces/default/deployments/web/scale',
      'application/json',
    ],
  ])('%s', async (_, call, method, path, contentType) => {
    const { client, requests } = fakeClient(() => respond(200, ok));
    await call(client);
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect([req?.method, req?.path]).toEqual([method, path]);
    expect(req?.headers).toEqual({
      accept: 'application/json',
      'user-agent': 'capstan-client',
      ...(contentType === undefined ? {} : { 'content-type': contentType }),
    });
    expect(req?.body === undefined).toBe(contentType === undefined);
  });

  it('sends objects with apiVersion and kind filled in, keeping those given', async () => {
    const { client, requests } = fakeClient(() => respond(201, ok));
    await client.resource(Pod).namespace('default').create(pod('a'));
    await client
      .resource(Deployment)
      .namespace('default')
      .update({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } } as never);
    expect(bodyOf(requests[0])).toEqual({ apiVersion: 'v1', kind: 'Pod', ...pod('a') });
    expect(bodyOf(requests[1])).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
    });
  });

  it('sends a string patch as it is and anything else as JSON', async () => {
    const { client, requests } = fakeClient(() => respond(200, ok));
    const pods = client.resource(Pod).namespace('default');
    await pods.patch('web', 'metadata:\n  labels: {a: b}\n', { type: 'apply', fieldManager: 'm' });
    await pods.patch('web', { metadata: { labels: { a: null } } }, { type: 'merge' });
    expect(new TextDecoder().decode(requests[0]?.body)).toBe('metadata:\n  labels: {a: b}\n');
    expect(bodyOf(requests[1])).toEqual({ metadata: { labels: { a: null } } });
  });

  it('sends delete options as a DeleteOptions body', async () => {
    const { client, requests } = fakeClient(() => respond(200, { kind: 'Status', status: 'Success' }));
    const result = await client
      .resource(Pod)
      .namespace('default')
      .delete('web', {
        propagationPolicy: 'Foreground',
        gracePeriodSeconds: 0,
        preconditions: { uid: 'u1', resourceVersion: '7' },
        dryRun: true,
      });
    expect(result).toEqual({ kind: 'Status', status: 'Success' });
    expect(bodyOf(requests[0])).toEqual({
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Foreground',
      gracePeriodSeconds: 0,
      preconditions: { uid: 'u1', resourceVersion: '7' },
      dryRun: ['All'],
    });
  });

  it('passes the abort signal to the transport', async () => {
    const { client, requests } = fakeClient(() => respond(200, ok));
    const signal = new AbortController().signal;
    await client.resource(Node).get('n1', { signal });
    expect(requests[0]?.signal).toBe(signal);
  });

  it('uses the configured user agent', async () => {
    const requests: TransportRequest[] = [];
    const client = createClient({
      userAgent: 'my-controller/1.0',
      transport: {
        request: async (req) => {
          requests.push(req);
          return respond(200, ok);
        },
      },
    });
    await client.resource(Node).get('n1');
    expect(requests[0]?.headers['user-agent']).toBe('my-controller/1.0');
  });
});

describe('client scope rules', () => {
  const { client, requests } = fakeClient(() => respond(200, {}));
  const pods = client.resource(Pod);
  it.each<[string, () => Promise<unknown>, string]>([
    ['get', () => pods.get('web'), 'get pods: pods are namespaced; call .namespace(ns) first'],
    ['delete', () => pods.delete('web'), 'delete pods: pods are namespaced; call .namespace(ns) first'],
    [
      'patch',
      () => pods.patch('web', {}, { type: 'merge' }),
      'patch pods: pods are namespaced; call .namespace(ns) first',
    ],
    [
      'deleteCollection',
      () => pods.deleteCollection(),
      'deleteCollection pods: pods are namespaced; call .namespace(ns) first',
    ],
    [
      'getSubresource',
      () => pods.getSubresource('web', 'status'),
      'getSubresource pods: pods are namespaced; call .namespace(ns) first',
    ],
    [
      'create without any namespace',
      () => pods.create({ metadata: { name: 'x' } } as never),
      'create pods: pods are namespaced; call .namespace(ns) first',
    ],
    [
      'update without a name',
      () => pods.namespace('default').update({ metadata: {} } as never),
      'update pods: the object has no metadata.name',
    ],
    [
      'an invalid name',
      () => pods.namespace('default').get('..'),
      `invalid resource name "..": may not be '..'`,
    ],
  ])('%s rejects with a TypeError', async (_, call, message) => {
    await expect(call()).rejects.toThrow(new TypeError(message));
    expect(requests).toHaveLength(0);
  });

  it('refuses a namespace on a cluster-scoped type, and an invalid namespace', () => {
    expect(() => client.resource(Node).namespace('default')).toThrow(
      new TypeError('nodes is cluster-scoped: it has no namespaces'),
    );
    expect(() => pods.namespace('')).toThrow(new TypeError('namespace may not be empty'));
  });
});

describe('client errors', () => {
  it('rejects with the Status the server sent', async () => {
    const status = ApiError.notFound({ resource: 'pods' }, 'web').toStatus();
    const { client } = fakeClient(() => respond(404, status));
    const err = await client
      .resource(Pod)
      .namespace('default')
      .get('web')
      .catch((e: unknown) => e);
    expect(isNotFound(err)).toBe(true);
    expect((err as ApiError).message).toBe('pods "web" not found');
  });

  it('rejects with a generic error for a body that is not a Status, naming the request', async () => {
    const { client } = fakeClient(() => respond(409, 'nope', { 'content-type': 'text/plain' }));
    const err = await client
      .resource(Pod)
      .create(pod('web'))
      .catch((e: unknown) => e);
    expect(ApiError.is(err, 'AlreadyExists')).toBe(true);
    expect((err as ApiError).message).toBe('the server reported a conflict (post pods web)');
  });

  it('rejects with a SyntaxError when a 2xx body is not JSON', async () => {
    const { client } = fakeClient(() => respond(200, '<html>'));
    await expect(client.resource(Node).get('n1')).rejects.toThrow(
      /^GET \/api\/v1\/nodes\/n1: the server answered 200 with a body that is not JSON/,
    );
  });

  it('passes transport failures through', async () => {
    const failure = new Error('connect ECONNREFUSED');
    const client = createClient({ transport: { request: () => Promise.reject(failure) } });
    await expect(client.resource(Node).list()).rejects.toBe(failure);
  });
});

describe('client types', () => {
  it('types results by the resource type', () => {
    const { client } = fakeClient(() => respond(200, {}));
    const pods = client.resource(Pod).namespace('default');
    expectTypeOf(pods.get).returns.resolves.toEqualTypeOf<Pod>();
    expectTypeOf(pods.create).parameter(0).toEqualTypeOf<Pod>();
    expectTypeOf(pods.delete).returns.resolves.toEqualTypeOf<Pod | Status>();
    expectTypeOf(client.resource(Deployment).list)
      .returns.resolves.toHaveProperty('items')
      .toEqualTypeOf<Deployment[]>();
  });
});

describe('client lists', () => {
  it('reads items: null as an empty list', async () => {
    const { client } = fakeClient(() => respond(200, { kind: 'PodList', metadata: {}, items: null }));
    expect((await client.resource(Pod).list()).items).toEqual([]);
  });

  it('fills in apiVersion and kind of list items', async () => {
    const { client } = fakeClient(() =>
      respond(200, {
        kind: 'DeploymentList',
        apiVersion: 'apps/v1',
        metadata: { resourceVersion: '5' },
        items: [{ metadata: { name: 'a' } }],
      }),
    );
    const list = await client.resource(Deployment).list();
    expect(list.items).toEqual([{ metadata: { name: 'a' }, apiVersion: 'apps/v1', kind: 'Deployment' }]);
  });

  const page = (names: string[], token?: string, rv = '9') => ({
    kind: 'PodList',
    apiVersion: 'v1',
    metadata: {
      resourceVersion: rv,
      ...(token === undefined ? {} : { continue: token, remainingItemCount: 1 }),
    },
    items: names.map((name) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name } })),
  });

  it('listAll follows continue tokens without sending resourceVersion beside them', async () => {
    const { client, requests } = fakeClient((req) => {
      const token = new URL(req.path, 'http://x').searchParams.get('continue');
      return respond(
        200,
        token === null ? page(['a', 'b'], 't1') : token === 't1' ? page(['c', 'd'], 't2', '99') : page(['e']),
      );
    });
    const list = await client
      .resource(Pod)
      .namespace('default')
      .listAll({ limit: 2, labelSelector: 'app=web', resourceVersion: '0' });
    expect(requests.map((r) => r.path)).toEqual([
      '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=2&resourceVersion=0',
      '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=2&continue=t1',
      '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&limit=2&continue=t2',
    ]);
    expect(list.items.map((p) => p.metadata.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(list.metadata).toEqual({ resourceVersion: '9' });
  });

  it('listAll pages by 500 unless told otherwise', async () => {
    const { client, requests } = fakeClient(() => respond(200, page(['a'])));
    await client.resource(Pod).listAll();
    expect(requests.map((r) => r.path)).toEqual(['/api/v1/pods?limit=500']);
  });

  it('listAll falls back to one unpaginated list when a continue token has expired', async () => {
    const expired = ApiError.expired('The provided continue parameter is too old').toStatus();
    const { client, requests } = fakeClient((req) => {
      if (req.path.includes('continue=')) return respond(410, expired);
      return respond(
        200,
        req.path.includes('limit=') ? page(['a'], 't1') : page(['a', 'b', 'c'], undefined, '20'),
      );
    });
    const list = await client.resource(Pod).listAll({ limit: 1 });
    expect(requests.map((r) => r.path)).toEqual([
      '/api/v1/pods?limit=1',
      '/api/v1/pods?limit=1&continue=t1',
      '/api/v1/pods',
    ]);
    expect(list.items.map((p) => p.metadata.name)).toEqual(['a', 'b', 'c']);
    expect(list.metadata.resourceVersion).toBe('20');
  });

  it('listAll passes other errors on', async () => {
    const { client } = fakeClient((req) =>
      req.path.includes('continue=')
        ? respond(403, ApiError.forbidden({ resource: 'pods' }, '', 'no').toStatus())
        : respond(200, page(['a'], 't1')),
    );
    await expect(client.resource(Pod).listAll()).rejects.toThrow('pods is forbidden: no');
  });
});

describe('client watches', () => {
  const added = {
    type: 'ADDED',
    object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'é€😀', resourceVersion: '3' } },
  };
  const bookmark = {
    type: 'BOOKMARK',
    object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: '4' } },
  };
  const expired = { type: 'ERROR', object: ApiError.tooOldResourceVersion(1, 3).toStatus() };
  const stream = encoder.encode([added, bookmark, expired].map((e) => JSON.stringify(e)).join('\n') + '\n');

  it('sends the watch query', async () => {
    const { client, requests } = fakeClient(() => respond(200, ''));
    await firstValueFrom(
      client
        .resource(Pod)
        .namespace('default')
        .watch({
          resourceVersion: '5',
          resourceVersionMatch: 'NotOlderThan',
          labelSelector: 'app=web',
          fieldSelector: 'spec.nodeName=n1',
          allowWatchBookmarks: true,
          sendInitialEvents: true,
          timeoutSeconds: 30,
        })
        .pipe(toArray()),
    );
    expect(requests[0]?.path).toBe(
      '/api/v1/namespaces/default/pods?watch=true&labelSelector=app%3Dweb&fieldSelector=spec.nodeName%3Dn1&resourceVersion=5&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&sendInitialEvents=true&timeoutSeconds=30',
    );
    expect(requests[0]?.headers.accept).toBe('application/json');
  });

  it('is cold: nothing is requested before a subscription, and each subscription is one request', async () => {
    const { client, requests } = fakeClient(() => ({ status: 200, headers: {}, body: chunks(stream) }));
    const events$ = client.resource(Pod).watch();
    expect(requests).toHaveLength(0);
    await firstValueFrom(events$.pipe(toArray()));
    await firstValueFrom(events$.pipe(toArray()));
    expect(requests.map((r) => r.path)).toEqual(['/api/v1/pods?watch=true', '/api/v1/pods?watch=true']);
  });

  it('delivers the same events however the stream is cut, ERROR events included, then completes', async () => {
    const cuts = [[1], [60], [61, 62, 63], [stream.length - 1], Array.from({ length: 20 }, (_, i) => i * 7)];
    for (const cut of cuts) {
      const parts = [0, ...cut, stream.length]
        .slice(1)
        .map((end, i, ends) => stream.subarray(i === 0 ? 0 : ends[i - 1], end));
      const { client } = fakeClient(() => ({ status: 200, headers: {}, body: chunks(...parts) }));
      const events = await firstValueFrom(client.resource(Pod).watch().pipe(toArray()));
      expect(events).toEqual([added, bookmark, expired]);
    }
  });

  it('types the events', async () => {
    const { client } = fakeClient(() => ({ status: 200, headers: {}, body: chunks(stream) }));
    const events: WatchEvent<Pod>[] = await firstValueFrom(client.resource(Pod).watch().pipe(toArray()));
    const names = events.map((e) =>
      e.type === 'ADDED' ? e.object.metadata.name : e.object.metadata?.resourceVersion,
    );
    expect(names).toEqual(['é€😀', '4', undefined]);
    const last = events[2];
    expect(last?.type === 'ERROR' && isResourceExpired(last.object)).toBe(true);
  });

  it('errors with the ApiError when the watch is refused', async () => {
    const { client } = fakeClient(() => respond(410, ApiError.tooOldResourceVersion(1, 3).toStatus()));
    const err = await firstValueFrom(client.resource(Pod).watch({ resourceVersion: '1' })).catch(
      (e: unknown) => e,
    );
    expect(isResourceExpired(err)).toBe(true);
    expect((err as ApiError).message).toBe('too old resource version: 1 (3)');
  });

  it.each([
    ['invalid JSON', '{"type":"ADDED",\n', /invalid JSON in a JSON stream/],
    ['an unknown event type', '{"type":"CHANGED","object":{}}\n', /got invalid watch event type: "CHANGED"/],
    ['an event without object', '{"type":"ADDED"}\n', /watch event ADDED has no object/],
    ['a line that is no object', '[1]\n', /a watch event must be a JSON object/],
  ])('errors with a SyntaxError on %s, after the events before it', async (_, bad, message) => {
    const { client } = fakeClient(() => ({
      status: 200,
      headers: {},
      body: chunks(`${JSON.stringify(added)}\n`, bad),
    }));
    const seen: unknown[] = [];
    const err = await new Promise((resolve) =>
      client
        .resource(Pod)
        .watch()
        .subscribe({ next: (e) => seen.push(e), error: resolve, complete: () => resolve('completed') }),
    );
    expect(seen).toEqual([added]);
    expect(err).toBeInstanceOf(SyntaxError);
    expect((err as Error).message).toMatch(message);
  });

  /** endlessWatch answers with one event, then (like a socket) nothing until the request is aborted. */
  function endlessWatch() {
    const state = { signal: undefined as AbortSignal | undefined, bodyEnded: false };
    async function* endless(signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
      try {
        yield encoder.encode(`${JSON.stringify(added)}\n`);
        await new Promise((_, reject) => {
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason));
        });
      } finally {
        state.bodyEnded = true;
      }
    }
    const { client } = fakeClient((req) => {
      state.signal = req.signal;
      return { status: 200, headers: {}, body: endless(req.signal) };
    });
    return { client, state };
  }

  it('aborts the request when the subscriber unsubscribes, and reports nothing after', async () => {
    const { client, state } = endlessWatch();
    const reported: string[] = [];
    const subscription = client
      .resource(Pod)
      .watch()
      .subscribe({
        next: (e) => reported.push(e.type),
        error: () => reported.push('error'),
        complete: () => reported.push('complete'),
      });
    await vi.waitFor(() => expect(reported).toEqual(['ADDED']), { timeout: 1000, interval: 5 });
    expect(state.signal?.aborted).toBe(false);
    subscription.unsubscribe();
    expect(state.signal?.aborted).toBe(true);
    await vi.waitFor(() => expect(state.bodyEnded).toBe(true), { timeout: 1000, interval: 5 });
    expect(reported).toEqual(['ADDED']);
  });

  it('aborts the request when an operator unsubscribes from inside next', async () => {
    const { client, state } = endlessWatch();
    const events = await firstValueFrom(client.resource(Pod).watch().pipe(take(1), toArray()));
    expect(events).toEqual([added]);
    expect(state.signal?.aborted).toBe(true);
    await vi.waitFor(() => expect(state.bodyEnded).toBe(true), { timeout: 1000, interval: 5 });
  });

  it('aborts the request when unsubscribed before the response arrives', async () => {
    const { client, state } = endlessWatch();
    client.resource(Pod).watch().subscribe().unsubscribe();
    expect(state.signal?.aborted).toBe(true);
  });
});

describe('client.resourceFor', () => {
  it('finds built-in kinds by apiVersion and kind', async () => {
    const { client, requests } = fakeClient(() => respond(200, {}));
    await client.resourceFor({ apiVersion: 'apps/v1', kind: 'Deployment' }).namespace('a').get('d');
    await client.resourceFor({ apiVersion: 'v1', kind: 'Node' }).get('n');
    expect(requests.map((r) => r.path)).toEqual([
      '/apis/apps/v1/namespaces/a/deployments/d',
      '/api/v1/nodes/n',
    ]);
  });

  it('finds kinds of the given registry, and refuses unknown kinds', async () => {
    const Widget = defineResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      namespaced: false,
      schema: (await import('zod')).z.object({}),
    });
    const transport: Transport = { request: async () => respond(200, {}) };
    const client = createClient({ transport, registry: new ResourceRegistry([Widget]) });
    expect(client.resourceFor({ apiVersion: 'example.com/v1', kind: 'Widget' }).type).toBe(Widget);
    expect(() => client.resourceFor({ apiVersion: 'v1', kind: 'Pod' })).toThrow(
      "the client's registry has no resource of kind Pod in v1; pass a registry that holds it to createClient",
    );
  });
});
