import type { TableColumnDefinition } from './table.js';

/** ColumnOptions are the optional parts of a column definition. */
export interface ColumnOptions {
  /** `name` for the column holding the object's name; `''` by default. */
  readonly format?: string;
  /** 1 for columns only `kubectl get -o wide` shows; 0 by default. */
  readonly priority?: number;
}

/** column builds a {@link TableColumnDefinition} with every field set, as Kubernetes serialises it. */
export function column(
  name: string,
  type: string,
  description: string,
  options: ColumnOptions = {},
): TableColumnDefinition {
  return { name, type, format: options.format ?? '', description, priority: options.priority ?? 0 };
}

/** wide builds a priority-1 column of type string: one that only `kubectl get -o wide` shows. */
export function wide(name: string, description: string): TableColumnDefinition {
  return column(name, 'string', description, { priority: 1 });
}

/** NAME_DESCRIPTION describes the `Name` column: the object's `metadata.name`. */
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace (or the cluster, for cluster-scoped kinds); it is required when creating resources unless generateName is used, and cannot be updated.';

/** CREATION_DESCRIPTION describes columns derived from `metadata.creationTimestamp` (`Age`, `Created At`). */
export const CREATION_DESCRIPTION =
  'CreationTimestamp is the server time when this object was created, in RFC 3339 form and in UTC. It is set by the system and read-only.';

/** NAME_COLUMN is the `Name` column every printer starts with (format `name`). */
export const NAME_COLUMN: TableColumnDefinition = column('Name', 'string', NAME_DESCRIPTION, {
  format: 'name',
});

/** AGE_COLUMN is the `Age` column: the human duration since the object was created. */
export const AGE_COLUMN: TableColumnDefinition = column('Age', 'string', CREATION_DESCRIPTION);

/** CONTAINERS_COLUMN is the wide `Containers` column of workloads: the template's container names. */
export const CONTAINERS_COLUMN: TableColumnDefinition = wide(
  'Containers',
  'Names of each container in the template.',
);

/** IMAGES_COLUMN is the wide `Images` column of workloads: the template's container images. */
export const IMAGES_COLUMN: TableColumnDefinition = wide(
  'Images',
  'Images referenced by each container in the template.',
);

/** SELECTOR_COLUMN is the wide `Selector` column of workloads: their label selector. */
export const SELECTOR_COLUMN: TableColumnDefinition = wide(
  'Selector',
  'A label query over pods that should match the replica count or template.',
);
