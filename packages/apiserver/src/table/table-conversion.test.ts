import {
  type Deployment,
  Deployment as DeploymentType,
  Namespace,
  type Pod,
  Pod as PodType,
  Role,
} from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { customColumnsTablePrinter } from './custom-columns-printer.js';
import { toTable } from './table-conversion.js';

const NOW = new Date('2024-05-01T12:00:00Z');

function pod(name: string, phase: string, resourceVersion: string): Pod {
  return {
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion,
      creationTimestamp: '2024-05-01T11:55:00Z',
      labels: { app: 'web' },
      managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
    },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
    status: { phase },
  };
}

const list = {
  apiVersion: 'v1',
  kind: 'PodList',
  metadata: { resourceVersion: '42', continue: 'eyJydiI6NDJ9', remainingItemCount: 7 },
  items: [pod('web-1', 'Running', '40'), pod('web-2', 'Succeeded', '41')],
};

describe('toTable', () => {
  it('renders a list as a v1 Table with every column, list metadata passed through', () => {
    const table = toTable(PodType, list, { now: NOW });
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.kind).toBe('Table');
    expect(table.metadata).toEqual({
      resourceVersion: '42',
      continue: 'eyJydiI6NDJ9',
      remainingItemCount: 7,
    });
    expect(table.columnDefinitions.map((c) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
    ]);
    expect(table.columnDefinitions[0]).toEqual({
      name: 'Name',
      type: 'string',
      format: 'name',
      description: expect.any(String),
      priority: 0,
    });
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['web-1', '0/1', 'Running', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
      ['web-2', '0/1', 'Succeeded', '0', '5m', '<none>', '<none>', '<none>', '<none>'],
    ]);
  });

  it('includes PartialObjectMetadata by default, with the whole metadata', () => {
    const table = toTable(PodType, list, { now: NOW });
    expect(table.rows[0]!.object).toEqual({
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: list.items[0]!.metadata,
    });
    expect(toTable(PodType, list, { now: NOW, includeObject: 'Metadata' })).toEqual(table);
  });

  it('includes the whole object, with its apiVersion and kind, for includeObject=Object', () => {
    const table = toTable(PodType, list, { now: NOW, includeObject: 'Object' });
    expect(table.rows[1]!.object).toEqual({ ...list.items[1], apiVersion: 'v1', kind: 'Pod' });
  });

  it('includes no object for includeObject=None', () => {
    const table = toTable(PodType, list, { now: NOW, includeObject: 'None' });
    for (const row of table.rows) expect(row).not.toHaveProperty('object');
  });

  it('renders a v1beta1 Table whose partial metadata is v1beta1 too', () => {
    const table = toTable(PodType, list, { now: NOW, version: 'v1beta1' });
    expect(table.apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(table.rows[0]!.object).toMatchObject({
      apiVersion: 'meta.k8s.io/v1beta1',
      kind: 'PartialObjectMetadata',
    });
  });

  it('carries row conditions only where the printer sets them', () => {
    const table = toTable(PodType, list, { now: NOW });
    expect(table.rows[0]).not.toHaveProperty('conditions');
    expect(table.rows[1]!.conditions).toEqual([
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ]);
  });

  it('leaves the column definitions out for noHeaders', () => {
    const table = toTable(PodType, list, { now: NOW, noHeaders: true });
    expect(table.columnDefinitions).toEqual([]);
    expect(table.rows).toHaveLength(2);
  });

  it('renders a single object (a get or a watch event) with its resourceVersion', () => {
    const table = toTable(PodType, pod('web-3', 'Pending', '77'), { now: NOW });
    expect(table.metadata).toEqual({ resourceVersion: '77' });
    expect(table.rows.map((r) => r.cells[0])).toEqual(['web-3']);
  });

  it('renders an empty list, and a list without metadata', () => {
    const empty = toTable(Namespace, { items: [], metadata: { resourceVersion: '9' } }, { now: NOW });
    expect(empty.rows).toEqual([]);
    expect(empty.metadata).toEqual({ resourceVersion: '9' });
    expect(empty.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(toTable(Namespace, { items: [] }, { now: NOW }).metadata).toEqual({});
  });

  it('uses the printer of the type, whatever its version, and the default table for others', () => {
    const deployment: Deployment = {
      metadata: { name: 'web', creationTimestamp: '2024-05-01T11:00:00Z' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { spec: { containers: [{ name: 'a' }] } },
      },
      status: { readyReplicas: 1, updatedReplicas: 2, availableReplicas: 1 },
    };
    expect(toTable(DeploymentType, deployment, { now: NOW }).rows[0]!.cells.slice(0, 5)).toEqual([
      'web',
      '1/2',
      2,
      1,
      '60m',
    ]);
    const role = { metadata: { name: 'reader', creationTimestamp: '2024-05-01T11:00:00Z' }, rules: [] };
    expect(toTable(Role, role, { now: NOW }).rows[0]!.cells).toEqual(['reader', '2024-05-01T11:00:00Z']);
  });

  it('uses an explicit printer, such as a CRD’s printer columns', () => {
    const printer = customColumnsTablePrinter([{ name: 'Phase', type: 'string', jsonPath: '.status.phase' }]);
    const table = toTable(PodType, list, { now: NOW, printer, includeObject: 'None' });
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Phase']);
    expect(table.rows).toEqual([{ cells: ['web-1', 'Running'] }, { cells: ['web-2', 'Succeeded'] }]);
  });

  it('measures ages up to the current time by default', () => {
    const fresh = pod('now', 'Pending', '1');
    fresh.metadata.creationTimestamp = new Date(Date.now() - 3000).toISOString();
    const age = toTable(PodType, fresh).rows[0]!.cells[4];
    expect(['2s', '3s', '4s']).toContain(age);
  });

  it('does not modify its input', () => {
    const before = structuredClone(list);
    toTable(PodType, list, { now: NOW, includeObject: 'Object' });
    expect(list).toEqual(before);
  });
});
