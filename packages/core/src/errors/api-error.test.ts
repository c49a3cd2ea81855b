import { describe, expect, it } from 'vitest';
import {
  ApiError,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isForbidden,
  isGone,
  isInternalError,
  isInvalid,
  isMethodNotSupported,
  isNotAcceptable,
  isNotFound,
  isRequestEntityTooLarge,
  isResourceExpired,
  isServerTimeout,
  isServiceUnavailable,
  isTimeout,
  isTooManyRequests,
  isUnauthorized,
  isUnsupportedMediaType,
  suggestsClientDelay,
} from './api-error.js';
import { fieldErrors } from './field-error.js';
import { ParseError } from './parse-error.js';
import { type Status, type StatusReason, statusReasonCodes } from './status.js';

const pods = { group: '', resource: 'pods' };
const deployments = { group: 'apps', resource: 'deployments' };

function failure(fields: Omit<Status, 'kind' | 'apiVersion' | 'metadata' | 'status'>): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...fields };
}

describe('ApiError constructors', () => {
  it.each<[string, ApiError, Status]>([
    [
      'notFound',
      ApiError.notFound(pods, 'web'),
      failure({
        message: 'pods "web" not found',
        reason: 'NotFound',
        details: { name: 'web', kind: 'pods' },
        code: 404,
      }),
    ],
    [
      'notFound in a group',
      ApiError.notFound(deployments, 'web'),
      failure({
        message: 'deployments.apps "web" not found',
        reason: 'NotFound',
        details: { name: 'web', group: 'apps', kind: 'deployments' },
        code: 404,
      }),
    ],
    [
      'alreadyExists',
      ApiError.alreadyExists(pods, 'web'),
      failure({
        message: 'pods "web" already exists',
        reason: 'AlreadyExists',
        details: { name: 'web', kind: 'pods' },
        code: 409,
      }),
    ],
    [
      'conflict',
      ApiError.conflict(pods, 'web'),
      failure({
        message:
          'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
        reason: 'Conflict',
        details: { name: 'web', kind: 'pods' },
        code: 409,
      }),
    ],
    [
      'conflict with a reason',
      ApiError.conflict(deployments, 'web', 'StorageError: invalid object'),
      failure({
        message: 'Operation cannot be fulfilled on deployments.apps "web": StorageError: invalid object',
        reason: 'Conflict',
        details: { name: 'web', group: 'apps', kind: 'deployments' },
        code: 409,
      }),
    ],
    [
      'invalid with one error',
      ApiError.invalid({ kind: 'Pod' }, 'web', [fieldErrors.required('spec.containers[0].image')]),
      failure({
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
      }),
    ],
    [
      'invalid with several errors',
      ApiError.invalid({ group: 'apps', kind: 'Deployment' }, 'web', [
        fieldErrors.invalid('spec.replicas', -1, 'must be greater than or equal to 0'),
        fieldErrors.notSupported('spec.strategy.type', 'Foo', ['Recreate', 'RollingUpdate']),
        fieldErrors.invalid('spec.replicas', -1, 'must be greater than or equal to 0'),
      ]),
      failure({
        message:
          'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.strategy.type: Unsupported value: "Foo": supported values: "Recreate", "RollingUpdate"]',
        reason: 'Invalid',
        details: {
          name: 'web',
          group: 'apps',
          kind: 'Deployment',
          causes: [
            {
              reason: 'FieldValueInvalid',
              message: 'Invalid value: -1: must be greater than or equal to 0',
              field: 'spec.replicas',
            },
            {
              reason: 'FieldValueNotSupported',
              message: 'Unsupported value: "Foo": supported values: "Recreate", "RollingUpdate"',
              field: 'spec.strategy.type',
            },
            {
              reason: 'FieldValueInvalid',
              message: 'Invalid value: -1: must be greater than or equal to 0',
              field: 'spec.replicas',
            },
          ],
        },
        code: 422,
      }),
    ],
    [
      'invalid with no errors',
      ApiError.invalid({ kind: 'Pod' }, 'web', []),
      failure({
        message: 'Pod "web" is invalid: <nil>',
        reason: 'Invalid',
        details: { name: 'web', kind: 'Pod' },
        code: 422,
      }),
    ],
    [
      'gone',
      ApiError.gone('the resource is gone'),
      failure({ message: 'the resource is gone', reason: 'Gone', code: 410 }),
    ],
    [
      'tooOldResourceVersion',
      ApiError.tooOldResourceVersion(41, 57),
      failure({ message: 'too old resource version: 41 (57)', reason: 'Expired', code: 410 }),
    ],
    [
      'expired',
      ApiError.expired('continue token expired'),
      failure({ message: 'continue token expired', reason: 'Expired', code: 410 }),
    ],
    ['badRequest', ApiError.badRequest('bad'), failure({ message: 'bad', reason: 'BadRequest', code: 400 })],
    [
      'unauthorized',
      ApiError.unauthorized(),
      failure({ message: 'not authorized', reason: 'Unauthorized', code: 401 }),
    ],
    [
      'unauthorized with a message',
      ApiError.unauthorized('Unauthorized'),
      failure({ message: 'Unauthorized', reason: 'Unauthorized', code: 401 }),
    ],
    [
      'forbidden',
      ApiError.forbidden(
        pods,
        'web',
        'User "jane" cannot get resource "pods" in API group "" in the namespace "default"',
      ),
      failure({
        message:
          'pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"',
        reason: 'Forbidden',
        details: { name: 'web', kind: 'pods' },
        code: 403,
      }),
    ],
    [
      'forbidden without a name',
      ApiError.forbidden(deployments, '', new Error('no')),
      failure({
        message: 'deployments.apps is forbidden: no',
        reason: 'Forbidden',
        details: { group: 'apps', kind: 'deployments' },
        code: 403,
      }),
    ],
    [
      'forbidden without a resource',
      ApiError.forbidden(undefined, '', 'no'),
      failure({ message: 'forbidden: no', reason: 'Forbidden', details: {}, code: 403 }),
    ],
    [
      'methodNotSupported',
      ApiError.methodNotSupported(deployments, 'watch'),
      failure({
        message: 'watch is not supported on resources of kind "deployments.apps"',
        reason: 'MethodNotAllowed',
        details: { group: 'apps', kind: 'deployments' },
        code: 405,
      }),
    ],
    [
      'notAcceptable',
      ApiError.notAcceptable(['application/json', 'application/yaml']),
      failure({
        message: 'only the following media types are accepted: application/json, application/yaml',
        reason: 'NotAcceptable',
        code: 406,
      }),
    ],
    [
      'unsupportedMediaType',
      ApiError.unsupportedMediaType(['application/json']),
      failure({
        message:
          'the body of the request was in an unknown format - accepted media types include: application/json',
        reason: 'UnsupportedMediaType',
        code: 415,
      }),
    ],
    [
      'requestEntityTooLarge',
      ApiError.requestEntityTooLarge('limit is 3145728'),
      failure({
        message: 'Request entity too large: limit is 3145728',
        reason: 'RequestEntityTooLarge',
        code: 413,
      }),
    ],
    [
      'tooManyRequests',
      ApiError.tooManyRequests('Too many requests, please try again later.', 1),
      failure({
        message: 'Too many requests, please try again later.',
        reason: 'TooManyRequests',
        details: { retryAfterSeconds: 1 },
        code: 429,
      }),
    ],
    [
      'internal',
      ApiError.internal(new Error('etcd exploded')),
      failure({
        message: 'Internal error occurred: etcd exploded',
        reason: 'InternalError',
        details: { causes: [{ message: 'etcd exploded' }] },
        code: 500,
      }),
    ],
    [
      'timeout',
      ApiError.timeout('request did not complete within 60s', 0),
      failure({
        message: 'Timeout: request did not complete within 60s',
        reason: 'Timeout',
        details: {},
        code: 504,
      }),
    ],
    [
      'serverTimeout',
      ApiError.serverTimeout(pods, 'create', 2),
      failure({
        message: 'The create operation against pods could not be completed at this time, please try again.',
        reason: 'ServerTimeout',
        details: { name: 'create', kind: 'pods', retryAfterSeconds: 2 },
        code: 500,
      }),
    ],
    [
      'serviceUnavailable',
      ApiError.serviceUnavailable('the store is unavailable'),
      failure({ message: 'the store is unavailable', reason: 'ServiceUnavailable', code: 503 }),
    ],
  ])('%s', (_name, error, status) => {
    expect(error.toStatus()).toEqual(status);
    expect(JSON.parse(JSON.stringify(error))).toEqual(status);
    expect(error.message).toBe(status.message);
    expect(error.code).toBe(status.code);
    expect(error.reason).toBe(status.reason ?? '');
    expect(error.details).toEqual(status.details);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
  });

  it('quotes names as Go does', () => {
    expect(ApiError.notFound(pods, 'a"b\n').message).toBe('pods "a\\"b\\n" not found');
  });

  it('keeps the cause of an internal error and returns copies of its status', () => {
    const cause = new Error('boom');
    const error = ApiError.internal(cause);
    expect(error.cause).toBe(cause);
    const status = error.toStatus();
    status.message = 'changed';
    expect(error.toStatus().message).toBe('Internal error occurred: boom');
    expect(ApiError.internal('plain text').message).toBe('Internal error occurred: plain text');
  });

  it('defaults the code from the reason', () => {
    for (const [reason, code] of Object.entries(statusReasonCodes)) {
      expect(new ApiError({ reason, message: 'x' }).code).toBe(code);
    }
    expect(new ApiError({ reason: 'SomethingNew', message: 'x' }).code).toBe(500);
    expect(new ApiError({ reason: 'constructor', message: 'x' }).code).toBe(500);
    expect(new ApiError({ reason: 'NotFound', message: 'x', code: 418 }).code).toBe(418);
  });
});

