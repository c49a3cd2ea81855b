/**
 * TransportRequest is one HTTP request as a {@link Transport} receives it.
 */
export interface TransportRequest {
  /** HTTP method in upper case: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`. */
  readonly method: string;
  /** Absolute path plus query string, e.g. `/api/v1/namespaces/default/pods?limit=5`. */
  readonly path: string;
  /** Request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body, when there is one. */
  readonly body?: Uint8Array;
  /** Aborting it cancels the request, and ends a response body still being streamed. */
  readonly signal?: AbortSignal;
}

/**
 * TransportResponse is the answer to a {@link TransportRequest}: status and headers as soon as
 * they are known, the body as a stream of chunks.
 */
export interface TransportResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers, names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body, streamed. A watch body never ends until the request is aborted or the server ends
   * it; every other body should be read to the end so the connection can be reused.
   */
  readonly body: AsyncIterable<Uint8Array>;
}

/**
 * Transport carries the client's requests to an API server: {@link httpTransport} over HTTP(S),
 * or the API server itself, which implements Transport with its handler chain so that an
 * in-process client needs no sockets.
 *
 * A Transport guarantees: any number of requests may be in flight at once; `request` resolves
 * once the status and headers are known (a non-2xx status is a response, not a rejection) and
 * rejects only when no response could be had (connection refused, aborted, …); once
 * `request.signal` is aborted, the promise rejects or the body's iteration ends or throws.
 */
export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
}
