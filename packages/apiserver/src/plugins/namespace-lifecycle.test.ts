import {
  ApiError,
  ClusterRole,
  defineResource,
  Namespace,
  Node,
  Pod,
  type ResourceType,
  type Status,
  type StatusDetails,
} from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AdmissionAttributes, AdmissionOperation } from '../pipeline/contracts.js';
import { NamespaceLifecycle } from './namespace-lifecycle.js';
import type { NamespaceLookup, NamespaceState } from './namespace-lookup.js';

const namespaces: Record<string, NamespaceState> = {
  default: { phase: 'Active' },
  web: { phase: 'Active' },
  leaving: { phase: 'Terminating', deletionTimestamp: '2025-01-01T00:00:00Z' },
  'being-deleted': { phase: 'Active', deletionTimestamp: '2025-01-01T00:00:00Z' },
};

const lookup: NamespaceLookup = { get: async (name) => namespaces[name] };
const plugin = new NamespaceLifecycle(lookup);

const LocalSubjectAccessReview = defineResource({
  group: 'authorization.k8s.io',
  version: 'v1',
  kind: 'LocalSubjectAccessReview',
  plural: 'localsubjectaccessreviews',
  namespaced: true,
  schema: z.object({ spec: z.looseObject({}) }),
});

function request(
  operation: AdmissionOperation,
  type: ResourceType,
  namespace: string | undefined,
  metadata: Record<string, unknown> = { name: 'web-1' },
): AdmissionAttributes {
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  return {
    operation,
    user: { username: 'jane', groups: [] },
    type,
    ...(namespace === undefined ? {} : { namespace }),
    name,
    ...(operation === 'DELETE' ? {} : { object: { metadata } }),
    dryRun: false,
  };
}

async function outcome(attributes: AdmissionAttributes): Promise<Status | 'admitted'> {
  try {
    await plugin.admit(attributes);
    return 'admitted';
  } catch (err) {
    if (!ApiError.is(err)) throw err;
    return err.toStatus();
  }
}

function status(code: number, reason: string, message: string, details: StatusDetails): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code,
  };
}

const notFound = (ns: string) =>
  status(404, 'NotFound', `namespaces "${ns}" not found`, { name: ns, kind: 'namespaces' });

const terminating = (name: string, ns: string) =>
  status(
    403,
    'Forbidden',
    `pods "${name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
    {
      name,
      kind: 'pods',
      causes: [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${ns} is being terminated`,
          field: 'metadata.namespace',
        },
      ],
    },
  );

const immortal = (ns: string) =>
  status(403, 'Forbidden', `namespaces "${ns}" is forbidden: this namespace may not be deleted`, {
    name: ns,
    kind: 'namespaces',
  });

describe('NamespaceLifecycle', () => {
  const cases: [string, AdmissionAttributes, Status | 'admitted'][] = [
    ['create in an active namespace', request('CREATE', Pod, 'web'), 'admitted'],
    ['create in a missing namespace', request('CREATE', Pod, 'nowhere'), notFound('nowhere')],
    ['update in a missing namespace', request('UPDATE', Pod, 'nowhere'), notFound('nowhere')],
    ['delete in a missing namespace', request('DELETE', Pod, 'nowhere'), 'admitted'],
    ['create in a terminating namespace', request('CREATE', Pod, 'leaving'), terminating('web-1', 'leaving')],
    [
      'create by generateName in a terminating namespace',
      request('CREATE', Pod, 'leaving', { generateName: 'web-' }),
      terminating('web-', 'leaving'),
    ],
    ['create without any name', request('CREATE', Pod, 'leaving', {}), terminating('Unknown', 'leaving')],
    [
      'create in a namespace with a deletion timestamp',
      request('CREATE', Pod, 'being-deleted'),
      terminating('web-1', 'being-deleted'),
    ],
    ['update in a terminating namespace', request('UPDATE', Pod, 'leaving'), 'admitted'],
    ['delete in a terminating namespace', request('DELETE', Pod, 'leaving'), 'admitted'],
    ['create of a cluster-scoped node', request('CREATE', Node, undefined, { name: 'n1' }), 'admitted'],
    ['create of a cluster role', request('CREATE', ClusterRole, undefined, { name: 'view' }), 'admitted'],
    ['create of a namespace', request('CREATE', Namespace, undefined, { name: 'fresh' }), 'admitted'],
    ['delete of an ordinary namespace', request('DELETE', Namespace, undefined, { name: 'web' }), 'admitted'],
    ['delete of default', request('DELETE', Namespace, undefined, { name: 'default' }), immortal('default')],
    [
      'delete of kube-system',
      request('DELETE', Namespace, undefined, { name: 'kube-system' }),
      immortal('kube-system'),
    ],
    [
      'delete of kube-public',
      request('DELETE', Namespace, undefined, { name: 'kube-public' }),
      immortal('kube-public'),
    ],
    [
      'delete of kube-node-lease',
      request('DELETE', Namespace, undefined, { name: 'kube-node-lease' }),
      'admitted',
    ],
    ['update of default', request('UPDATE', Namespace, undefined, { name: 'default' }), 'admitted'],
    [
      'access review in a missing namespace',
      request('CREATE', LocalSubjectAccessReview, 'nowhere'),
      'admitted',
    ],
  ];

  it.each(cases)('%s', async (_name, attributes, expected) => {
    expect(await outcome(attributes)).toEqual(expected);
  });

  it('handles creates, updates and deletes but not connects', () => {
    expect((['CREATE', 'UPDATE', 'DELETE', 'CONNECT'] as const).map((op) => plugin.handles(op))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('asks the lookup on every request, so a namespace created a moment ago is usable at once', async () => {
    const live: Record<string, NamespaceState> = {};
    const fresh = new NamespaceLifecycle({ get: async (name) => live[name] });
    await expect(fresh.admit(request('CREATE', Pod, 'new'))).rejects.toSatisfy((e) =>
      ApiError.is(e, 'NotFound'),
    );
    live.new = { phase: 'Active' };
    await expect(fresh.admit(request('CREATE', Pod, 'new'))).resolves.toBeUndefined();
    live.new = { phase: 'Terminating' };
    await expect(fresh.admit(request('CREATE', Pod, 'new'))).rejects.toSatisfy((e) =>
      ApiError.is(e, 'Forbidden'),
    );
  });

  it('answers 500 when the lookup fails', async () => {
    const broken = new NamespaceLifecycle({
      get: async () => {
        throw new Error('store unavailable');
      },
    });
    const err = await broken.admit(request('CREATE', Pod, 'web')).catch((e: unknown) => e);
    expect(ApiError.is(err) && err.toStatus()).toMatchObject({
      code: 500,
      reason: 'InternalError',
      message: 'Internal error occurred: store unavailable',
    });
  });
});
