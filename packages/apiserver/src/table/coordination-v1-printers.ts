import type { Lease } from '@capstan/core';
import { since } from './cell-format.js';
import { AGE_COLUMN, column, NAME_COLUMN } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

/** leaseTablePrinter prints leases: NAME HOLDER AGE (HOLDER empty when nobody holds the lease). */
export const leaseTablePrinter: TablePrinter = tablePrinterFn<Lease>(
  [NAME_COLUMN, column('Holder', 'string', 'The identity of the current holder of the lease.'), AGE_COLUMN],
  (lease, now) => [
    lease.metadata.name ?? '',
    lease.spec?.holderIdentity ?? '',
    since(lease.metadata.creationTimestamp, now),
  ],
);
