import { type FieldError, fieldErrors } from '@capstan/core';
import type { z } from 'zod';

/** The part of a zod schema's definition this module reads; zod keeps it at `schema._zod.def`. */
interface ZodDef {
  readonly type?: string;
  readonly shape?: Readonly<Record<string, unknown>>;
  readonly valueType?: unknown;
  readonly element?: unknown;
  readonly innerType?: unknown;
  readonly in?: unknown;
  readonly getter?: () => unknown;
  readonly options?: readonly unknown[];
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

function defOf(schema: unknown): ZodDef | undefined {
  const internals = (schema as { _zod?: { def?: ZodDef } } | undefined)?._zod;
  return internals?.def;
}

/** unwrap strips optional/nullable/default/pipe/lazy wrappers down to the schema that has the shape. */
function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    const def = defOf(current);
    if (def === undefined) return current;
    if (def.type !== undefined && WRAPPERS.has(def.type)) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'lazy' && def.getter !== undefined) current = def.getter();
    else return current;
  }
  return current;
}

/** child returns the schema of `segment` under `schema` and whether `schema` is a map, or undefined when unknown. */
function child(schema: unknown, segment: PropertyKey): { schema: unknown; map: boolean } | undefined {
  const container = unwrap(schema);
  const def = defOf(container);
  switch (def?.type) {
    case 'object':
      return typeof segment === 'string' && def.shape !== undefined && Object.hasOwn(def.shape, segment)
        ? { schema: def.shape[segment], map: false }
        : { schema: undefined, map: false };
    case 'record':
      return { schema: def.valueType, map: true };
    case 'array':
      return { schema: def.element, map: false };
    case 'union': {
      // Follow the first alternative that can hold the segment.
      for (const option of def.options ?? []) {
        const found = child(option, segment);
        if (found?.schema !== undefined) return found;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * fieldPath renders a zod issue path the way Kubernetes writes field paths: `spec.containers[0].image`,
 * map keys in brackets (`metadata.labels[app.kubernetes.io/name]`). It walks `schema` to tell map
 * keys from properties; where the schema is unknown, a number is an index and a string a property.
 */
export function fieldPath(schema: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let current: unknown = schema;
  for (const segment of path) {
    const next = current === undefined ? undefined : child(current, segment);
    const text = typeof segment === 'symbol' ? (segment.description ?? '') : String(segment);
    if (next?.map === true || typeof segment === 'number') out += `[${text}]`;
    else out += out === '' ? text : `.${text}`;
    current = next?.schema;
  }
  return out;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { int: 'integer', bigint: 'integer' };

/**
 * zodFieldErrors turns zod's issues for an object into Kubernetes field errors (one per issue):
 * a missing value is `Required value`, a value of the wrong JSON type `Invalid value: x: must be of
 * type integer` (FieldValueTypeInvalid), a value outside an enum or literal `Unsupported value`
 * with the supported values, a too long string `Too long`, too many items `Too many`, and every
 * other issue `Invalid value` with zod's message as the detail. Parse with `{ reportInput: true }`
 * so that the offending values can be printed.
 */
export function zodFieldErrors(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = fieldPath(schema, issue.path);
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'invalid_type':
        if (input === undefined) return fieldErrors.required(field);
        return fieldErrors.typeInvalid(
          field,
          input,
          `must be of type ${TYPE_NAMES[issue.expected] ?? issue.expected}`,
        );
      case 'invalid_value':
        return fieldErrors.notSupported(
          field,
          input,
          issue.values.map((v) => String(v)),
        );
      case 'too_big':
        if (issue.origin === 'string') return fieldErrors.tooLong(field, Number(issue.maximum));
        if (issue.origin === 'array' || issue.origin === 'set') {
          return fieldErrors.tooMany(field, Array.isArray(input) ? input.length : -1, Number(issue.maximum));
        }
        return fieldErrors.invalid(field, input, `must be less than or equal to ${String(issue.maximum)}`);
      case 'too_small':
        if ((issue.origin === 'string' && input === '') || (Array.isArray(input) && input.length === 0)) {
          return fieldErrors.required(field);
        }
        if (issue.origin === 'string' || issue.origin === 'array') {
          return fieldErrors.invalid(field, input, issue.message);
        }
        return fieldErrors.invalid(field, input, `must be greater than or equal to ${String(issue.minimum)}`);
      case 'unrecognized_keys':
        return fieldErrors.forbidden(field, `unknown fields: ${issue.keys.join(', ')}`);
      default:
        return fieldErrors.invalid(field, input, issue.message);
    }
  });
}
