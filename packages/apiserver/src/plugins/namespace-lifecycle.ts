import { ApiError, type ResourceType } from '@capstan/core';
import type { AdmissionAttributes, AdmissionOperation, MutatingAdmission } from '../pipeline/contracts.js';
import type { NamespaceLookup, NamespaceState } from './namespace-lookup.js';

/** IMMORTAL_NAMESPACES are the namespaces Kubernetes never lets anyone delete. */
export const IMMORTAL_NAMESPACES: readonly string[] = Object.freeze([
  'default',
  'kube-system',
  'kube-public',
]);

const immortal = new Set(IMMORTAL_NAMESPACES);

/**
 * NamespaceLifecycle is Kubernetes' NamespaceLifecycle admission plugin:
 *
 * - deleting `default`, `kube-system` or `kube-public` is 403 Forbidden,
 *   `namespaces "default" is forbidden: this namespace may not be deleted`;
 * - any create, update or patch of a namespaced object in a namespace that does not exist is 404
 *   NotFound, `namespaces "x" not found`;
 * - a create in a namespace being deleted (phase `Terminating`, or a deletion timestamp) is 403
 *   Forbidden, `pods "p" is forbidden: unable to create new content in namespace x because it is
 *   being terminated`, with a `NamespaceTerminating` cause on `metadata.namespace`;
 * - namespaces themselves, cluster-scoped objects, deletes and LocalSubjectAccessReviews pass.
 *
 * Every check asks the {@link NamespaceLookup} afresh; nothing is cached here, so a namespace
 * created a moment ago can be used at once. A lookup that fails is 500 InternalError. Kubernetes
 * runs the plugin first among the mutating plugins (it changes nothing), so a request into a missing
 * namespace gets 404 before its body is validated.
 */
export class NamespaceLifecycle implements MutatingAdmission {
  constructor(private readonly namespaces: NamespaceLookup) {}

  handles(operation: AdmissionOperation): boolean {
    return operation !== 'CONNECT';
  }

  async admit(attributes: AdmissionAttributes): Promise<void> {
    const { operation, type } = attributes;
    const isNamespace = type.group === '' && type.kind === 'Namespace';
    if (isNamespace) {
      if (operation === 'DELETE' && immortal.has(attributes.name)) {
        throw ApiError.forbidden(groupResource(type), attributes.name, 'this namespace may not be deleted');
      }
      return;
    }
    const namespace = attributes.namespace;
    if (!namespace || operation === 'DELETE' || isAccessReview(type)) return;

    const state = await this.lookup(namespace);
    if (state === undefined) throw ApiError.notFound({ group: '', resource: 'namespaces' }, namespace);
    if (operation === 'CREATE' && isTerminating(state)) throw terminatingError(attributes, namespace);
  }

  private async lookup(namespace: string): Promise<NamespaceState | undefined> {
    try {
      return await this.namespaces.get(namespace);
    } catch (err) {
      throw ApiError.is(err) ? err : ApiError.internal(err);
    }
  }
}

function groupResource(type: ResourceType): { group: string; resource: string } {
  return { group: type.group, resource: type.plural };
}

/** isAccessReview: Kubernetes lets LocalSubjectAccessReviews through, as an answer about the namespace would leak it. */
function isAccessReview(type: ResourceType): boolean {
  return type.group === 'authorization.k8s.io' && type.plural === 'localsubjectaccessreviews';
}

function isTerminating(state: NamespaceState): boolean {
  return state.phase === 'Terminating' || Boolean(state.deletionTimestamp);
}

/** terminatingError names the object as Kubernetes' admission errors do: its name, else its generateName, else `Unknown`. */
function terminatingError(attributes: AdmissionAttributes, namespace: string): ApiError {
  const metadata = attributes.object?.metadata as { name?: unknown; generateName?: unknown } | undefined;
  const name =
    (typeof metadata?.name === 'string' && metadata.name) ||
    (typeof metadata?.generateName === 'string' && metadata.generateName) ||
    'Unknown';
  const status = ApiError.forbidden(
    groupResource(attributes.type),
    name,
    `unable to create new content in namespace ${namespace} because it is being terminated`,
  ).toStatus();
  return new ApiError({
    reason: 'Forbidden',
    message: status.message ?? '',
    details: {
      ...status.details,
      causes: [
        {
          reason: 'NamespaceTerminating',
          message: `namespace ${namespace} is being terminated`,
          field: 'metadata.namespace',
        },
      ],
    },
  });
}
