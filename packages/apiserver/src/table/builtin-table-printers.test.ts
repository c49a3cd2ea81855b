import {
  builtinResourceTypes,
  ClusterRole,
  type ClusterRoleBinding,
  CustomResourceDefinition,
  defineResource,
  type EndpointSlice,
  type Lease,
  type PriorityClass,
  type RoleBinding,
} from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tablePrinterFor } from './builtin-table-printers.js';
import { clusterRoleBindingTablePrinter, roleBindingTablePrinter } from './rbac-v1-printers.js';
import type { TableCell } from './table.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const created = '2024-04-30T12:00:00Z';

/** What `kubectl get` shows for each built-in kind (priority-0 columns), and what `-o wide` adds. */
const expectedHeaders: Record<string, [string[], string[]]> = {
  Namespace: [['NAME', 'STATUS', 'AGE'], []],
  Node: [
    ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  ],
  Pod: [
    ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  ],
  Service: [['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['SELECTOR']],
  Endpoints: [['NAME', 'ENDPOINTS', 'AGE'], []],
  ConfigMap: [['NAME', 'DATA', 'AGE'], []],
  Secret: [['NAME', 'TYPE', 'DATA', 'AGE'], []],
  Event: [
    ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
  ],
  ServiceAccount: [['NAME', 'SECRETS', 'AGE'], []],
  Binding: [['NAME', 'CREATED AT'], []],
  Deployment: [
    ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  ],
  ReplicaSet: [
    ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  ],
  DaemonSet: [
    ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  ],
  StatefulSet: [
    ['NAME', 'READY', 'AGE'],
    ['CONTAINERS', 'IMAGES'],
  ],
  Job: [
    ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  ],
  CronJob: [
    ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  ],
  Lease: [['NAME', 'HOLDER', 'AGE'], []],
  EndpointSlice: [['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'], []],
  Role: [['NAME', 'CREATED AT'], []],
  ClusterRole: [['NAME', 'CREATED AT'], []],
  RoleBinding: [
    ['NAME', 'ROLE', 'AGE'],
    ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  ],
  ClusterRoleBinding: [
    ['NAME', 'ROLE', 'AGE'],
    ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  ],
  PriorityClass: [['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'], []],
  CustomResourceDefinition: [['NAME', 'CREATED AT'], []],
};

describe('tablePrinterFor', () => {
  it('covers every built-in kind', () => {
    expect(builtinResourceTypes.map((t) => t.kind).sort()).toEqual(Object.keys(expectedHeaders).sort());
  });

  it.each(builtinResourceTypes.map((t) => [t.kind, t] as const))(
    '%s prints the columns kubectl shows',
    (kind, type) => {
      const columns = tablePrinterFor(type).columns;
      const [normal, wide] = expectedHeaders[kind]!;
      expect(columns.filter((c) => c.priority === 0).map((c) => c.name.toUpperCase())).toEqual(normal);
      expect(columns.filter((c) => c.priority === 1).map((c) => c.name.toUpperCase())).toEqual(wide);
      expect(columns.filter((c) => c.format === 'name')).toHaveLength(1);
    },
  );

  it('prints kinds of its own definition with the default table', () => {
    const Widget = defineResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      namespaced: true,
      schema: z.object({ spec: z.object({ size: z.number() }) }),
    });
    const printer = tablePrinterFor(Widget);
    expect(printer.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Created At', 'date'],
    ]);
    expect(
      printer.printRow({ metadata: { name: 'w', creationTimestamp: created }, spec: { size: 3 } }, NOW).cells,
    ).toEqual(['w', '2024-04-30T12:00:00Z']);
  });

  it('prints Roles, ClusterRoles and CRDs with their creation time as RFC 3339 UTC', () => {
    const clusterRole = tablePrinterFor(ClusterRole).printRow(
      { metadata: { name: 'view', creationTimestamp: '2024-04-30T14:00:00.750+02:00' }, rules: [] },
      NOW,
    );
    expect(clusterRole.cells).toEqual(['view', '2024-04-30T12:00:00Z']);
    const crd = tablePrinterFor(CustomResourceDefinition).printRow(
      { metadata: { name: 'widgets.example.com' } },
      NOW,
    );
    expect(crd.cells).toEqual(['widgets.example.com', '0001-01-01T00:00:00Z']);
  });
});

