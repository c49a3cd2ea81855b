import { ApiError, type FieldError, fieldErrors } from '@capstan/core';
import { z } from 'zod';
import type { ResourceDeleteOptions } from '../registry/storage-options.js';
import { bodyFormat, decodeBody } from './body-decoder.js';
import type { QueryParameters } from './query-parameters.js';
import type { ServerRequest } from './server-request.js';
import { decodeTyped } from './typed-decoding.js';
import { dryRunValues } from './write-options.js';

/** DeleteOptionsSchema is the shape of a `DeleteOptions` body (`meta.k8s.io/v1`, also accepted as `v1`). */
const DeleteOptionsSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  gracePeriodSeconds: z.number().int().optional(),
  preconditions: z
    .looseObject({ uid: z.string().optional(), resourceVersion: z.string().optional() })
    .optional(),
  orphanDependents: z.boolean().optional(),
  propagationPolicy: z.string().optional(),
  dryRun: z.array(z.string()).optional(),
});

const DELETE_OPTIONS_VERSIONS: ReadonlySet<string> = new Set([
  '',
  'v1',
  'meta.k8s.io/v1',
  'meta.k8s.io/v1beta1',
]);

/**
 * deleteOptions reads `metav1.DeleteOptions` of a DELETE as Kubernetes does: first the query
 * (`gracePeriodSeconds`, `propagationPolicy`, `orphanDependents`, `dryRun`), then a body if there
 * is one (JSON, YAML or protobuf), whose fields take precedence. A body that is not DeleteOptions,
 * or is malformed, is a 400; `dryRun` other than `All` is a 422 Invalid
 * `DeleteOptions.meta.k8s.io ""`. The storage checks the rest (propagation policy, preconditions).
 */
export function deleteOptions(query: QueryParameters, request: ServerRequest): ResourceDeleteOptions {
  const errs: FieldError[] = [];
  let dryRun = dryRunValues(query, errs);
  let options: ResourceDeleteOptions = {
    gracePeriodSeconds: query.integer('gracePeriodSeconds'),
    propagationPolicy: query.string('propagationPolicy'),
    orphanDependents: query.boolean('orphanDependents'),
  };
  if (request.body.length > 0) {
    const decoded = decodeBody(request.body, bodyFormat(request.headers['content-type']), {
      defaultApiVersion: 'meta.k8s.io/v1',
      defaultKind: 'DeleteOptions',
      findDuplicates: false,
    });
    const body = decoded.value as z.infer<typeof DeleteOptionsSchema>;
    if ((body.kind ?? '') !== '' && body.kind !== 'DeleteOptions') {
      throw ApiError.badRequest(`the body of a delete must be DeleteOptions, not ${String(body.kind)}`);
    }
    if (typeof body.apiVersion === 'string' && !DELETE_OPTIONS_VERSIONS.has(body.apiVersion)) {
      throw ApiError.badRequest(`DeleteOptions of apiVersion ${body.apiVersion} are not supported`);
    }
    decodeTyped({ apiVersion: 'meta.k8s.io/v1', kind: 'DeleteOptions', schema: DeleteOptionsSchema }, body);
    options = {
      ...options,
      ...(body.gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds: body.gracePeriodSeconds }),
      ...(body.propagationPolicy === undefined ? {} : { propagationPolicy: body.propagationPolicy }),
      ...(body.orphanDependents === undefined ? {} : { orphanDependents: body.orphanDependents }),
      ...(body.preconditions === undefined ? {} : { preconditions: body.preconditions }),
    };
    if (body.dryRun !== undefined) {
      const unsupported = body.dryRun.filter((value) => value !== 'All');
      if (unsupported.length > 0) errs.push(fieldErrors.notSupported('dryRun', body.dryRun, ['All']));
      dryRun = dryRun || body.dryRun.length > 0;
    }
  }
  if (errs.length > 0) throw ApiError.invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', errs);
  return { ...options, dryRun };
}
