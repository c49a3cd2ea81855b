import { ApiError, type KeyValue, type ResourceType } from '@capstan/core';
import type { ApiObject } from './api-object.js';

/**
 * ObjectCodec turns objects of one resource type into Store values and back.
 *
 * Guarantees: a stored value is the object as JSON with `apiVersion` and `kind` set and without
 * `metadata.resourceVersion` or `metadata.selfLink`; a decoded object always has `apiVersion`,
 * `kind` and `metadata.resourceVersion` (the key's modRevision as a decimal string). A value that
 * is not a JSON object with metadata decodes to a 500 InternalError naming the key.
 */
export class ObjectCodec {
  readonly #apiVersion: string;
  readonly #kind: string;

  constructor(type: ResourceType) {
    this.#apiVersion = type.apiVersion;
    this.#kind = type.kind;
  }

  /** encode returns the Store value of `object`. */
  encode(object: ApiObject): string {
    const { apiVersion: _apiVersion, kind: _kind, metadata: meta, ...rest } = object;
    const { resourceVersion: _rv, selfLink: _link, ...metadata } = meta;
    return JSON.stringify({ kind: this.#kind, apiVersion: this.#apiVersion, metadata, ...rest });
  }

  /** decode parses a Store value and stamps it with `revision` (by default the key's modRevision). */
  decode(kv: KeyValue, revision: number = kv.modRevision): ApiObject {
    let parsed: unknown;
    try {
      parsed = JSON.parse(kv.value);
    } catch (err) {
      throw ApiError.internal(new Error(`cannot decode ${kv.key}: ${(err as Error).message}`));
    }
    const object = parsed as { metadata?: unknown };
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      typeof object.metadata !== 'object' ||
      object.metadata === null
    ) {
      throw ApiError.internal(new Error(`cannot decode ${kv.key}: not an object with metadata`));
    }
    const decoded = parsed as ApiObject;
    decoded.apiVersion = this.#apiVersion;
    decoded.kind = this.#kind;
    decoded.metadata.resourceVersion = String(revision);
    return decoded;
  }
}
