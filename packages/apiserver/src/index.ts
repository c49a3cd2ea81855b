/**
 * @packageDocumentation
 * `@capstan/apiserver` serves the Kubernetes REST API over any Capstan `Store`.
 */

export {
  BUILTIN_PATCH_KINDS,
  BUILTIN_PATCH_STRUCTS,
  builtinPatchStrategyLookup,
  hasStrategicMergeSupport,
  patchKindKey,
} from './patch/builtin-patch-strategies.js';
// Patch engines (JSON patch, JSON merge patch, strategic merge patch)
export type { JsonPatchOperation, JsonPatchOptions } from './patch/json-patch.js';
export { applyJsonPatch, DEFAULT_MAX_COPY_BYTES } from './patch/json-patch.js';
export type { JsonObject, JsonValue } from './patch/json-value.js';
export { applyMergePatch } from './patch/merge-patch.js';
export type { PatchErrorCode, PatchErrorDetails, PatchErrorReason } from './patch/patch-error.js';
export {
  MAX_JSON_DEPTH,
  MAX_JSON_PATCH_OPERATIONS,
  PATCH_ERROR_STATUS,
  PatchError,
} from './patch/patch-error.js';
export type { FieldPatchStrategy, PatchSchema, PatchStrategyLookup } from './patch/patch-strategy.js';
export { createPatchStrategyLookup, LIST_ITEM } from './patch/patch-strategy.js';
export { applyStrategicMergePatch } from './patch/strategic-merge-patch.js';