describe('ApiError.genericServerResponse', () => {
  it.each<[number, string, StatusReason, string]>([
    [409, 'POST', 'AlreadyExists', 'the server reported a conflict (post pods web)'],
    [409, 'PUT', 'Conflict', 'the server reported a conflict (put pods web)'],
    [404, 'GET', 'NotFound', 'the server could not find the requested resource (get pods web)'],
    [400, 'GET', 'BadRequest', 'the server rejected our request for an unknown reason (get pods web)'],
    [401, 'GET', 'Unauthorized', 'the server has asked for the client to provide credentials (get pods web)'],
    [403, 'GET', 'Forbidden', 'denied (get pods web)'],
    [406, 'GET', 'NotAcceptable', 'denied (get pods web)'],
    [415, 'GET', 'UnsupportedMediaType', 'denied (get pods web)'],
    [
      405,
      'GET',
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource (get pods web)',
    ],
    [422, 'GET', 'Invalid', 'the server rejected our request due to an error in our request (get pods web)'],
    [503, 'GET', 'ServiceUnavailable', 'the server is currently unable to handle the request (get pods web)'],
    [
      504,
      'GET',
      'Timeout',
      'the server was unable to return a response in the time allotted, but may still be processing the request (get pods web)',
    ],
    [
      429,
      'GET',
      'TooManyRequests',
      'the server has received too many requests and has asked us to try again later (get pods web)',
    ],
    [
      502,
      'GET',
      'InternalError',
      'an error on the server ("denied") has prevented the request from succeeding (get pods web)',
    ],
    [
      302,
      'GET',
      '',
      'the server responded with the status code 302 but did not return more information (get pods web)',
    ],
  ])('%d on %s is %j', (code, verb, reason, message) => {
    const error = ApiError.genericServerResponse({
      code,
      verb,
      resource: pods,
      name: 'web',
      serverMessage: 'denied',
    });
    expect(error.reason).toBe(reason);
    expect(error.message).toBe(message);
    expect(error.code).toBe(code);
  });

  it('reports an unexpected response as a cause and omits an unknown resource', () => {
    const error = ApiError.genericServerResponse({
      code: 500,
      verb: 'GET',
      serverMessage: '<html>',
      retryAfterSeconds: 3,
      isUnexpectedResponse: true,
    });
    expect(error.toStatus()).toEqual(
      failure({
        message: 'an error on the server ("<html>") has prevented the request from succeeding',
        reason: 'InternalError',
        details: {
          causes: [{ reason: 'UnexpectedServerResponse', message: '<html>' }],
          retryAfterSeconds: 3,
        },
        code: 500,
      }),
    );
    expect(ApiError.genericServerResponse({ code: 404, verb: 'GET', resource: deployments }).message).toBe(
      'the server could not find the requested resource (get deployments.apps)',
    );
  });
});

