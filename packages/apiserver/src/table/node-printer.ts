import type { Node } from '@capstan/core';
import { NONE, orNone, since, UNKNOWN } from './cell-format.js';
import { AGE_COLUMN, column, NAME_COLUMN, wide } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

/** Label prefix whose suffix names a role: `node-role.kubernetes.io/control-plane`. */
const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
/** Legacy label whose value names a role: `kubernetes.io/role=master`. */
const ROLE_LABEL = 'kubernetes.io/role';

/**
 * nodeTablePrinter prints nodes as `kubectl get nodes` does: NAME STATUS ROLES AGE VERSION, and
 * wide INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. STATUS is `Ready`,
 * `NotReady` or `Unknown` (no Ready condition), followed by `,SchedulingDisabled` for a cordoned
 * node; ROLES are the sorted suffixes of `node-role.kubernetes.io/<role>` labels and the values of
 * `kubernetes.io/role` labels, or `<none>`.
 */
export const nodeTablePrinter: TablePrinter = tablePrinterFn<Node>(
  [
    NAME_COLUMN,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    column('Version', 'string', 'The kubelet version reported by the node.'),
    wide('Internal-IP', 'The first InternalIP address of the node.'),
    wide('External-IP', 'The first ExternalIP address of the node.'),
    wide('OS-Image', 'The OS image reported by the node.'),
    wide('Kernel-Version', 'The kernel version reported by the node.'),
    wide('Container-Runtime', 'The container runtime version reported by the node.'),
  ],
  (node, now) => {
    const info = node.status?.nodeInfo;
    const addresses = node.status?.addresses ?? [];
    const address = (type: string) => addresses.find((a) => a.type === type)?.address ?? NONE;
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      orNone(nodeRoles(node.metadata.labels).join(',')),
      since(node.metadata.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info?.osImage || UNKNOWN,
      info?.kernelVersion || UNKNOWN,
      info?.containerRuntimeVersion || UNKNOWN,
    ];
  },
);

function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).findLast((c) => c.type === 'Ready');
  const status = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeRoles(labels: Readonly<Record<string, string>> | undefined): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX)) {
      const role = key.slice(ROLE_LABEL_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (key === ROLE_LABEL && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}
