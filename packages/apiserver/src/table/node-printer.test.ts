import type { Node } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { nodeTablePrinter } from './node-printer.js';
import type { TableCell } from './table.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString().replace('.000Z', 'Z');
}

const readyNode: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'cp-1',
    creationTimestamp: ago(3 * DAY + 4 * 60 * 60 * 1000),
    labels: {
      'kubernetes.io/hostname': 'cp-1',
      'node-role.kubernetes.io/control-plane': '',
      'node-role.kubernetes.io/etcd': 'true',
      'kubernetes.io/role': 'master',
    },
  },
  spec: { podCIDR: '10.244.0.0/24' },
  status: {
    conditions: [
      { type: 'MemoryPressure', status: 'False' },
      { type: 'Ready', status: 'True', reason: 'KubeletReady' },
    ],
    addresses: [
      { type: 'Hostname', address: 'cp-1' },
      { type: 'InternalIP', address: '192.168.1.10' },
      { type: 'ExternalIP', address: '203.0.113.7' },
    ],
    nodeInfo: {
      kubeletVersion: 'v1.31.2',
      osImage: 'Ubuntu 24.04 LTS',
      kernelVersion: '6.8.0-45-generic',
      containerRuntimeVersion: 'containerd://1.7.22',
    },
  },
};

const cases: { name: string; node: Node; cells: readonly TableCell[] }[] = [
  {
    name: 'a ready control-plane node with roles from both role labels, sorted',
    node: readyNode,
    cells: [
      'cp-1',
      'Ready',
      'control-plane,etcd,master',
      '3d4h',
      'v1.31.2',
      '192.168.1.10',
      '203.0.113.7',
      'Ubuntu 24.04 LTS',
      '6.8.0-45-generic',
      'containerd://1.7.22',
    ],
  },
  {
    name: 'a cordoned node that is not ready',
    node: {
      metadata: {
        name: 'w-1',
        creationTimestamp: ago(40 * DAY),
        labels: { 'node-role.kubernetes.io/worker': '' },
      },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'Ready', status: 'False' }],
        addresses: [{ type: 'InternalIP', address: '192.168.1.11' }],
        nodeInfo: { kubeletVersion: 'v1.30.0' },
      },
    },
    cells: [
      'w-1',
      'NotReady,SchedulingDisabled',
      'worker',
      '40d',
      'v1.30.0',
      '192.168.1.11',
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ],
  },
  {
    name: 'a node that never reported a Ready condition, without roles',
    node: {
      metadata: { name: 'new', creationTimestamp: ago(5000), labels: { 'kubernetes.io/role': '' } },
      status: { conditions: [{ type: 'Ready', status: 'Unknown' }] },
    },
    cells: ['new', 'NotReady', '<none>', '5s', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
  },
  {
    name: 'a node without status',
    node: { metadata: { name: 'bare' } },
    cells: [
      'bare',
      'Unknown',
      '<none>',
      '<unknown>',
      '',
      '<none>',
      '<none>',
      '<unknown>',
      '<unknown>',
      '<unknown>',
    ],
  },
];

describe('nodeTablePrinter', () => {
  it('has the columns of kubectl get nodes, wide ones with priority 1', () => {
    expect(nodeTablePrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Status:0',
      'Roles:0',
      'Age:0',
      'Version:0',
      'Internal-IP:1',
      'External-IP:1',
      'OS-Image:1',
      'Kernel-Version:1',
      'Container-Runtime:1',
    ]);
  });

  it.each(cases)('$name', ({ node, cells }) => {
    expect(nodeTablePrinter.printRow(node, NOW).cells).toEqual(cells);
  });
});
