import type { Pod, PodStatus } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { podTablePrinter } from './pod-printer.js';
import type { TableCell } from './table.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** ago renders the RFC 3339 timestamp `ms` before NOW. */
function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString().replace('.000Z', 'Z');
}

interface PodCase {
  readonly name: string;
  readonly pod: Pod;
  /** NAME READY STATUS RESTARTS AGE, then wide IP NODE NOMINATED-NODE READINESS-GATES. */
  readonly cells: readonly TableCell[];
  readonly completed?: 'Succeeded' | 'Failed';
}

function pod(
  name: string,
  status: PodStatus,
  options: { spec?: Partial<Pod['spec']>; age?: number; deleting?: boolean } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: ago(options.age ?? 5 * MINUTE),
      ...(options.deleting === true ? { deletionTimestamp: ago(10 * SECOND) } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...options.spec },
    status,
  };
}

const running = { running: { startedAt: ago(4 * MINUTE) } };
const readyCondition = { type: 'Ready', status: 'True' };
const initializedCondition = { type: 'Initialized', status: 'True' };

const cases: PodCase[] = [
  {
    name: 'a running pod with two ready containers on a node',
    pod: pod(
      'web-1',
      {
        phase: 'Running',
        podIP: '10.0.0.5',
        podIPs: [{ ip: '10.0.0.5' }],
        conditions: [readyCondition],
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 0, state: running },
          { name: 'sidecar', ready: true, restartCount: 0, state: running },
        ],
      },
      {
        spec: {
          nodeName: 'node-1',
          containers: [
            { name: 'app', image: 'nginx:1.25' },
            { name: 'sidecar', image: 'busybox' },
          ],
        },
      },
    ),
    cells: ['web-1', '2/2', 'Running', '0', '5m', '10.0.0.5', 'node-1', '<none>', '<none>'],
  },
  {
    name: 'an unscheduled pending pod',
    pod: pod('pending', { phase: 'Pending' }, { age: 30 * SECOND }),
    cells: ['pending', '0/1', 'Pending', '0', '30s', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a pod whose scheduling is gated',
    pod: pod('gated', {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
    }),
    cells: ['gated', '0/1', 'SchedulingGated', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a pod whose container is being created',
    pod: pod(
      'creating',
      {
        phase: 'Pending',
        containerStatuses: [
          { name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      },
      { spec: { nodeName: 'node-1', containers: [{ name: 'app' }] }, age: 12 * SECOND },
    ),
    cells: ['creating', '0/1', 'ContainerCreating', '0', '12s', '<none>', 'node-1', '<none>', '<none>'],
  },
  {
    name: 'a crashlooping pod, with the time of its last restart',
    pod: pod(
      'crash',
      {
        phase: 'Running',
        podIP: '10.0.0.7',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 4,
            state: {
              waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container' },
            },
            lastState: {
              terminated: {
                exitCode: 1,
                reason: 'Error',
                startedAt: ago(130 * SECOND),
                finishedAt: ago(2 * MINUTE),
              },
            },
          },
        ],
      },
      { age: HOUR },
    ),
    cells: [
      'crash',
      '0/1',
      'CrashLoopBackOff',
      '4 (2m ago)',
      '60m',
      '10.0.0.7',
      '<none>',
      '<none>',
      '<none>',
    ],
  },
  {
    name: 'a pod that ran to completion',
    pod: pod('done', {
      phase: 'Succeeded',
      containerStatuses: [
        {
          name: 'app',
          ready: false,
          restartCount: 0,
          state: { terminated: { exitCode: 0, reason: 'Completed' } },
        },
      ],
    }),
    cells: ['done', '0/1', 'Completed', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    completed: 'Succeeded',
  },
  {
    name: 'a failed pod whose container exited without a reason',
    pod: pod('exit', {
      phase: 'Failed',
      containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated: { exitCode: 2 } } }],
    }),
    cells: ['exit', '0/1', 'ExitCode:2', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    completed: 'Failed',
  },
  {
    name: 'a failed pod whose container was killed by a signal',
    pod: pod('killed', {
      phase: 'Failed',
      containerStatuses: [
        { name: 'app', restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } },
      ],
    }),
    cells: ['killed', '0/1', 'Signal:9', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    completed: 'Failed',
  },
  {
    name: 'an evicted pod shows its status reason',
    pod: pod('evicted', {
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: memory.',
    }),
    cells: ['evicted', '0/1', 'Evicted', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    completed: 'Failed',
  },
  {
    name: 'a terminating pod',
    pod: pod(
      'leaving',
      {
        phase: 'Running',
        podIPs: [{ ip: '10.0.0.9' }],
        conditions: [readyCondition],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
      },
      { deleting: true, spec: { nodeName: 'node-2', containers: [{ name: 'app' }] } },
    ),
    cells: ['leaving', '1/1', 'Terminating', '0', '5m', '10.0.0.9', 'node-2', '<none>', '<none>'],
  },
  {
    name: 'a terminating pod on an unreachable node',
    pod: pod('lost', { phase: 'Running', reason: 'NodeLost' }, { deleting: true }),
    cells: ['lost', '0/1', 'Unknown', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a finished pod being deleted keeps its final status',
    pod: pod(
      'finished',
      {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
      { deleting: true },
    ),
    cells: ['finished', '0/1', 'Completed', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    completed: 'Succeeded',
  },
  {
    name: 'a pod running its second of two init containers',
    pod: pod(
      'init',
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'migrate', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'warm', restartCount: 0, state: running },
        ],
        containerStatuses: [
          { name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
        ],
      },
      {
        spec: {
          initContainers: [{ name: 'migrate' }, { name: 'warm' }],
          containers: [{ name: 'app' }],
        },
      },
    ),
    cells: ['init', '0/1', 'Init:1/2', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a pod whose first init container is still being created',
    pod: pod(
      'init-wait',
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'migrate', state: { waiting: { reason: 'PodInitializing' } } }],
      },
      { spec: { initContainers: [{ name: 'migrate' }], containers: [{ name: 'app' }] } },
    ),
    cells: ['init-wait', '0/1', 'Init:0/1', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a pod whose init container crashloops counts its restarts',
    pod: pod(
      'init-crash',
      {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'migrate',
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(10 * SECOND) } },
          },
        ],
      },
      { spec: { initContainers: [{ name: 'migrate' }], containers: [{ name: 'app' }] } },
    ),
    cells: [
      'init-crash',
      '0/1',
      'Init:CrashLoopBackOff',
      '3 (10s ago)',
      '5m',
      '<none>',
      '<none>',
      '<none>',
      '<none>',
    ],
  },
  {
    name: 'a pod whose init container failed',
    pod: pod(
      'init-error',
      {
        phase: 'Failed',
        initContainerStatuses: [{ name: 'migrate', state: { terminated: { exitCode: 1, reason: 'Error' } } }],
      },
      { spec: { initContainers: [{ name: 'migrate' }], containers: [{ name: 'app' }] } },
    ),
    cells: ['init-error', '0/1', 'Init:Error', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    completed: 'Failed',
  },
  {
    name: 'a pod whose init container exited without a reason',
    pod: pod(
      'init-exit',
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'migrate', state: { terminated: { exitCode: 3 } } }],
      },
      { spec: { initContainers: [{ name: 'migrate' }], containers: [{ name: 'app' }] } },
    ),
    cells: ['init-exit', '0/1', 'Init:ExitCode:3', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a running pod with a started sidecar counts it as a container and its restarts',
    pod: pod(
      'with-sidecar',
      {
        phase: 'Running',
        conditions: [initializedCondition, readyCondition],
        initContainerStatuses: [
          {
            name: 'proxy',
            started: true,
            ready: true,
            restartCount: 1,
            state: running,
            lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * MINUTE) } },
          },
        ],
        containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: running }],
      },
      {
        spec: { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }], containers: [{ name: 'app' }] },
      },
    ),
    cells: ['with-sidecar', '2/2', 'Running', '1 (3m ago)', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a ready pod with a completed container and a running one reads Running',
    pod: pod(
      'mixed-ready',
      {
        phase: 'Running',
        conditions: [readyCondition],
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 0, state: running },
          {
            name: 'job',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
        ],
      },
      { spec: { containers: [{ name: 'app' }, { name: 'job' }] } },
    ),
    cells: ['mixed-ready', '1/2', 'Running', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'an unready pod with a completed container and a running one reads NotReady',
    pod: pod(
      'mixed-unready',
      {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 0, state: running },
          {
            name: 'job',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
        ],
      },
      { spec: { containers: [{ name: 'app' }, { name: 'job' }] } },
    ),
    cells: ['mixed-unready', '1/2', 'NotReady', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
  {
    name: 'a pod with readiness gates and a nominated node',
    pod: pod(
      'gates',
      {
        phase: 'Pending',
        nominatedNodeName: 'node-3',
        conditions: [
          { type: 'example.com/lb-ready', status: 'True' },
          { type: 'example.com/dns-ready', status: 'False' },
        ],
      },
      {
        spec: {
          containers: [{ name: 'app' }],
          readinessGates: [
            { conditionType: 'example.com/lb-ready' },
            { conditionType: 'example.com/dns-ready' },
          ],
        },
      },
    ),
    cells: ['gates', '0/1', 'Pending', '0', '5m', '<none>', '<none>', 'node-3', '1/2'],
  },
  {
    name: 'restarts without a recorded termination time print the count alone',
    pod: pod('restarted', {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: true, restartCount: 2, state: running }],
    }),
    cells: ['restarted', '1/1', 'Running', '2', '5m', '<none>', '<none>', '<none>', '<none>'],
  },
];

describe('podTablePrinter', () => {
  it('has the columns of kubectl get pods, wide ones with priority 1', () => {
    expect(podTablePrinter.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Ready', 'string', 0],
      ['Status', 'string', 0],
      ['Restarts', 'string', 0],
      ['Age', 'string', 0],
      ['IP', 'string', 1],
      ['Node', 'string', 1],
      ['Nominated Node', 'string', 1],
      ['Readiness Gates', 'string', 1],
    ]);
    expect(podTablePrinter.columns[0]!.format).toBe('name');
  });

  it.each(cases)('$name', ({ pod, cells, completed }) => {
    const row = podTablePrinter.printRow(pod, NOW);
    expect(row.cells).toEqual(cells);
    if (completed === undefined) {
      expect(row.conditions).toBeUndefined();
    } else {
      expect(row.conditions).toEqual([
        expect.objectContaining({ type: 'Completed', status: 'True', reason: completed }),
      ]);
    }
  });

  it('prints <unknown> for a pod without a creation timestamp', () => {
    const row = podTablePrinter.printRow({ metadata: { name: 'x' }, spec: { containers: [] } }, NOW);
    expect(row.cells.slice(0, 5)).toEqual(['x', '0/0', '', '0', '<unknown>']);
  });
});
