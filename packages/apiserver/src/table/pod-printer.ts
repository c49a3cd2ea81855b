import type { ContainerState, ContainerStatus, Pod, PodCondition } from '@capstan/core';
import { NONE, orNone, parseTimestamp, since } from './cell-format.js';
import { humanDuration } from './human-duration.js';
import type { TableRowCondition } from './table.js';
import { AGE_COLUMN, column, NAME_COLUMN, wide } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

const SUCCEEDED: readonly TableRowCondition[] = Object.freeze([
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
]);
const FAILED: readonly TableRowCondition[] = Object.freeze([
  { type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' },
]);

/** The reason the node lifecycle controller gives pods on a node that stopped responding. */
const NODE_UNREACHABLE_REASON = 'NodeLost';

type InitContainer = NonNullable<Pod['spec']['initContainers']>[number];

/**
 * podTablePrinter prints pods as `kubectl get pods` does: NAME READY STATUS RESTARTS AGE, and
 * wide IP NODE NOMINATED NODE READINESS GATES. STATUS follows Kubernetes' `printPod`: the phase
 * or `status.reason`, `SchedulingGated`, init progress (`Init:1/3`, `Init:CrashLoopBackOff`,
 * `Init:Error`, `Init:ExitCode:2`), the waiting or terminated reason of the last container that
 * has one (`ContainerCreating`, `CrashLoopBackOff`, `Completed`, `Error`, `ExitCode:1`), `Running`
 * or `NotReady` for a pod with a completed container beside a running one, and `Terminating` (or
 * `Unknown` on an unreachable node) once deletion started. READY counts ready containers,
 * sidecars (init containers with `restartPolicy: Always`) included; RESTARTS adds
 * ` (<age> ago)` of the most recent restart. Finished pods carry the `Completed` row condition.
 */
export const podTablePrinter: TablePrinter = tablePrinterFn<Pod>(
  [
    NAME_COLUMN,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column(
      'Restarts',
      'string',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE_COLUMN,
    wide('IP', 'The IP address allocated to the pod, routable at least within the cluster.'),
    wide('Node', 'The node the pod is bound to.'),
    wide('Nominated Node', 'The node preemption made room on for this pod.'),
    wide('Readiness Gates', 'The readiness gates of the pod that are True, of all of them.'),
  ],
  (pod, now) => {
    const spec = pod.spec;
    const status = pod.status ?? {};
    const phase = status.phase ?? '';
    let reason = status.reason || phase;
    for (const condition of status.conditions ?? []) {
      if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') {
        reason = 'SchedulingGated';
      }
    }

    const initSpecs = new Map<string, InitContainer>();
    let totalContainers = spec.containers.length;
    for (const init of spec.initContainers ?? []) {
      initSpecs.set(init.name, init);
      if (isSidecar(init)) totalContainers++;
    }

    let restarts = 0;
    let sidecarRestarts = 0;
    let readyContainers = 0;
    let lastRestart: number | undefined;
    let lastSidecarRestart: number | undefined;
    let initializing = false;
    const initStatuses = status.initContainerStatuses ?? [];
    for (const [index, container] of initStatuses.entries()) {
      restarts += container.restartCount ?? 0;
      lastRestart = later(lastRestart, finishedAt(container.lastState));
      const sidecar = isSidecar(initSpecs.get(container.name));
      if (sidecar) {
        sidecarRestarts += container.restartCount ?? 0;
        lastSidecarRestart = later(lastSidecarRestart, finishedAt(container.lastState));
      }
      const terminated = container.state?.terminated;
      const waiting = container.state?.waiting;
      if (terminated !== undefined && terminated.exitCode === 0) continue;
      if (sidecar && container.started === true) {
        if (container.ready === true) readyContainers++;
        continue;
      }
      if (terminated !== undefined) {
        reason = `Init:${terminatedReason(terminated)}`;
      } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
        reason = `Init:${waiting.reason}`;
      } else {
        reason = `Init:${index}/${spec.initContainers?.length ?? 0}`;
      }
      initializing = true;
      break;
    }

    if (!initializing || conditionIsTrue(status.conditions, 'Initialized')) {
      restarts = sidecarRestarts;
      lastRestart = lastSidecarRestart;
      let hasRunning = false;
      const statuses: readonly ContainerStatus[] = status.containerStatuses ?? [];
      for (let i = statuses.length - 1; i >= 0; i--) {
        const container = statuses[i]!;
        restarts += container.restartCount ?? 0;
        lastRestart = later(lastRestart, finishedAt(container.lastState));
        const waiting = container.state?.waiting;
        const terminated = container.state?.terminated;
        if (waiting?.reason) {
          reason = waiting.reason;
        } else if (terminated !== undefined) {
          reason = terminatedReason(terminated);
        } else if (container.ready === true && container.state?.running !== undefined) {
          hasRunning = true;
          readyContainers++;
        }
      }
      if (reason === 'Completed' && hasRunning) {
        reason = conditionIsTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
      }
    }

    const deleting = !!pod.metadata.deletionTimestamp;
    if (deleting && status.reason === NODE_UNREACHABLE_REASON) {
      reason = 'Unknown';
    } else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') {
      reason = 'Terminating';
    }

    const restartsCell =
      restarts !== 0 && lastRestart !== undefined
        ? `${restarts} (${humanDuration(now.getTime() - lastRestart)} ago)`
        : String(restarts);

    const cells = [
      pod.metadata.name ?? '',
      `${readyContainers}/${totalContainers}`,
      reason,
      restartsCell,
      since(pod.metadata.creationTimestamp, now),
      orNone(status.podIP || status.podIPs?.[0]?.ip),
      orNone(spec.nodeName),
      orNone(status.nominatedNodeName),
      readinessGates(pod),
    ];
    const conditions = phase === 'Succeeded' ? SUCCEEDED : phase === 'Failed' ? FAILED : undefined;
    return conditions === undefined ? { cells } : { cells, conditions };
  },
);

/** A sidecar is an init container that restarts with the pod: `restartPolicy: Always`. */
function isSidecar(container: InitContainer | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function finishedAt(state: ContainerState | undefined): number | undefined {
  return parseTimestamp(state?.terminated?.finishedAt);
}

function later(current: number | undefined, candidate: number | undefined): number | undefined {
  if (candidate === undefined) return current;
  return current === undefined || current < candidate ? candidate : current;
}

function terminatedReason(terminated: NonNullable<ContainerState['terminated']>): string {
  if (terminated.reason) return terminated.reason;
  const signal = terminated.signal ?? 0;
  return signal !== 0 ? `Signal:${signal}` : `ExitCode:${terminated.exitCode}`;
}

function conditionIsTrue(conditions: readonly PodCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec.readinessGates ?? [];
  if (gates.length === 0) return NONE;
  const conditions = pod.status?.conditions ?? [];
  const satisfied = gates.filter(
    (gate) => conditions.find((c) => c.type === gate.conditionType)?.status === 'True',
  ).length;
  return `${satisfied}/${gates.length}`;
}
