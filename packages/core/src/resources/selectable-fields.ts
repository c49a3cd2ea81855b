import type { ResourceObject, ResourceType, SelectableFieldGetter } from './resource-type.js';

/**
 * selectableFieldValues returns every field-selector field of `obj` as `type` declares them, the
 * way Kubernetes builds an object's field set: each declared path maps to its value, and a field
 * the object does not have maps to the empty string (so `spec.nodeName=` selects unscheduled pods).
 */
export function selectableFieldValues<T extends ResourceType>(
  type: T,
  obj: ResourceObject<T>,
): Record<string, string> {
  const values: Record<string, string> = {};
  const fields: Readonly<Record<string, SelectableFieldGetter<ResourceObject<T>>>> = type.selectableFields;
  for (const [path, getter] of Object.entries(fields)) {
    values[path] = getter(obj) ?? '';
  }
  return values;
}

/**
 * fieldPathGetter returns a getter for a selectable field declared by path, as a
 * CustomResourceDefinition's `selectableFields[].jsonPath` does: `spec.color` (or `.spec.color`)
 * reads that field, a string is returned as is, a number or boolean as its decimal or `true`/`false`
 * text, and anything else (absent, null, an object or array) as `undefined`.
 */
export function fieldPathGetter(path: string): SelectableFieldGetter<unknown> {
  const segments = (path.startsWith('.') ? path.slice(1) : path).split('.');
  return (obj) => {
    let value: unknown = obj;
    for (const segment of segments) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      value = Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  };
}
