import { ApiError } from '@capstan/core';

/**
 * notFound is Kubernetes' 404 for a path it does not serve (an unknown resource, group, version
 * or subresource): `the server could not find the requested resource`, with empty details.
 */
export function notFound(): ApiError {
  return new ApiError({
    reason: 'NotFound',
    message: 'the server could not find the requested resource',
    details: {},
  });
}

/**
 * methodNotAllowed is Kubernetes' 405 for a method a path does not serve (or a verb its resource
 * does not list): `the server does not allow this method on the requested resource`.
 */
export function methodNotAllowed(): ApiError {
  return new ApiError({
    reason: 'MethodNotAllowed',
    message: 'the server does not allow this method on the requested resource',
    details: {},
  });
}
