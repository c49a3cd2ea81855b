import { ApiError } from '@capstan/core';
import type { z } from 'zod';

interface ZodDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly in?: z.ZodType;
  readonly getter?: () => z.ZodType;
}

const WRAPPERS: ReadonlySet<string> = new Set([
  'optional',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
]);
const NULL_ACCEPTING: ReadonlySet<string> = new Set(['nullable', 'null', 'any', 'unknown']);
const MAX_DEPTH = 200;

/** TypedKind names the kind a body is decoded as, for the 400 that refuses a body of the wrong shape. */
export interface TypedKind {
  readonly apiVersion: string;
  readonly kind: string;
  readonly schema: z.ZodType;
}

/**
 * decodeTyped does to a decoded JSON body what Kubernetes' decoding into Go structs does before
 * anything else sees the object:
 * - a member set to `null` where the schema does not accept null is removed (Go decodes `null` as
 *   the zero value, which is what an absent member means);
 * - a member whose value has the wrong JSON type (a string where a number belongs, an object
 *   where a list belongs) is a 400 BadRequest,
 *   `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field spec.replicas of type number`.
 * Every other schema problem (missing required fields, values out of range) is left to validation,
 * which reports it as 422 Invalid. `object` is changed in place.
 */
export function decodeTyped(kind: TypedKind, object: Record<string, unknown>): void {
  dropNulls(kind.schema, object, 0);
  const parsed = kind.schema.safeParse(object, { reportInput: true });
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'invalid_type' || issue.input === undefined) continue;
    const field = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '');
    const version = kind.apiVersion.includes('/')
      ? kind.apiVersion.slice(kind.apiVersion.indexOf('/') + 1)
      : kind.apiVersion;
    throw ApiError.badRequest(
      `${kind.kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind.kind}: json: cannot unmarshal ${jsonType(issue.input)} into Go struct field ${field === '' ? kind.kind : field} of type ${issue.expected}`,
    );
  }
}

function dropNulls(schema: z.ZodType, value: unknown, depth: number): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) || def.type === 'nullable') {
    if (def.innerType !== undefined) dropNulls(def.innerType, value, depth + 1);
    return;
  }
  switch (def.type) {
    case 'lazy':
      if (def.getter !== undefined) dropNulls(def.getter(), value, depth + 1);
      return;
    case 'pipe':
      if (def.in !== undefined) dropNulls(def.in, value, depth + 1);
      return;
    case 'object': {
      if (Array.isArray(value)) return;
      const record = value as Record<string, unknown>;
      for (const [key, member] of Object.entries(record)) {
        const child = def.shape !== undefined && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
        if (child === undefined) continue;
        if (member === null && !acceptsNull(child)) delete record[key];
        else dropNulls(child, member, depth + 1);
      }
      return;
    }
    case 'record':
      if (!Array.isArray(value) && def.valueType !== undefined) {
        const record = value as Record<string, unknown>;
        for (const [key, member] of Object.entries(record)) {
          if (member === null && !acceptsNull(def.valueType)) delete record[key];
          else dropNulls(def.valueType, member, depth + 1);
        }
      }
      return;
    case 'array':
      if (Array.isArray(value) && def.element !== undefined) {
        for (const item of value) dropNulls(def.element, item, depth + 1);
      }
      return;
    default:
      return;
  }
}

function acceptsNull(schema: z.ZodType, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  const def = defOf(schema);
  if (NULL_ACCEPTING.has(def.type)) return true;
  if (WRAPPERS.has(def.type)) return def.innerType !== undefined && acceptsNull(def.innerType, depth + 1);
  if (def.type === 'lazy') return def.getter !== undefined && acceptsNull(def.getter(), depth + 1);
  if (def.type === 'pipe') return def.in !== undefined && acceptsNull(def.in, depth + 1);
  if (def.type === 'union') return (def.options ?? []).some((option) => acceptsNull(option, depth + 1));
  return false;
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}
