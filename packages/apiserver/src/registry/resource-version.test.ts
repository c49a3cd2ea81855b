import { ApiError } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { parseResourceVersion, tooLargeResourceVersion } from './resource-version.js';

describe('parseResourceVersion', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['17', 17],
    ['9007199254740991', 9007199254740991],
  ])('reads %j as %d', (text, value) => {
    expect(parseResourceVersion(text)).toBe(value);
  });

  it.each([
    ['abc', 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax'],
    ['-1', 'resourceVersion: Invalid value: "-1": strconv.ParseUint: parsing "-1": invalid syntax'],
    ['1.5', 'resourceVersion: Invalid value: "1.5": strconv.ParseUint: parsing "1.5": invalid syntax'],
    [
      '99999999999999999999',
      'resourceVersion: Invalid value: "99999999999999999999": strconv.ParseUint: parsing "99999999999999999999": value out of range',
    ],
  ])('refuses %j with 400', (text, message) => {
    expect(() => parseResourceVersion(text)).toThrow(message);
    try {
      parseResourceVersion(text);
    } catch (err) {
      expect(ApiError.is(err, 'BadRequest')).toBe(true);
    }
  });
});

describe('tooLargeResourceVersion', () => {
  it('is Kubernetes’ 504 with a ResourceVersionTooLarge cause and a retry hint', () => {
    const status = tooLargeResourceVersion(20, 10).toStatus();
    expect(status).toMatchObject({
      code: 504,
      reason: 'Timeout',
      message: 'Timeout: Too large resource version: 20, current: 10',
      details: { causes: [{ reason: 'ResourceVersionTooLarge' }], retryAfterSeconds: 1 },
    });
  });
});
