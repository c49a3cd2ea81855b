import type { ResourceType } from '@capstan/core';
import {
  daemonSetTablePrinter,
  deploymentTablePrinter,
  replicaSetTablePrinter,
  statefulSetTablePrinter,
} from './apps-v1-printers.js';
import { cronJobTablePrinter, jobTablePrinter } from './batch-v1-printers.js';
import { leaseTablePrinter } from './coordination-v1-printers.js';
import {
  configMapTablePrinter,
  endpointsTablePrinter,
  eventTablePrinter,
  namespaceTablePrinter,
  secretTablePrinter,
  serviceAccountTablePrinter,
  serviceTablePrinter,
} from './core-v1-printers.js';
import { defaultTablePrinter } from './default-table-printer.js';
import { endpointSliceTablePrinter } from './discovery-v1-printers.js';
import { nodeTablePrinter } from './node-printer.js';
import { podTablePrinter } from './pod-printer.js';
import { clusterRoleBindingTablePrinter, roleBindingTablePrinter } from './rbac-v1-printers.js';
import { priorityClassTablePrinter } from './scheduling-v1-printers.js';
import type { TablePrinter } from './table-printer.js';

// The printer of each built-in kind that Kubernetes prints with its own columns, by `Kind.group`.
// Kinds absent here (Roles, ClusterRoles, CustomResourceDefinitions, Bindings) print with the
// default table, as in Kubernetes.
const builtinPrinters = new Map<string, TablePrinter>([
  ['Pod', podTablePrinter],
  ['Node', nodeTablePrinter],
  ['Namespace', namespaceTablePrinter],
  ['Service', serviceTablePrinter],
  ['Endpoints', endpointsTablePrinter],
  ['ConfigMap', configMapTablePrinter],
  ['Secret', secretTablePrinter],
  ['ServiceAccount', serviceAccountTablePrinter],
  ['Event', eventTablePrinter],
  ['Deployment.apps', deploymentTablePrinter],
  ['ReplicaSet.apps', replicaSetTablePrinter],
  ['DaemonSet.apps', daemonSetTablePrinter],
  ['StatefulSet.apps', statefulSetTablePrinter],
  ['Job.batch', jobTablePrinter],
  ['CronJob.batch', cronJobTablePrinter],
  ['Lease.coordination.k8s.io', leaseTablePrinter],
  ['EndpointSlice.discovery.k8s.io', endpointSliceTablePrinter],
  ['RoleBinding.rbac.authorization.k8s.io', roleBindingTablePrinter],
  ['ClusterRoleBinding.rbac.authorization.k8s.io', clusterRoleBindingTablePrinter],
  ['PriorityClass.scheduling.k8s.io', priorityClassTablePrinter],
]);

/**
 * tablePrinterFor returns the printer of a resource type: the printer Kubernetes has for its
 * group and kind (whatever its version: pods, nodes, namespaces, services, endpoints, config
 * maps, secrets, service accounts, events, the apps/v1 workloads, jobs, cron jobs, leases,
 * endpoint slices, role bindings, cluster role bindings, priority classes), else
 * {@link defaultTablePrinter} (NAME, CREATED AT), as Kubernetes serves Roles, ClusterRoles,
 * CustomResourceDefinitions and kinds of its own definition. Custom resources with printer columns use a
 * `customColumnsTablePrinter` instead, passed to `toTable` explicitly.
 */
export function tablePrinterFor(type: Pick<ResourceType, 'group' | 'kind'>): TablePrinter {
  const key = type.group === '' ? type.kind : `${type.kind}.${type.group}`;
  return builtinPrinters.get(key) ?? defaultTablePrinter;
}
