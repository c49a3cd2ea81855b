import type { TableCell, TableColumnDefinition, TableObject, TableRowCondition } from './table.js';

/** PrintedRow is what a {@link TablePrinter} makes of one object: its cells and row conditions. */
export interface PrintedRow {
  /** One cell per column of the printer, in order. */
  readonly cells: readonly TableCell[];
  /** Row conditions (Kubernetes sets `Completed` on finished pods); absent when there are none. */
  readonly conditions?: readonly TableRowCondition[];
}

/**
 * TablePrinter renders the objects of one kind as Table rows, as a Kubernetes print handler does:
 * it names its columns (wide ones with priority 1) and prints one row per object.
 *
 * Guarantees every implementation keeps: `printRow` returns exactly one cell per column, never
 * throws for an object its kind's schema accepts (absent optional fields print as Kubernetes
 * prints their zero value), and depends only on the object and `now`, so the same inputs always
 * give the same row.
 */
export interface TablePrinter {
  /** The column definitions, in cell order. */
  readonly columns: readonly TableColumnDefinition[];
  /** printRow renders one object; ages and durations are measured up to `now`. */
  printRow(object: TableObject, now: Date): PrintedRow;
}

/**
 * tablePrinterFn builds a frozen {@link TablePrinter} from its columns and a row function, the
 * function form of the interface. `T` is the type of the objects the printer is registered for:
 * the caller promises that only objects of that kind reach it. A row function may return the
 * cells alone when the row has no conditions. Throws when `columns` is empty.
 */
export function tablePrinterFn<T extends TableObject = TableObject>(
  columns: readonly TableColumnDefinition[],
  row: (object: T, now: Date) => PrintedRow | readonly TableCell[],
): TablePrinter {
  if (columns.length === 0) throw new Error('a table printer needs at least one column');
  const frozenColumns = Object.freeze(columns.map((c) => Object.freeze({ ...c })));
  return Object.freeze({
    columns: frozenColumns,
    printRow(object: TableObject, now: Date): PrintedRow {
      const printed = row(object as T, now);
      return isCellList(printed) ? { cells: printed } : printed;
    },
  });
}

function isCellList(printed: PrintedRow | readonly TableCell[]): printed is readonly TableCell[] {
  return Array.isArray(printed);
}
