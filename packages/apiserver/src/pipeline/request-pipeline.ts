import { ApiError } from '@capstan/core';
import { inject, injectable, multiInject, optional } from 'inversify';
import { forbiddenError, unauthorizedError } from './access-errors.js';
import {
  type AdmissionAttributes,
  AUTHENTICATOR,
  AUTHORIZER,
  type Authenticator,
  type AuthorizationDecision,
  type Authorizer,
  MUTATING_ADMISSION,
  type MutatingAdmission,
  type RequestAttributes,
  type RequestHead,
  type UserInfo,
  VALIDATING_ADMISSION,
  type ValidatingAdmission,
} from './contracts.js';

/**
 * ANONYMOUS_AUTHENTICATOR is the inversify token of the one authenticator consulted after every
 * {@link AUTHENTICATOR} has passed on a request, as Kubernetes places anonymous authentication after
 * its union of authenticators. Binding the anonymous authenticator here rather than under
 * AUTHENTICATOR keeps it last whatever order modules are loaded in; leaving it unbound turns
 * anonymous requests away with 401.
 */
export const ANONYMOUS_AUTHENTICATOR = Symbol.for('@capstan/apiserver/AnonymousAuthenticator');

/** The group of every authenticated user, which Kubernetes adds to users that are not anonymous. */
const ALL_AUTHENTICATED = 'system:authenticated';
const ALL_UNAUTHENTICATED = 'system:unauthenticated';
const ANONYMOUS_USER = 'system:anonymous';

/**
 * RequestPipeline runs the stages of a request that plugins decide, in Kubernetes' order, over the
 * multi-injected plugins in binding order:
 *
 * 1. {@link RequestPipeline.authenticate} (who is it),
 * 2. {@link RequestPipeline.authorize} (may they),
 * 3. {@link RequestPipeline.admitMutating} (change the object),
 * 4. {@link RequestPipeline.admitValidating} (accept the final object).
 *
 * Decoding, schema validation and storage happen between these stages in the HTTP layer. The
 * pipeline keeps no state between requests, so one instance serves any number of them at once.
 */
@injectable()
export class RequestPipeline {
  private readonly authenticators: readonly Authenticator[];
  private readonly authorizers: readonly Authorizer[];
  private readonly mutating: readonly MutatingAdmission[];
  private readonly validating: readonly ValidatingAdmission[];
  private readonly anonymous: Authenticator | undefined;

  constructor(
    @multiInject(AUTHENTICATOR) @optional() authenticators: readonly Authenticator[] | undefined,
    @multiInject(AUTHORIZER) @optional() authorizers: readonly Authorizer[] | undefined,
    @multiInject(MUTATING_ADMISSION) @optional() mutating: readonly MutatingAdmission[] | undefined,
    @multiInject(VALIDATING_ADMISSION) @optional() validating: readonly ValidatingAdmission[] | undefined,
    @inject(ANONYMOUS_AUTHENTICATOR) @optional() anonymous: Authenticator | undefined,
  ) {
    this.authenticators = authenticators ?? [];
    this.authorizers = authorizers ?? [];
    this.mutating = mutating ?? [];
    this.validating = validating ?? [];
    this.anonymous = anonymous;
  }

  /**
   * authenticate returns the user of a request: the first authenticator, in binding order, that
   * returns a user wins, and later ones do not run; when none does, the anonymous authenticator
   * decides. An authenticated user who is not anonymous gets the `system:authenticated` group, as
   * Kubernetes adds it. Rejects with 401 Unauthorized (message `Unauthorized`, exactly as Kubernetes)
   * when an authenticator throws (invalid credentials: no later authenticator, not even the
   * anonymous one, runs) or nobody claims the request.
   */
  async authenticate(head: RequestHead): Promise<UserInfo> {
    for (const authenticator of this.authenticators) {
      const user = await claim(authenticator, head);
      if (user !== undefined) return withAuthenticatedGroup(user);
    }
    if (this.anonymous !== undefined) {
      const user = await claim(this.anonymous, head);
      if (user !== undefined) return user;
    }
    throw unauthorizedError();
  }

  /**
   * authorize resolves when the request may proceed. Authorizers run in binding order; the first
   * `allow` or `deny` decides. A denial, or no opinion from all of them, rejects with Kubernetes'
   * 403 Forbidden ({@link forbiddenError}); the reason shown is the denying authorizer's, or the
   * reasons of all the authorizers without an opinion joined by newlines. An authorizer that throws
   * does not stop the chain (a later one may still allow); when nobody allows, the request fails with
   * 500 InternalError naming what was thrown.
   */
  async authorize(attributes: RequestAttributes): Promise<void> {
    const reasons: string[] = [];
    const errors: unknown[] = [];
    for (const authorizer of this.authorizers) {
      let decision: AuthorizationDecision;
      try {
        decision = await authorizer.authorize(attributes);
      } catch (err) {
        errors.push(err);
        continue;
      }
      if (decision.decision === 'allow') return;
      if (decision.decision === 'deny') throw forbiddenError(attributes, decision.reason ?? '');
      if (decision.reason) reasons.push(decision.reason);
    }
    if (errors.length > 0) throw ApiError.internal(aggregateError(errors));
    throw forbiddenError(attributes, reasons.join('\n'));
  }

  /**
   * admitMutating runs every mutating plugin that handles the operation and type, in binding order,
   * each seeing the changes of those before it. The first plugin that throws stops the chain and its
   * error is the answer.
   */
  async admitMutating(attributes: AdmissionAttributes): Promise<void> {
    for (const plugin of this.mutating) {
      if (plugin.handles !== undefined && !plugin.handles(attributes.operation, attributes.type)) continue;
      await plugin.admit(attributes);
    }
  }

  /**
   * admitValidating runs every validating plugin that handles the operation and type, in binding
   * order. The first plugin that throws stops the chain and its error is the answer.
   */
  async admitValidating(attributes: AdmissionAttributes): Promise<void> {
    for (const plugin of this.validating) {
      if (plugin.handles !== undefined && !plugin.handles(attributes.operation, attributes.type)) continue;
      await plugin.validate(attributes);
    }
  }
}

/** claim asks one authenticator; whatever it throws becomes Kubernetes' plain 401. */
async function claim(authenticator: Authenticator, head: RequestHead): Promise<UserInfo | undefined> {
  try {
    return await authenticator.authenticate(head);
  } catch (err) {
    throw unauthorizedError(err);
  }
}

/** aggregateError joins errors as Go's `utilerrors.NewAggregate` prints them: one as it is, several as `[a, b]`. */
function aggregateError(errors: readonly unknown[]): Error {
  const messages = errors.map((e) => (e instanceof Error ? e.message : String(e)));
  return new AggregateError(errors, messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
}

/** withAuthenticatedGroup adds `system:authenticated` as Kubernetes' AuthenticatedGroupAdder does. */
function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.username === ANONYMOUS_USER) return user;
  if (user.groups.includes(ALL_AUTHENTICATED) || user.groups.includes(ALL_UNAUTHENTICATED)) return user;
  return { ...user, groups: [...user.groups, ALL_AUTHENTICATED] };
}
