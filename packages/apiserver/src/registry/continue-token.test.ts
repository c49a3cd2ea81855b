import { ApiError } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { decodeContinueToken, encodeContinueToken } from './continue-token.js';

const PREFIX = '/registry/pods/';
const b64 = (text: string): string => Buffer.from(text).toString('base64url');

describe('continue tokens', () => {
  it('encodes Kubernetes’ token format: base64url JSON of v, rv and the start key after a NUL', () => {
    const token = encodeContinueToken('/registry/pods/default/web-1', PREFIX, 42);
    expect(token).not.toMatch(/[=+/]/);
    expect(JSON.parse(Buffer.from(token, 'base64url').toString())).toEqual({
      v: 'meta.k8s.io/v1',
      rv: 42,
      start: 'default/web-1\u0000',
    });
  });

  it('decodes what it encodes back to a start key under the prefix', () => {
    const token = encodeContinueToken('/registry/pods/default/web-1', PREFIX, 42);
    expect(decodeContinueToken(token, PREFIX)).toEqual({
      startKey: '/registry/pods/default/web-1\u0000',
      revision: 42,
    });
  });

  it('reads a negative revision as "continue at the latest revision"', () => {
    const token = b64(JSON.stringify({ v: 'meta.k8s.io/v1', rv: -7, start: 'a' }));
    expect(decodeContinueToken(token, PREFIX)).toEqual({ startKey: '/registry/pods/a', revision: -1 });
  });

  it.each([
    ['not base64', 'a+b', 'illegal base64 data at input byte 1'],
    ['truncated base64', 'abcde', 'illegal base64 data at input byte 4'],
    ['not JSON', b64('{nope'), 'continue key is not valid: '],
    ['not an object', b64('[1]'), 'the token is not a JSON object'],
    [
      'unknown version',
      b64('{"v":"meta.k8s.io/v2","rv":1,"start":"a"}'),
      'server does not recognize this encoded version',
    ],
    [
      'zero revision',
      b64('{"v":"meta.k8s.io/v1","rv":0,"start":"a"}'),
      'incorrect encoded start resourceVersion',
    ],
    [
      'string revision',
      b64('{"v":"meta.k8s.io/v1","rv":"5","start":"a"}'),
      'incorrect encoded start resourceVersion',
    ],
    ['empty start', b64('{"v":"meta.k8s.io/v1","rv":5,"start":""}'), 'encoded start key empty'],
    ['climbing out', b64('{"v":"meta.k8s.io/v1","rv":5,"start":"../secrets/x"}'), '../secrets/x'],
    ['dot segment', b64('{"v":"meta.k8s.io/v1","rv":5,"start":"a/./b"}'), 'a/./b'],
    ['double slash', b64('{"v":"meta.k8s.io/v1","rv":5,"start":"a//b"}'), 'a//b'],
    ['trailing slash', b64('{"v":"meta.k8s.io/v1","rv":5,"start":"a/"}'), 'a/'],
  ])('refuses a token that is %s with 400', (_name, token, detail) => {
    let caught: unknown;
    try {
      decodeContinueToken(token, PREFIX);
    } catch (err) {
      caught = err;
    }
    expect(ApiError.is(caught, 'BadRequest')).toBe(true);
    const error = caught as ApiError;
    expect(error.code).toBe(400);
    expect(error.message).toMatch(/^invalid continue token: continue key is not valid: /);
    expect(error.message).toContain(detail);
  });
});
