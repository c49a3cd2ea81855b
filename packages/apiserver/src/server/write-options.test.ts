import { ApiError } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { QueryParameters } from './query-parameters.js';
import { writeOptions } from './write-options.js';

const query = (text: string) => new QueryParameters(new URLSearchParams(text));

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (ApiError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('writeOptions', () => {
  it.each([
    ['', { dryRun: false, fieldManager: undefined, fieldValidation: 'Warn' }],
    [
      'dryRun=All&fieldManager=kubectl&fieldValidation=Strict',
      { dryRun: true, fieldManager: 'kubectl', fieldValidation: 'Strict' },
    ],
    [
      'fieldValidation=Ignore&fieldManager=',
      { dryRun: false, fieldManager: undefined, fieldValidation: 'Ignore' },
    ],
    ['dryRun=All&dryRun=All', { dryRun: true, fieldManager: undefined, fieldValidation: 'Warn' }],
  ])('reads %j', (text, expected) => {
    expect(writeOptions(query(text), 'CreateOptions')).toEqual(expected);
  });

  it.each([
    [
      'dryRun=true',
      'PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: ["true"]: supported values: "All"',
    ],
    [
      `fieldManager=${'x'.repeat(129)}`,
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes',
    ],
    [
      'fieldManager=a%09b',
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Invalid value: "a\\tb": invalid character U+0009 (at position 1)',
    ],
    [
      'fieldValidation=strict',
      'PatchOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "Ignore", "Warn", "Strict"',
    ],
  ])('refuses %s with 422', (text, message) => {
    const error = failure(() => writeOptions(query(text), 'PatchOptions'));
    expect(error.code).toBe(422);
    expect(error.message).toBe(message);
  });
});

describe('QueryParameters', () => {
  it.each([
    ['watch', true],
    ['watch=1', true],
    ['watch=true', true],
    ['watch=TRUE', true],
    ['watch=yes', true],
    ['watch=0', false],
    ['watch=False', false],
    ['', undefined],
  ])('reads %j as the boolean %s', (text, expected) => {
    expect(query(text).boolean('watch')).toBe(expected);
  });

  it.each([
    ['limit=5', 5],
    ['limit=%20-3%20', -3],
    ['limit=', 0],
    ['', undefined],
  ])('reads %j as the integer %s', (text, expected) => {
    expect(query(text).integer('limit')).toBe(expected);
  });

  it.each([
    ['limit=abc', 'strconv.ParseInt: parsing "abc": invalid syntax'],
    ['limit=1e3', 'strconv.ParseInt: parsing "1e3": invalid syntax'],
    ['limit=99999999999999999999', 'strconv.ParseInt: parsing "99999999999999999999": value out of range'],
  ])('refuses %j with 400', (text, message) => {
    const error = failure(() => query(text).integer('limit'));
    expect(error.code).toBe(400);
    expect(error.message).toBe(message);
  });
});
