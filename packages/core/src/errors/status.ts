import type { FieldErrorType } from './field-error.js';

/**
 * StatusReason is every machine-readable reason Kubernetes puts in a failed `Status`
 * (`metav1.StatusReason`), with the HTTP code it travels with:
 *
 * | reason | code | | reason | code |
 * |---|---|---|---|---|
 * | `Unauthorized` | 401 | | `TooManyRequests` | 429 |
 * | `Forbidden` | 403 | | `BadRequest` | 400 |
 * | `NotFound` | 404 | | `MethodNotAllowed` | 405 |
 * | `AlreadyExists` | 409 | | `NotAcceptable` | 406 |
 * | `Conflict` | 409 | | `RequestEntityTooLarge` | 413 |
 * | `Gone` | 410 | | `UnsupportedMediaType` | 415 |
 * | `Invalid` | 422 | | `InternalError` | 500 |
 * | `ServerTimeout` | 500 | | `Expired` | 410 |
 * | `StoreReadError` | 500 | | `ServiceUnavailable` | 503 |
 * | `Timeout` | 504 | | `''` (unknown) | 500 |
 */
export type StatusReason =
  | ''
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable';

/** statusReasonCodes maps each {@link StatusReason} to the HTTP code Kubernetes sends with it. */
export const statusReasonCodes: Readonly<Record<StatusReason, number>> = {
  '': 500,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Invalid: 422,
  ServerTimeout: 500,
  StoreReadError: 500,
  Timeout: 504,
  TooManyRequests: 429,
  BadRequest: 400,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  InternalError: 500,
  Expired: 410,
  ServiceUnavailable: 503,
};

/**
 * CauseType is the machine-readable kind of one {@link StatusCause}: the field error types,
 * plus the three causes Kubernetes reports outside validation. Servers may send others.
 */
export type CauseType =
  | FieldErrorType
  | 'UnexpectedServerResponse'
  | 'FieldManagerConflict'
  | 'ResourceVersionTooLarge'
  | (string & {});

/**
 * StatusCause is one cause of a failure, as on the wire (`metav1.StatusCause`). Note that
 * Kubernetes serializes the cause type under the JSON key `reason`.
 */
export interface StatusCause {
  reason?: CauseType;
  message?: string;
  field?: string;
}

/** StatusDetails says which object a failure is about and what caused it (`metav1.StatusDetails`). */
export interface StatusDetails {
  name?: string;
  group?: string;
  /** For most errors the resource (`pods`); for Invalid the kind (`Pod`). */
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/**
 * Status is the `kind: Status` object the API server answers every failed request with
 * (`metav1.Status`), in its JSON form: empty fields are left out as Go's `omitempty` does,
 * `metadata` is always `{}`.
 */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message?: string;
  reason?: StatusReason | (string & {});
  details?: StatusDetails;
  code: number;
}