describe('ApiError.fromStatus, from and is', () => {
  it('rebuilds an error from the Status a server sent', () => {
    const sent = ApiError.invalid({ kind: 'Pod' }, 'web', [
      fieldErrors.required('spec.containers'),
    ]).toStatus();
    const rebuilt = ApiError.fromStatus(JSON.parse(JSON.stringify(sent)));
    expect(rebuilt.toStatus()).toEqual(sent);
    expect(rebuilt.message).toBe('Pod "web" is invalid: spec.containers: Required value');
  });

  it('drops fields of the wrong type', () => {
    const rebuilt = ApiError.fromStatus({
      kind: 'Status',
      code: '404',
      reason: 7,
      message: 'gone',
      details: { name: 3, kind: 'pods', causes: [null, { field: 1, message: 'm' }], retryAfterSeconds: 'x' },
    });
    expect(rebuilt.toStatus()).toEqual(
      failure({ message: 'gone', details: { kind: 'pods', causes: [{ message: 'm' }] }, code: 0 }),
    );
    expect(ApiError.fromStatus('nonsense').toStatus()).toEqual(failure({ code: 0 }));
  });

  it('turns anything thrown into an ApiError', () => {
    const notFound = ApiError.notFound(pods, 'web');
    expect(ApiError.from(notFound)).toBe(notFound);
    const parse = ApiError.from(new ParseError('LabelSelector', "found '', expected: identifier after ','"));
    expect(parse.toStatus()).toEqual(
      failure({ message: "found '', expected: identifier after ','", reason: 'BadRequest', code: 400 }),
    );
    expect(ApiError.from({ kind: 'Status', reason: 'Gone', code: 410, message: 'm' }).reason).toBe('Gone');
    const internal = ApiError.from(new TypeError('x is undefined'));
    expect(internal.reason).toBe('InternalError');
    expect(internal.message).toBe('Internal error occurred: x is undefined');
  });

  it('recognises ApiErrors by shape, with or without a reason', () => {
    const error = ApiError.conflict(pods, 'web');
    expect(ApiError.is(error)).toBe(true);
    expect(ApiError.is(error, 'Conflict')).toBe(true);
    expect(ApiError.is(error, 'AlreadyExists')).toBe(false);
    expect(ApiError.is({ name: 'ApiError', status: { reason: 'Conflict' } }, 'Conflict')).toBe(true);
    expect(ApiError.is(new Error('x'))).toBe(false);
    expect(ApiError.is(null)).toBe(false);
    expect(ApiError.is({ kind: 'Status', reason: 'Conflict' })).toBe(false);
  });
});

