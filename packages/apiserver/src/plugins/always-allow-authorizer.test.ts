import { describe, expect, it } from 'vitest';
import { requestAttributesFor } from '../pipeline/request-attributes.js';
import { AlwaysAllowAuthorizer } from './always-allow-authorizer.js';

describe('AlwaysAllowAuthorizer', () => {
  it.each([
    ['DELETE', '/api/v1/namespaces/kube-system'],
    ['GET', '/metrics'],
    ['PUT', '/apis/apps/v1/namespaces/web/deployments/api/scale'],
  ])('allows %s %s', async (method, path) => {
    const attributes = requestAttributesFor(method, path, new URLSearchParams(), {
      username: 'system:anonymous',
      groups: ['system:unauthenticated'],
    });
    expect(await new AlwaysAllowAuthorizer().authorize(attributes)).toEqual({ decision: 'allow' });
  });
});
