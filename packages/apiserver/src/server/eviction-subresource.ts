import { ApiError } from '@capstan/core';
import { z } from 'zod';
import { admitMutating, admitValidating } from './admission.js';
import type { ResourceRequest } from './handler-context.js';
import { decodeObjectBody } from './object-body.js';
import { objectResponse, responseFormat } from './object-response.js';
import type { ServerResponse } from './server-response.js';
import { successStatus } from './success-status.js';
import { decodeTyped } from './typed-decoding.js';
import { writeOptions } from './write-options.js';

const EvictionSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.looseObject({ name: z.string().optional(), namespace: z.string().optional() }).optional(),
  deleteOptions: z
    .looseObject({
      gracePeriodSeconds: z.number().int().optional(),
      preconditions: z
        .looseObject({ uid: z.string().optional(), resourceVersion: z.string().optional() })
        .optional(),
      propagationPolicy: z.string().optional(),
      orphanDependents: z.boolean().optional(),
      dryRun: z.array(z.string()).optional(),
    })
    .optional(),
});
const EVICTION_KIND = { apiVersion: 'policy/v1', kind: 'Eviction', schema: EvictionSchema };
const EVICTION_VERSIONS: ReadonlySet<string> = new Set(['', 'policy/v1', 'policy/v1beta1']);

/**
 * createEviction serves POST of `pods/<name>/eviction` (a `policy/v1` or `v1beta1` Eviction): the
 * Eviction's name must be the URL's (400), then the pod is deleted with the Eviction's
 * `deleteOptions` (its grace period and preconditions), as Kubernetes does for a pod no
 * PodDisruptionBudget covers — Capstan has no PodDisruptionBudgets yet. A missing pod is a 404.
 * The answer is a `Success` Status with code 201.
 */
export async function createEviction(r: ResourceRequest, name: string): Promise<ServerResponse> {
  const { route } = r;
  const options = writeOptions(r.query, 'CreateOptions');
  const format = responseFormat(r, false);
  const { object, warnings } = decodeObjectBody(r.request, EVICTION_KIND, options.fieldValidation);
  decodeTyped(EVICTION_KIND, object);
  const eviction = object as z.infer<typeof EvictionSchema>;
  if (!EVICTION_VERSIONS.has(eviction.apiVersion ?? '') || !['', 'Eviction'].includes(eviction.kind ?? '')) {
    throw ApiError.badRequest(
      `the body of pods/eviction must be a policy/v1 Eviction, not ${String(eviction.kind)} of ${String(eviction.apiVersion)}`,
    );
  }
  if ((eviction.metadata?.name ?? '') !== name) {
    throw ApiError.badRequest('name in URL does not match name in Eviction object');
  }
  const deleteOptions = eviction.deleteOptions ?? {};
  const dryRun = options.dryRun || (deleteOptions.dryRun ?? []).includes('All');
  const target = { operation: 'CREATE', name, dryRun, subresource: 'eviction' } as const;
  await admitMutating(r, target, object);
  await admitValidating(r, target, object);
  await r.context.storages.for(route.type).delete(route.namespace, name, {
    gracePeriodSeconds: deleteOptions.gracePeriodSeconds,
    preconditions: deleteOptions.preconditions,
    propagationPolicy: deleteOptions.propagationPolicy,
    orphanDependents: deleteOptions.orphanDependents,
    dryRun,
  });
  return objectResponse(r, 201, format, successStatus(201), warnings);
}
