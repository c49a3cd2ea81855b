import type { Store, TransportResponse } from '@capstan/core';
import { type ApiServer, type ApiServerOptions, createApiServer } from './api-server.js';

/** ParsedJson is what `JSON.parse` returns: a value tests may index freely. */
export type ParsedJson = ReturnType<typeof JSON.parse>;

/** Reply is a response read to its end, for tests. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly bytes: Uint8Array;
  readonly text: string;
  /** The body parsed as JSON, typed as `JSON.parse` types it (undefined when it is not JSON). */
  readonly json: ParsedJson;
}

/** CallOptions are the optional parts of a test request. */
export interface CallOptions {
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

/** TestServer is an API server over a test's store, with helpers to call it in-process. */
export interface TestServer {
  readonly server: ApiServer;
  readonly store: Store;
  /** call sends a request through `server.request` and reads the whole response. */
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** open sends a request and returns the response with its body unread (watches). */
  open(method: string, path: string, options?: CallOptions): Promise<TransportResponse>;
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * startTestServer starts an API server over `store` and waits until it is ready; `close` closes
 * both. Bodies that are not strings or bytes are sent as JSON. (Tests only: the package itself
 * never starts one.)
 */
export async function startTestServer(
  store: Store,
  options: Partial<ApiServerOptions> = {},
): Promise<TestServer> {
  const server = createApiServer({ store, ...options });
  await server.ready;
  const open = (method: string, path: string, call: CallOptions = {}) => {
    const headers: Record<string, string> = { ...call.headers };
    let body: Uint8Array | undefined;
    if (call.body !== undefined) {
      body =
        call.body instanceof Uint8Array
          ? call.body
          : encoder.encode(typeof call.body === 'string' ? call.body : JSON.stringify(call.body));
      headers['content-type'] = call.contentType ?? 'application/json';
    }
    return server.request({
      method,
      path,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(call.signal === undefined ? {} : { signal: call.signal }),
    });
  };
  return {
    server,
    store,
    open,
    call: async (method, path, call) => readReply(await open(method, path, call)),
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** readReply reads a response to its end. */
export async function readReply(response: TransportResponse): Promise<Reply> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body) chunks.push(chunk);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  const text = decoder.decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, bytes, text, json };
}

/**
 * WatchReader reads the JSON lines of a watch response one event at a time, each read bounded by
 * a timeout.
 */
export class WatchReader {
  readonly #iterator: AsyncIterator<Uint8Array>;
  #pending = '';
  readonly #lines: string[] = [];

  constructor(response: TransportResponse) {
    this.#iterator = response.body[Symbol.asyncIterator]();
  }

  /** next returns the next event, or undefined when the stream ended; it throws after `timeoutMs`. */
  async next(timeoutMs = 3000): Promise<ParsedJson> {
    const deadline = Date.now() + timeoutMs;
    while (this.#lines.length === 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error('timed out waiting for a watch event');
      let timer: NodeJS.Timeout | undefined;
      const step = await Promise.race([
        this.#iterator.next(),
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), remaining);
        }),
      ]);
      clearTimeout(timer);
      if (step === 'timeout') throw new Error('timed out waiting for a watch event');
      if (step.done) return undefined;
      this.#pending += decoder.decode(step.value, { stream: true });
      const parts = this.#pending.split('\n');
      this.#pending = parts.pop() ?? '';
      this.#lines.push(...parts.filter((line) => line.trim() !== ''));
    }
    return JSON.parse(this.#lines.shift()!);
  }

  /** close stops reading. */
  async close(): Promise<void> {
    await this.#iterator.return?.();
  }
}
