/**
 * StoreErrorCode names every way a {@link Store} operation can fail.
 *
 * - `KeyExists`: `create` of a live key.
 * - `Conflict`: the expected `modRevision` did not match.
 * - `NotFound`: `update` or `delete` of an absent key.
 * - `Compacted`: a read or watch below the compacted revision (the API server answers 410).
 * - `FutureRevision`: a read or watch above the current revision.
 * - `TooLarge`: a value over `MAX_VALUE_BYTES`.
 * - `InvalidKey`: a key or prefix that is empty or does not start with `/`.
 * - `Unavailable`: the backend cannot be reached or opened (bad URL, etcd down, locked file).
 * - `Closed`: the store was closed.
 */
export type StoreErrorCode =
  | 'KeyExists'
  | 'Conflict'
  | 'NotFound'
  | 'Compacted'
  | 'FutureRevision'
  | 'TooLarge'
  | 'InvalidKey'
  | 'Unavailable'
  | 'Closed';

/** StoreErrorDetails carries what a caller may need to act on a {@link StoreError}. */
export interface StoreErrorDetails {
  /** The key the failed operation was about. */
  key?: string;
  /** For `Compacted`: the compacted revision; for `FutureRevision`: the current revision; for `Conflict`: the key's current modRevision. */
  revision?: number;
  /** The underlying error, when one backend error was translated. */
  cause?: unknown;
}

/**
 * StoreError is the one error class every {@link Store} backend throws for expected failures.
 * Check it with `StoreError.is(err, 'Conflict')` rather than `instanceof`, so that errors
 * survive being raised by a second copy of `@capstan/core`.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  readonly key: string | undefined;
  readonly revision: number | undefined;

  constructor(code: StoreErrorCode, message: string, details: StoreErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.key = details.key;
    this.revision = details.revision;
  }

  /** is tells whether `err` is a StoreError, and of the given code when one is named. */
  static is(err: unknown, code?: StoreErrorCode): err is StoreError {
    if (typeof err !== 'object' || err === null) return false;
    const e = err as { name?: unknown; code?: unknown };
    return e.name === 'StoreError' && typeof e.code === 'string' && (code === undefined || e.code === code);
  }
}
