import { type Namespace, nameIsDNSLabel } from '@capstan/core';
import type { ResourceStrategy } from './resource-strategy.js';

/**
 * namespaceStrategy is the storage behaviour of core/v1 Namespaces, after Kubernetes' namespace
 * strategy: names are DNS-1123 labels, a new namespace is `Active`, `spec.finalizers` cannot be
 * changed by an update (only by the `finalize` subresource Kubernetes has), and a namespace whose
 * deletion waits for finalizers is `Terminating`.
 */
export const namespaceStrategy: ResourceStrategy = {
  validateName: nameIsDNSLabel,

  prepareForCreate(object) {
    (object as Namespace).status = { phase: 'Active' };
  },

  prepareForUpdate(next, current) {
    const ns = next as Namespace;
    const finalizers = (current as Namespace).spec?.finalizers;
    const { finalizers: _requested, ...spec } = ns.spec ?? {};
    if (ns.spec === undefined && finalizers === undefined) return;
    ns.spec = finalizers === undefined ? spec : { ...spec, finalizers };
  },

  prepareForDeletion(object) {
    const ns = object as Namespace;
    ns.status = { ...ns.status, phase: 'Terminating' };
  },
};
