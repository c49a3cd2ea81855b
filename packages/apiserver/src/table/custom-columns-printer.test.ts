import type { CustomResourceColumnDefinition } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { customColumnsTablePrinter, printerColumnsOrDefault } from './custom-columns-printer.js';
import type { TableCell } from './table.js';

const NOW = new Date('2024-05-01T12:00:00Z');

const database = {
  apiVersion: 'db.example.com/v1',
  kind: 'Database',
  metadata: { name: 'orders', namespace: 'shop', creationTimestamp: '2024-05-01T11:00:00Z' },
  spec: {
    engine: 'postgres',
    version: 16,
    storageGB: 20.5,
    replicas: 3,
    backup: { enabled: true, schedule: '0 3 * * *' },
  },
  status: {
    phase: 'Ready',
    readyReplicas: 2.9,
    lastBackup: '2024-05-01T09:30:00Z',
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-04-30T12:00:00Z' }],
    endpoints: ['10.0.0.1:5432', '10.0.0.2:5432'],
  },
};

function col(
  name: string,
  type: string,
  jsonPath: string,
  extra: Partial<CustomResourceColumnDefinition> = {},
): CustomResourceColumnDefinition {
  return { name, type, jsonPath, ...extra };
}

describe('customColumnsTablePrinter', () => {
  it('starts with NAME and keeps each column’s definition', () => {
    const printer = customColumnsTablePrinter([
      col('Engine', 'string', '.spec.engine', { description: 'The database engine.' }),
      col('Storage', 'number', '.spec.storageGB', { format: 'float', priority: 1 }),
    ]);
    expect(printer.columns).toEqual([
      expect.objectContaining({ name: 'Name', type: 'string', format: 'name', priority: 0 }),
      { name: 'Engine', type: 'string', format: '', description: 'The database engine.', priority: 0 },
      {
        name: 'Storage',
        type: 'number',
        format: 'float',
        description: 'Custom resource definition column (in JSONPath format): .spec.storageGB',
        priority: 1,
      },
    ]);
  });

  it.each([
    ['a string', col('Engine', 'string', '.spec.engine'), 'postgres'],
    ['a number in a string column', col('Version', 'string', '.spec.version'), '16'],
    ['a boolean in a string column', col('Backup', 'string', '.spec.backup.enabled'), 'true'],
    [
      'an object in a string column',
      col('Backup', 'string', '.spec.backup'),
      '{"enabled":true,"schedule":"0 3 * * *"}',
    ],
    [
      'an array in a string column',
      col('Endpoints', 'string', '.status.endpoints'),
      '["10.0.0.1:5432","10.0.0.2:5432"]',
    ],
    ['the first of several results', col('Endpoint', 'string', '.status.endpoints[*]'), '10.0.0.1:5432'],
    ['a filtered condition', col('Ready', 'string', '.status.conditions[?(@.type=="Ready")].status'), 'True'],
    ['an integer', col('Replicas', 'integer', '.spec.replicas'), 3],
    ['a fraction in an integer column, truncated', col('Ready', 'integer', '.status.readyReplicas'), 2],
    ['a number', col('Storage', 'number', '.spec.storageGB'), 20.5],
    ['an integer in a number column', col('Replicas', 'number', '.spec.replicas'), 3],
    ['a boolean', col('Backup', 'boolean', '.spec.backup.enabled'), true],
    ['a date as an age', col('Last Backup', 'date', '.status.lastBackup'), '150m'],
    ['the default Age column', col('Age', 'date', '.metadata.creationTimestamp'), '60m'],
    ['a missing path', col('Missing', 'string', '.status.missing'), null],
    ['a missing path in an integer column', col('Missing', 'integer', '.status.missing'), null],
    ['an index out of range', col('Third', 'string', '.status.endpoints[2]'), null],
    ['a string in an integer column', col('Engine', 'integer', '.spec.engine'), null],
    ['a number in a boolean column', col('Replicas', 'boolean', '.spec.replicas'), null],
    ['a string in a number column', col('Phase', 'number', '.status.phase'), null],
    ['a number in a date column', col('Version', 'date', '.spec.version'), null],
    ['an unknown column type', col('Phase', 'enum', '.status.phase'), null],
  ] as [string, CustomResourceColumnDefinition, TableCell][])('prints %s', (_, column, cell) => {
    const printer = customColumnsTablePrinter([column]);
    expect(printer.printRow(database, NOW).cells).toEqual(['orders', cell]);
  });

  it.each([
    ['an empty string', '', '<unknown>'],
    ['the string null', 'null', '<unknown>'],
    ['a date without a time', '2024-05-01', '<invalid>'],
    ['an impossible month', '2024-13-01T00:00:00Z', '<invalid>'],
    ['free text', 'yesterday', '<invalid>'],
    ['fractional seconds and an offset', '2024-05-01T13:59:29.5+02:00', '30s'],
    ['a time in the future beyond clock skew', '2024-05-01T12:00:05Z', '<invalid>'],
  ])('prints a date column holding %s as %s', (_, value, cell) => {
    const printer = customColumnsTablePrinter([col('When', 'date', '.when')]);
    expect(printer.printRow({ metadata: { name: 'x' }, when: value }, NOW).cells).toEqual(['x', cell]);
  });

  it('prints null in a string column as <no value>', () => {
    const printer = customColumnsTablePrinter([
      col('Note', 'string', '.note'),
      col('Count', 'integer', '.note'),
    ]);
    expect(printer.printRow({ metadata: { name: 'x' }, note: null }, NOW).cells).toEqual([
      'x',
      '<no value>',
      null,
    ]);
  });

  it('refuses a column whose path does not parse, naming it', () => {
    expect(() => customColumnsTablePrinter([col('Bad', 'string', '.spec[')])).toThrow(
      'unrecognized column definition ".spec["',
    );
  });
});

describe('printerColumnsOrDefault', () => {
  it('keeps the columns a CRD version defines', () => {
    const columns = [col('Engine', 'string', '.spec.engine')];
    expect(printerColumnsOrDefault(columns)).toBe(columns);
  });

  it.each([[undefined], [[]]])('serves the Age column for %j', (columns) => {
    const defaulted = printerColumnsOrDefault(columns);
    expect(defaulted).toEqual([
      expect.objectContaining({ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }),
    ]);
    const printer = customColumnsTablePrinter(defaulted);
    expect(printer.columns.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(printer.printRow(database, NOW).cells).toEqual(['orders', '60m']);
  });
});
