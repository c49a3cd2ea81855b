/**
 * ResponseHeaders are the headers of a {@link ServerResponse}: names in lower case, a repeated
 * header (`warning`) as an array of values.
 */
export type ResponseHeaders = Record<string, string | string[]>;

/**
 * ServerResponse is what the API server's handler answers a request with: the status, the
 * headers, and the body as bytes (complete responses) or as a stream of chunks (watches), each
 * chunk to be sent as soon as it is produced.
 */
export interface ServerResponse {
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly body: Uint8Array | AsyncIterable<Uint8Array>;
}

const encoder = new TextEncoder();

/** bytesResponse answers with a complete body of `contentType`. */
export function bytesResponse(
  status: number,
  contentType: string,
  body: Uint8Array | string,
  headers: ResponseHeaders = {},
): ServerResponse {
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  return { status, headers: { 'content-type': contentType, ...headers }, body: bytes };
}

/** withHeaders returns `response` with `headers` added (an array value is appended to what is there). */
export function withHeaders(response: ServerResponse, headers: ResponseHeaders): ServerResponse {
  const merged: ResponseHeaders = { ...response.headers };
  for (const [name, value] of Object.entries(headers)) {
    const existing = merged[name];
    if (Array.isArray(value) && existing !== undefined) {
      merged[name] = [...(Array.isArray(existing) ? existing : [existing]), ...value];
    } else {
      merged[name] = value;
    }
  }
  return { ...response, headers: merged };
}

/**
 * warningHeaders renders warnings as Kubernetes sends them: one `Warning` header value per
 * warning, `299 - "<text>"` with quotes and backslashes in the text escaped.
 */
export function warningHeaders(warnings: readonly string[]): ResponseHeaders {
  if (warnings.length === 0) return {};
  return { warning: warnings.map((text) => `299 - "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`) };
}
