import { ApiError, type GroupResource } from '../errors/api-error.js';

/** FailedRequest describes the request a failed response answered, for the error message. */
export interface FailedRequest {
  readonly method: string;
  readonly resource?: GroupResource;
  readonly name?: string;
}

// client-go keeps at most this much of a body that is not a Status.
const MAX_UNSTRUCTURED_TEXT = 2048;

/**
 * responseError turns a non-2xx response into the {@link ApiError} client-go would return: the
 * body's Status when it is a `kind: Status` with `status: Failure` (taking the HTTP code when the
 * Status has none); otherwise a generic error for the HTTP code
 * ({@link ApiError.genericServerResponse}), with the body's text as the server message when it is
 * `text/plain` and `Retry-After` as `retryAfterSeconds`.
 */
export function responseError(
  status: number,
  headers: Readonly<Record<string, string>>,
  text: string,
  request: FailedRequest,
): ApiError {
  const body = parseJson(text);
  if (isFailureStatus(body)) {
    const code = Number.isInteger(body.code) && body.code !== 0 ? body.code : status;
    return ApiError.fromStatus({ ...body, code });
  }
  const retryAfter = headers['retry-after']?.trim() ?? '';
  const isText = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'text/plain';
  return ApiError.genericServerResponse({
    code: status,
    verb: request.method,
    ...(request.resource === undefined ? {} : { resource: request.resource }),
    ...(request.name === undefined ? {} : { name: request.name }),
    serverMessage: isText ? text.slice(0, MAX_UNSTRUCTURED_TEXT).trim() : 'unknown',
    retryAfterSeconds: /^\d{1,9}$/.test(retryAfter) ? Number(retryAfter) : 0,
    isUnexpectedResponse: true,
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isFailureStatus(body: unknown): body is { kind: 'Status'; status: 'Failure'; code?: unknown } {
  if (typeof body !== 'object' || body === null) return false;
  const { kind, status } = body as { kind?: unknown; status?: unknown };
  return kind === 'Status' && status === 'Failure';
}
