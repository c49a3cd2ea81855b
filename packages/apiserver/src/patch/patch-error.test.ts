import { describe, expect, it } from 'vitest';
import { PATCH_ERROR_STATUS, PatchError, type PatchErrorCode } from './patch-error.js';

describe('PatchError', () => {
  it.each<[PatchErrorCode, number, string]>([
    ['MalformedPatch', 400, 'BadRequest'],
    ['TooManyOperations', 413, 'RequestEntityTooLarge'],
    ['InvalidOperation', 422, 'Invalid'],
    ['PathNotFound', 422, 'Invalid'],
    ['TestFailed', 422, 'Invalid'],
    ['TooLarge', 422, 'Invalid'],
    ['TooDeep', 422, 'Invalid'],
    ['InvalidPatch', 422, 'Invalid'],
    ['UnsupportedMediaType', 415, 'UnsupportedMediaType'],
  ])('%s answers %i %s', (code, status, reason) => {
    const error = new PatchError(code, 'what went wrong', { path: '/a', operationIndex: 2 });
    expect(error).toMatchObject({ name: 'PatchError', code, status, reason, path: '/a', operationIndex: 2 });
    expect(error.message).toBe('what went wrong');
    expect(PATCH_ERROR_STATUS[code]).toEqual({ status, reason });
  });

  it('is recognised by name and code, also across copies of the class', () => {
    const error = new PatchError('TestFailed', 'x');
    expect(PatchError.is(error)).toBe(true);
    expect(PatchError.is(error, 'TestFailed')).toBe(true);
    expect(PatchError.is(error, 'PathNotFound')).toBe(false);
    expect(PatchError.is({ name: 'PatchError', code: 'TestFailed' }, 'TestFailed')).toBe(true);
    expect(PatchError.is(new Error('x'))).toBe(false);
    expect(PatchError.is(null)).toBe(false);
    expect(PatchError.is('PatchError')).toBe(false);
    expect(new PatchError('TooDeep', 'x').path).toBeUndefined();
  });
});
