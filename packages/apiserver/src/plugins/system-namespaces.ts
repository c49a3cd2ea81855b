import type { Bootstrapper } from '../pipeline/bootstrapper.js';

/** SYSTEM_NAMESPACES are the namespaces every Kubernetes cluster has from the start. */
export const SYSTEM_NAMESPACES: readonly string[] = Object.freeze([
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
]);

/**
 * NamespaceEnsurer creates namespaces for the bootstrap. `ensureNamespace` creates the namespace
 * `name` (an `Active` core/v1 Namespace with no other fields) unless one of that name exists,
 * whatever its state, and resolves once it exists; a concurrent creation by someone else counts as
 * success. The API server binds it under {@link NAMESPACE_ENSURER}, writing past admission.
 */
export interface NamespaceEnsurer {
  ensureNamespace(name: string): Promise<void>;
}

/** NAMESPACE_ENSURER is the inversify token of the {@link NamespaceEnsurer} the API server provides. */
export const NAMESPACE_ENSURER = Symbol.for('@capstan/apiserver/NamespaceEnsurer');

/**
 * SystemNamespaces is the bootstrapper that makes sure {@link SYSTEM_NAMESPACES} exist, one after
 * the other in that order, as Kubernetes' bootstrap and system-namespaces controllers do at start-up.
 * Namespaces that already exist are left as they are, so running it again changes nothing.
 */
export class SystemNamespaces implements Bootstrapper {
  constructor(
    private readonly namespaces: NamespaceEnsurer,
    private readonly names: readonly string[] = SYSTEM_NAMESPACES,
  ) {}

  async bootstrap(): Promise<void> {
    for (const name of this.names) await this.namespaces.ensureNamespace(name);
  }
}
