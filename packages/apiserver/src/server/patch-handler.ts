import type { JsonObject } from '../patch/json-value.js';
import type { ApiObject } from '../registry/api-object.js';
import { admitMutating, validatingAdmission } from './admission.js';
import { enforceFieldValidation } from './field-validation.js';
import type { ResourceRequest } from './handler-context.js';
import { objectResponse, responseFormat } from './object-response.js';
import { applyPatch, parsePatch, strategicKindKey } from './patch-request.js';
import type { ServerResponse } from './server-response.js';
import { decodeTyped } from './typed-decoding.js';
import { unknownFieldPaths } from './unknown-fields.js';
import { writeOptions } from './write-options.js';

/**
 * patchObject serves PATCH of an object (or, with `subresource: 'status'`, of its status) with a
 * JSON Patch, a JSON merge patch or a strategic merge patch, as Kubernetes does: the patch is
 * applied to the stored object inside the storage's read-modify-write loop (re-applied when a
 * concurrent write wins), field validation reports repeated members of the patch and members of
 * the result the schema does not know (those the stored object already had are not reported
 * again), mutating admission sees the patched object and the stored one, and the storage
 * validates and writes. A patch that sets `metadata.resourceVersion` makes it a precondition.
 */
export async function patchObject(
  r: ResourceRequest,
  name: string,
  subresource?: 'status',
): Promise<ServerResponse> {
  const { route } = r;
  const type = route.type;
  const options = writeOptions(r.query, 'PatchOptions');
  const kindKey = strategicKindKey(type.apiVersion, type.kind);
  const parsed = parsePatch(
    r.request.headers['content-type'],
    r.request.body,
    kindKey !== undefined,
    options.fieldValidation !== 'Ignore',
  );
  const format = responseFormat(r, false);
  const target = { operation: 'UPDATE', name, dryRun: options.dryRun, subresource } as const;
  let warnings: readonly string[] = [];
  const patched = await r.context.storages.for(type).guaranteedUpdate(
    route.namespace,
    name,
    async (current) => {
      const next = applyPatch(parsed, current as unknown as JsonObject, kindKey) as unknown as ApiObject;
      const before = new Set(unknownFieldPaths(type.objectSchema, current));
      const unknown = unknownFieldPaths(type.objectSchema, next)
        .filter((path) => !before.has(path))
        .map((path) => `unknown field "${path}"`);
      warnings = enforceFieldValidation(options.fieldValidation, [...parsed.findings, ...unknown]);
      decodeTyped({ apiVersion: type.apiVersion, kind: type.kind, schema: type.objectSchema }, next);
      await admitMutating(r, target, next, current);
      return next;
    },
    { dryRun: options.dryRun, subresource, admit: validatingAdmission(r, target) },
  );
  return objectResponse(r, 200, format, patched, warnings);
}
