import type { AuthorizationDecision, Authorizer, RequestAttributes } from '../pipeline/contracts.js';

const ALLOW: AuthorizationDecision = Object.freeze({ decision: 'allow' });

/**
 * AlwaysAllowAuthorizer allows every request, as Kubernetes' `--authorization-mode=AlwaysAllow`.
 * Authorizers bound before it still decide first, so a deny rule bound earlier keeps working.
 */
export class AlwaysAllowAuthorizer implements Authorizer {
  async authorize(_attributes: RequestAttributes): Promise<AuthorizationDecision> {
    return ALLOW;
  }
}
