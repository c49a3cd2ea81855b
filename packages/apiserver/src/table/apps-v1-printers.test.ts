import type { DaemonSet, Deployment, PodTemplateSpec, ReplicaSet, StatefulSet } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import {
  daemonSetTablePrinter,
  deploymentTablePrinter,
  replicaSetTablePrinter,
  statefulSetTablePrinter,
} from './apps-v1-printers.js';
import type { TableCell } from './table.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const created = '2024-05-01T11:50:00Z';
const metadata = (name: string) => ({ name, namespace: 'default', creationTimestamp: created });

const template: PodTemplateSpec = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.25' },
      { name: 'sidecar', image: 'busybox' },
    ],
  },
};

describe('deploymentTablePrinter', () => {
  const deploy = (
    replicas: number | undefined,
    status: Deployment['status'],
    selector?: Deployment['spec']['selector'],
  ): Deployment => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata('web'),
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: selector ?? { matchLabels: { app: 'web' } },
      template,
    },
    ...(status ? { status } : {}),
  });
  const cases: [string, Deployment, TableCell[]][] = [
    [
      'a deployment mid-rollout',
      deploy(3, {
        replicas: 4,
        updatedReplicas: 1,
        readyReplicas: 3,
        availableReplicas: 3,
        unavailableReplicas: 1,
      }),
      ['web', '3/3', 1, 3, '10m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web'],
    ],
    [
      'a new deployment without status and with the default replica count',
      deploy(undefined, undefined),
      ['web', '0/1', 0, 0, '10m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web'],
    ],
    [
      'a deployment scaled to zero, with a set-based selector',
      deploy(
        0,
        { observedGeneration: 2 },
        {
          matchLabels: { app: 'web' },
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['front', 'edge'] },
            { key: 'canary', operator: 'DoesNotExist' },
          ],
        },
      ),
      [
        'web',
        '0/0',
        0,
        0,
        '10m',
        'nginx,sidecar',
        'nginx:1.25,busybox',
        'app=web,!canary,tier in (edge,front)',
      ],
    ],
    [
      'a deployment with an invalid selector',
      deploy(1, {}, { matchExpressions: [{ key: 'tier', operator: 'In' }] }),
      ['web', '0/1', 0, 0, '10m', 'nginx,sidecar', 'nginx:1.25,busybox', '<invalid>'],
    ],
  ];
  it.each(cases)('%s', (_, deployment, cells) => {
    expect(deploymentTablePrinter.printRow(deployment, NOW).cells).toEqual(cells);
  });

  it('has the columns of kubectl get deployments', () => {
    expect(deploymentTablePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Ready:0',
      'Up-to-date:0',
      'Available:0',
      'Age:0',
      'Containers:1',
      'Images:1',
      'Selector:1',
    ]);
  });
});

describe('replicaSetTablePrinter', () => {
  it.each([
    [
      'a replica set catching up',
      { replicas: 3 },
      { replicas: 3, readyReplicas: 2 },
      ['web-7d4b9', 3, 3, 2, '10m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web,pod-template-hash=7d4b9'],
    ],
    [
      'a replica set without status and the default replica count',
      {},
      undefined,
      ['web-7d4b9', 1, 0, 0, '10m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=web,pod-template-hash=7d4b9'],
    ],
  ] as [string, { replicas?: number }, ReplicaSet['status'], TableCell[]][])(
    '%s',
    (_, spec, status, cells) => {
      const rs: ReplicaSet = {
        metadata: metadata('web-7d4b9'),
        spec: { ...spec, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9' } }, template },
        ...(status ? { status } : {}),
      };
      expect(replicaSetTablePrinter.printRow(rs, NOW).cells).toEqual(cells);
    },
  );
});

describe('daemonSetTablePrinter', () => {
  it('prints the scheduling counts and the node selector', () => {
    const ds: DaemonSet = {
      metadata: metadata('agent'),
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: {
          ...template,
          spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux', disk: 'ssd' } },
        },
      },
      status: {
        desiredNumberScheduled: 5,
        currentNumberScheduled: 5,
        numberReady: 4,
        updatedNumberScheduled: 3,
        numberAvailable: 4,
        numberMisscheduled: 0,
      },
    };
    expect(daemonSetTablePrinter.printRow(ds, NOW).cells).toEqual([
      'agent',
      5,
      5,
      4,
      3,
      4,
      'disk=ssd,kubernetes.io/os=linux',
      '10m',
      'nginx,sidecar',
      'nginx:1.25,busybox',
      'app=agent',
    ]);
  });

  it('prints <none> for a daemon set without a node selector, and zero counts without status', () => {
    const ds: DaemonSet = { metadata: metadata('agent'), spec: { selector: {}, template } };
    expect(daemonSetTablePrinter.printRow(ds, NOW).cells).toEqual([
      'agent',
      0,
      0,
      0,
      0,
      0,
      '<none>',
      '10m',
      'nginx,sidecar',
      'nginx:1.25,busybox',
      '<none>',
    ]);
  });
});

describe('statefulSetTablePrinter', () => {
  it.each([
    ['three of three ready', 3, { replicas: 3, readyReplicas: 3 }, '3/3'],
    ['starting up', 3, { replicas: 1 }, '0/3'],
    ['the default replica count', undefined, undefined, '0/1'],
  ] as [string, number | undefined, StatefulSet['status'], string][])('%s', (_, replicas, status, ready) => {
    const sts: StatefulSet = {
      metadata: metadata('db'),
      spec: {
        ...(replicas === undefined ? {} : { replicas }),
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template,
      },
      ...(status ? { status } : {}),
    };
    expect(statefulSetTablePrinter.printRow(sts, NOW).cells).toEqual([
      'db',
      ready,
      '10m',
      'nginx,sidecar',
      'nginx:1.25,busybox',
    ]);
  });
});
