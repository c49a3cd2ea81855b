import type { ResourceType } from '@capstan/core';
import { namespaceStrategy } from './namespace-strategy.js';
import { podStrategy } from './pod-strategy.js';
import { rbacStrategy } from './rbac-strategy.js';
import type { ResourceStrategy } from './resource-strategy.js';
import { serviceStrategy } from './service-strategy.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

const BUILTIN_STRATEGIES: ReadonlyMap<string, ResourceStrategy> = new Map([
  ['/Pod', podStrategy],
  ['/Namespace', namespaceStrategy],
  ['/Service', serviceStrategy],
  [`${RBAC_GROUP}/Role`, rbacStrategy],
  [`${RBAC_GROUP}/ClusterRole`, rbacStrategy],
  [`${RBAC_GROUP}/RoleBinding`, rbacStrategy],
  [`${RBAC_GROUP}/ClusterRoleBinding`, rbacStrategy],
]);

/**
 * strategyFor returns the built-in {@link ResourceStrategy} of a kind (Pods, Namespaces, Services,
 * the RBAC kinds), or an empty strategy, under which the generic storage behaviour applies as is.
 * It looks kinds up by group and kind, so every version of a built-in kind shares its strategy.
 */
export function strategyFor(type: ResourceType): ResourceStrategy {
  return BUILTIN_STRATEGIES.get(`${type.group}/${type.kind}`) ?? {};
}
