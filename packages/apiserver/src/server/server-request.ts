import type { TransportRequest } from '@capstan/core';
import type { UserInfo } from '../pipeline/contracts.js';

/**
 * ServerRequest is one request as the API server's handlers see it: the method in upper case, the
 * path split from its query, lower-case headers, the body, the signal that ends it, and (once
 * authenticated) the user.
 */
export interface ServerRequest {
  readonly method: string;
  /** The path without its query string, as sent (not yet percent-decoded). */
  readonly path: string;
  /** The path with its query string, as sent. */
  readonly url: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
  readonly signal: AbortSignal;
  /** The client certificate, when the request came over TLS with one. */
  readonly peerCertificate?: Uint8Array;
}

/** AuthenticatedRequest is a {@link ServerRequest} whose user is known. */
export interface AuthenticatedRequest extends ServerRequest {
  readonly user: UserInfo;
}

const EMPTY = new Uint8Array(0);

/**
 * serverRequest builds a {@link ServerRequest} from a transport request. Header names are
 * lower-cased; a path without a leading `/` gets one. `signal` defaults to one that never aborts.
 */
export function serverRequest(request: TransportRequest, peerCertificate?: Uint8Array): ServerRequest {
  const url = request.path.startsWith('/') ? request.path : `/${request.path}`;
  const mark = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  return {
    method: request.method.toUpperCase(),
    path: mark === -1 ? url : url.slice(0, mark),
    url,
    query: new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1)),
    headers,
    body: request.body ?? EMPTY,
    signal: request.signal ?? new AbortController().signal,
    ...(peerCertificate === undefined ? {} : { peerCertificate }),
  };
}
