import { ApiError, ConfigMap, Pod, type ResourceType, type Status, type StatusDetails } from '@capstan/core';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { AnonymousAuthenticator } from '../plugins/anonymous-authenticator.js';
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
import { requestAttributesFor } from './request-attributes.js';
import { ANONYMOUS_AUTHENTICATOR, RequestPipeline } from './request-pipeline.js';

const head: RequestHead = { method: 'GET', path: '/api/v1/pods', headers: {} };
const jane: UserInfo = { username: 'jane', groups: ['dev'] };

/** A trail of which plugin ran, in order. */
type Trail = string[];

function authenticator(trail: Trail, name: string, answer: () => UserInfo | undefined): Authenticator {
  return {
    async authenticate() {
      trail.push(name);
      return answer();
    },
  };
}

function authorizer(trail: Trail, name: string, answer: () => AuthorizationDecision): Authorizer {
  return {
    async authorize() {
      trail.push(name);
      return answer();
    },
  };
}

function pipeline(parts: {
  authenticators?: Authenticator[];
  authorizers?: Authorizer[];
  mutating?: MutatingAdmission[];
  validating?: ValidatingAdmission[];
  anonymous?: Authenticator;
}): RequestPipeline {
  return new RequestPipeline(
    parts.authenticators,
    parts.authorizers,
    parts.mutating,
    parts.validating,
    parts.anonymous,
  );
}

async function statusOf(promise: Promise<unknown>): Promise<Status> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!ApiError.is(err)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err.toStatus();
}

const UNAUTHORIZED: Status = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'Unauthorized',
  reason: 'Unauthorized',
  code: 401,
};

describe('RequestPipeline.authenticate', () => {
  it('takes the user of the first authenticator that claims the request, and asks no later one', async () => {
    const trail: Trail = [];
    const p = pipeline({
      authenticators: [
        authenticator(trail, 'token', () => undefined),
        authenticator(trail, 'cert', () => jane),
        authenticator(trail, 'never', () => ({ username: 'other', groups: [] })),
      ],
      anonymous: authenticator(trail, 'anonymous', () => ({ username: 'system:anonymous', groups: [] })),
    });
    expect(await p.authenticate(head)).toEqual({ username: 'jane', groups: ['dev', 'system:authenticated'] });
    expect(trail).toEqual(['token', 'cert']);
  });

  it.each([
    [['system:authenticated'], ['system:authenticated']],
    [['system:unauthenticated'], ['system:unauthenticated']],
    [[], ['system:authenticated']],
  ])('adds system:authenticated to groups %j as Kubernetes does', async (groups, expected) => {
    const p = pipeline({ authenticators: [authenticator([], 'a', () => ({ username: 'u', groups }))] });
    expect((await p.authenticate(head)).groups).toEqual(expected);
  });

  it('falls back to the anonymous authenticator, after every other one, without adding groups', async () => {
    const trail: Trail = [];
    const p = pipeline({
      authenticators: [authenticator(trail, 'token', () => undefined)],
      anonymous: new AnonymousAuthenticator(),
    });
    expect(await p.authenticate(head)).toEqual({
      username: 'system:anonymous',
      groups: ['system:unauthenticated'],
    });
    expect(trail).toEqual(['token']);
  });

  it('answers 401 exactly as Kubernetes when nobody claims the request', async () => {
    const p = pipeline({ authenticators: [authenticator([], 'token', () => undefined)] });
    expect(await statusOf(p.authenticate(head))).toEqual(UNAUTHORIZED);
  });

  it('answers 401 when an authenticator rejects credentials, and stops there (no anonymous fallback)', async () => {
    const trail: Trail = [];
    const p = pipeline({
      authenticators: [
        authenticator(trail, 'token', () => {
          throw ApiError.unauthorized('token has expired');
        }),
        authenticator(trail, 'cert', () => jane),
      ],
      anonymous: new AnonymousAuthenticator(),
    });
    const err = await p.authenticate(head).catch((e: unknown) => e);
    expect(ApiError.is(err) && err.toStatus()).toEqual(UNAUTHORIZED);
    expect((err as Error).cause).toEqual(ApiError.unauthorized('token has expired'));
    expect(trail).toEqual(['token']);
  });

  it('turns any error an authenticator throws into the same 401', async () => {
    const p = pipeline({
      authenticators: [
        authenticator([], 'webhook', () => {
          throw new Error('connection refused');
        }),
      ],
    });
    expect(await statusOf(p.authenticate(head))).toEqual(UNAUTHORIZED);
  });
});

function attributes(method: string, url: string, username = 'jane'): RequestAttributes {
  const parsed = new URL(url, 'http://127.0.0.1');
  return requestAttributesFor(method, parsed.pathname, parsed.searchParams, { username, groups: [] });
}

function forbidden(message: string, details: StatusDetails): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Forbidden',
    details,
    code: 403,
  };
}

