import { ApiError } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import {
  validateDeleteOptions,
  validateListOptions,
  validateWatchOptions,
} from './request-options-validation.js';

function failure(run: () => void): ApiError | undefined {
  try {
    run();
  } catch (err) {
    if (ApiError.is(err)) return err;
    throw err;
  }
  return undefined;
}

const LIST = 'ListOptions.meta.k8s.io "" is invalid: ';

describe('validateListOptions', () => {
  it.each([
    [{}, undefined],
    [{ resourceVersion: '0', resourceVersionMatch: 'NotOlderThan' }, undefined],
    [{ resourceVersion: '5', resourceVersionMatch: 'Exact', limit: 2 }, undefined],
    [{ continue: 'abc', resourceVersion: '0' }, undefined],
    [
      { resourceVersionMatch: 'Exact' },
      `${LIST}resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided`,
    ],
    [
      { resourceVersion: '0', resourceVersionMatch: 'Exact' },
      `${LIST}resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"`,
    ],
    [
      { resourceVersion: '1', resourceVersionMatch: 'Newest' },
      `${LIST}resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""`,
    ],
    [
      { resourceVersion: '1', resourceVersionMatch: 'Exact', continue: 'x' },
      `${LIST}resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided`,
    ],
    [
      { sendInitialEvents: true },
      `${LIST}sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list`,
    ],
  ])('%j → %s (422)', (opts, message) => {
    const err = failure(() => validateListOptions(opts));
    expect(err?.message).toBe(message);
    if (err !== undefined) expect(err.code).toBe(422);
  });

  it('refuses a continue token with a resourceVersion with 400', () => {
    const err = failure(() => validateListOptions({ continue: 'x', resourceVersion: '5' }));
    expect(err?.code).toBe(400);
    expect(err?.message).toBe('specifying resource version is not allowed when using continue');
  });
});

describe('validateWatchOptions', () => {
  it.each([
    [{}, undefined],
    [{ resourceVersion: '5' }, undefined],
    [{ sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true }, undefined],
    [{ sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan' }, undefined],
    [
      { sendInitialEvents: true },
      `${LIST}resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan`,
    ],
    [
      { resourceVersionMatch: 'NotOlderThan' },
      `${LIST}resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided`,
    ],
    [
      { sendInitialEvents: false, resourceVersionMatch: 'Exact' },
      `${LIST}[resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]`,
    ],
  ])('%j → %s', (opts, message) => {
    expect(failure(() => validateWatchOptions(opts))?.message).toBe(message);
  });
});

describe('validateDeleteOptions', () => {
  it.each([
    [{ propagationPolicy: 'Foreground' }, undefined],
    [
      { propagationPolicy: 'Sideways' },
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
    ],
    [
      { propagationPolicy: 'Orphan', orphanDependents: true },
      'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set',
    ],
  ])('%j → %s', (opts, message) => {
    expect(failure(() => validateDeleteOptions(opts))?.message).toBe(message);
  });
});
