import { z } from 'zod';
import { LabelSelectorSchema } from '../meta/label-selector.js';
import { defineResource } from './define-resource.js';
import type { ResourceObject } from './resource-type.js';

// The rbac.authorization.k8s.io/v1 API group: Roles, ClusterRoles and their bindings.

/** PolicyRule is rbac/v1 `PolicyRule`: the verbs allowed on resources (or non-resource URLs); `verbs` is required. */
export const PolicyRule = z.looseObject({
  verbs: z.array(z.string()).describe('Verbs allowed, or * for all.'),
  apiGroups: z.array(z.string()).optional().describe('API groups; "" is the core group, * all.'),
  resources: z
    .array(z.string())
    .optional()
    .describe('Resources (plurals, or plural/subresource), or * for all.'),
  resourceNames: z.array(z.string()).optional().describe('Names the rule is restricted to.'),
  nonResourceURLs: z
    .array(z.string())
    .optional()
    .describe('Non-resource URLs such as /healthz (ClusterRoles only).'),
});
/** PolicyRule is the type of a {@link PolicyRule} value. */
export type PolicyRule = z.infer<typeof PolicyRule>;

/** Subject is rbac/v1 `Subject`: a User, Group or ServiceAccount; `kind` and `name` are required. */
export const Subject = z.looseObject({
  kind: z.string().describe('User, Group or ServiceAccount.'),
  apiGroup: z
    .string()
    .optional()
    .describe('rbac.authorization.k8s.io for users and groups, "" for service accounts.'),
  name: z.string(),
  namespace: z.string().optional().describe('Namespace of a ServiceAccount subject.'),
});
/** Subject is the type of a {@link Subject} value. */
export type Subject = z.infer<typeof Subject>;

/** RoleRef is rbac/v1 `RoleRef`: the Role or ClusterRole a binding grants; every field is required. */
export const RoleRef = z.looseObject({
  apiGroup: z.string().describe('rbac.authorization.k8s.io.'),
  kind: z.string().describe('Role or ClusterRole.'),
  name: z.string(),
});
/** RoleRef is the type of a {@link RoleRef} value. */
export type RoleRef = z.infer<typeof RoleRef>;

/** AggregationRule is rbac/v1 `AggregationRule`: ClusterRoles whose rules are merged into this one. */
export const AggregationRule = z.looseObject({
  clusterRoleSelectors: z.array(LabelSelectorSchema).optional(),
});
/** AggregationRule is the type of an {@link AggregationRule} value. */
export type AggregationRule = z.infer<typeof AggregationRule>;

// Kubernetes writes `rules: null` for roles without rules (the field has no omitempty).
const rules = z.array(PolicyRule).nullish().describe('The rules of this role.');
const subjects = z.array(Subject).optional().describe('Who the role is granted to.');
const roleRef = RoleRef.describe('The role granted.');

/** Role is the rbac.authorization.k8s.io/v1 Role resource: namespaced rules. */
export const Role = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  namespaced: true,
  schema: z.object({ rules }),
  description: 'Role is a namespaced set of policy rules.',
});
/** Role is an rbac.authorization.k8s.io/v1 Role object. */
export type Role = ResourceObject<typeof Role>;

/** ClusterRole is the rbac.authorization.k8s.io/v1 ClusterRole resource (cluster-scoped, optionally aggregated). */
export const ClusterRole = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  namespaced: false,
  schema: z.object({ rules, aggregationRule: AggregationRule.optional() }),
  description: 'ClusterRole is a cluster-level set of policy rules.',
});
/** ClusterRole is an rbac.authorization.k8s.io/v1 ClusterRole object. */
export type ClusterRole = ResourceObject<typeof ClusterRole>;

/** RoleBinding is the rbac.authorization.k8s.io/v1 RoleBinding resource; `roleRef` is required. */
export const RoleBinding = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  namespaced: true,
  schema: z.object({ subjects, roleRef }),
  description: 'RoleBinding grants a Role or ClusterRole to subjects within a namespace.',
});
/** RoleBinding is an rbac.authorization.k8s.io/v1 RoleBinding object. */
export type RoleBinding = ResourceObject<typeof RoleBinding>;

/** ClusterRoleBinding is the rbac.authorization.k8s.io/v1 ClusterRoleBinding resource; `roleRef` is required. */
export const ClusterRoleBinding = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  namespaced: false,
  schema: z.object({ subjects, roleRef }),
  description: 'ClusterRoleBinding grants a ClusterRole to subjects across the cluster.',
});
/** ClusterRoleBinding is an rbac.authorization.k8s.io/v1 ClusterRoleBinding object. */
export type ClusterRoleBinding = ResourceObject<typeof ClusterRoleBinding>;
