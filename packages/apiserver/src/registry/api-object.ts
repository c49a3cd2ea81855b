import type { ObjectMeta } from '@capstan/core';

/**
 * ApiObject is what the storage handles of any resource: apiVersion, kind, metadata, and the
 * kind's own fields. Objects of a specific kind (`ResourceObject<typeof Pod>`) are ApiObjects.
 */
export interface ApiObject {
  apiVersion?: string | undefined;
  kind?: string | undefined;
  metadata: ObjectMeta;
  [field: string]: unknown;
}
