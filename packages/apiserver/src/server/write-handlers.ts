import { ApiError } from '@capstan/core';
import type { ApiObject } from '../registry/api-object.js';
import { parseResourceVersion } from '../registry/resource-version.js';
import { admitMutating, validatingAdmission } from './admission.js';
import type { ResourceRequest } from './handler-context.js';
import { decodeObjectBody } from './object-body.js';
import { objectResponse, responseFormat } from './object-response.js';
import type { ServerResponse } from './server-response.js';
import { decodeTyped } from './typed-decoding.js';
import { writeOptions } from './write-options.js';

/**
 * createObject serves POST to a collection: decode (with field validation), mutating admission,
 * then the storage's create (validation, validating admission, write). Answers 201 with the
 * created object (without a resourceVersion for a dry run).
 */
export async function createObject(r: ResourceRequest): Promise<ServerResponse> {
  const { route } = r;
  const type = route.type;
  const options = writeOptions(r.query, 'CreateOptions');
  const format = responseFormat(r, false);
  const { object, warnings } = decodeObjectBody(r.request, objectKind(r), options.fieldValidation);
  decodeTyped(objectKind(r), object);
  const name = nameIn(object);
  const target = { operation: 'CREATE', name, dryRun: options.dryRun } as const;
  await admitMutating(r, target, object);
  const created = await r.context.storages
    .for(type)
    .create(type.namespaced ? route.namespace : undefined, object as ApiObject, {
      dryRun: options.dryRun,
      admit: validatingAdmission(r, target),
    });
  return objectResponse(r, 201, format, created, warnings);
}

/**
 * updateObject serves PUT of an object (or, with `subresource: 'status'`, of its status): the
 * body's name must be the URL's (400); its resourceVersion, when set, is the optimistic-concurrency
 * precondition (409 when stale). Mutating admission sees the stored object as `oldObject` and runs
 * again when a concurrent write forces a retry.
 */
export async function updateObject(
  r: ResourceRequest,
  name: string,
  subresource?: 'status',
): Promise<ServerResponse> {
  const { route } = r;
  const options = writeOptions(r.query, 'UpdateOptions');
  const format = responseFormat(r, false);
  const { object, warnings } = decodeObjectBody(r.request, objectKind(r), options.fieldValidation);
  decodeTyped(objectKind(r), object);
  const bodyName = nameIn(object);
  if (bodyName !== name) {
    throw ApiError.badRequest(
      `the name of the object (${bodyName}) does not match the name on the URL (${name})`,
    );
  }
  const meta = (object.metadata ?? {}) as { resourceVersion?: string };
  const precondition = meta.resourceVersion ?? '';
  if (precondition !== '' && precondition !== '0')
    parseResourceVersion(precondition, 'metadata.resourceVersion');
  const target = { operation: 'UPDATE', name, dryRun: options.dryRun, subresource } as const;
  const updated = await r.context.storages.for(route.type).guaranteedUpdate(
    route.namespace,
    name,
    async (current) => {
      const next = structuredClone(object) as ApiObject;
      await admitMutating(r, target, next, current);
      return next;
    },
    { dryRun: options.dryRun, subresource, admit: validatingAdmission(r, target) },
  );
  return objectResponse(r, 200, format, updated, warnings);
}

/** objectKind is the kind bodies of the route's type are decoded as. */
export function objectKind(r: ResourceRequest) {
  const type = r.route.type;
  return { apiVersion: type.apiVersion, kind: type.kind, schema: type.objectSchema };
}

/** nameIn reads `metadata.name` of a decoded body, `''` when it has none. */
export function nameIn(object: Record<string, unknown>): string {
  const metadata = object.metadata;
  if (typeof metadata !== 'object' || metadata === null) return '';
  const name = (metadata as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}
