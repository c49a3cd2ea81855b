import type { AdmissionAttributes, AdmissionOperation } from '../pipeline/contracts.js';
import type { AdmitFunction } from '../registry/storage-options.js';
import type { ResourceRequest } from './handler-context.js';

/** AdmissionTarget is what one admission call is about, beside the request itself. */
export interface AdmissionTarget {
  readonly operation: AdmissionOperation;
  readonly name: string;
  readonly dryRun: boolean;
  readonly subresource?: string | undefined;
}

/** admissionAttributes builds the attributes admission plugins see for a write of the route's type. */
export function admissionAttributes(
  r: ResourceRequest,
  target: AdmissionTarget,
  object?: Record<string, unknown>,
  oldObject?: Record<string, unknown>,
): AdmissionAttributes {
  const { route, request } = r;
  return {
    operation: target.operation,
    user: request.user,
    type: route.type,
    name: target.name,
    dryRun: target.dryRun,
    ...(route.type.namespaced && route.namespace !== undefined ? { namespace: route.namespace } : {}),
    ...(target.subresource === undefined ? {} : { subresource: target.subresource }),
    ...(object === undefined ? {} : { object }),
    ...(oldObject === undefined ? {} : { oldObject }),
  };
}

/**
 * admitMutating runs the mutating admission plugins over `object` (changed in place) for a write of
 * the route's type; a plugin's error is the request's answer.
 */
export async function admitMutating(
  r: ResourceRequest,
  target: AdmissionTarget,
  object?: Record<string, unknown>,
  oldObject?: Record<string, unknown>,
): Promise<void> {
  await r.context.pipeline.admitMutating(admissionAttributes(r, target, object, oldObject));
}

/**
 * admitValidating runs the validating admission plugins over the final `object` of a write that the
 * storage does not perform itself (bindings, evictions); a plugin's error is the request's answer.
 */
export async function admitValidating(
  r: ResourceRequest,
  target: AdmissionTarget,
  object?: Record<string, unknown>,
  oldObject?: Record<string, unknown>,
): Promise<void> {
  await r.context.pipeline.admitValidating(admissionAttributes(r, target, object, oldObject));
}

/**
 * validatingAdmission returns the hook the storage calls with the final object (and the stored one
 * for updates and deletes) right before it writes: it runs the validating admission plugins, whose
 * error is the request's answer. The object's own name (a generated one, or each object of a
 * deletecollection) is the name the plugins see.
 */
export function validatingAdmission(r: ResourceRequest, target: AdmissionTarget): AdmitFunction {
  return async (next, current) => {
    const name = next?.metadata.name ?? current?.metadata.name ?? target.name;
    await r.context.pipeline.admitValidating(admissionAttributes(r, { ...target, name }, next, current));
  };
}
