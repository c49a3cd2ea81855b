import type { ObjectMeta } from '@capstan/core';

/** TableVersion is a version of `meta.k8s.io` that serves Tables: `v1`, or `v1beta1` for older clients. */
export type TableVersion = 'v1' | 'v1beta1';

/**
 * IncludeObject is the `includeObject` query parameter of a Table request: what each row carries
 * in `object`. `Metadata` (the default) is a `PartialObjectMetadata`, `Object` the whole object,
 * `None` nothing.
 */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/**
 * TableObject is any object a Table can show: Kubernetes metadata beside any other fields. The
 * objects of every resource type (`Pod`, `Deployment`, custom resources) are TableObjects.
 */
export interface TableObject {
  readonly apiVersion?: string | undefined;
  readonly kind?: string | undefined;
  readonly metadata: ObjectMeta;
  readonly [field: string]: unknown;
}

/**
 * TableCell is one cell of a Table row as it appears on the wire: a string, a number (Kubernetes'
 * int64 and float64 cells), a boolean, or `null` for a value that is absent (custom columns whose
 * path finds nothing).
 */
export type TableCell = string | number | boolean | null;

/**
 * TableColumnDefinition is `metav1.TableColumnDefinition`. Every field is always present, as
 * Kubernetes serialises them: `type` is an OpenAPI type (`string`, `integer`, `number`, `boolean`)
 * or `date`; `format` is `name` for the column that holds the object's name and `''` otherwise;
 * `priority` 0 is shown by `kubectl get`, 1 only by `kubectl get -o wide`.
 */
export interface TableColumnDefinition {
  readonly name: string;
  readonly type: string;
  readonly format: string;
  readonly description: string;
  readonly priority: number;
}

/**
 * TableRowCondition is `metav1.TableRowCondition`. The only condition Kubernetes defines is
 * `Completed`, set on the rows of pods that succeeded or failed.
 */
export interface TableRowCondition {
  readonly type: 'Completed';
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason?: string;
  readonly message?: string;
}

/**
 * PartialObjectMetadata is `metav1.PartialObjectMetadata`: an object reduced to its metadata, the
 * `object` of a row when `includeObject` is `Metadata`. Its apiVersion is the Table's.
 */
export interface PartialObjectMetadata {
  readonly apiVersion: `meta.k8s.io/${TableVersion}`;
  readonly kind: 'PartialObjectMetadata';
  readonly metadata: ObjectMeta;
}

/**
 * TableRow is `metav1.TableRow`: one cell per column definition, in the same order; `conditions`
 * only when there are some; `object` unless `includeObject` is `None`.
 */
export interface TableRow {
  readonly cells: readonly TableCell[];
  readonly conditions?: readonly TableRowCondition[];
  readonly object?: PartialObjectMetadata | Readonly<Record<string, unknown>>;
}

/** TableListMeta is the `metadata` of a Table: the list metadata of what was converted, passed through. */
export interface TableListMeta {
  readonly resourceVersion?: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

/**
 * Table is `meta.k8s.io/v1` (or `v1beta1`) `Table`, the server-side rendering that `kubectl get`
 * asks for with `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. `columnDefinitions` is
 * empty when headers were not asked for; `rows` holds one row per object, in order.
 */
export interface Table {
  readonly apiVersion: `meta.k8s.io/${TableVersion}`;
  readonly kind: 'Table';
  readonly metadata: TableListMeta;
  readonly columnDefinitions: readonly TableColumnDefinition[];
  readonly rows: readonly TableRow[];
}
