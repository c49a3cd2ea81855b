import type { PriorityClass } from '@capstan/core';
import { since } from './cell-format.js';
import { AGE_COLUMN, column, NAME_COLUMN } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

/**
 * priorityClassTablePrinter prints priority classes: NAME VALUE GLOBAL-DEFAULT AGE
 * PREEMPTIONPOLICY (an absent policy prints as its default, `PreemptLowerPriority`).
 */
export const priorityClassTablePrinter: TablePrinter = tablePrinterFn<PriorityClass>(
  [
    NAME_COLUMN,
    column('Value', 'integer', 'The priority of pods that name this class.'),
    column('Global-Default', 'boolean', 'Whether pods without a priorityClassName get this class.'),
    AGE_COLUMN,
    column('PreemptionPolicy', 'string', 'Whether pods of this class may preempt lower-priority pods.'),
  ],
  (pc, now) => [
    pc.metadata.name ?? '',
    pc.value,
    pc.globalDefault ?? false,
    since(pc.metadata.creationTimestamp, now),
    pc.preemptionPolicy ?? 'PreemptLowerPriority',
  ],
);
