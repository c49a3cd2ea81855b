import { parseTimestamp } from './cell-format.js';
import { CREATION_DESCRIPTION, column, NAME_COLUMN } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

/** The RFC 3339 rendering of Go's zero time, which Kubernetes prints for an unset timestamp. */
const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * defaultTablePrinter is Kubernetes' default table convertor, used for every kind without a
 * printer of its own (Roles, ClusterRoles, CustomResourceDefinitions, kinds from
 * `defineResource`): NAME and CREATED AT, the creation time as an RFC 3339 UTC timestamp with
 * second precision (`0001-01-01T00:00:00Z` when unset), in a column of type `date`.
 */
export const defaultTablePrinter: TablePrinter = tablePrinterFn(
  [NAME_COLUMN, column('Created At', 'date', CREATION_DESCRIPTION)],
  (object) => [object.metadata.name ?? '', rfc3339(object.metadata.creationTimestamp)],
);

function rfc3339(timestamp: string | null | undefined): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return ZERO_TIME;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
