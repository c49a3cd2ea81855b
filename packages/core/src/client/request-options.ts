import type { FieldSelector } from '../selectors/field-selector.js';
import type { LabelSelector } from '../selectors/label-selector.js';

/** RequestOptions are what every one-shot request of the client accepts. */
export interface RequestOptions {
  /** Aborting it cancels the request; the call rejects with the abort error. */
  readonly signal?: AbortSignal;
}

/** GetOptions are the options of a get (`metav1.GetOptions`). */
export interface GetOptions extends RequestOptions {
  /** `0` lets the server answer from its cache; unset reads the latest state. */
  readonly resourceVersion?: string;
}

/** ResourceVersionMatch says how a list's `resourceVersion` is interpreted. */
export type ResourceVersionMatch = 'Exact' | 'NotOlderThan';

/** SelectorOptions select objects by labels and fields. */
export interface SelectorOptions {
  /** Label selector, as text (`app=web,tier in (a,b)`) or a parsed {@link LabelSelector}. */
  readonly labelSelector?: string | LabelSelector;
  /** Field selector, as text (`spec.nodeName=n1`) or a parsed {@link FieldSelector}. */
  readonly fieldSelector?: string | FieldSelector;
}

/** ClientListOptions are the options of a list (`metav1.ListOptions` without the watch fields). */
export interface ClientListOptions extends RequestOptions, SelectorOptions {
  /** Page size: the server returns at most this many items and a `continue` token for the rest. */
  readonly limit?: number;
  /** The `metadata.continue` of the previous page. */
  readonly continue?: string;
  /** Unset: the latest state; `0`: any state (from the cache); else a revision, per {@link resourceVersionMatch}. */
  readonly resourceVersion?: string;
  readonly resourceVersionMatch?: ResourceVersionMatch;
}

/** WatchOptions are the options of a watch. */
export interface WatchOptions extends SelectorOptions {
  /** Send the changes after this revision; unset: the current state as ADDED events first, then changes. */
  readonly resourceVersion?: string;
  /** `NotOlderThan` with {@link sendInitialEvents}. */
  readonly resourceVersionMatch?: ResourceVersionMatch;
  /** Ask for BOOKMARK events, which carry the latest revision and nothing else. */
  readonly allowWatchBookmarks?: boolean;
  /** Start with the current state as ADDED events, ended by a bookmark annotated `k8s.io/initial-events-end`. */
  readonly sendInitialEvents?: boolean;
  /** The server ends the watch after this many seconds. */
  readonly timeoutSeconds?: number;
}

/** FieldValidation is what the server does with unknown or duplicate fields in a body. */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** WriteOptions are the options of create, update and subresource writes. */
export interface WriteOptions extends RequestOptions {
  /** Validate and admit the request without persisting it (`dryRun=All`). */
  readonly dryRun?: boolean;
  /** Name of the actor making the change, recorded in `managedFields`. */
  readonly fieldManager?: string;
  readonly fieldValidation?: FieldValidation;
}

/**
 * PatchType names a patch format: `json` (RFC 6902), `merge` (RFC 7386), `strategic`
 * (Kubernetes' strategic merge patch, built-in kinds only) or `apply` (server-side apply).
 */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** PatchOptions are the options of a patch; `type` is required. */
export interface PatchOptions extends WriteOptions {
  readonly type: PatchType;
  /** For `apply`: take over fields other managers own instead of failing with a conflict. */
  readonly force?: boolean;
  /** Patch a subresource, e.g. `status`, instead of the object. */
  readonly subresource?: string;
}

/** PropagationPolicy says what happens to an object's dependents when it is deleted. */
export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

/** Preconditions must hold for a delete to proceed (else 409 Conflict). */
export interface Preconditions {
  readonly uid?: string;
  readonly resourceVersion?: string;
}

/** DeleteOptions are the options of a delete, sent as a `meta/v1 DeleteOptions` body. */
export interface DeleteOptions extends RequestOptions {
  readonly propagationPolicy?: PropagationPolicy;
  /** Seconds before the object is removed; `0` deletes at once. */
  readonly gracePeriodSeconds?: number;
  readonly preconditions?: Preconditions;
  readonly dryRun?: boolean;
}

/** DeleteCollectionOptions are the options of a delete of every selected object. */
export interface DeleteCollectionOptions extends DeleteOptions, SelectorOptions {}
