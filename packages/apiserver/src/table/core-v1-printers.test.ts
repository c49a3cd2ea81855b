import type { ConfigMap, Endpoints, Event, Namespace, Secret, Service, ServiceAccount } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import {
  configMapTablePrinter,
  endpointsTablePrinter,
  eventTablePrinter,
  namespaceTablePrinter,
  secretTablePrinter,
  serviceAccountTablePrinter,
  serviceTablePrinter,
} from './core-v1-printers.js';
import type { TableCell } from './table.js';
import type { TablePrinter } from './table-printer.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

function ago(ms: number): string {
  return new Date(NOW.getTime() - ms).toISOString().replace('.000Z', 'Z');
}

const created = ago(2 * HOUR);

function headers(printer: TablePrinter): string[] {
  return printer.columns.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase());
}

describe('core/v1 printers: column headers', () => {
  it.each([
    [namespaceTablePrinter, ['NAME', 'STATUS', 'AGE']],
    [serviceTablePrinter, ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']],
    [endpointsTablePrinter, ['NAME', 'ENDPOINTS', 'AGE']],
    [configMapTablePrinter, ['NAME', 'DATA', 'AGE']],
    [secretTablePrinter, ['NAME', 'TYPE', 'DATA', 'AGE']],
    [serviceAccountTablePrinter, ['NAME', 'SECRETS', 'AGE']],
    [eventTablePrinter, ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']],
  ] as [TablePrinter, string[]][])('%#: %j', (printer, names) => {
    expect(headers(printer)).toEqual(names);
  });
});

describe('namespaceTablePrinter', () => {
  it.each([
    ['Active', { phase: 'Active' }, 'Active'],
    ['Terminating', { phase: 'Terminating' }, 'Terminating'],
    ['no status: the default phase', undefined, 'Active'],
  ] as const)('%s', (_, status, phase) => {
    const ns: Namespace = {
      metadata: { name: 'team-a', creationTimestamp: created },
      ...(status ? { status } : {}),
    };
    expect(namespaceTablePrinter.printRow(ns, NOW).cells).toEqual(['team-a', phase, '120m']);
  });
});

describe('serviceTablePrinter', () => {
  const svc = (name: string, spec: Service['spec'], status?: Service['status']): Service => ({
    metadata: { name, creationTimestamp: created },
    spec,
    ...(status ? { status } : {}),
  });
  const cases: [string, Service, TableCell[]][] = [
    [
      'a ClusterIP service with two ports',
      svc('web', {
        type: 'ClusterIP',
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        selector: { tier: 'front', app: 'web' },
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
          { name: 'dns', port: 53, protocol: 'UDP' },
        ],
      }),
      ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP,53/UDP', '120m', 'app=web,tier=front'],
    ],
    [
      'a NodePort service with external IPs',
      svc('np', {
        type: 'NodePort',
        clusterIPs: ['10.96.0.11'],
        externalIPs: ['198.51.100.1', '198.51.100.2'],
        ports: [{ port: 443, nodePort: 30443, protocol: 'TCP' }],
      }),
      ['np', 'NodePort', '10.96.0.11', '198.51.100.1,198.51.100.2', '443:30443/TCP', '120m', '<none>'],
    ],
    [
      'a LoadBalancer still waiting for its address',
      svc('lb', { type: 'LoadBalancer', clusterIPs: ['10.96.0.12'], ports: [{ port: 80, nodePort: 31000 }] }),
      ['lb', 'LoadBalancer', '10.96.0.12', '<pending>', '80:31000/TCP', '120m', '<none>'],
    ],
    [
      'a LoadBalancer with ingress points and external IPs',
      svc(
        'lb2',
        {
          type: 'LoadBalancer',
          clusterIPs: ['10.96.0.13'],
          externalIPs: ['198.51.100.9'],
          ports: [{ port: 80 }],
        },
        {
          loadBalancer: {
            ingress: [{ ip: '203.0.113.1' }, { hostname: 'lb.example.com' }, { ip: '203.0.113.1' }],
          },
        },
      ),
      [
        'lb2',
        'LoadBalancer',
        '10.96.0.13',
        '203.0.113.1,lb.example.com,198.51.100.9',
        '80/TCP',
        '120m',
        '<none>',
      ],
    ],
    [
      'an ExternalName service',
      svc('ext', { type: 'ExternalName', externalName: 'db.example.com' }),
      ['ext', 'ExternalName', '<none>', 'db.example.com', '<none>', '120m', '<none>'],
    ],
    [
      'a headless service whose type and protocols are left to their defaults',
      svc('headless', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }),
      ['headless', 'ClusterIP', 'None', '<none>', '5432/TCP', '120m', 'app=db'],
    ],
  ];
  it.each(cases)('%s', (_, service, cells) => {
    expect(serviceTablePrinter.printRow(service, NOW).cells).toEqual(cells);
  });
});

