import type { ResourceType } from '@capstan/core';

/**
 * UserInfo is who made a request, as an {@link Authenticator} established it (Kubernetes'
 * `user.Info`): the name, a stable uid when known, groups (e.g. `system:authenticated`) and extra
 * attributes.
 */
export interface UserInfo {
  readonly username: string;
  readonly uid?: string;
  readonly groups: readonly string[];
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/**
 * RequestHead is what authentication may look at: the method, the path with its query string,
 * the lower-cased headers and, for TLS connections, the verified client certificate chain.
 */
export interface RequestHead {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The client's certificate as DER bytes when it presented one over TLS (verification is the authenticator's job). */
  readonly peerCertificate?: Uint8Array;
}

/**
 * Authenticator establishes who sent a request. Authenticators run in binding order; the first
 * that returns a {@link UserInfo} wins.
 *
 * - Return `undefined` when the request carries nothing this authenticator understands.
 * - Throw `ApiError.unauthorized(...)` when it carries credentials this authenticator owns but
 *   they are invalid (a bad token): the request fails with 401 and no later authenticator runs.
 */
export interface Authenticator {
  authenticate(request: RequestHead): Promise<UserInfo | undefined>;
}

/**
 * RequestAttributes describe a request for authorization (Kubernetes' `authorizer.Attributes`).
 * For resource requests `resource`, `apiGroup`, `apiVersion` (and `namespace`, `name`,
 * `subresource` when present) are set; `verb` is one of get, list, watch, create, update, patch,
 * delete, deletecollection. For other paths (`/healthz`, `/version`, `/api`, …) `resourceRequest`
 * is false, `path` is set and `verb` is the lower-cased HTTP method (get, post, put, …).
 */
export interface RequestAttributes {
  readonly user: UserInfo;
  readonly verb: string;
  readonly resourceRequest: boolean;
  readonly path: string;
  readonly apiGroup?: string;
  readonly apiVersion?: string;
  readonly resource?: string;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** AuthorizationDecision is an {@link Authorizer}'s answer; `reason` is shown to the user on a denial. */
export interface AuthorizationDecision {
  readonly decision: 'allow' | 'deny' | 'noOpinion';
  readonly reason?: string;
}

/**
 * Authorizer decides whether a request may proceed. Authorizers run in binding order: the first
 * `allow` or `deny` decides; when all have no opinion the request is denied (403).
 */
export interface Authorizer {
  authorize(attributes: RequestAttributes): Promise<AuthorizationDecision>;
}

/** AdmissionOperation is what a write does, as admission webhooks name it. */
export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

/**
 * AdmissionAttributes describe one write for admission (Kubernetes' `admission.Attributes`).
 * `object` is the object to be written (absent for DELETE); mutating plugins change it in place.
 * `oldObject` is the stored object for UPDATE and DELETE.
 */
export interface AdmissionAttributes {
  readonly operation: AdmissionOperation;
  readonly user: UserInfo;
  readonly type: ResourceType;
  readonly namespace?: string;
  readonly name: string;
  readonly subresource?: string;
  readonly object?: Record<string, unknown>;
  readonly oldObject?: Record<string, unknown>;
  readonly dryRun: boolean;
}

/**
 * MutatingAdmission may change `attributes.object` before validation. Plugins run in binding
 * order. Throw an `ApiError` to reject the request (Kubernetes answers 403 Forbidden for most
 * admission rejections; use what the plugin's Kubernetes counterpart uses).
 */
export interface MutatingAdmission {
  /** Only called for requests this returns true for (default: every write). */
  handles?(operation: AdmissionOperation, type: ResourceType): boolean;
  admit(attributes: AdmissionAttributes): Promise<void>;
}

/**
 * ValidatingAdmission checks the final object after schema validation and before it is stored;
 * it must not change it. Throw an `ApiError` to reject.
 */
export interface ValidatingAdmission {
  /** Only called for requests this returns true for (default: every write). */
  handles?(operation: AdmissionOperation, type: ResourceType): boolean;
  validate(attributes: AdmissionAttributes): Promise<void>;
}

/** The inversify tokens the request pipeline multi-injects, in binding order. */
export const AUTHENTICATOR = Symbol.for('@capstan/apiserver/Authenticator');
/** See {@link AUTHENTICATOR}. */
export const AUTHORIZER = Symbol.for('@capstan/apiserver/Authorizer');
/** See {@link AUTHENTICATOR}. */
export const MUTATING_ADMISSION = Symbol.for('@capstan/apiserver/MutatingAdmission');
/** See {@link AUTHENTICATOR}. */
export const VALIDATING_ADMISSION = Symbol.for('@capstan/apiserver/ValidatingAdmission');
