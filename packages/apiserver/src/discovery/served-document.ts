import { createHash } from 'node:crypto';

/**
 * ServedDocument is a discovery or OpenAPI document ready to be served: the object, its JSON
 * text, and a content hash for HTTP caching.
 *
 * Guarantees: `json` is `JSON.stringify(body)`, computed once; `hash` is the upper-case hex
 * SHA-512 of `json` (the form Kubernetes uses in `/openapi/v3` `?hash=` links), so equal
 * documents have equal hashes; `etag` is `hash` as a quoted HTTP entity tag. The body is deeply
 * frozen: a server may hand the same document to every request.
 */
export interface ServedDocument<T> {
  /** The document. */
  readonly body: T;
  /** The document as JSON text. */
  readonly json: string;
  /** Upper-case hex SHA-512 of {@link json}. */
  readonly hash: string;
  /** {@link hash} in double quotes, for the `ETag` header and `If-None-Match`. */
  readonly etag: string;
}

/** servedDocument serialises, hashes and deeply freezes `body` (see {@link ServedDocument}). */
export function servedDocument<T>(body: T): ServedDocument<T> {
  const json = JSON.stringify(body);
  const hash = createHash('sha512').update(json).digest('hex').toUpperCase();
  return Object.freeze({ body: deepFreeze(body), json, hash, etag: `"${hash}"` });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