describe('the other printers', () => {
  it('prints a lease and its holder', () => {
    const printer = tablePrinterFor({ group: 'coordination.k8s.io', kind: 'Lease' });
    const held: Lease = {
      metadata: { name: 'node-1', namespace: 'kube-node-lease', creationTimestamp: created },
      spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 },
    };
    expect(printer.printRow(held, NOW).cells).toEqual(['node-1', 'node-1', '24h']);
    expect(printer.printRow({ metadata: { name: 'free', creationTimestamp: created } }, NOW).cells).toEqual([
      'free',
      '',
      '24h',
    ]);
  });

  it.each([
    [
      'named and numbered ports, more than three addresses',
      {
        addressType: 'IPv4',
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics' }, {}],
        endpoints: [
          { addresses: ['10.0.0.1', '10.0.0.2'], conditions: { ready: true } },
          { addresses: ['10.0.0.3'] },
          { addresses: ['10.0.0.4', '10.0.0.5'] },
        ],
      },
      ['web-abc', 'IPv4', '80,metrics,*', '10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...', '24h'],
    ],
    [
      'an empty slice',
      { addressType: 'IPv6', endpoints: null, ports: null },
      ['web-abc', 'IPv6', '<unset>', '<unset>', '24h'],
    ],
  ] as [string, Pick<EndpointSlice, 'addressType' | 'endpoints' | 'ports'>, TableCell[]][])(
    'prints an endpoint slice: %s',
    (_, body, cells) => {
      const printer = tablePrinterFor({ group: 'discovery.k8s.io', kind: 'EndpointSlice' });
      const slice: EndpointSlice = { metadata: { name: 'web-abc', creationTimestamp: created }, ...body };
      expect(printer.printRow(slice, NOW).cells).toEqual(cells);
    },
  );

  it('prints role bindings with their subjects by kind', () => {
    const binding: RoleBinding = {
      metadata: { name: 'devs', namespace: 'team-a', creationTimestamp: created },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [
        { kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'User', name: 'bob', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
        { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' },
      ],
    };
    expect(roleBindingTablePrinter.printRow(binding, NOW).cells).toEqual([
      'devs',
      'ClusterRole/edit',
      '24h',
      'alice, bob',
      'devs',
      'tools/ci',
    ]);
    const admin: ClusterRoleBinding = {
      metadata: { name: 'cluster-admin', creationTimestamp: created },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    };
    expect(clusterRoleBindingTablePrinter.printRow(admin, NOW).cells).toEqual([
      'cluster-admin',
      'ClusterRole/cluster-admin',
      '24h',
      '',
      '',
      '',
    ]);
  });

  it('prints priority classes, with the default preemption policy', () => {
    const printer = tablePrinterFor({ group: 'scheduling.k8s.io', kind: 'PriorityClass' });
    const critical: PriorityClass = {
      metadata: { name: 'system-cluster-critical', creationTimestamp: created },
      value: 2000000000,
      globalDefault: false,
      description: 'Used for system critical pods.',
    };
    expect(printer.printRow(critical, NOW).cells).toEqual([
      'system-cluster-critical',
      2000000000,
      false,
      '24h',
      'PreemptLowerPriority',
    ]);
    const batch: PriorityClass = {
      metadata: { name: 'batch', creationTimestamp: created },
      value: -10,
      globalDefault: true,
      preemptionPolicy: 'Never',
    };
    expect(printer.printRow(batch, NOW).cells).toEqual(['batch', -10, true, '24h', 'Never']);
  });
});
