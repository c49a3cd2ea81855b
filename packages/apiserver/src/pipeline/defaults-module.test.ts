import { ApiError, type ObjectMeta, Pod, type ResourceType } from '@capstan/core';
import { Container, ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { NAMESPACE_LOOKUP, type NamespaceLookup, type NamespaceState } from '../plugins/namespace-lookup.js';
import { NAMESPACE_ENSURER, type NamespaceEnsurer } from '../plugins/system-namespaces.js';
import { BOOTSTRAPPER, type Bootstrapper } from './bootstrapper.js';
import {
  type AdmissionAttributes,
  type AdmissionOperation,
  MUTATING_ADMISSION,
  type MutatingAdmission,
  type RequestHead,
  VALIDATING_ADMISSION,
  type ValidatingAdmission,
} from './contracts.js';
import { apiServerDefaultsModule } from './defaults-module.js';
import { requestAttributesFor } from './request-attributes.js';
import { RequestPipeline } from './request-pipeline.js';

// ---------------------------------------------------------------------------------------------
// A team's admission policy, written as a user of Capstan would write it: two small classes that
// implement the plugin contracts, and a ContainerModule that binds them.
// ---------------------------------------------------------------------------------------------

/** TeamLabel labels every new object `team: platform` unless it names its team already. */
class TeamLabel implements MutatingAdmission {
  handles(operation: AdmissionOperation): boolean {
    return operation === 'CREATE';
  }

  async admit({ object }: AdmissionAttributes): Promise<void> {
    const metadata = object!.metadata as ObjectMeta;
    metadata.labels = { team: 'platform', ...metadata.labels };
  }
}

/** PinnedImages rejects pods with a container that pulls its image every time (`:latest` or no tag). */
class PinnedImages implements ValidatingAdmission {
  handles(operation: AdmissionOperation, type: ResourceType): boolean {
    return operation !== 'DELETE' && type === Pod;
  }

  async validate({ object, name }: AdmissionAttributes): Promise<void> {
    const pod = object as Pod;
    const unpinned = pod.spec.containers.filter((c) => c.imagePullPolicy === 'Always').map((c) => c.name);
    if (unpinned.length > 0) {
      throw ApiError.forbidden(
        { resource: 'pods' },
        name,
        `pin the images of containers ${unpinned.join(', ')}`,
      );
    }
  }
}

const teamPolicy = new ContainerModule(({ bind }) => {
  bind<MutatingAdmission>(MUTATING_ADMISSION).toConstantValue(new TeamLabel());
  bind<ValidatingAdmission>(VALIDATING_ADMISSION).toConstantValue(new PinnedImages());
});

// ---------------------------------------------------------------------------------------------

/** NamespaceTable stands in for the API server's storage, which provides both lookups for real. */
class NamespaceTable implements NamespaceLookup, NamespaceEnsurer {
  readonly phases = new Map<string, string>();

  async get(name: string): Promise<NamespaceState | undefined> {
    const phase = this.phases.get(name);
    return phase === undefined ? undefined : { phase };
  }

  async ensureNamespace(name: string): Promise<void> {
    if (!this.phases.has(name)) this.phases.set(name, 'Active');
  }
}

/** startPipeline composes the modules as the API server does: bind the storage, bootstrap, resolve the pipeline. */
async function startPipeline(...modules: ContainerModule[]) {
  const namespaces = new NamespaceTable();
  const container = new Container();
  container.load(...modules);
  container.bind<NamespaceLookup>(NAMESPACE_LOOKUP).toConstantValue(namespaces);
  container.bind<NamespaceEnsurer>(NAMESPACE_ENSURER).toConstantValue(namespaces);
  for (const bootstrapper of container.getAll<Bootstrapper>(BOOTSTRAPPER)) await bootstrapper.bootstrap();
  return { pipeline: container.get(RequestPipeline), namespaces };
}

const head: RequestHead = { method: 'POST', path: '/api/v1/namespaces/default/pods', headers: {} };

function podCreate(namespace: string, image: string): AdmissionAttributes {
  return {
    operation: 'CREATE',
    user: { username: 'system:anonymous', groups: ['system:unauthenticated'] },
    type: Pod,
    namespace,
    name: 'web',
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace },
      spec: { containers: [{ name: 'app', image }] },
    },
    dryRun: false,
  };
}

