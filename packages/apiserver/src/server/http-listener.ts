import { once } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse as NodeResponse,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '@capstan/core';
import { errorResponse } from './error-response.js';
import { type ServerRequest, serverRequest } from './server-request.js';
import type { ServerResponse } from './server-response.js';

/** ListenOptions say where {@link listenHttp} listens: port 0 picks a free one. */
export interface ListenOptions {
  readonly port?: number;
  readonly host?: string;
}

/** HttpListener is a listening node:http server serving an API server's handler. */
export interface HttpListener {
  /** The base URL, e.g. `http://127.0.0.1:6443`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /**
   * close stops accepting connections, closes idle ones, and resolves once every open connection
   * has ended (open watches must be ended by the caller first; after `graceMs` the remaining
   * connections are cut).
   */
  close(graceMs?: number): Promise<void>;
}

/** HttpListenerOptions configure {@link listenHttp}. */
export interface HttpListenerOptions extends ListenOptions {
  /** The handler every request goes to. */
  readonly handler: (request: ServerRequest) => Promise<ServerResponse>;
  /** The largest request body read; larger ones are answered 413 without reading them (default 3 MiB). */
  readonly maxRequestBodyBytes: number;
}

/**
 * listenHttp serves `handler` over HTTP/1.1 with node:http.
 *
 * Guarantees: a request body is read completely before the handler runs, up to
 * `maxRequestBodyBytes` — a larger one (by `Content-Length` or as it arrives) is answered with a
 * 413 `RequestEntityTooLarge` Status and the connection is closed; a streamed response body (a
 * watch) is sent with chunked encoding, headers at once and each chunk as soon as it is produced,
 * waiting for the socket to drain when it is full; when the client goes away, the request's signal
 * aborts, which ends a watch and frees its resources. A handler that throws is answered with a 500
 * Status and the server keeps serving.
 */
export async function listenHttp(options: HttpListenerOptions): Promise<HttpListener> {
  const server = createServer({ keepAlive: true }, (req, res) => {
    serve(req, res, options).catch(() => res.destroy());
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    host: address.address,
    port: address.port,
    close: (graceMs = 5000) => closeServer(server, graceMs),
  };
}

async function serve(req: IncomingMessage, res: NodeResponse, options: HttpListenerOptions): Promise<void> {
  const controller = new AbortController();
  // The client went away before the response was complete (a watch it stopped reading).
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const limit = options.maxRequestBodyBytes;
  const body = await readBody(req, limit);
  if (body === undefined) {
    const tooLarge = errorResponse(ApiError.requestEntityTooLarge(`limit is ${limit}`), req.headers.accept);
    res.shouldKeepAlive = false;
    await send(res, tooLarge);
    req.resume();
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  let response: ServerResponse;
  try {
    response = await options.handler(
      serverRequest({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        body,
        signal: controller.signal,
      }),
    );
  } catch (err) {
    response = errorResponse(err, headers.accept);
  }
  await send(res, response);
}

/** readBody reads a request body, or returns undefined (leaving the rest unread) when it exceeds `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

async function send(res: NodeResponse, response: ServerResponse): Promise<void> {
  const { body } = response;
  if (body instanceof Uint8Array) {
    res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
    res.end(body);
    return;
  }
  res.writeHead(response.status, response.headers);
  res.flushHeaders();
  const closed = once(res, 'close').then(() => 'closed' as const);
  try {
    for await (const chunk of body) {
      if (res.destroyed) break;
      if (!res.write(chunk)) {
        const outcome = await Promise.race([once(res, 'drain').then(() => 'drained' as const), closed]);
        if (outcome === 'closed') break;
      }
    }
  } finally {
    if (!res.destroyed) res.end();
  }
}

async function closeServer(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  timer.unref();
  try {
    await closed;
  } finally {
    clearTimeout(timer);
  }
}
