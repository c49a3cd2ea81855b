import type { ListMeta, ResourceType } from '@capstan/core';
import { tablePrinterFor } from './builtin-table-printers.js';
import type { IncludeObject, Table, TableListMeta, TableObject, TableRow, TableVersion } from './table.js';
import type { TablePrinter } from './table-printer.js';

/** TableList is a list to convert: its items, and list metadata that the Table passes through. */
export interface TableList {
  readonly items: readonly TableObject[];
  readonly metadata?: ListMeta | undefined;
}

/** TableSource is what {@link toTable} converts: a list (for list requests) or one object (for gets and watch events). */
export type TableSource = TableList | TableObject;

/** ToTableOptions say how {@link toTable} renders. */
export interface ToTableOptions {
  /** What each row carries in `object`; `Metadata` by default, as in Kubernetes. */
  readonly includeObject?: IncludeObject;
  /** Leave `columnDefinitions` empty (Kubernetes' internal `TableOptions.NoHeaders`). */
  readonly noHeaders?: boolean;
  /** The instant ages and durations are measured to; the current time by default. */
  readonly now?: Date;
  /** The `meta.k8s.io` version of the Table (and its `PartialObjectMetadata`); `v1` by default. */
  readonly version?: TableVersion;
  /**
   * The printer to use instead of the type's own ({@link tablePrinterFor}), e.g. a
   * `customColumnsTablePrinter` built from a CRD version's printer columns.
   */
  readonly printer?: TablePrinter;
}

/**
 * toTable converts objects of one resource type into a `meta.k8s.io` Table, as Kubernetes'
 * TableConvertor and its handler do for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`.
 *
 * Guarantees: every column is defined, wide ones (priority 1) included, so clients choose what to
 * show; one row per object, in order, with one cell per column; a list's `resourceVersion`,
 * `continue` and `remainingItemCount` pass through to the Table's metadata, and a single
 * object's `resourceVersion` becomes the Table's. A row's `object` is a `PartialObjectMetadata`
 * (its apiVersion the Table's) for `Metadata`, the whole object with the type's `apiVersion` and
 * `kind` for `Object`, and absent for `None`. The input is never modified; rows share the input's
 * metadata and objects rather than copying them.
 *
 * A source is a list when it has an `items` array, as Kubernetes decides for unstructured objects.
 */
export function toTable(type: ResourceType, source: TableSource, options: ToTableOptions = {}): Table {
  const printer = options.printer ?? tablePrinterFor(type);
  const version = options.version ?? 'v1';
  const apiVersion = `meta.k8s.io/${version}` as const;
  const includeObject = options.includeObject ?? 'Metadata';
  const now = options.now ?? new Date();
  const list = isList(source);
  const objects = list ? source.items : [source];

  const rows = objects.map((object): TableRow => {
    const printed = printer.printRow(object, now);
    const row: { -readonly [K in keyof TableRow]: TableRow[K] } = { cells: printed.cells };
    if (printed.conditions !== undefined && printed.conditions.length > 0)
      row.conditions = printed.conditions;
    if (includeObject === 'Metadata') {
      row.object = { apiVersion, kind: 'PartialObjectMetadata', metadata: object.metadata };
    } else if (includeObject === 'Object') {
      row.object = { ...object, apiVersion: type.apiVersion, kind: type.kind };
    }
    return row;
  });

  return {
    apiVersion,
    kind: 'Table',
    metadata: list ? listMeta(source.metadata) : singleMeta(source),
    columnDefinitions: options.noHeaders === true ? [] : printer.columns,
    rows,
  };
}

function isList(source: TableSource): source is TableList {
  return Array.isArray((source as { items?: unknown }).items);
}

function listMeta(meta: ListMeta | undefined): TableListMeta {
  const out: { -readonly [K in keyof TableListMeta]: TableListMeta[K] } = {};
  if (meta?.resourceVersion) out.resourceVersion = meta.resourceVersion;
  if (meta?.continue) out.continue = meta.continue;
  if (meta?.remainingItemCount !== undefined) out.remainingItemCount = meta.remainingItemCount;
  return out;
}

function singleMeta(object: TableObject): TableListMeta {
  const resourceVersion = object.metadata.resourceVersion;
  return resourceVersion ? { resourceVersion } : {};
}
