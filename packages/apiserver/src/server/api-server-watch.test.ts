import { MemoryStore } from '@capstan/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiServerOptions } from './api-server.js';
import { startTestServer, type TestServer, WatchReader } from './test-kit.js';

const servers: TestServer[] = [];
const readers: WatchReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.close();
  for (const s of servers.splice(0)) await s.close();
});

async function start(options: Partial<ApiServerOptions> = {}): Promise<TestServer> {
  const s = await startTestServer(new MemoryStore({ compaction: false, progressIntervalMs: 50 }), options);
  servers.push(s);
  return s;
}

async function watch(s: TestServer, path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await s.open('GET', path, { headers, signal: controller.signal });
  const reader = new WatchReader(response);
  readers.push(reader);
  return { response, reader, abort: () => controller.abort() };
}

const configMap = (name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}) => ({
  metadata: { name, labels },
  data,
});

describe('API server watches', () => {
  it('streams ADDED, MODIFIED and DELETED as JSON lines', async () => {
    const s = await start();
    await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('before') });
    const { response, reader } = await watch(s, '/api/v1/namespaces/default/configmaps?watch=true');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(await reader.next()).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'before' } } });
    const created = await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('cm') });
    expect(await reader.next()).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'cm' } } });
    const patched = await s.call('PATCH', '/api/v1/namespaces/default/configmaps/cm', {
      body: { data: { a: '1' } },
      contentType: 'application/merge-patch+json',
    });
    expect(patched.status).toBe(200);
    const modified = await reader.next();
    expect(modified).toMatchObject({ type: 'MODIFIED', object: { data: { a: '1' } } });
    expect(Number(modified.object.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.json.metadata.resourceVersion),
    );
    await s.call('DELETE', '/api/v1/namespaces/default/configmaps/cm');
    expect(await reader.next()).toMatchObject({ type: 'DELETED', object: { metadata: { name: 'cm' } } });
  });

  it('sends the initial events, then the initial-events-end bookmark', async () => {
    const s = await start();
    await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('a') });
    await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('b') });
    const { reader } = await watch(
      s,
      '/api/v1/namespaces/default/configmaps?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true',
    );
    expect((await reader.next()).object.metadata.name).toBe('a');
    expect((await reader.next()).object.metadata.name).toBe('b');
    const bookmark = await reader.next();
    expect(bookmark).toMatchObject({
      type: 'BOOKMARK',
      object: { kind: 'ConfigMap', metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
  });

  it('sends periodic bookmarks only to watchers that allow them', async () => {
    const s = await start({ watchCache: { bookmarkIntervalMs: 100 } });
    const withBookmarks = await watch(
      s,
      '/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true',
    );
    const bookmark = await withBookmarks.reader.next();
    expect(bookmark).toMatchObject({ type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1' } });
    expect(Number(bookmark.object.metadata.resourceVersion)).toBeGreaterThan(0);
    const without = await watch(s, '/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1');
    expect(await without.reader.next(3000)).toBeUndefined();
  });

  it('answers a watch from a revision the cache no longer holds with a 410 ERROR event', async () => {
    const s = await start();
    for (let i = 0; i < 3; i++) {
      await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap(`cm${i}`) });
    }
    const list = await s.call('GET', '/api/v1/namespaces/default/configmaps');
    await s.store.compact(Number(list.json.metadata.resourceVersion));
    const { response, reader } = await watch(
      s,
      '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1',
    );
    expect(response.status).toBe(200);
    const error = await reader.next();
    expect(error).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    expect(await reader.next()).toBeUndefined();
  });

  it('watches one object through the legacy /watch/ path', async () => {
    const s = await start();
    const { reader } = await watch(s, '/api/v1/watch/namespaces/default/configmaps/only');
    await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('other') });
    await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('only') });
    expect(await reader.next()).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'only' } } });
    const mismatch = await s.call(
      'GET',
      '/api/v1/watch/namespaces/default/configmaps/only?fieldSelector=metadata.name%3Dother',
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.message).toBe("fieldSelector metadata.name doesn't match requested name");
  });

  it('turns an object leaving the label selector into DELETED for that watcher', async () => {
    const s = await start();
    await s.call('POST', '/api/v1/namespaces/default/configmaps', {
      body: configMap('cm', {}, { app: 'x' }),
    });
    const { reader } = await watch(
      s,
      '/api/v1/namespaces/default/configmaps?watch=true&labelSelector=app%3Dx',
    );
    expect((await reader.next()).type).toBe('ADDED');
    await s.call('PATCH', '/api/v1/namespaces/default/configmaps/cm', {
      body: { metadata: { labels: { app: 'y' } } },
      contentType: 'application/merge-patch+json',
    });
    // As Kubernetes: the last state the watcher could see, at the revision of the change.
    const deleted = await reader.next();
    expect(deleted).toMatchObject({ type: 'DELETED', object: { metadata: { labels: { app: 'x' } } } });
  });

  it('ends at timeoutSeconds, when the request is aborted, and when the server closes', async () => {
    const s = await start();
    const timed = await watch(s, '/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1');
    expect(await timed.reader.next(3000)).toBeUndefined();

    const aborted = await watch(s, '/api/v1/namespaces/default/configmaps?watch=true');
    aborted.abort();
    expect(await aborted.reader.next(1000)).toBeUndefined();

    const open = await watch(s, '/api/v1/namespaces/default/configmaps?watch=true');
    await s.server.close();
    expect(await open.reader.next(1000)).toBeUndefined();
  });

  it('streams Tables to kubectl get -w, with column definitions on the first event only', async () => {
    const s = await start();
    await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('a', { k: 'v' }) });
    const { response, reader } = await watch(s, '/api/v1/namespaces/default/configmaps?watch=true', {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(response.headers['content-type']).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    const first = await reader.next();
    expect(first.object.kind).toBe('Table');
    expect(first.object.columnDefinitions.map((c: { name: string }) => c.name)).toEqual([
      'Name',
      'Data',
      'Age',
    ]);
    expect(first.object.rows[0].cells.slice(0, 2)).toEqual(['a', 1]);
    await s.call('POST', '/api/v1/namespaces/default/configmaps', { body: configMap('b') });
    const second = await reader.next();
    expect(second.object.columnDefinitions).toEqual([]);
    expect(second.object.rows[0].cells[0]).toBe('b');
  });
});
