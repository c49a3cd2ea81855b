import { ApiError } from '@capstan/core';
import {
  builtinPatchStrategyLookup,
  hasStrategicMergeSupport,
  patchKindKey,
} from '../patch/builtin-patch-strategies.js';
import { applyJsonPatch } from '../patch/json-patch.js';
import type { JsonObject, JsonValue } from '../patch/json-value.js';
import { applyMergePatch } from '../patch/merge-patch.js';
import { PatchError } from '../patch/patch-error.js';
import { applyStrategicMergePatch } from '../patch/strategic-merge-patch.js';
import { bodyText, mediaTypeOf, parseJson } from './body-decoder.js';

/** PatchType is the kind of patch a PATCH request carries, from its Content-Type. */
export type PatchType = 'json' | 'merge' | 'strategic';

const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';
const APPLY_PATCH = 'application/apply-patch+yaml';
const APPLY_PATCH_CBOR = 'application/apply-patch+cbor';
const JSON_PATCH_FIELDS: ReadonlySet<string> = new Set(['op', 'path', 'value', 'from']);

/** ParsedPatch is a PATCH body: its type, the patch document, and what field validation reports about the patch itself. */
export interface ParsedPatch {
  readonly type: PatchType;
  readonly patch: unknown;
  /** `duplicate field "spec.paused"`, `json patch unknown field "[0].foo"` … in document order. */
  readonly findings: readonly string[];
}

/**
 * patchTypeOf reads the patch type of a PATCH from its Content-Type. The types served are JSON
 * Patch, JSON merge patch and, for kinds with a strategy table (`strategic` true), strategic merge
 * patch; anything else is a 415 UnsupportedMediaType listing them. Server-side apply
 * (`application/apply-patch+yaml`) is refused with a 415 that says it is not supported yet.
 */
export function patchTypeOf(contentType: string | undefined, strategic: boolean): PatchType {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === JSON_PATCH) return 'json';
  if (mediaType === MERGE_PATCH) return 'merge';
  if (mediaType === STRATEGIC_PATCH && strategic) return 'strategic';
  const accepted = strategic ? [JSON_PATCH, MERGE_PATCH, STRATEGIC_PATCH] : [JSON_PATCH, MERGE_PATCH];
  if (mediaType === APPLY_PATCH || mediaType === APPLY_PATCH_CBOR) {
    throw new ApiError({
      reason: 'UnsupportedMediaType',
      message: `server-side apply (${mediaType}) is not supported by this server yet - accepted media types include: ${accepted.join(', ')}`,
    });
  }
  throw ApiError.unsupportedMediaType(accepted);
}

/** strategicKindKey returns the strategy-table key of a kind, or undefined when it has none (custom resources). */
export function strategicKindKey(apiVersion: string, kind: string): string | undefined {
  const key = patchKindKey(apiVersion, kind);
  return hasStrategicMergeSupport(key) ? key : undefined;
}

/**
 * parsePatch reads a PATCH body: its type (see {@link patchTypeOf}), the patch as JSON (400 when
 * it is not), and field-validation findings about the patch itself — repeated members, and for a
 * JSON Patch, operation members other than op/path/value/from — as Kubernetes words them.
 */
export function parsePatch(
  contentType: string | undefined,
  body: Uint8Array,
  strategic: boolean,
  findDuplicates: boolean,
): ParsedPatch {
  const type = patchTypeOf(contentType, strategic);
  const { value, duplicates } = parseJson(bodyText(body), findDuplicates, 'error decoding patch');
  if (type !== 'json') {
    return { type, patch: value, findings: duplicates.map((path) => `duplicate field "${path}"`) };
  }
  const findings: string[] = [];
  if (Array.isArray(value)) {
    const duplicated = new Set(duplicates);
    value.forEach((operation, i) => {
      if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) return;
      for (const key of Object.keys(operation)) {
        const path = `[${i}].${key}`;
        if (!JSON_PATCH_FIELDS.has(key)) findings.push(`json patch unknown field "${path}"`);
        else if (duplicated.has(path)) findings.push(`json patch duplicate field "${path}"`);
      }
    });
  }
  return { type, patch: value, findings };
}

/**
 * applyPatch applies a parsed patch to `target` (not changed) and returns the patched object;
 * `kindKey` is the strategy-table key strategic merge patches need. A result that is not an
 * object (a JSON Patch that replaced the root) is a 422; engine errors are `PatchError`s.
 */
export function applyPatch(parsed: ParsedPatch, target: JsonObject, kindKey: string | undefined): JsonObject {
  let result: JsonValue;
  switch (parsed.type) {
    case 'json':
      result = applyJsonPatch(target, parsed.patch);
      break;
    case 'merge':
      result = applyMergePatch(target, parsed.patch);
      break;
    case 'strategic':
      if (kindKey === undefined)
        throw new PatchError('UnsupportedMediaType', 'strategic merge patch is not supported for this kind');
      result = applyStrategicMergePatch(target, parsed.patch, builtinPatchStrategyLookup(kindKey));
      break;
  }
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new PatchError('InvalidPatch', 'the patched object is not a JSON object');
  }
  return result;
}