describe('endpointsTablePrinter', () => {
  const ep = (subsets?: Endpoints['subsets']): Endpoints => ({
    metadata: { name: 'web', creationTimestamp: created },
    ...(subsets ? { subsets } : {}),
  });
  it.each([
    ['no subsets', ep(), '<none>'],
    [
      'one address per port',
      ep([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 8080 }] }]),
      '10.0.0.1:8080',
    ],
    [
      'more than three pairs, every address of each port in turn',
      ep([
        {
          addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }],
          ports: [
            { name: 'a', port: 80 },
            { name: 'b', port: 443 },
          ],
        },
      ]),
      '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...',
    ],
    ['a headless subset without ports, IPv6', ep([{ addresses: [{ ip: 'fd00::1' }] }]), 'fd00::1'],
    ['IPv6 with a port', ep([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }]), '[fd00::1]:80'],
    [
      'only not-ready addresses',
      ep([{ notReadyAddresses: [{ ip: '10.0.0.3' }], ports: [{ port: 80 }] }]),
      '',
    ],
  ] as [string, Endpoints, string][])('%s', (_, endpoints, cell) => {
    expect(endpointsTablePrinter.printRow(endpoints, NOW).cells).toEqual(['web', cell, '120m']);
  });
});

describe('configMapTablePrinter, secretTablePrinter, serviceAccountTablePrinter', () => {
  it('counts the keys of data and binaryData of a config map', () => {
    const cm: ConfigMap = {
      metadata: { name: 'settings', creationTimestamp: created },
      data: { a: '1', b: '2' },
      binaryData: { c: 'AA==' },
    };
    expect(configMapTablePrinter.printRow(cm, NOW).cells).toEqual(['settings', 3, '120m']);
    expect(configMapTablePrinter.printRow({ metadata: { name: 'empty' } }, NOW).cells).toEqual([
      'empty',
      0,
      '<unknown>',
    ]);
  });

  it('prints the type and key count of a secret, Opaque by default', () => {
    const tls: Secret = {
      metadata: { name: 'tls', creationTimestamp: created },
      type: 'kubernetes.io/tls',
      data: { 'tls.crt': 'Yw==', 'tls.key': 'aw==' },
    };
    expect(secretTablePrinter.printRow(tls, NOW).cells).toEqual(['tls', 'kubernetes.io/tls', 2, '120m']);
    const plain: Secret = { metadata: { name: 'plain', creationTimestamp: created }, data: { k: 'dg==' } };
    expect(secretTablePrinter.printRow(plain, NOW).cells).toEqual(['plain', 'Opaque', 1, '120m']);
  });

  it('counts the secrets of a service account', () => {
    const sa: ServiceAccount = { metadata: { name: 'default', creationTimestamp: created } };
    expect(serviceAccountTablePrinter.printRow(sa, NOW).cells).toEqual(['default', 0, '120m']);
    const withSecret: ServiceAccount = { ...sa, secrets: [{ name: 'default-token' }] };
    expect(serviceAccountTablePrinter.printRow(withSecret, NOW).cells).toEqual(['default', 1, '120m']);
  });
});

describe('eventTablePrinter', () => {
  const base: Event = {
    metadata: { name: 'web-1.17c0a', namespace: 'default', creationTimestamp: ago(10 * MINUTE) },
    involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', fieldPath: 'spec.containers{app}' },
    reason: 'BackOff',
    message: '  Back-off restarting failed container app  \n',
    type: 'Warning',
    source: { component: 'kubelet', host: 'node-1' },
    firstTimestamp: ago(10 * MINUTE),
    lastTimestamp: ago(30 * 1000),
    count: 7,
  };
  const cases: [string, Event, TableCell[]][] = [
    [
      'a repeated kubelet event',
      base,
      [
        '30s',
        'Warning',
        'BackOff',
        'pod/web-1',
        'spec.containers{app}',
        'kubelet, node-1',
        'Back-off restarting failed container app',
        '10m',
        7,
        'web-1.17c0a',
      ],
    ],
    [
      'a new-style event with only an eventTime, a reporting controller and no count',
      {
        metadata: { name: 'ev2' },
        involvedObject: { kind: 'Deployment', name: 'web' },
        reason: 'ScalingReplicaSet',
        message: 'Scaled up replica set web-abc to 3',
        type: 'Normal',
        eventTime: '2024-05-01T11:58:29.500000Z',
        reportingComponent: 'deployment-controller',
      },
      [
        '90s',
        'Normal',
        'ScalingReplicaSet',
        'deployment/web',
        '',
        'deployment-controller',
        'Scaled up replica set web-abc to 3',
        '90s',
        1,
        'ev2',
      ],
    ],
    [
      'an event series, about a kind without a name',
      {
        metadata: { name: 'ev3' },
        involvedObject: { kind: 'Node' },
        reason: 'Rebooted',
        eventTime: ago(HOUR),
        series: { count: 12, lastObservedTime: ago(5 * MINUTE) },
        reportingComponent: 'kubelet',
        reportingInstance: 'node-2',
      },
      ['5m', '', 'Rebooted', 'node', '', 'kubelet, node-2', '', '60m', 12, 'ev3'],
    ],
    [
      'an event without any time',
      { metadata: { name: 'ev4' }, involvedObject: {} },
      ['<unknown>', '', '', '', '', '', '', '<unknown>', 1, 'ev4'],
    ],
  ];
  it.each(cases)('%s', (_, event, cells) => {
    expect(eventTablePrinter.printRow(event, NOW).cells).toEqual(cells);
  });
});