describe('RequestPipeline.authorize', () => {
  it('lets the first allow or deny decide, in binding order', async () => {
    const trail: Trail = [];
    const allowing = pipeline({
      authorizers: [
        authorizer(trail, 'rbac', () => ({ decision: 'noOpinion' })),
        authorizer(trail, 'allow', () => ({ decision: 'allow' })),
        authorizer(trail, 'deny', () => ({ decision: 'deny' })),
      ],
    });
    await allowing.authorize(attributes('GET', '/api/v1/pods'));
    expect(trail).toEqual(['rbac', 'allow']);

    trail.length = 0;
    const denying = pipeline({
      authorizers: [
        authorizer(trail, 'deny', () => ({ decision: 'deny', reason: 'node is not allowed' })),
        authorizer(trail, 'allow', () => ({ decision: 'allow' })),
      ],
    });
    expect(await statusOf(denying.authorize(attributes('GET', '/api/v1/pods')))).toEqual(
      forbidden(
        'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope: node is not allowed',
        { kind: 'pods' },
      ),
    );
    expect(trail).toEqual(['deny']);
  });

  it('denies when every authorizer has no opinion, with their reasons joined by newlines', async () => {
    const p = pipeline({
      authorizers: [
        authorizer([], 'a', () => ({ decision: 'noOpinion', reason: 'no RBAC policy matched' })),
        authorizer([], 'b', () => ({ decision: 'noOpinion' })),
        authorizer([], 'c', () => ({ decision: 'noOpinion', reason: 'webhook said nothing' })),
      ],
    });
    const status = await statusOf(p.authorize(attributes('GET', '/api/v1/namespaces/web/pods')));
    expect(status.message).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "web": no RBAC policy matched\nwebhook said nothing',
    );
  });

  it('denies every request when no authorizer is bound', async () => {
    expect((await statusOf(pipeline({}).authorize(attributes('GET', '/version')))).code).toBe(403);
  });

  const noOpinion = pipeline({ authorizers: [authorizer([], 'none', () => ({ decision: 'noOpinion' }))] });
  // method, url, user, Kubernetes' message, details
  const messages: [string, string, string, string, StatusDetails][] = [
    [
      'GET',
      '/api/v1/namespaces/y/pods',
      'x',
      'pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"',
      { kind: 'pods' },
    ],
    [
      'GET',
      '/api/v1/nodes/n1',
      'x',
      'nodes "n1" is forbidden: User "x" cannot get resource "nodes" in API group "" at the cluster scope',
      { name: 'n1', kind: 'nodes' },
    ],
    [
      'PUT',
      '/api/v1/namespaces/y/pods/web/status',
      'x',
      'pods "web" is forbidden: User "x" cannot update resource "pods/status" in API group "" in the namespace "y"',
      { name: 'web', kind: 'pods' },
    ],
    [
      'POST',
      '/apis/apps/v1/namespaces/y/deployments',
      'system:serviceaccount:y:builder',
      'deployments.apps is forbidden: User "system:serviceaccount:y:builder" cannot create resource "deployments" in API group "apps" in the namespace "y"',
      { group: 'apps', kind: 'deployments' },
    ],
    [
      'DELETE',
      '/api/v1/namespaces/kube-system',
      'x',
      'namespaces "kube-system" is forbidden: User "x" cannot delete resource "namespaces" in API group "" in the namespace "kube-system"',
      { name: 'kube-system', kind: 'namespaces' },
    ],
    ['GET', '/version', 'x', 'forbidden: User "x" cannot get path "/version"', {}],
    ['POST', '/api', 'x', 'forbidden: User "x" cannot post path "/api"', {}],
    [
      'GET',
      '/healthz',
      'a<b>&"c"\n',
      'forbidden: User "a&lt;b&gt;&amp;\\"c\\"\\n" cannot get path "/healthz"',
      {},
    ],
  ];

  it.each(messages)(
    '%s %s by %j is forbidden with Kubernetes message',
    async (method, url, user, message, details) => {
      expect(await statusOf(noOpinion.authorize(attributes(method, url, user)))).toEqual(
        forbidden(message, details),
      );
    },
  );

  it('keeps asking after an authorizer throws, and answers 500 when nobody allows', async () => {
    const trail: Trail = [];
    const failing = authorizer(trail, 'webhook', () => {
      throw new Error('webhook unreachable');
    });
    await pipeline({
      authorizers: [failing, authorizer(trail, 'allow', () => ({ decision: 'allow' }))],
    }).authorize(attributes('GET', '/api/v1/pods'));
    expect(trail).toEqual(['webhook', 'allow']);

    const status = await statusOf(
      pipeline({
        authorizers: [failing, authorizer([], 'none', () => ({ decision: 'noOpinion' }))],
      }).authorize(attributes('GET', '/api/v1/pods')),
    );
    expect(status).toMatchObject({
      code: 500,
      reason: 'InternalError',
      message: 'Internal error occurred: webhook unreachable',
    });
  });
});

