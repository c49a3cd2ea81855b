import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors/api-error.js';
import { responseError } from './response-error.js';

const pods = { group: '', resource: 'pods' };

describe('responseError', () => {
  it('rebuilds the Status a server sent', () => {
    const status = ApiError.notFound(pods, 'web').toStatus();
    const err = responseError(404, { 'content-type': 'application/json' }, JSON.stringify(status), {
      method: 'GET',
      resource: pods,
      name: 'web',
    });
    expect(ApiError.is(err, 'NotFound')).toBe(true);
    expect(err.toStatus()).toEqual(status);
  });

  it('takes the HTTP code when the Status has none', () => {
    const body = { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Conflict', message: 'm' };
    const err = responseError(409, {}, JSON.stringify(body), { method: 'PUT' });
    expect([err.code, err.reason, err.message]).toEqual([409, 'Conflict', 'm']);
  });

  it.each([
    [
      'a JSON body that is no Status',
      404,
      { 'content-type': 'application/json' },
      '{"kind":"Pod"}',
      'GET',
      'NotFound',
      'the server could not find the requested resource (get pods web)',
    ],
    [
      'a Status that does not report a failure',
      409,
      {},
      '{"kind":"Status","status":"Success"}',
      'POST',
      'AlreadyExists',
      'the server reported a conflict (post pods web)',
    ],
    [
      'a text/plain body',
      500,
      { 'content-type': 'text/plain; charset=utf-8' },
      '  boom\n',
      'GET',
      'InternalError',
      'an error on the server ("boom") has prevented the request from succeeding (get pods web)',
    ],
    [
      'an HTML body',
      502,
      { 'content-type': 'text/html' },
      '<h1>Bad Gateway</h1>',
      'GET',
      'InternalError',
      'an error on the server ("unknown") has prevented the request from succeeding (get pods web)',
    ],
    [
      'an unknown client error',
      418,
      {},
      '',
      'GET',
      '',
      'the server responded with the status code 418 but did not return more information (get pods web)',
    ],
  ])('makes a generic error of %s', (_, code, headers, body, method, reason, message) => {
    const err = responseError(code, headers, body, { method, resource: pods, name: 'web' });
    expect([err.code, err.reason, err.message]).toEqual([code, reason, message]);
    expect(err.details?.causes).toEqual([
      {
        reason: 'UnexpectedServerResponse',
        message: (headers as Record<string, string>)['content-type']?.startsWith('text/plain')
          ? 'boom'
          : 'unknown',
      },
    ]);
  });

  it('keeps at most 2048 characters of a text body', () => {
    const err = responseError(500, { 'content-type': 'text/plain' }, 'x'.repeat(5000), { method: 'GET' });
    expect(err.details?.causes?.[0]?.message).toHaveLength(2048);
  });

  it.each([
    ['7', 7],
    [' 12 ', 12],
    ['-1', 0],
    ['Wed, 21 Oct 2015 07:28:00 GMT', 0],
  ])('reads Retry-After %j as %d seconds', (value, seconds) => {
    const err = responseError(429, { 'retry-after': value }, '', { method: 'GET' });
    expect(err.details?.retryAfterSeconds ?? 0).toBe(seconds);
  });
});
