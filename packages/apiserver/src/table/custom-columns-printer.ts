import type { CustomResourceColumnDefinition } from '@capstan/core';
import { UNKNOWN } from './cell-format.js';
import { humanDuration } from './human-duration.js';
import { JsonPath, jsonPathText } from './json-path.js';
import type { TableCell, TableColumnDefinition } from './table.js';
import { CREATION_DESCRIPTION, column, NAME_COLUMN } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

/** Go's `time.RFC3339` layout, the only form a `date` column accepts (fractional seconds allowed). */
const RFC3339 = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * printerColumnsOrDefault returns a CRD version's `additionalPrinterColumns`, or, when there are
 * none, the single `Age` column Kubernetes serves in their place (type `date`, path
 * `.metadata.creationTimestamp`).
 */
export function printerColumnsOrDefault(
  columns: readonly CustomResourceColumnDefinition[] | undefined,
): readonly CustomResourceColumnDefinition[] {
  if (columns !== undefined && columns.length > 0) return columns;
  return [
    { name: 'Age', type: 'date', description: CREATION_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' },
  ];
}

/**
 * customColumnsTablePrinter is the table printer of custom resources (Kubernetes'
 * apiextensions table convertor): a NAME column, then one column per printer column definition,
 * keeping its name, type, format and priority (the description defaults to
 * `Custom resource definition column (in JSONPath format): <path>`).
 *
 * Each cell is the first value the column's {@link JsonPath} finds, converted by type as
 * Kubernetes does: `string` prints any value as jsonpath prints it; `integer` takes numbers
 * (truncated), `number` numbers, `boolean` booleans; `date` turns an RFC 3339 string into its age
 * (`<invalid>` when unparsable, `<unknown>` when empty). A path that finds nothing, a value of the
 * wrong type and an unknown column type give `null`. Throws an `Error` when a path does not parse,
 * naming it; pass the columns through {@link printerColumnsOrDefault} first for a CRD version.
 */
export function customColumnsTablePrinter(columns: readonly CustomResourceColumnDefinition[]): TablePrinter {
  const paths = columns.map((c) => {
    try {
      return JsonPath.parse(c.jsonPath);
    } catch (err) {
      throw new Error(
        `unrecognized column definition ${JSON.stringify(c.jsonPath)}: ${(err as Error).message}`,
      );
    }
  });
  const definitions: TableColumnDefinition[] = [
    NAME_COLUMN,
    ...columns.map((c) =>
      column(
        c.name,
        c.type,
        c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
        {
          format: c.format ?? '',
          priority: c.priority ?? 0,
        },
      ),
    ),
  ];
  return tablePrinterFn(definitions, (object, now) => {
    const cells: TableCell[] = [object.metadata.name ?? ''];
    paths.forEach((path, i) => {
      const found = path.find(object);
      cells.push(found.length === 0 ? null : cell(columns[i]!.type, found[0], now));
    });
    return cells;
  });
}

function cell(type: string, value: unknown, now: Date): TableCell {
  if (type === 'string') return jsonPathText(value);
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? dateCell(value, now) : null;
    default:
      return null;
  }
}

function dateCell(value: string, now: Date): string {
  if (value === '' || value === 'null') return UNKNOWN;
  const match = RFC3339.exec(value);
  const ms = Date.parse(value);
  if (match === null || Number.isNaN(ms) || !inRange(match)) return '<invalid>';
  return humanDuration(now.getTime() - ms);
}

function inRange(match: RegExpExecArray): boolean {
  const [month, day, hour, minute, second] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59;
}
