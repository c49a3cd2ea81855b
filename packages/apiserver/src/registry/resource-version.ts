import { ApiError, fieldErrorString, fieldErrors } from '@capstan/core';

/**
 * parseResourceVersion reads a `resourceVersion` query value or precondition as Kubernetes'
 * `APIObjectVersioner.ParseResourceVersion` does: `''` and `'0'` are 0, otherwise a decimal
 * unsigned integer. Anything else is a 400 BadRequest,
 * `resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax`;
 * a number above `Number.MAX_SAFE_INTEGER` (no store reaches it) is `value out of range`.
 */
export function parseResourceVersion(value: string | undefined, field = 'resourceVersion'): number {
  if (value === undefined || value === '' || value === '0') return 0;
  let problem: string | undefined;
  if (!/^[0-9]+$/.test(value)) problem = 'invalid syntax';
  else if (value.length > 16 || !Number.isSafeInteger(Number(value))) problem = 'value out of range';
  if (problem !== undefined) {
    const detail = `strconv.ParseUint: parsing ${JSON.stringify(value)}: ${problem}`;
    throw ApiError.badRequest(fieldErrorString(fieldErrors.invalid(field, value, detail)));
  }
  return Number(value);
}

/**
 * tooLargeResourceVersion is Kubernetes' answer to a read that asks for a revision the server has
 * not reached within its wait (`storage.NewTooLargeResourceVersionError`): 504 Timeout,
 * `Timeout: Too large resource version: 20, current: 10`, with a `ResourceVersionTooLarge` cause
 * and a one-second retry hint.
 */
export function tooLargeResourceVersion(requested: number, current: number): ApiError {
  return new ApiError({
    reason: 'Timeout',
    message: `Timeout: Too large resource version: ${requested}, current: ${current}`,
    details: {
      causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
      retryAfterSeconds: 1,
    },
  });
}
