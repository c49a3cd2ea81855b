import {
  cloneJson,
  getOwn,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonDepth,
  jsonProblem,
  setOwn,
} from './json-value.js';
import { MAX_JSON_DEPTH, PatchError } from './patch-error.js';

/**
 * applyMergePatch applies an RFC 7386 JSON Merge Patch (`application/merge-patch+json`) to
 * `target` and returns the result: an object patch merges into the target member by member
 * (recursively), `null` deletes a member, and every other value — arrays included — replaces what
 * was there. A patch that is not an object replaces the whole target, as the RFC says; the API
 * server then rejects a result that is not an object when it validates it (Kubernetes answers a
 * `null` body with 400 and any other non-object with 422).
 *
 * Guarantees: `target` and `patch` are never modified and the result shares nothing with them;
 * nulls inside an object that lands where nothing was are dropped, as the RFC's algorithm does.
 *
 * @throws PatchError `MalformedPatch` when `patch` holds a value JSON cannot; `TooDeep` when the
 * patch or target nests deeper than {@link MAX_JSON_DEPTH}.
 */
export function applyMergePatch(target: JsonValue, patch: unknown): JsonValue {
  const problem = jsonProblem(patch, MAX_JSON_DEPTH);
  if (problem === 'too-deep')
    throw new PatchError('TooDeep', `the merge patch nests deeper than ${MAX_JSON_DEPTH} levels`);
  if (problem !== undefined)
    throw new PatchError('MalformedPatch', `the merge patch is not JSON: ${problem}`);
  if (jsonDepth(target, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new PatchError('TooDeep', `the object nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return merge(target, patch as JsonValue);
}

/** merge builds the result in one pass: target members in their order, then members new in the patch. */
function merge(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch);
  const base: JsonObject = isJsonObject(target) ? target : {};
  const result: JsonObject = {};
  for (const key of Object.keys(base)) {
    const current = base[key] as JsonValue;
    const change = getOwn(patch, key);
    if (change === undefined) setOwn(result, key, cloneJson(current));
    else if (change !== null) setOwn(result, key, merge(current, change));
  }
  for (const key of Object.keys(patch)) {
    const change = patch[key] as JsonValue;
    if (!Object.hasOwn(base, key) && change !== null) setOwn(result, key, merge(undefined, change));
  }
  return result;
}
