/** JsonValue is any value `JSON.parse` can produce. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** JsonObject is a JSON object: string keys, JSON values. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** isJsonObject tells whether `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * getOwn returns `object[key]` only when `key` is an own property, so keys such as `__proto__`
 * or `constructor` read what the JSON said rather than what `Object.prototype` holds.
 */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** setOwn stores `value` under `key` as an own data property, even when `key` is `__proto__`. */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

/**
 * cloneJson returns a deep copy of `value` that shares nothing with it. Recursion follows the
 * nesting, so callers check the depth first (see {@link jsonProblem}).
 */
export function cloneJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isJsonObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(copy, key, cloneJson(value[key] as JsonValue));
    return copy;
  }
  return value;
}

/**
 * jsonEqual tells whether two JSON values are equal as RFC 6902 `test` defines it: same type;
 * numbers by value; strings by code units; arrays element by element in order; objects with the
 * same set of keys and equal values, in any key order.
 */
export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i] as JsonValue));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key] as JsonValue, b[key] as JsonValue));
  }
  return false;
}

/** JsonKind names the six JSON types. */
export type JsonKind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** jsonKind returns which of the six JSON types `value` is. */
export function jsonKind(value: JsonValue): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}

/**
 * jsonDepth returns how deeply `value` nests (a scalar is 0, `[]` and `{}` are 1, `[[1]]` is 2),
 * or `limit + 1` as soon as it finds it deeper than `limit`. It walks without recursion, so it is
 * safe on hostile input.
 */
export function jsonDepth(value: JsonValue, limit: number): number {
  let max = 0;
  const stack: [JsonValue, number][] = [[value, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (typeof node !== 'object' || node === null) continue;
    const here = depth + 1;
    if (here > limit) return limit + 1;
    if (here > max) max = here;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) stack.push([child, here]);
  }
  return max;
}

/**
 * jsonProblem returns why `value` is not a JSON value nested at most `limit` deep, or undefined
 * when it is one: `'too-deep'`, or a description of the first value JSON cannot hold (undefined,
 * a function, a non-finite number, an object that is not a plain object). It walks without
 * recursion.
 */
export function jsonProblem(value: unknown, limit: number): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, depth] = entry;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return `${node} is not a JSON number`;
      continue;
    }
    if (typeof node !== 'object') return `a ${typeof node} is not a JSON value`;
    const proto: unknown = Object.getPrototypeOf(node);
    if (!Array.isArray(node) && proto !== Object.prototype && proto !== null) {
      return 'only plain objects are JSON objects';
    }
    if (depth + 1 > limit) return 'too-deep';
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** jsonByteLength returns the size of `value` serialized as JSON, in bytes of UTF-8. */
export function jsonByteLength(value: JsonValue): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