function admission(
  operation: AdmissionAttributes['operation'],
  type: ResourceType = Pod,
): AdmissionAttributes {
  return {
    operation,
    user: jane,
    type,
    namespace: 'default',
    name: 'web',
    object: { metadata: { name: 'web' } },
    dryRun: false,
  };
}

describe('RequestPipeline admission', () => {
  function mutating(trail: Trail, name: string, only?: AdmissionAttributes['operation']): MutatingAdmission {
    return {
      ...(only === undefined ? {} : { handles: (operation) => operation === only }),
      async admit(a) {
        trail.push(name);
        const metadata = a.object!.metadata as { labels?: Record<string, string> };
        metadata.labels = { ...metadata.labels, [name]: String(Object.keys(metadata.labels ?? {}).length) };
      },
    };
  }

  it('runs mutating plugins in binding order, each seeing the changes before it, skipping those that do not handle the request', async () => {
    const trail: Trail = [];
    const p = pipeline({
      mutating: [
        mutating(trail, 'first'),
        mutating(trail, 'deletes-only', 'DELETE'),
        mutating(trail, 'second'),
      ],
    });
    const a = admission('CREATE');
    await p.admitMutating(a);
    expect(trail).toEqual(['first', 'second']);
    expect(a.object!.metadata).toEqual({ name: 'web', labels: { first: '0', second: '1' } });
  });

  it('stops mutating admission at the first plugin that throws', async () => {
    const trail: Trail = [];
    const rejecting: MutatingAdmission = {
      async admit() {
        trail.push('reject');
        throw ApiError.forbidden({ resource: 'pods' }, 'web', 'no');
      },
    };
    const p = pipeline({ mutating: [mutating(trail, 'first'), rejecting, mutating(trail, 'never')] });
    expect((await statusOf(p.admitMutating(admission('CREATE')))).message).toBe(
      'pods "web" is forbidden: no',
    );
    expect(trail).toEqual(['first', 'reject']);
  });

  it('runs validating plugins in binding order and stops at the first rejection', async () => {
    const trail: Trail = [];
    const validating = (name: string, verdict: 'pass' | 'reject', kind?: string): ValidatingAdmission => ({
      ...(kind === undefined ? {} : { handles: (_operation, type) => type.kind === kind }),
      async validate() {
        trail.push(name);
        if (verdict === 'reject') throw ApiError.badRequest(`${name} rejects`);
      },
    });
    const p = pipeline({
      validating: [
        validating('pods-only', 'pass', 'Pod'),
        validating('any', 'pass'),
        validating('configmaps-only', 'reject', 'ConfigMap'),
        validating('last', 'reject'),
      ],
    });
    expect((await statusOf(p.admitValidating(admission('UPDATE')))).message).toBe('last rejects');
    expect(trail).toEqual(['pods-only', 'any', 'last']);

    trail.length = 0;
    expect((await statusOf(p.admitValidating(admission('CREATE', ConfigMap)))).message).toBe(
      'configmaps-only rejects',
    );
    expect(trail).toEqual(['any', 'configmaps-only']);
  });
});

describe('RequestPipeline in a container', () => {
  it('multi-injects every stage in binding order, and works with no plugins bound at all', async () => {
    const trail: Trail = [];
    const container = new Container();
    container.bind<Authenticator>(AUTHENTICATOR).toConstantValue(authenticator(trail, 'a1', () => undefined));
    container.bind<Authenticator>(AUTHENTICATOR).toConstantValue(authenticator(trail, 'a2', () => undefined));
    container.bind<Authenticator>(ANONYMOUS_AUTHENTICATOR).toConstantValue(new AnonymousAuthenticator());
    container
      .bind<Authorizer>(AUTHORIZER)
      .toConstantValue(authorizer(trail, 'z1', () => ({ decision: 'noOpinion' })));
    container
      .bind<Authorizer>(AUTHORIZER)
      .toConstantValue(authorizer(trail, 'z2', () => ({ decision: 'allow' })));
    container.bind<MutatingAdmission>(MUTATING_ADMISSION).toConstantValue({
      async admit() {
        trail.push('m');
      },
    });
    container.bind<ValidatingAdmission>(VALIDATING_ADMISSION).toConstantValue({
      async validate() {
        trail.push('v');
      },
    });
    container.bind(RequestPipeline).toSelf();
    const p = container.get(RequestPipeline);
    const user = await p.authenticate(head);
    await p.authorize(requestAttributesFor('GET', '/api/v1/pods', new URLSearchParams(), user));
    await p.admitMutating(admission('CREATE'));
    await p.admitValidating(admission('CREATE'));
    expect(user.username).toBe('system:anonymous');
    expect(trail).toEqual(['a1', 'a2', 'z1', 'z2', 'm', 'v']);

    const empty = new Container();
    empty.bind(RequestPipeline).toSelf();
    await expect(empty.get(RequestPipeline).authenticate(head)).rejects.toSatisfy((e) =>
      ApiError.is(e, 'Unauthorized'),
    );
  });
});
