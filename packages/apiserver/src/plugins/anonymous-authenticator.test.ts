import { describe, expect, it } from 'vitest';
import { ANONYMOUS_USER, AnonymousAuthenticator } from './anonymous-authenticator.js';

describe('AnonymousAuthenticator', () => {
  it.each([
    { method: 'GET', path: '/api/v1/pods', headers: {} },
    { method: 'POST', path: '/apis/apps/v1/deployments', headers: { authorization: 'Bearer unknown' } },
  ])('claims $method $path as system:anonymous in system:unauthenticated', async (head) => {
    const user = await new AnonymousAuthenticator().authenticate(head);
    expect(user).toEqual({ username: 'system:anonymous', groups: ['system:unauthenticated'] });
    expect(user).toBe(ANONYMOUS_USER);
    expect(Object.isFrozen(user.groups)).toBe(true);
  });
});
