import { CustomResourceDefinition } from './apiextensions-v1.js';
import { DaemonSet, Deployment, ReplicaSet, StatefulSet } from './apps-v1.js';
import { CronJob, Job } from './batch-v1.js';
import { Lease } from './coordination-v1.js';
import {
  Binding,
  ConfigMap,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from './core-v1.js';
import { EndpointSlice } from './discovery-v1.js';
import { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from './rbac-v1.js';
import { ResourceRegistry } from './resource-registry.js';
import type { ResourceType } from './resource-type.js';
import { PriorityClass } from './scheduling-v1.js';

/**
 * builtinResourceTypes is every built-in kind Capstan serves, core group first, in a frozen array:
 * v1 Namespace, Node, Pod, Service, Endpoints, ConfigMap, Secret, Event, ServiceAccount, Binding;
 * apps/v1; batch/v1; coordination.k8s.io/v1; discovery.k8s.io/v1; rbac.authorization.k8s.io/v1;
 * scheduling.k8s.io/v1; apiextensions.k8s.io/v1.
 */
export const builtinResourceTypes: readonly ResourceType[] = Object.freeze([
  Namespace,
  Node,
  Pod,
  Service,
  Endpoints,
  ConfigMap,
  Secret,
  Event,
  ServiceAccount,
  Binding,
  Deployment,
  ReplicaSet,
  DaemonSet,
  StatefulSet,
  Job,
  CronJob,
  Lease,
  EndpointSlice,
  Role,
  ClusterRole,
  RoleBinding,
  ClusterRoleBinding,
  PriorityClass,
  CustomResourceDefinition,
]);

/**
 * createBuiltinRegistry returns a new {@link ResourceRegistry} holding every built-in kind
 * ({@link builtinResourceTypes}). Each call returns an independent registry, so registering custom
 * resources into one (in a test, say) never affects another.
 */
export function createBuiltinRegistry(): ResourceRegistry {
  return new ResourceRegistry(builtinResourceTypes);
}
