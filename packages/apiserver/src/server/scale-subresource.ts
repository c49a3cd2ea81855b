import {
  ApiError,
  fieldErrors,
  LabelSelector,
  type LabelSelectorSpec,
  type ResourceType,
} from '@capstan/core';
import { z } from 'zod';
import type { JsonObject } from '../patch/json-value.js';
import type { ApiObject } from '../registry/api-object.js';
import { admitMutating, admitValidating } from './admission.js';
import { enforceFieldValidation } from './field-validation.js';
import type { ResourceRequest } from './handler-context.js';
import { decodeObjectBody } from './object-body.js';
import { objectResponse, responseFormat } from './object-response.js';
import { applyPatch, parsePatch } from './patch-request.js';
import type { ServerResponse } from './server-response.js';
import { decodeTyped } from './typed-decoding.js';
import { unknownFieldPaths } from './unknown-fields.js';
import { writeOptions } from './write-options.js';

/** Scale is `autoscaling/v1` Scale, the body of every `scale` subresource. */
export interface Scale {
  apiVersion: 'autoscaling/v1';
  kind: 'Scale';
  metadata: Record<string, unknown>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

const SCALE_API_VERSION = 'autoscaling/v1';
const SCALE_KIND = 'Scale';
const ScaleSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: z.looseObject({
    name: z.string().optional(),
    namespace: z.string().optional(),
    uid: z.string().optional(),
    resourceVersion: z.string().optional(),
    creationTimestamp: z.string().nullish(),
  }),
  spec: z.looseObject({ replicas: z.number().int().optional() }).optional(),
  status: z
    .looseObject({ replicas: z.number().int().optional(), selector: z.string().optional() })
    .optional(),
});
const SCALE_KIND_INFO = { apiVersion: SCALE_API_VERSION, kind: SCALE_KIND, schema: ScaleSchema };

/**
 * toScale presents an object of a scalable type as its `autoscaling/v1` Scale: name, namespace,
 * uid, resourceVersion and creationTimestamp from the object; `spec.replicas` and
 * `status.replicas` from the type's scale paths; `status.selector` as the selector string of the
 * label selector path. An unset `spec.replicas` reads as 1 for the built-in `apps` workloads (as
 * Kubernetes defaults them) and 0 otherwise.
 */