describe('is* helpers', () => {
  const helpers = {
    isNotFound,
    isAlreadyExists,
    isConflict,
    isInvalid,
    isGone,
    isResourceExpired,
    isForbidden,
    isUnauthorized,
    isBadRequest,
    isTooManyRequests,
    isTimeout,
    isServerTimeout,
    isMethodNotSupported,
    isInternalError,
    isServiceUnavailable,
    isRequestEntityTooLarge,
    isUnsupportedMediaType,
    isNotAcceptable,
  };
  type Helper = keyof typeof helpers;

  // Which helper answers true for an error of each reason (with the reason's own code).
  const byReason: [StatusReason, Helper[]][] = [
    ['NotFound', ['isNotFound']],
    ['AlreadyExists', ['isAlreadyExists']],
    ['Conflict', ['isConflict']],
    ['Invalid', ['isInvalid']],
    ['Gone', ['isGone']],
    ['Expired', ['isResourceExpired']],
    ['Forbidden', ['isForbidden']],
    ['Unauthorized', ['isUnauthorized']],
    ['BadRequest', ['isBadRequest']],
    ['TooManyRequests', ['isTooManyRequests']],
    ['Timeout', ['isTimeout']],
    ['ServerTimeout', ['isServerTimeout']],
    ['MethodNotAllowed', ['isMethodNotSupported']],
    ['InternalError', ['isInternalError']],
    ['ServiceUnavailable', ['isServiceUnavailable']],
    ['RequestEntityTooLarge', ['isRequestEntityTooLarge']],
    ['UnsupportedMediaType', ['isUnsupportedMediaType']],
    ['NotAcceptable', ['isNotAcceptable']],
    ['StoreReadError', []],
  ];

  it.each(byReason)('an error with reason %s satisfies exactly %j', (reason, expected) => {
    const error = new ApiError({ reason, message: 'm' });
    const plain = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason,
      code: statusReasonCodes[reason],
    };
    for (const [name, helper] of Object.entries(helpers)) {
      expect([name, helper(error)]).toEqual([name, expected.includes(name as Helper)]);
      expect([name, helper(plain)]).toEqual([name, expected.includes(name as Helper)]);
    }
  });

  // With an unknown reason the code decides, except for the helpers Kubernetes keeps reason-only.
  it.each<[number, Helper[]]>([
    [404, ['isNotFound']],
    [409, ['isConflict']],
    [422, ['isInvalid']],
    [410, ['isGone']],
    [403, ['isForbidden']],
    [401, ['isUnauthorized']],
    [400, ['isBadRequest']],
    [429, ['isTooManyRequests']],
    [504, ['isTimeout']],
    [405, ['isMethodNotSupported']],
    [500, ['isInternalError']],
    [503, ['isServiceUnavailable']],
    [413, ['isRequestEntityTooLarge']],
    [415, ['isUnsupportedMediaType']],
    [406, ['isNotAcceptable']],
    [418, []],
  ])('a Status with code %d and no known reason satisfies exactly %j', (code, expected) => {
    for (const status of [{ code }, { kind: 'Status', code, reason: 'SomethingNew' }]) {
      for (const [name, helper] of Object.entries(helpers)) {
        expect([name, helper(status)]).toEqual([name, expected.includes(name as Helper)]);
      }
    }
  });

  it('lets a known reason win over the code, except for 429 and 413', () => {
    expect(isNotFound({ kind: 'Status', reason: 'Forbidden', code: 404 })).toBe(false);
    expect(isTooManyRequests({ kind: 'Status', reason: 'Forbidden', code: 429 })).toBe(true);
    expect(isRequestEntityTooLarge({ kind: 'Status', reason: 'BadRequest', code: 413 })).toBe(true);
  });

  it('answers false for things that are not errors of the API', () => {
    for (const helper of Object.values(helpers)) {
      expect(helper(undefined)).toBe(false);
      expect(helper(new Error('NotFound'))).toBe(false);
      expect(helper({ code: 'NotFound' })).toBe(false);
      expect(helper('NotFound')).toBe(false);
    }
  });
});

describe('suggestsClientDelay', () => {
  it.each<[unknown, number | undefined]>([
    [ApiError.tooManyRequests('slow down', 5), 5],
    [ApiError.tooManyRequests('slow down'), undefined],
    [ApiError.serverTimeout(pods, 'get', 0), 0],
    [ApiError.serverTimeout(pods, 'get', 3), 3],
    [ApiError.notFound(pods, 'web'), undefined],
    [{ kind: 'Status', code: 503, details: { retryAfterSeconds: 7 } }, 7],
    [new Error('x'), undefined],
  ])('%o asks for %j seconds', (error, seconds) => {
    expect(suggestsClientDelay(error)).toBe(seconds);
  });
});
