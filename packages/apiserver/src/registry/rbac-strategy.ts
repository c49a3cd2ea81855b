import { pathSegmentNameProblems } from './path-segment-name.js';
import type { ResourceStrategy } from './resource-strategy.js';

/**
 * rbacStrategy is the storage behaviour of the RBAC kinds (Role, ClusterRole, RoleBinding,
 * ClusterRoleBinding): any name that is a valid path segment is allowed, as Kubernetes'
 * `ValidateRBACName` allows `system:controller:…`.
 */
export const rbacStrategy: ResourceStrategy = {
  validateName: pathSegmentNameProblems,
};
