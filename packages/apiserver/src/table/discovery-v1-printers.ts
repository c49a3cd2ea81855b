import type { EndpointSlice } from '@capstan/core';
import { listWithMore, since } from './cell-format.js';
import { AGE_COLUMN, column, NAME_COLUMN } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

/**
 * endpointSliceTablePrinter prints endpoint slices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. PORTS
 * and ENDPOINTS list the first three port numbers (a port without a number prints its name, or
 * `*`) and addresses, count the rest as ` + N more...`, and print `<unset>` when empty.
 */
export const endpointSliceTablePrinter: TablePrinter = tablePrinterFn<EndpointSlice>(
  [
    NAME_COLUMN,
    column('AddressType', 'string', 'The type of address carried by this slice: IPv4, IPv6 or FQDN.'),
    column('Ports', 'string', 'The ports exposed by every endpoint of this slice.'),
    column('Endpoints', 'string', 'The addresses of the endpoints of this slice.'),
    AGE_COLUMN,
  ],
  (slice, now) => {
    const ports = (slice.ports ?? []).map((p) =>
      p.port !== undefined ? String(p.port) : p.name !== undefined ? p.name : '*',
    );
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [
      slice.metadata.name ?? '',
      slice.addressType,
      listWithMore(ports, '<unset>'),
      listWithMore(addresses, '<unset>'),
      since(slice.metadata.creationTimestamp, now),
    ];
  },
);
