import type { ResourceType } from '@capstan/core';
import type { TableObject } from '../table/table.js';
import { type TableSource, toTable } from '../table/table-conversion.js';
import type { OutputFormat } from './output-format.js';

/** ConversionOptions tune {@link convertForOutput}. */
export interface ConversionOptions {
  /** Leave the Table's column definitions out (every watch event after the first). */
  readonly noHeaders?: boolean;
  /** The instant Table ages are measured to (now by default). */
  readonly now?: Date;
}

/**
 * convertForOutput turns an object or a list of `type` into what `format` serves: a Table for
 * `table` (rows as the request's `includeObject` asks), `PartialObjectMetadata` or
 * `PartialObjectMetadataList` for `partial`, and the input itself otherwise. The input is never
 * modified.
 */
export function convertForOutput(
  format: OutputFormat,
  type: ResourceType,
  source: unknown,
  options: ConversionOptions = {},
): unknown {
  if (format.kind === 'table') {
    return toTable(type, source as TableSource, {
      includeObject: format.table.includeObject,
      version: format.table.version,
      noHeaders: options.noHeaders === true,
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  }
  if (format.kind === 'partial') {
    const apiVersion = `meta.k8s.io/${format.version}`;
    const partial = (object: TableObject) => ({
      apiVersion,
      kind: 'PartialObjectMetadata',
      metadata: object.metadata,
    });
    const list = source as { items?: TableObject[]; metadata?: unknown };
    if (Array.isArray(list.items)) {
      return {
        apiVersion,
        kind: 'PartialObjectMetadataList',
        metadata: list.metadata ?? {},
        items: list.items.map(partial),
      };
    }
    return partial(source as TableObject);
  }
  return source;
}
