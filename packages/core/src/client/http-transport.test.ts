import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { firstValueFrom, take, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Pod } from '../resources/core-v1.js';
import { readText } from './body-text.js';
import { createClient } from './client.js';
import { type HttpTransport, httpTransport } from './http-transport.js';
import { createTestCertificates, type TestCertificates } from './test-certificates.js';

const waitFor = { timeout: 2000, interval: 5 };

async function listen(server: http.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function stop(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('httpTransport over HTTP', () => {
  let connections = 0;
  const received: string[] = [];
  const closed: string[] = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    received.push(url);
    res.on('close', () => closed.push(url));
    if (url.startsWith('/prefix/echo')) {
      const parts: Buffer[] = [];
      req.on('data', (chunk: Buffer) => parts.push(chunk));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-repeated', ['a', 'b']);
        res.end(
          JSON.stringify({
            method: req.method,
            url,
            headers: req.headers,
            body: Buffer.concat(parts).toString(),
          }),
        );
      });
    } else if (url.startsWith('/prefix/stream')) {
      // One line now, then nothing until the client goes away.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"n":1}\n');
    } else if (url.startsWith('/prefix/hang')) {
      // No answer at all.
    } else if (url.startsWith('/prefix/api/v1/pods?watch=true')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const event = Buffer.from(
        `${JSON.stringify({ type: 'ADDED', object: { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'ü€' } } })}\n`,
      );
      const euro = event.indexOf(Buffer.from('€'));
      res.write(event.subarray(0, euro + 1)); // cut inside the euro sign
      setTimeout(() => res.write(Buffer.concat([event.subarray(euro + 1), event])), 20);
    } else {
      res.writeHead(404).end();
    }
  });
  server.on('connection', () => {
    connections++;
  });
  let port = 0;
  let transport: HttpTransport;

  beforeAll(async () => {
    port = await listen(server);
    transport = httpTransport({ server: `http://127.0.0.1:${port}/prefix/`, token: 's3cret' });
  });
  afterAll(async () => {
    transport.close();
    await stop(server);
  });

  const echo = async (
    t: HttpTransport,
    init: { headers?: Record<string, string>; body?: string; method?: string } = {},
  ) => {
    const res = await t.request({
      method: init.method ?? 'GET',
      path: '/echo?x=1',
      headers: init.headers ?? {},
      ...(init.body === undefined ? {} : { body: new TextEncoder().encode(init.body) }),
    });
    return { res, echoed: JSON.parse(await readText(res.body)) };
  };

  it('sends the method, path under the base path, headers, bearer token and body', async () => {
    const { res, echoed } = await echo(transport, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ua/1' },
      body: '{"é":1}',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-repeated']).toBe('a, b');
    expect(echoed).toMatchObject({ method: 'POST', url: '/prefix/echo?x=1', body: '{"é":1}' });
    expect(echoed.headers).toMatchObject({
      authorization: 'Bearer s3cret',
      'content-type': 'application/json',
      'content-length': '8',
      'user-agent': 'ua/1',
      connection: 'keep-alive',
    });
  });

  it('sends a default user agent, or the configured one instead of the request’s', async () => {
    const configured = httpTransport({ server: `http://127.0.0.1:${port}/prefix`, userAgent: 'mine/2' });
    try {
      expect((await echo(transport)).echoed.headers['user-agent']).toMatch(/^capstan \(node\/\d+/);
      const { echoed } = await echo(configured, { headers: { 'user-agent': 'ua/1' } });
      expect(echoed.headers['user-agent']).toBe('mine/2');
      expect(echoed.headers.authorization).toBeUndefined();
    } finally {
      configured.close();
    }
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    await echo(transport);
    const before = connections;
    for (let i = 0; i < 10; i++) await echo(transport);
    expect(connections).toBe(before);
  });

  it('serves many concurrent requests', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => echo(transport)));
    expect(results.every((r) => r.res.status === 200)).toBe(true);
  });

  it('streams a body as it arrives, and an abort closes the connection', async () => {
    const abort = new AbortController();
    const res = await transport.request({
      method: 'GET',
      path: '/stream',
      headers: {},
      signal: abort.signal,
    });
    const iterator = res.body[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(new TextDecoder().decode(first.value)).toBe('{"n":1}\n');
    const pending = iterator.next();
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(closed).toContain('/prefix/stream'), waitFor);
  });

  it('rejects with the AbortError when aborted before the response', async () => {
    const abort = new AbortController();
    const pending = transport.request({ method: 'GET', path: '/hang', headers: {}, signal: abort.signal });
    await vi.waitFor(() => expect(received).toContain('/prefix/hang'), waitFor);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(closed).toContain('/prefix/hang'), waitFor);
  });

  it('runs a client watch: events cut anywhere arrive whole, and unsubscribing closes the connection', async () => {
    const client = createClient({ transport });
    const events = await firstValueFrom(client.resource(Pod).watch().pipe(take(2), toArray()));
    expect(events.map((e) => [e.type, e.type === 'ADDED' ? e.object.metadata.name : undefined])).toEqual([
      ['ADDED', 'ü€'],
      ['ADDED', 'ü€'],
    ]);
    await vi.waitFor(() => expect(closed).toContain('/prefix/api/v1/pods?watch=true'), waitFor);
  });

  it('rejects with an error naming the URL when the server cannot be reached', async () => {
    const gone = http.createServer();
    const gonePort = await listen(gone);
    await stop(gone);
    const unreachable = httpTransport({ server: `http://127.0.0.1:${gonePort}` });
    const err = await unreachable
      .request({ method: 'GET', path: '/x', headers: {} })
      .catch((e: unknown) => e);
    unreachable.close();
    expect((err as Error).message).toBe(
      `GET http://127.0.0.1:${gonePort}/x: connect ECONNREFUSED 127.0.0.1:${gonePort}`,
    );
    expect((err as Error & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
  });

  it.each([
    [{ server: 'not a url' }, 'httpTransport: server "not a url" is not a URL'],
    [{ server: 'ftp://host' }, 'httpTransport: server ftp://host must be an http: or https: URL'],
    [
      { server: 'https://h', clientCert: 'c' },
      'httpTransport: clientCert and clientKey must be given together',
    ],
    [
      { server: 'http://h', clientCert: 'c', clientKey: 'k' },
      'httpTransport: a client certificate needs an https server, not http://h',
    ],
  ])('refuses %j', (options, message) => {
    expect(() => httpTransport(options)).toThrow(new TypeError(message));
  });
});

