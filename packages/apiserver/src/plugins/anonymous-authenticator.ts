import type { Authenticator, RequestHead, UserInfo } from '../pipeline/contracts.js';

/** ANONYMOUS_USER is the user Kubernetes gives requests nobody authenticated: `system:anonymous` in `system:unauthenticated`. */
export const ANONYMOUS_USER: UserInfo = Object.freeze({
  username: 'system:anonymous',
  groups: Object.freeze(['system:unauthenticated']) as readonly string[],
});

/**
 * AnonymousAuthenticator claims every request it is asked about as {@link ANONYMOUS_USER}, as
 * Kubernetes' `--anonymous-auth`. Bind it under `ANONYMOUS_AUTHENTICATOR` (the defaults module does),
 * so that it is asked only after every other authenticator has passed and never for a request whose
 * credentials another authenticator rejected.
 */
export class AnonymousAuthenticator implements Authenticator {
  async authenticate(_request: RequestHead): Promise<UserInfo> {
    return ANONYMOUS_USER;
  }
}