describe('apiServerDefaultsModule', () => {
  it('serves anonymous requests, allows them, and creates the system namespaces at start-up', async () => {
    const { pipeline, namespaces } = await startPipeline(apiServerDefaultsModule());
    expect([...namespaces.phases.keys()]).toEqual([
      'default',
      'kube-system',
      'kube-public',
      'kube-node-lease',
    ]);
    const user = await pipeline.authenticate(head);
    expect(user).toEqual({ username: 'system:anonymous', groups: ['system:unauthenticated'] });
    await pipeline.authorize(requestAttributesFor('POST', head.path, new URLSearchParams(), user));
  });

  it('defaults pods and keeps them out of missing namespaces', async () => {
    const { pipeline } = await startPipeline(apiServerDefaultsModule());
    const create = podCreate('default', 'nginx:1.27');
    await pipeline.admitMutating(create);
    expect(create.object!.spec).toMatchObject({
      schedulerName: 'default-scheduler',
      restartPolicy: 'Always',
      tolerations: [{ key: 'node.kubernetes.io/not-ready' }, { key: 'node.kubernetes.io/unreachable' }],
    });
    await expect(pipeline.admitMutating(podCreate('nowhere', 'nginx:1.27'))).rejects.toThrow(
      'namespaces "nowhere" not found',
    );
  });

  it('can leave anonymous access and AlwaysAllow out', async () => {
    const { pipeline } = await startPipeline(
      apiServerDefaultsModule({ anonymous: false, alwaysAllow: false }),
    );
    await expect(pipeline.authenticate(head)).rejects.toThrow('Unauthorized');
    const anonymous = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
    await expect(
      pipeline.authorize(requestAttributesFor('GET', '/version', new URLSearchParams(), anonymous)),
    ).rejects.toThrow('forbidden: User "system:anonymous" cannot get path "/version"');
  });
});

describe('a user plugin module loaded after the defaults', () => {
  it('labels new objects after the built-ins have defaulted them, then validates the result', async () => {
    const { pipeline } = await startPipeline(apiServerDefaultsModule(), teamPolicy);
    const create = podCreate('default', 'nginx:1.27');
    await pipeline.admitMutating(create);
    await pipeline.admitValidating(create);
    expect(create.object!.metadata).toEqual({
      name: 'web',
      namespace: 'default',
      labels: { team: 'platform' },
    });
  });

  it('rejects a pod whose image is not pinned, seeing the pull policy the defaults chose', async () => {
    const { pipeline } = await startPipeline(apiServerDefaultsModule(), teamPolicy);
    const create = podCreate('default', 'nginx');
    await pipeline.admitMutating(create);
    const err = await pipeline.admitValidating(create).catch((e: unknown) => e);
    expect(ApiError.is(err) && err.toStatus()).toMatchObject({
      code: 403,
      message: 'pods "web" is forbidden: pin the images of containers app',
    });
  });

  it('never runs for a request the built-ins rejected first', async () => {
    const { pipeline } = await startPipeline(apiServerDefaultsModule(), teamPolicy);
    const create = podCreate('nowhere', 'nginx:1.27');
    await expect(pipeline.admitMutating(create)).rejects.toSatisfy((e) => ApiError.is(e, 'NotFound'));
    expect(create.object!.metadata).not.toHaveProperty('labels');
  });

  it('runs in binding order: a module loaded before the defaults sees the pod before they default it', async () => {
    const seen: Record<string, unknown> = {};
    const observe = (name: string) =>
      new ContainerModule(({ bind }) => {
        bind<MutatingAdmission>(MUTATING_ADMISSION).toConstantValue({
          async admit({ object }) {
            seen[name] = (object!.spec as { schedulerName?: string }).schedulerName;
          },
        });
      });
    const { pipeline } = await startPipeline(observe('before'), apiServerDefaultsModule(), observe('after'));
    await pipeline.admitMutating(podCreate('default', 'nginx:1.27'));
    expect(seen).toEqual({ before: undefined, after: 'default-scheduler' });
  });
});
