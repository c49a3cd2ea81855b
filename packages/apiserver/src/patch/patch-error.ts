/**
 * PatchErrorCode names every way applying a PATCH body can fail.
 *
 * - `MalformedPatch`: the body is not a document of its patch type: a JSON Patch that is not an
 *   array of objects, a merge or strategic merge patch that is not an object, a value JSON cannot
 *   hold, or a strategic merge directive (`$patch`, `$retainKeys`, `$setElementOrder/…`,
 *   `$deleteFromPrimitiveList/…`) whose value has the wrong shape.
 * - `TooManyOperations`: a JSON Patch with more than {@link MAX_JSON_PATCH_OPERATIONS} operations.
 * - `InvalidOperation`: a JSON Patch operation that cannot be carried out as written: unknown
 *   `op`, a missing `path`/`from`/`value`, a malformed JSON Pointer, a move into its own child,
 *   removing the whole document.
 * - `PathNotFound`: a JSON Patch `path` or `from` that names nothing, or an array index out of range.
 * - `TestFailed`: a JSON Patch `test` whose value differs from the document's.
 * - `TooLarge`: JSON Patch `copy` operations that together copy more than the caller's byte budget.
 * - `TooDeep`: the patch, or the object it would produce, nests deeper than {@link MAX_JSON_DEPTH}.
 * - `InvalidPatch`: a strategic merge patch that is well formed but cannot be applied to this
 *   object: a list item without its merge key, a list of lists, list items of different JSON
 *   types, a `$setElementOrder` list that contradicts the patch's order, `$patch: merge` on a list.
 * - `UnsupportedMediaType`: a strategic merge patch for a kind that has no strategy table
 *   (custom resources).
 */
export type PatchErrorCode =
  | 'MalformedPatch'
  | 'TooManyOperations'
  | 'InvalidOperation'
  | 'PathNotFound'
  | 'TestFailed'
  | 'TooLarge'
  | 'TooDeep'
  | 'InvalidPatch'
  | 'UnsupportedMediaType';

/** PatchErrorReason is the Kubernetes `Status.reason` that goes with a {@link PatchErrorCode}. */
export type PatchErrorReason = 'BadRequest' | 'RequestEntityTooLarge' | 'Invalid' | 'UnsupportedMediaType';

/**
 * MAX_JSON_PATCH_OPERATIONS is the most operations one JSON Patch may hold, the same limit as
 * Kubernetes' `maxJSONPatchOperations` (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
 */
export const MAX_JSON_PATCH_OPERATIONS = 10_000;

/**
 * MAX_JSON_DEPTH is how deep objects and arrays may nest, in a patch and in the object a patch
 * produces. Every engine checks it before recursing, so hostile nesting ends in a `TooDeep`
 * {@link PatchError} rather than a stack overflow.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * PATCH_ERROR_STATUS maps each {@link PatchErrorCode} to the HTTP status and Status reason the API
 * server answers with.
 *
 * What Kubernetes does (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go):
 * - JSON Patch: a body that does not decode as a patch (`jsonpatch.DecodePatch`) is
 *   `NewBadRequest` → 400; more than 10,000 operations is `NewRequestEntityTooLargeError` → 413;
 *   every error from applying it — failed `test`, missing path, index out of range, unknown op,
 *   copy budget exceeded — is `NewGenericServerResponse(422, …)` → 422 with reason `Invalid` and the
 *   fixed message "the server rejected our request due to an error in our request" (the library's
 *   message is dropped: no `details.causes`). A failed `test` is therefore 422, not 500.
 * - Merge patch: a body that is not JSON is 400; otherwise merge patch cannot fail.
 * - Strategic merge patch (`interpretStrategicMergePatchError`): a bad document, bad
 *   `$deleteFromPrimitiveList`/`$retainKeys`/`$setElementOrder` format, or an unsupported type are
 *   400 BadRequest; lists of lists and patch content that contradicts `$retainKeys` are 422
 *   (generic, as above); any other error (missing merge key, unknown `$patch` value, mixed element
 *   types, order mismatch) is an untyped Go error and surfaces as 500 InternalError. Capstan answers
 *   those client mistakes with 400 (`MalformedPatch`) or 422 (`InvalidPatch`) instead of 500.
 * - Custom resources do not list `application/strategic-merge-patch+json` among their patch types,
 *   so Kubernetes answers 415 UnsupportedMediaType before any patching happens.
 *
 * `TooDeep` has no Kubernetes counterpart (Go's JSON decoder refuses nesting over 10,000 with 400);
 * Capstan answers 422 because the depth can also come from applying the patch.
 */
export const PATCH_ERROR_STATUS: Readonly<
  Record<PatchErrorCode, { readonly status: number; readonly reason: PatchErrorReason }>
> = {
  MalformedPatch: { status: 400, reason: 'BadRequest' },
  TooManyOperations: { status: 413, reason: 'RequestEntityTooLarge' },
  InvalidOperation: { status: 422, reason: 'Invalid' },
  PathNotFound: { status: 422, reason: 'Invalid' },
  TestFailed: { status: 422, reason: 'Invalid' },
  TooLarge: { status: 422, reason: 'Invalid' },
  TooDeep: { status: 422, reason: 'Invalid' },
  InvalidPatch: { status: 422, reason: 'Invalid' },
  UnsupportedMediaType: { status: 415, reason: 'UnsupportedMediaType' },
};

/** PatchErrorDetails carries where in the patch a {@link PatchError} happened. */
export interface PatchErrorDetails {
  /** The JSON Pointer (JSON Patch) or dotted field path (strategic merge patch) the error is about. */
  path?: string;
  /** For JSON Patch: the zero-based index of the failing operation. */
  operationIndex?: number;
}

/**
 * PatchError is the one error class the patch engines throw. Each engine either returns the
 * patched value or throws a PatchError, never another error type, and never changes its inputs.
 * `status` and `reason` are the HTTP status and Kubernetes Status reason to answer with (see
 * {@link PATCH_ERROR_STATUS}); `message` says what was wrong in words a client can act on.
 * Check it with `PatchError.is(err, 'TestFailed')` rather than `instanceof`, so that errors
 * survive being raised by a second copy of the package.
 */
export class PatchError extends Error {
  override readonly name = 'PatchError';
  readonly code: PatchErrorCode;
  readonly status: number;
  readonly reason: PatchErrorReason;
  readonly path: string | undefined;
  readonly operationIndex: number | undefined;

  constructor(code: PatchErrorCode, message: string, details: PatchErrorDetails = {}) {
    super(message);
    this.code = code;
    this.status = PATCH_ERROR_STATUS[code].status;
    this.reason = PATCH_ERROR_STATUS[code].reason;
    this.path = details.path;
    this.operationIndex = details.operationIndex;
  }

  /** is tells whether `err` is a PatchError, and of the given code when one is named. */
  static is(err: unknown, code?: PatchErrorCode): err is PatchError {
    if (typeof err !== 'object' || err === null) return false;
    const e = err as { name?: unknown; code?: unknown };
    return e.name === 'PatchError' && typeof e.code === 'string' && (code === undefined || e.code === code);
  }
}
