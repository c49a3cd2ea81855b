/**
 * sameJson tells whether two values serialize to the same JSON, ignoring key order: numbers,
 * strings, booleans and null by value, arrays element by element, objects by their keys, where a
 * property holding `undefined` counts as absent (as `JSON.stringify` drops it).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let counted = 0;
  for (const key of Object.keys(x)) {
    if (x[key] === undefined) continue;
    counted++;
    if (!Object.hasOwn(y, key) || !sameJson(x[key], y[key])) return false;
  }
  for (const key of Object.keys(y)) if (y[key] !== undefined) counted--;
  return counted === 0;
}

/**
 * sameJsonExcept is {@link sameJson} on two objects with the top-level keys in `ignored` left out:
 * what decides whether an update changed anything outside `metadata` and `status`.
 */
export function sameJsonExcept(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  ignored: ReadonlySet<string>,
): boolean {
  const pick = (o: Readonly<Record<string, unknown>>): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(o)) if (!ignored.has(key)) out[key] = o[key];
    return out;
  };
  return sameJson(pick(a), pick(b));
}

/** deepFreeze freezes `value` and everything it holds, and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
