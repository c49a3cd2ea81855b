import { describe, expect, it } from 'vitest';
import { StatusSchema } from './status.js';

describe('StatusSchema', () => {
  it('round-trips a 422 Invalid status with details and causes', () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Pod "web" is invalid: spec.containers[0].image: Required value',
      reason: 'Invalid',
      details: {
        name: 'web',
        kind: 'Pod',
        causes: [
          { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' },
        ],
      },
      code: 422,
    };
    expect(StatusSchema.parse(structuredClone(status))).toStrictEqual(status);
  });

  it('round-trips a 429 with retryAfterSeconds and a successful delete status', () => {
    const throttled = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: 1 },
      code: 429,
    };
    expect(StatusSchema.parse(structuredClone(throttled))).toStrictEqual(throttled);
    const deleted = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Success',
      details: { name: 'web', group: 'apps', kind: 'deployments', uid: 'abc' },
    };
    expect(StatusSchema.parse(structuredClone(deleted))).toStrictEqual(deleted);
  });

  it('rejects another kind', () => {
    expect(StatusSchema.safeParse({ kind: 'Pod' }).success).toBe(false);
  });
});
