import type { StatusDetails } from '@capstan/core';

/** SuccessStatus is a `Status` that reports success, as deletes, bindings and evictions answer. */
export interface SuccessStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Success';
  readonly code?: number;
  readonly details?: StatusDetails;
}

/** successStatus builds a {@link SuccessStatus}, with `code` and `details` when given. */
export function successStatus(code?: number, details?: StatusDetails): SuccessStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    ...(code === undefined ? {} : { code }),
    ...(details === undefined ? {} : { details }),
  };
}
