import type { FieldSelector, LabelSelector } from '@capstan/core';
import type { WatchBackpressure } from '../watch-cache/watch-backpressure.js';
import type { ApiObject } from './api-object.js';

/** ResourceVersionMatch is the `resourceVersionMatch` of a list or watch; other strings are refused with 422. */
export type ResourceVersionMatch = 'Exact' | 'NotOlderThan' | (string & {});

/** ResourceGetOptions are the query options of a get (`metav1.GetOptions`). */
export interface ResourceGetOptions {
  /** Unset: the latest state from the store; `'0'`: any state, from the watch cache; `N`: a state not older than N. */
  readonly resourceVersion?: string | undefined;
}

/** ResourceListOptions are the query options of a list (`metav1.ListOptions` without watch). */
export interface ResourceListOptions {
  readonly labelSelector?: string | LabelSelector | undefined;
  /** Only the type's selectable fields may be named (400 `field label not supported: x`). */
  readonly fieldSelector?: string | FieldSelector | undefined;
  /** At most this many items per page; 0 or undefined for all. */
  readonly limit?: number | undefined;
  /** The token from a previous page's `metadata.continue`. */
  readonly continue?: string | undefined;
  readonly resourceVersion?: string | undefined;
  readonly resourceVersionMatch?: ResourceVersionMatch | undefined;
  /** Only valid on watches: a list that sets it is refused with 422, as in Kubernetes. */
  readonly sendInitialEvents?: boolean | undefined;
}

/** ResourceWatchOptions are the query options of a watch (`metav1.ListOptions` with watch=true). */
export interface ResourceWatchOptions {
  readonly labelSelector?: string | LabelSelector | undefined;
  readonly fieldSelector?: string | FieldSelector | undefined;
  readonly resourceVersion?: string | undefined;
  /** With `sendInitialEvents`, must be `NotOlderThan`; without it, must be unset. */
  readonly resourceVersionMatch?: ResourceVersionMatch | undefined;
  /** Send ADDED events for the current state first (and the initial-events-end bookmark when bookmarks are allowed). */
  readonly sendInitialEvents?: boolean | undefined;
  readonly allowWatchBookmarks?: boolean | undefined;
  /** End the watch after this many seconds. */
  readonly timeoutSeconds?: number | undefined;
  /** Lets the consumer hold events back while it cannot take them (see {@link WatchBackpressure}). */
  readonly backpressure?: WatchBackpressure | undefined;
}

/**
 * AdmitFunction is a validating-admission hook: the storage calls it with the final object (`next`,
 * after defaulting and validation, for creates and updates) and the stored one (`current`, for
 * updates and deletes) right before it writes, dry runs included. It must not change either
 * object; an error it throws (an `ApiError`) fails the write with nothing written. For updates it
 * runs inside the read-modify-write loop, so again after a retry, always against the latest state.
 */
export type AdmitFunction = (next: ApiObject | undefined, current?: ApiObject) => Promise<void>;

/** ResourceCreateOptions are the options of a create. */
export interface ResourceCreateOptions {
  /** Do everything but the store write (`dryRun=All`); the result has no resourceVersion. */
  readonly dryRun?: boolean | undefined;
  /** Validating admission, run with the validated object right before it is stored. */
  readonly admit?: AdmitFunction | undefined;
}

/** ResourceUpdateOptions are the options of an update. */
export interface ResourceUpdateOptions {
  /** Do everything but the store write (`dryRun=All`). */
  readonly dryRun?: boolean | undefined;
  /** Update the `status` subresource: only status is taken from the object. */
  readonly subresource?: 'status' | undefined;
  /** Validating admission, run with the validated object and the stored one right before the write. */
  readonly admit?: AdmitFunction | undefined;
}

/** ResourcePreconditions must hold for a write to happen (`metav1.Preconditions`); a mismatch is 409 Conflict. */
export interface ResourcePreconditions {
  readonly uid?: string | undefined;
  readonly resourceVersion?: string | undefined;
}

/** ResourceGuaranteedUpdateOptions are the options of a read-modify-write update. */
export interface ResourceGuaranteedUpdateOptions extends ResourceUpdateOptions {
  /** With a resourceVersion precondition, a concurrent write is a 409 rather than a retry. */
  readonly preconditions?: ResourcePreconditions | undefined;
}

/** PropagationPolicy says what happens to an object's dependents when it is deleted. */
export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

/** ResourceDeleteOptions are the options of a delete (`metav1.DeleteOptions`). */
export interface ResourceDeleteOptions {
  /** Seconds before a graceful delete completes; 0 deletes at once. Only kinds with graceful deletion (pods) use it. */
  readonly gracePeriodSeconds?: number | undefined;
  readonly preconditions?: ResourcePreconditions | undefined;
  /**
   * `Orphan` adds the `orphan` finalizer and `Foreground` the `foregroundDeletion` finalizer, for
   * the garbage collector to act on; `Background` (the default) adds none. Other strings are 422.
   */
  readonly propagationPolicy?: PropagationPolicy | (string & {}) | undefined;
  /** Deprecated form of `propagationPolicy: 'Orphan'` (true) or `'Background'` (false). */
  readonly orphanDependents?: boolean | undefined;
  /** Do everything but the store writes (`dryRun=All`). */
  readonly dryRun?: boolean | undefined;
  /** Validating admission, run with the stored object (as `current`) once its preconditions hold, before anything is written. */
  readonly admit?: AdmitFunction | undefined;
}

/** DeleteResult is what a delete returns: the object, and whether it is gone or only marked for deletion. */
export interface DeleteResult<O extends ApiObject = ApiObject> {
  /** The deleted object's last state, or the object as marked (deletionTimestamp set) when it stays. */
  readonly object: O;
  /** True when the object was removed from storage; false while finalizers or a grace period hold it. */
  readonly deleted: boolean;
}

/** ObjectList is a list of objects as the API returns it (`PodList`, …). */
export interface ObjectList<O extends ApiObject = ApiObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: O[];
}
