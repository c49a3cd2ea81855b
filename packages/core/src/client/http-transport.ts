import http from 'node:http';
import https from 'node:https';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** HttpTransportOptions says where an API server is and how to authenticate to it. */
export interface HttpTransportOptions {
  /** Base URL, `https://host:port` or `http://host:port`, optionally with a path prefix. */
  readonly server: string;
  /** Bearer token sent as `Authorization: Bearer <token>` on every request. */
  readonly token?: string;
  /** PEM client certificate (chain) for TLS client authentication; needs {@link clientKey}. */
  readonly clientCert?: string | Uint8Array;
  /** PEM private key of {@link clientCert}. */
  readonly clientKey?: string | Uint8Array;
  /** PEM certificate authorities that sign the server's certificate, instead of the system's. */
  readonly ca?: string | Uint8Array;
  /** Accept any server certificate. Only for tests and throwaway clusters. */
  readonly insecureSkipTLSVerify?: boolean;
  /** Name to send as SNI and verify the server certificate against, instead of the URL's host. */
  readonly tlsServerName?: string;
  /** User-Agent for every request, replacing the one the client sent. */
  readonly userAgent?: string;
}

/** HttpTransport is a {@link Transport} over HTTP(S) that owns a pool of keep-alive connections. */
export interface HttpTransport extends Transport {
  /** The server's base URL, as given. */
  readonly server: string;
  /** close destroys every pooled connection and ends requests still in flight. */
  close(): void;
}

const DEFAULT_USER_AGENT = `capstan (node/${process.versions.node} ${process.platform}/${process.arch})`;

/**
 * httpTransport returns a {@link Transport} that sends requests to `options.server` with
 * `node:http` or `node:https`. It keeps connections alive and reuses them, allows any number of
 * concurrent requests, streams response bodies as they arrive, and aborts a request (closing its
 * connection) when the request's signal fires. Connection failures reject with an `Error` naming
 * the method and URL (the original error as `cause`); an abort rejects with the `AbortError`.
 * It throws a `TypeError` at once for a URL that is not http(s) or a certificate without a key.
 */
export function httpTransport(options: HttpTransportOptions): HttpTransport {
  const url = parseServer(options.server);
  const secure = url.protocol === 'https:';
  const hasCert = options.clientCert !== undefined;
  if (hasCert !== (options.clientKey !== undefined)) {
    throw new TypeError('httpTransport: clientCert and clientKey must be given together');
  }
  if (hasCert && !secure) {
    throw new TypeError(`httpTransport: a client certificate needs an https server, not ${options.server}`);
  }
  const agent = secure
    ? new https.Agent({ keepAlive: true, ...tlsOptions(options) })
    : new http.Agent({ keepAlive: true });
  const request = secure ? https.request : http.request;
  // URL keeps the brackets of an IPv6 host; node:http wants the bare address.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const basePath = url.pathname.replace(/\/+$/, '');
  const authorization = options.token === undefined ? undefined : `Bearer ${options.token}`;

  return {
    server: options.server,
    close: () => agent.destroy(),
    request: (req: TransportRequest) =>
      new Promise<TransportResponse>((resolve, reject) => {
        const headers: Record<string, string> = { ...req.headers };
        headers['user-agent'] = options.userAgent ?? headers['user-agent'] ?? DEFAULT_USER_AGENT;
        if (authorization !== undefined) headers.authorization = authorization;
        if (req.body !== undefined) headers['content-length'] = String(req.body.byteLength);
        const outgoing = request(
          {
            agent,
            hostname,
            port,
            method: req.method,
            path: basePath + req.path,
            headers,
            ...(req.signal === undefined ? {} : { signal: req.signal }),
          },
          (res) =>
            resolve({
              status: res.statusCode ?? 0,
              headers: flattenHeaders(res.headers),
              body: streamBody(res, req.signal),
            }),
        );
        outgoing.on('error', (err) => {
          reject(
            err.name === 'AbortError'
              ? err
              : new Error(`${req.method} ${url.origin}${basePath}${req.path}: ${err.message}`, {
                  cause: err,
                }),
          );
        });
        outgoing.end(req.body);
      }),
  };
}

/** streamBody yields the response's chunks; once the request is aborted it throws the abort reason. */
async function* streamBody(
  res: http.IncomingMessage,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  try {
    yield* res;
  } catch (err) {
    throw signal?.aborted ? signal.reason : err;
  }
}

function parseServer(server: string): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new TypeError(`httpTransport: server ${JSON.stringify(server)} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`httpTransport: server ${server} must be an http: or https: URL`);
  }
  return url;
}

function tlsOptions(options: HttpTransportOptions): https.AgentOptions {
  const tls: https.AgentOptions = { rejectUnauthorized: options.insecureSkipTLSVerify !== true };
  if (options.ca !== undefined) tls.ca = pem(options.ca);
  if (options.clientCert !== undefined) tls.cert = pem(options.clientCert);
  if (options.clientKey !== undefined) tls.key = pem(options.clientKey);
  if (options.tlsServerName !== undefined) tls.servername = options.tlsServerName;
  return tls;
}

function pem(value: string | Uint8Array): string | Buffer {
  return typeof value === 'string' ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