export function toScale(type: ResourceType, object: ApiObject): Scale {
  const paths = type.subresources.scale!;
  const meta = object.metadata;
  const specReplicas = readPath(object, paths.specReplicasPath);
  const statusReplicas = readPath(object, paths.statusReplicasPath);
  const selector =
    paths.labelSelectorPath === undefined ? undefined : readPath(object, paths.labelSelectorPath);
  const selectorText =
    typeof selector === 'string'
      ? selector
      : typeof selector === 'object' && selector !== null
        ? LabelSelector.fromSpec(selector as LabelSelectorSpec).toString()
        : undefined;
  return {
    apiVersion: SCALE_API_VERSION,
    kind: SCALE_KIND,
    metadata: {
      name: meta.name,
      ...(meta.namespace === undefined ? {} : { namespace: meta.namespace }),
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: { replicas: typeof specReplicas === 'number' ? specReplicas : type.group === 'apps' ? 1 : 0 },
    status: {
      replicas: typeof statusReplicas === 'number' ? statusReplicas : 0,
      ...(selectorText === undefined ? {} : { selector: selectorText }),
    },
  };
}

/** getScale serves GET of `<plural>/<name>/scale`. */
export async function getScale(r: ResourceRequest, name: string): Promise<ServerResponse> {
  const format = responseFormat(r, false);
  const object = await r.context.storages.for(r.route.type).get(r.route.namespace, name);
  return objectResponse(r, 200, format, toScale(r.route.type, object));
}

/**
 * updateScale serves PUT of `<plural>/<name>/scale`: the Scale's name must be the URL's (400),
 * `spec.replicas` must not be negative (422 Invalid `Scale.autoscaling`), and a resourceVersion
 * on the Scale is a precondition on the object (409 when stale). Only the replica count of the
 * object changes; the answer is the new Scale.
 */
export async function updateScale(r: ResourceRequest, name: string): Promise<ServerResponse> {
  const options = writeOptions(r.query, 'UpdateOptions');
  const format = responseFormat(r, false);
  const { object, warnings } = decodeObjectBody(r.request, SCALE_KIND_INFO, options.fieldValidation);
  decodeTyped(SCALE_KIND_INFO, object);
  assertScaleKind(object);
  const scale = object as unknown as Scale;
  if ((scale.metadata?.name ?? '') !== name) {
    throw ApiError.badRequest(
      `the name of the object (${String(scale.metadata?.name ?? '')}) does not match the name on the URL (${name})`,
    );
  }
  const updated = await writeScale(r, name, options.dryRun, () => scale);
  return objectResponse(r, 200, format, updated, warnings);
}

/** patchScale serves PATCH of `<plural>/<name>/scale`: the patch applies to the current Scale, which is then written as {@link updateScale} writes. */
export async function patchScale(r: ResourceRequest, name: string): Promise<ServerResponse> {
  const options = writeOptions(r.query, 'PatchOptions');
  const parsed = parsePatch(
    r.request.headers['content-type'],
    r.request.body,
    true,
    options.fieldValidation !== 'Ignore',
  );
  const format = responseFormat(r, false);
  let warnings: readonly string[] = [];
  const updated = await writeScale(r, name, options.dryRun, (current) => {
    const patched = applyPatch(
      parsed,
      current as unknown as JsonObject,
      `${SCALE_API_VERSION}/${SCALE_KIND}`,
    );
    const unknown = unknownFieldPaths(ScaleSchema, patched).map((path) => `unknown field "${path}"`);
    warnings = enforceFieldValidation(options.fieldValidation, [...parsed.findings, ...unknown]);
    decodeTyped(SCALE_KIND_INFO, patched);
    assertScaleKind(patched);
    return patched as unknown as Scale;
  });
  return objectResponse(r, 200, format, updated, warnings);
}

async function writeScale(
  r: ResourceRequest,
  name: string,
  dryRun: boolean,
  desired: (current: Scale) => Scale,
): Promise<Scale> {
  const { route } = r;
  const type = route.type;
  const paths = type.subresources.scale!;
  const target = { operation: 'UPDATE', name, dryRun, subresource: 'scale' } as const;
  let admitted: Scale | undefined;
  const written = await r.context.storages.for(type).guaranteedUpdate(
    route.namespace,
    name,
    async (current) => {
      const scale = desired(toScale(type, current));
      const replicas = scale.spec?.replicas ?? 0;
      if (replicas < 0) {
        throw ApiError.invalid({ group: 'autoscaling', kind: 'Scale' }, name, [
          fieldErrors.invalid('spec.replicas', replicas, 'must be greater than or equal to 0'),
        ]);
      }
      const precondition = (scale.metadata?.resourceVersion as string | undefined) ?? '';
      if (precondition !== '' && precondition !== current.metadata.resourceVersion) {
        throw ApiError.conflict({ group: type.group, resource: type.plural }, name);
      }
      await admitMutating(r, target, asRecord(scale), asRecord(toScale(type, current)));
      admitted = scale;
      const next = structuredClone(current);
      writePath(next, paths.specReplicasPath, scale.spec?.replicas ?? 0);
      return next;
    },
    {
      dryRun,
      // Validating admission sees the Scale, as Kubernetes admits the subresource's own kind.
      admit: async (_next, current) => {
        const old = current === undefined ? undefined : asRecord(toScale(type, current));
        await admitValidating(r, target, asRecord(admitted), old);
      },
    },
  );
  return toScale(type, written);
}

function asRecord(scale: Scale | undefined): Record<string, unknown> {
  return scale as unknown as Record<string, unknown>;
}

function assertScaleKind(object: Record<string, unknown>): void {
  const { apiVersion, kind } = object;
  if (apiVersion !== undefined && apiVersion !== '' && apiVersion !== SCALE_API_VERSION) {
    throw ApiError.badRequest(
      `the API version in the data (${String(apiVersion)}) does not match the expected API version (${SCALE_API_VERSION})`,
    );
  }
  if (kind !== undefined && kind !== '' && kind !== SCALE_KIND) {
    throw ApiError.badRequest(
      `the kind in the data (${String(kind)}) does not match the expected kind (${SCALE_KIND})`,
    );
  }
}

/** readPath reads a simple dotted path with a leading dot (`.spec.replicas`). */
function readPath(object: unknown, path: string): unknown {
  let value = object;
  for (const segment of path.split('.').filter((s) => s !== '')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** writePath sets a simple dotted path, creating the objects on the way. */
function writePath(object: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.').filter((s) => s !== '');
  let target = object;
  for (const segment of segments.slice(0, -1)) {
    const next = target[segment];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[segment] = {};
    target = target[segment] as Record<string, unknown>;
  }
  target[segments.at(-1)!] = value;
}
