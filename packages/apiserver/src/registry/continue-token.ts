import { ApiError } from '@capstan/core';

/** The `v` every continue token carries, as Kubernetes' `storage.EncodeContinue` writes it. */
const TOKEN_VERSION = 'meta.k8s.io/v1';

/**
 * ContinuePosition is what a continue token says: where the next page starts and at which
 * revision it must be read.
 */
export interface ContinuePosition {
  /** The full Store key the next page starts at (inclusive); always under the list prefix. */
  readonly startKey: string;
  /** The revision of the first page; -1 asks for the latest revision (an inconsistent continuation). */
  readonly revision: number;
}

/**
 * encodeContinueToken writes the token for a page that ended at `lastKey`, byte for byte as
 * Kubernetes does: base64url without padding of `{"v":"meta.k8s.io/v1","rv":N,"start":"…"}`
 * where `start` is `lastKey` after `prefix`, followed by a NUL so the next page starts just
 * after it.
 */
export function encodeContinueToken(lastKey: string, prefix: string, revision: number): string {
  const start = `${lastKey.slice(prefix.length)}\u0000`;
  const json = JSON.stringify({ v: TOKEN_VERSION, rv: revision, start });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/**
 * decodeContinueToken reads a continue token against the prefix of the list it is used with.
 * Anything but a well-formed token whose start key stays inside `prefix` is a 400 BadRequest,
 * `invalid continue token: continue key is not valid: …`, as in Kubernetes' `DecodeContinue`.
 */
export function decodeContinueToken(token: string, prefix: string): ContinuePosition {
  const invalid = (why: string): ApiError =>
    ApiError.badRequest(`invalid continue token: continue key is not valid: ${why}`);
  const bad = token.search(/[^A-Za-z0-9_-]/);
  if (bad !== -1) throw invalid(`illegal base64 data at input byte ${bad}`);
  if (token.length % 4 === 1) throw invalid(`illegal base64 data at input byte ${token.length - 1}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (err) {
    throw invalid(err instanceof Error ? err.message : String(err));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('the token is not a JSON object');
  }
  const { v, rv, start } = parsed as Record<string, unknown>;
  if (v !== TOKEN_VERSION) {
    throw invalid(`server does not recognize this encoded version ${typeof v === 'string' ? v : ''}`.trim());
  }
  if (typeof rv !== 'number' || !Number.isSafeInteger(rv)) {
    throw invalid(`incorrect encoded start resourceVersion (version ${TOKEN_VERSION})`);
  }
  if (rv === 0) throw invalid(`incorrect encoded start resourceVersion (version ${TOKEN_VERSION})`);
  if (typeof start !== 'string' || start === '') {
    throw invalid(`encoded start key empty (version ${TOKEN_VERSION})`);
  }
  const rooted = start.startsWith('/') ? start : `/${start}`;
  if (!isCleanPath(rooted)) throw invalid(start);
  return { startKey: prefix + rooted.slice(1), revision: rv < 0 ? -1 : rv };
}

/**
 * isCleanPath tells whether Go's `path.Clean` would leave `path` (which starts with `/`)
 * unchanged: no empty, `.` or `..` segment and no trailing slash, so a start key can never climb
 * out of the list prefix.
 */
function isCleanPath(path: string): boolean {
  if (path === '/') return true;
  return path
    .slice(1)
    .split('/')
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