describe('httpTransport over HTTPS', () => {
  let certs: TestCertificates | string;
  let server: https.Server;
  let port = 0;
  const opened: HttpTransport[] = [];

  beforeAll(async () => {
    certs = createTestCertificates();
    if (typeof certs === 'string') return;
    server = https.createServer(
      {
        key: certs.serverKey,
        cert: certs.serverCert,
        ca: certs.ca,
        requestCert: true,
        rejectUnauthorized: false,
      },
      (req, res) => {
        const socket = req.socket as TLSSocket;
        const peer = socket.getPeerCertificate();
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ authorized: socket.authorized, user: peer.subject?.CN ?? null }));
      },
    );
    port = await listen(server);
  });
  afterAll(async () => {
    for (const t of opened) t.close();
    if (typeof certs === 'object') {
      await stop(server);
      certs.remove();
    }
  });

  const whoAmI = async (options: Omit<Parameters<typeof httpTransport>[0], 'server'>, host = '127.0.0.1') => {
    const t = httpTransport({ server: `https://${host}:${port}`, ...options });
    opened.push(t);
    const res = await t.request({ method: 'GET', path: '/', headers: {} });
    return JSON.parse(await readText(res.body));
  };

  it('authenticates with a client certificate and verifies the server against the CA', async (ctx) => {
    if (typeof certs === 'string') return ctx.skip(certs);
    const { ca, clientCert, clientKey } = certs;
    expect(await whoAmI({ ca, clientCert, clientKey })).toEqual({ authorized: true, user: 'alice' });
    expect(await whoAmI({ ca: new TextEncoder().encode(ca), clientCert, clientKey }, 'localhost')).toEqual({
      authorized: true,
      user: 'alice',
    });
  });

  it('connects without a client certificate, unauthenticated', async (ctx) => {
    if (typeof certs === 'string') return ctx.skip(certs);
    expect(await whoAmI({ ca: certs.ca })).toEqual({ authorized: false, user: null });
  });

  it('refuses a server its CAs do not vouch for, unless told to skip verification', async (ctx) => {
    if (typeof certs === 'string') return ctx.skip(certs);
    // Node sends the CA along with the server certificate, so the chain ends in an unknown self-signed root.
    await expect(whoAmI({})).rejects.toMatchObject({ cause: { code: 'SELF_SIGNED_CERT_IN_CHAIN' } });
    expect(await whoAmI({ insecureSkipTLSVerify: true })).toEqual({ authorized: false, user: null });
  });

  it('verifies the server certificate against tlsServerName', async (ctx) => {
    if (typeof certs === 'string') return ctx.skip(certs);
    expect(await whoAmI({ ca: certs.ca, tlsServerName: 'localhost' })).toEqual({
      authorized: false,
      user: null,
    });
    await expect(whoAmI({ ca: certs.ca, tlsServerName: 'other.example' })).rejects.toMatchObject({
      cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    });
  });
});
