import { request as httpRequest } from 'node:http';
import { ConfigMap, createClient, httpTransport, Pod, type WatchEvent } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiServer, createApiServer } from './api-server.js';
import type { HttpListener } from './http-listener.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listening(): Promise<{ server: ApiServer; listener: HttpListener; store: MemoryStore }> {
  const store = new MemoryStore({ compaction: false, progressIntervalMs: 50 });
  const server = createApiServer({ store });
  const listener = await server.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(async () => {
    await server.close();
    await store.close();
  });
  return { server, listener, store };
}

/** raw sends one HTTP request and returns the status, headers and body text. */
function raw(url: string, method: string, path: string, body?: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
  }>((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('API server over HTTP', () => {
  it('serves the typed client over real sockets, watches included', async () => {
    const { listener } = await listening();
    expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createClient({ transport: httpTransport({ server: listener.url }) });
    const configMaps = client.resource(ConfigMap).namespace('default');
    const events = firstValueFrom(configMaps.watch({ timeoutSeconds: 10 }).pipe(take(2), toArray()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await configMaps.create({ metadata: { name: 'a' }, data: { k: 'v' } });
    await configMaps.patch('a', { data: { k: 'w' } }, { type: 'merge' });
    const [added, modified] = (await events) as WatchEvent<{ data?: Record<string, string> }>[];
    expect(added?.type).toBe('ADDED');
    expect(modified).toMatchObject({ type: 'MODIFIED', object: { data: { k: 'w' } } });
    expect((await configMaps.list()).items).toHaveLength(1);
  });

  it('streams a watch with chunked encoding and stops watching when the client disconnects', async () => {
    const { server, listener } = await listening();
    const storage = server.storage(Pod);
    const url = new URL(`${listener.url}/api/v1/namespaces/default/pods?watch=true`);
    const lines: string[] = [];
    const closed = new Promise<void>((resolve, reject) => {
      const req = httpRequest(url, (res) => {
        expect(res.headers['transfer-encoding']).toBe('chunked');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          lines.push(...chunk.split('\n').filter((l) => l !== ''));
          if (lines.length === 1) req.destroy();
        });
      });
      req.on('close', resolve);
      req.on('error', reject);
      req.end();
    });
    const deadline = Date.now() + 2000;
    while (storage.watchCache.stats().watchers === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(storage.watchCache.stats().watchers).toBe(1);
    const created = await raw(
      listener.url,
      'POST',
      '/api/v1/namespaces/default/pods',
      Buffer.from(
        JSON.stringify({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
      ),
      { 'content-type': 'application/json' },
    );
    expect(created.status).toBe(201);
    await closed;
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'p' } } });
    while (storage.watchCache.stats().watchers > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(storage.watchCache.stats().watchers).toBe(0);
  });

  it('answers bodies over 3 MiB with 413 and Warning headers as separate header lines', async () => {
    const { listener } = await listening();
    const big = Buffer.alloc(3 * 1024 * 1024 + 1, 'x');
    const tooLarge = await raw(listener.url, 'POST', '/api/v1/namespaces/default/configmaps', big, {
      'content-type': 'application/json',
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.text)).toMatchObject({
      kind: 'Status',
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: limit is 3145728',
    });
    const warned = await raw(
      listener.url,
      'POST',
      '/api/v1/namespaces/default/configmaps',
      Buffer.from('{"metadata":{"name":"w"},"x":1,"y":2}'),
      { 'content-type': 'application/json' },
    );
    expect(warned.status).toBe(201);
    expect(warned.headers.warning).toBe('299 - "unknown field \\"x\\"", 299 - "unknown field \\"y\\""');
  });
});
