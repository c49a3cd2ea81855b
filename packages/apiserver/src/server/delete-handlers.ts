import type { ResourceType } from '@capstan/core';
import type { ApiObject } from '../registry/api-object.js';
import { admitMutating, validatingAdmission } from './admission.js';
import { deleteOptions } from './delete-options.js';
import type { ResourceRequest } from './handler-context.js';
import { listOptions } from './list-options.js';
import { objectResponse, responseFormat } from './object-response.js';
import type { ServerResponse } from './server-response.js';
import { type SuccessStatus, successStatus } from './success-status.js';

/** Kinds whose delete answers with the deleted object rather than a Status (Kubernetes' `ReturnDeletedObject`). */
const RETURNS_DELETED_OBJECT: ReadonlySet<string> = new Set(['/Pod', '/Service', '/Namespace']);

/**
 * deleteObject serves DELETE of one object with Kubernetes' answers: 200 with the object when its
 * deletion waits (finalizers, a grace period) — 202 when the client asked `orphanDependents=false`
 * — and, once it is gone, the deleted object for pods, services and namespaces, a `Success`
 * Status naming it for every other kind.
 */
export async function deleteObject(r: ResourceRequest, name: string): Promise<ServerResponse> {
  const { route } = r;
  const format = responseFormat(r, false);
  const options = deleteOptions(r.query, r.request);
  const target = { operation: 'DELETE', name, dryRun: options.dryRun === true } as const;
  await admitMutating(r, target);
  const result = await r.context.storages
    .for(route.type)
    .delete(route.namespace, name, { ...options, admit: validatingAdmission(r, target) });
  const status = !result.deleted && options.orphanDependents === false ? 202 : 200;
  if (!result.deleted || RETURNS_DELETED_OBJECT.has(`${route.type.group}/${route.type.kind}`)) {
    return objectResponse(r, status, format, result.object);
  }
  return objectResponse(r, status, format, deletedStatus(route.type, result.object));
}

/**
 * deleteCollection serves DELETE of a collection: every object the list options select is deleted
 * as {@link deleteObject} would, and the answer is the list of what each delete returned.
 */
export async function deleteCollection(r: ResourceRequest): Promise<ServerResponse> {
  const { route } = r;
  const format = responseFormat(r, false);
  const options = deleteOptions(r.query, r.request);
  const target = { operation: 'DELETE', name: '', dryRun: options.dryRun === true } as const;
  await admitMutating(r, target);
  const list = await r.context.storages
    .for(route.type)
    .deleteCollection(route.namespace, listOptions(r.query), {
      ...options,
      admit: validatingAdmission(r, target),
    });
  return objectResponse(r, 200, format, list);
}

function deletedStatus(type: ResourceType, object: ApiObject): SuccessStatus {
  return successStatus(undefined, {
    name: object.metadata.name ?? '',
    group: type.group,
    kind: type.plural,
    ...(object.metadata.uid === undefined ? {} : { uid: object.metadata.uid }),
  });
}
