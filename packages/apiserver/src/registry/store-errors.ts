import { ApiError, type GroupResource, StoreError } from '@capstan/core';
import { tooLargeResourceVersion } from './resource-version.js';

/** EXPIRED_LIST_MESSAGE is Kubernetes' 410 message for a list at a compacted resourceVersion. */
export const EXPIRED_LIST_MESSAGE = 'The resourceVersion for the provided list is too old.';

/**
 * INCONSISTENT_CONTINUE_MESSAGE is Kubernetes' 410 message for a continue token whose revision was
 * compacted; the Status then carries a token that continues at the latest revision.
 */
export const INCONSISTENT_CONTINUE_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new ' +
  'list without the continue parameter, or use the continue token in this response to retrieve the ' +
  'remainder of the results. Continuing with the provided token results in an inconsistent list - ' +
  'objects that were created, modified, or deleted between the time the first chunk was returned and ' +
  'now may show up in the list.';

/**
 * storeFailure turns anything a Store threw into an {@link ApiError}, as Kubernetes' `storeerr`
 * interprets storage errors: `Unavailable` → 500 ServerTimeout for `operation` (retry after 2 s),
 * `Closed` → 503 ServiceUnavailable, `TooLarge` → 413, `FutureRevision` → 504 Too large resource
 * version (naming `requestedRevision`), `Compacted` → 410 Expired; an ApiError passes through and anything else is a 500
 * InternalError. The caller handles the codes that carry meaning for its operation (`KeyExists`,
 * `Conflict`, `NotFound`) before falling back to this.
 */
export function storeFailure(
  err: unknown,
  resource: GroupResource,
  operation: string,
  requestedRevision = 0,
): ApiError {
  if (ApiError.is(err)) return err;
  if (!StoreError.is(err)) return ApiError.internal(err);
  switch (err.code) {
    case 'Unavailable':
      return ApiError.serverTimeout(resource, operation, 2);
    case 'Closed':
      return ApiError.serviceUnavailable(`the storage for ${resource.resource} is closed`);
    case 'TooLarge':
      return ApiError.requestEntityTooLarge(err.message);
    case 'FutureRevision':
      return tooLargeResourceVersion(requestedRevision, err.revision ?? 0);
    case 'Compacted':
      return ApiError.expired(EXPIRED_LIST_MESSAGE);
    default:
      return ApiError.internal(err);
  }
}
