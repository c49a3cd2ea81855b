import {
  aggregateMessage,
  type FieldError,
  fieldErrorBody,
  fieldErrorString,
  goQuote,
} from './field-error.js';
import { ParseError } from './parse-error.js';
import {
  type Status,
  type StatusCause,
  type StatusDetails,
  type StatusReason,
  statusReasonCodes,
} from './status.js';

/** GroupResource names a resource type (`{ group: 'apps', resource: 'deployments' }`); the core group is `''`. */
export interface GroupResource {
  group?: string;
  resource: string;
}

/** GroupKind names a kind (`{ group: 'apps', kind: 'Deployment' }`); the core group is `''`. */
export interface GroupKind {
  group?: string;
  kind: string;
}

/** ApiErrorInit is what {@link ApiError}'s constructor needs; `code` defaults to the reason's code. */
export interface ApiErrorInit {
  reason: StatusReason | (string & {});
  message: string;
  code?: number;
  details?: StatusDetails;
}

/**
 * OPTIMISTIC_LOCK_MESSAGE is the reason Kubernetes gives for a stale update, the tail of
 * every `Operation cannot be fulfilled on …` Conflict.
 */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

/** groupResourceString renders `pods`, `deployments.apps` as Kubernetes' `GroupResource.String()`. */
function groupResourceString(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function groupKindString(gk: GroupKind): string {
  return gk.group ? `${gk.kind}.${gk.group}` : gk.kind;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * ApiError is the one error the API server answers with and clients throw for a failed
 * request. It carries a Kubernetes {@link Status}; its constructors produce Kubernetes' exact
 * messages, reasons, codes and details (k8s.io/apimachinery/pkg/api/errors), so `kubectl`
 * prints what it prints against Kubernetes. Check it with `ApiError.is(err, 'NotFound')` or
 * the `is*` helpers (which also accept a plain `Status` object), never `instanceof`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The failure as a Status; treat it as read-only and use {@link ApiError.toStatus} for a copy. */
  readonly status: Status;

  constructor(init: ApiErrorInit, options?: { cause?: unknown }) {
    super(init.message, options?.cause === undefined ? undefined : { cause: options.cause });
    const status: Status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      code:
        init.code ??
        (Object.hasOwn(statusReasonCodes, init.reason)
          ? statusReasonCodes[init.reason as StatusReason]
          : 500),
    };
    if (init.message !== '') status.message = init.message;
    if (init.reason !== '') status.reason = init.reason;
    if (init.details !== undefined) status.details = compactDetails(init.details);
    this.status = status;
  }

  /** reason is the Status reason, `''` when unknown. */
  get reason(): StatusReason | (string & {}) {
    return this.status.reason ?? '';
  }

  /** code is the HTTP status code. */
  get code(): number {
    return this.status.code;
  }

  /** details are the Status details, when there are any. */
  get details(): StatusDetails | undefined {
    return this.status.details;
  }

  /** toStatus returns a deep copy of the Status, ready to be sent as JSON. */
  toStatus(): Status {
    return structuredClone(this.status);
  }

  /** toJSON makes `JSON.stringify(err)` produce the Status. */
  toJSON(): Status {
    return this.toStatus();
  }

  /**
   * fromStatus rebuilds the error a server sent as a Status (clients call it on every non-2xx
   * body of `kind: Status`). Fields of the wrong type are dropped rather than trusted.
   */
  static fromStatus(status: unknown): ApiError {
    const s = (typeof status === 'object' && status !== null ? status : {}) as Record<string, unknown>;
    const init: ApiErrorInit = {
      reason: typeof s.reason === 'string' ? s.reason : '',
      message: typeof s.message === 'string' ? s.message : '',
      code: typeof s.code === 'number' && Number.isInteger(s.code) ? s.code : 0,
    };
    const details = readDetails(s.details);
    if (details !== undefined) init.details = details;
    return new ApiError(init);
  }

  /**
   * from turns anything thrown into an ApiError for a response: an ApiError as is, a
   * {@link ParseError} as 400 BadRequest, a Status object via {@link ApiError.fromStatus},
   * anything else as 500 InternalError.
   */
  static from(err: unknown): ApiError {
    if (ApiError.is(err)) return err;
    if (ParseError.is(err))
      return new ApiError({ reason: 'BadRequest', message: err.message }, { cause: err });
    if (isStatusShaped(err)) return ApiError.fromStatus(err);
    return ApiError.internal(err);
  }

  /** is tells whether `err` is an ApiError, and of the given reason when one is named. */
  static is(err: unknown, reason?: StatusReason): err is ApiError {
    if (typeof err !== 'object' || err === null) return false;
    const e = err as { name?: unknown; status?: unknown };
    if (e.name !== 'ApiError' || typeof e.status !== 'object' || e.status === null) return false;
    return reason === undefined || ((e.status as { reason?: unknown }).reason ?? '') === reason;
  }

  /** notFound: 404 NotFound, `pods "web" not found`. */
  static notFound(resource: GroupResource, name: string): ApiError {
    return new ApiError({
      reason: 'NotFound',
      message: `${groupResourceString(resource)} ${goQuote(name)} not found`,
      details: { group: resource.group ?? '', kind: resource.resource, name },
    });
  }

  /** alreadyExists: 409 AlreadyExists, `pods "web" already exists`. */
  static alreadyExists(resource: GroupResource, name: string): ApiError {
    return new ApiError({
      reason: 'AlreadyExists',
      message: `${groupResourceString(resource)} ${goQuote(name)} already exists`,
      details: { group: resource.group ?? '', kind: resource.resource, name },
    });
  }

  /**
   * conflict: 409 Conflict, `Operation cannot be fulfilled on pods "web": <reason>`; the
   * reason defaults to {@link OPTIMISTIC_LOCK_MESSAGE}, the stale-resourceVersion case.
   */
  static conflict(resource: GroupResource, name: string, reason: string = OPTIMISTIC_LOCK_MESSAGE): ApiError {
    return new ApiError({
      reason: 'Conflict',
      message: `Operation cannot be fulfilled on ${groupResourceString(resource)} ${goQuote(name)}: ${reason}`,
      details: { group: resource.group ?? '', kind: resource.resource, name },
    });
  }

  /**
   * invalid: 422 Invalid, `Pod "web" is invalid: spec.containers[0].image: Required value`
   * (several errors as `[a, b]`), one cause per field error.
   */
  static invalid(kind: GroupKind, name: string, errors: readonly FieldError[]): ApiError {
    const summary = errors.length === 0 ? '<nil>' : aggregateMessage(errors.map(fieldErrorString));
    return new ApiError({
      reason: 'Invalid',
      message: `${groupKindString(kind)} ${goQuote(name)} is invalid: ${summary}`,
      details: {
        group: kind.group ?? '',
        kind: kind.kind,
        name,
        causes: errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field })),
      },
    });
  }

  /** gone: 410 Gone with the given message. */
  static gone(message: string): ApiError {
    return new ApiError({ reason: 'Gone', message });
  }

  /** expired: 410 Expired with the given message (Kubernetes' `NewResourceExpired`). */
  static expired(message: string): ApiError {
    return new ApiError({ reason: 'Expired', message });
  }

  /**
   * tooOldResourceVersion: 410 Expired, `too old resource version: <requested> (<oldest>)`,
   * what a watch or list from a compacted revision gets; informers relist on it.
   */
  static tooOldResourceVersion(requested: number | string, oldest: number | string): ApiError {
    return ApiError.expired(`too old resource version: ${requested} (${oldest})`);
  }

  /** badRequest: 400 BadRequest with the given message. */
  static badRequest(message: string): ApiError {
    return new ApiError({ reason: 'BadRequest', message });
  }

  /** unauthorized: 401 Unauthorized, `not authorized` unless a message is given. */
  static unauthorized(message = ''): ApiError {
    return new ApiError({ reason: 'Unauthorized', message: message === '' ? 'not authorized' : message });
  }

  /**
   * forbidden: 403 Forbidden, `pods "web" is forbidden: <reason>` (`pods is forbidden: …`
   * without a name, `forbidden: …` without a resource).
   */
  static forbidden(resource: GroupResource | undefined, name: string, reason: unknown): ApiError {
    const why = errorMessage(reason);
    let message: string;
    if (resource === undefined || (resource.resource === '' && !resource.group))
      message = `forbidden: ${why}`;
    else if (name === '') message = `${groupResourceString(resource)} is forbidden: ${why}`;
    else message = `${groupResourceString(resource)} ${goQuote(name)} is forbidden: ${why}`;
    return new ApiError({
      reason: 'Forbidden',
      message,
      details: { group: resource?.group ?? '', kind: resource?.resource ?? '', name },
    });
  }

  /** methodNotSupported: 405 MethodNotAllowed, `<action> is not supported on resources of kind "pods"`. */
  static methodNotSupported(resource: GroupResource, action: string): ApiError {
    const gr = groupResourceString(resource);
    return new ApiError({
      reason: 'MethodNotAllowed',
      message: `${action} is not supported on resources of kind ${goQuote(gr)}`,
      details: { group: resource.group ?? '', kind: resource.resource },
    });
  }

  /** notAcceptable: 406 NotAcceptable, `only the following media types are accepted: a, b`. */
  static notAcceptable(accepted: readonly string[]): ApiError {
    return new ApiError({
      reason: 'NotAcceptable',
      message: `only the following media types are accepted: ${accepted.join(', ')}`,
    });
  }

  /**
   * unsupportedMediaType: 415 UnsupportedMediaType, `the body of the request was in an
   * unknown format - accepted media types include: a, b`.
   */
  static unsupportedMediaType(accepted: readonly string[]): ApiError {
    return new ApiError({
      reason: 'UnsupportedMediaType',
      message: `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    });
  }

  /** requestEntityTooLarge: 413 RequestEntityTooLarge, `Request entity too large: <message>`. */
  static requestEntityTooLarge(message: string): ApiError {
    return new ApiError({ reason: 'RequestEntityTooLarge', message: `Request entity too large: ${message}` });
  }

  /** tooManyRequests: 429 TooManyRequests, asking the client to wait `retryAfterSeconds`. */
  static tooManyRequests(message: string, retryAfterSeconds = 0): ApiError {
    return new ApiError({ reason: 'TooManyRequests', message, details: { retryAfterSeconds } });
  }

  /** internal: 500 InternalError, `Internal error occurred: <err>`, keeping `err` as the cause. */
  static internal(err: unknown): ApiError {
    const text = errorMessage(err);
    return new ApiError(
      {
        reason: 'InternalError',
        message: `Internal error occurred: ${text}`,
        details: { causes: [{ message: text }] },
      },
      { cause: err },
    );
  }

  /** timeout: 504 Timeout, `Timeout: <message>`; the operation may still complete. */
  static timeout(message: string, retryAfterSeconds = 0): ApiError {
    return new ApiError({
      reason: 'Timeout',
      message: `Timeout: ${message}`,
      details: { retryAfterSeconds },
    });
  }

  /**
   * serverTimeout: 500 ServerTimeout, `The <operation> operation against <resource> could not
   * be completed at this time, please try again.`; the client should retry.
   */
  static serverTimeout(resource: GroupResource, operation: string, retryAfterSeconds = 0): ApiError {
    return new ApiError({
      reason: 'ServerTimeout',
      message: `The ${operation} operation against ${groupResourceString(resource)} could not be completed at this time, please try again.`,
      details: { group: resource.group ?? '', kind: resource.resource, name: operation, retryAfterSeconds },
    });
  }

  /** serviceUnavailable: 503 ServiceUnavailable with the given message. */
  static serviceUnavailable(message: string): ApiError {
    return new ApiError({ reason: 'ServiceUnavailable', message });
  }

  /**
   * genericServerResponse: what a client makes of a response that is not a Status (Kubernetes'
   * `NewGenericServerResponse`): the reason and message are inferred from the code, and
   * `(get pods web)` is appended when the resource is known.
   */
  static genericServerResponse(response: {
    code: number;
    verb: string;
    resource?: GroupResource;
    name?: string;
    serverMessage?: string;
    retryAfterSeconds?: number;
    isUnexpectedResponse?: boolean;
  }): ApiError {
    const { code, verb } = response;
    const serverMessage = response.serverMessage ?? '';
    const name = response.name ?? '';
    let [reason, message] = genericReason(code, verb, serverMessage);
    const resource = response.resource;
    if (resource !== undefined && (resource.resource !== '' || resource.group)) {
      const gr = groupResourceString(resource);
      message = `${message} (${verb.toLowerCase()} ${gr}${name === '' ? '' : ` ${name}`})`;
    }
    const details: StatusDetails = {
      group: resource?.group ?? '',
      kind: resource?.resource ?? '',
      name,
      retryAfterSeconds: response.retryAfterSeconds ?? 0,
    };
    if (response.isUnexpectedResponse) {
      details.causes = [{ reason: 'UnexpectedServerResponse', message: serverMessage }];
    }
    return new ApiError({ reason, message, code, details });
  }
}

function genericReason(code: number, verb: string, serverMessage: string): [StatusReason, string] {
  switch (code) {
    case 409:
      return [verb === 'POST' ? 'AlreadyExists' : 'Conflict', 'the server reported a conflict'];
    case 404:
      return ['NotFound', 'the server could not find the requested resource'];
    case 400:
      return ['BadRequest', 'the server rejected our request for an unknown reason'];
    case 401:
      return ['Unauthorized', 'the server has asked for the client to provide credentials'];
    case 403:
      return ['Forbidden', serverMessage];
    case 406:
      return ['NotAcceptable', serverMessage];
    case 415:
      return ['UnsupportedMediaType', serverMessage];
    case 405:
      return ['MethodNotAllowed', 'the server does not allow this method on the requested resource'];
    case 422:
      return ['Invalid', 'the server rejected our request due to an error in our request'];
    case 503:
      return ['ServiceUnavailable', 'the server is currently unable to handle the request'];
    case 504:
      return [
        'Timeout',
        'the server was unable to return a response in the time allotted, but may still be processing the request',
      ];
    case 429:
      return [
        'TooManyRequests',
        'the server has received too many requests and has asked us to try again later',
      ];
    default:
      if (code >= 500) {
        return [
          'InternalError',
          `an error on the server (${goQuote(serverMessage)}) has prevented the request from succeeding`,
        ];
      }
      return ['', `the server responded with the status code ${code} but did not return more information`];
  }
}

/**
 * compactDetails drops empty fields as Go's `omitempty` does. An empty object stays, as
 * Kubernetes sends `"details": {}` for TooManyRequests and Timeout without a delay.
 */
function compactDetails(details: StatusDetails): StatusDetails {
  const out: StatusDetails = {};
  if (details.name) out.name = details.name;
  if (details.group) out.group = details.group;
  if (details.kind) out.kind = details.kind;
  if (details.uid) out.uid = details.uid;
  if (details.causes !== undefined && details.causes.length > 0) {
    out.causes = details.causes.map((c) => {
      const cause: StatusCause = {};
      if (c.reason) cause.reason = c.reason;
      if (c.message) cause.message = c.message;
      if (c.field) cause.field = c.field;
      return cause;
    });
  }
  if (details.retryAfterSeconds) out.retryAfterSeconds = details.retryAfterSeconds;
  return out;
}

function readDetails(value: unknown): StatusDetails | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const d = value as Record<string, unknown>;
  const out: StatusDetails = {};
  for (const key of ['name', 'group', 'kind', 'uid'] as const) {
    const v = d[key];
    if (typeof v === 'string') out[key] = v;
  }
  if (typeof d.retryAfterSeconds === 'number' && Number.isInteger(d.retryAfterSeconds)) {
    out.retryAfterSeconds = d.retryAfterSeconds;
  }
  if (Array.isArray(d.causes)) {
    out.causes = d.causes
      .filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null)
      .map((c) => {
        const cause: StatusCause = {};
        if (typeof c.reason === 'string') cause.reason = c.reason;
        if (typeof c.message === 'string') cause.message = c.message;
        if (typeof c.field === 'string') cause.field = c.field;
        return cause;
      });
  }
  return out;
}

function isStatusShaped(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; code?: unknown };
  return v.kind === 'Status' || typeof v.code === 'number';
}

/** knownReasons are the reasons that rule out guessing from the code (Unknown is not one). */
const knownReasons = new Set<string>(Object.keys(statusReasonCodes).filter((r) => r !== ''));

function reasonAndCode(err: unknown): [string, number] {
  let status: unknown;
  if (ApiError.is(err)) status = err.status;
  else if (isStatusShaped(err)) status = err;
  else return ['', 0];
  const s = status as { reason?: unknown; code?: unknown };
  return [typeof s.reason === 'string' ? s.reason : '', typeof s.code === 'number' ? s.code : 0];
}

/** matches is Kubernetes' rule: the reason, or the code when the reason is not a known one. */
function matches(err: unknown, reason: StatusReason, code: number): boolean {
  const [r, c] = reasonAndCode(err);
  return r === reason || (!knownReasons.has(r) && c === code);
}

/** isNotFound: reason NotFound, or code 404 with an unknown reason. Accepts an ApiError or a Status object. */
export function isNotFound(err: unknown): boolean {
  return matches(err, 'NotFound', 404);
}

/** isAlreadyExists: reason AlreadyExists (the code alone is ambiguous with Conflict). */
export function isAlreadyExists(err: unknown): boolean {
  return reasonAndCode(err)[0] === 'AlreadyExists';
}

/** isConflict: reason Conflict, or code 409 with an unknown reason. */
export function isConflict(err: unknown): boolean {
  return matches(err, 'Conflict', 409);
}

/** isInvalid: reason Invalid, or code 422 with an unknown reason. */
export function isInvalid(err: unknown): boolean {
  return matches(err, 'Invalid', 422);
}

/** isGone: reason Gone, or code 410 with an unknown reason. */
export function isGone(err: unknown): boolean {
  return matches(err, 'Gone', 410);
}

/** isResourceExpired: reason Expired (a too old resourceVersion; relist). */
export function isResourceExpired(err: unknown): boolean {
  return reasonAndCode(err)[0] === 'Expired';
}

/** isNotAcceptable: reason NotAcceptable, or code 406 with an unknown reason. */
export function isNotAcceptable(err: unknown): boolean {
  return matches(err, 'NotAcceptable', 406);
}

/** isUnsupportedMediaType: reason UnsupportedMediaType, or code 415 with an unknown reason. */
export function isUnsupportedMediaType(err: unknown): boolean {
  return matches(err, 'UnsupportedMediaType', 415);
}

/** isMethodNotSupported: reason MethodNotAllowed, or code 405 with an unknown reason. */
export function isMethodNotSupported(err: unknown): boolean {
  return matches(err, 'MethodNotAllowed', 405);
}

/** isServiceUnavailable: reason ServiceUnavailable, or code 503 with an unknown reason. */
export function isServiceUnavailable(err: unknown): boolean {
  return matches(err, 'ServiceUnavailable', 503);
}

/** isBadRequest: reason BadRequest, or code 400 with an unknown reason. */
export function isBadRequest(err: unknown): boolean {
  return matches(err, 'BadRequest', 400);
}

/** isUnauthorized: reason Unauthorized, or code 401 with an unknown reason. */
export function isUnauthorized(err: unknown): boolean {
  return matches(err, 'Unauthorized', 401);
}

/** isForbidden: reason Forbidden, or code 403 with an unknown reason. */
export function isForbidden(err: unknown): boolean {
  return matches(err, 'Forbidden', 403);
}

/** isTimeout: reason Timeout, or code 504 with an unknown reason. */
export function isTimeout(err: unknown): boolean {
  return matches(err, 'Timeout', 504);
}

/** isServerTimeout: reason ServerTimeout only (no code is specific to it); retry the request. */
export function isServerTimeout(err: unknown): boolean {
  return reasonAndCode(err)[0] === 'ServerTimeout';
}

/** isInternalError: reason InternalError, or code 500 with an unknown reason. */
export function isInternalError(err: unknown): boolean {
  return matches(err, 'InternalError', 500);
}

/** isTooManyRequests: reason TooManyRequests, or code 429 whatever the reason. */
export function isTooManyRequests(err: unknown): boolean {
  const [r, c] = reasonAndCode(err);
  return r === 'TooManyRequests' || c === 429;
}

/** isRequestEntityTooLarge: reason RequestEntityTooLarge, or code 413 whatever the reason. */
export function isRequestEntityTooLarge(err: unknown): boolean {
  const [r, c] = reasonAndCode(err);
  return r === 'RequestEntityTooLarge' || c === 413;
}

/**
 * suggestsClientDelay returns the seconds a failure asks the client to wait before retrying
 * (`details.retryAfterSeconds`; for ServerTimeout even when 0), or undefined when it asks for
 * no delay.
 */
export function suggestsClientDelay(err: unknown): number | undefined {
  let status: unknown;
  if (ApiError.is(err)) status = err.status;
  else if (isStatusShaped(err)) status = err;
  else return undefined;
  const s = status as { reason?: unknown; details?: { retryAfterSeconds?: unknown } };
  if (typeof s.details !== 'object' || s.details === null) return undefined;
  const seconds = typeof s.details.retryAfterSeconds === 'number' ? s.details.retryAfterSeconds : 0;
  if (s.reason === 'ServerTimeout') return seconds;
  return seconds > 0 ? seconds : undefined;
}
