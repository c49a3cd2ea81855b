import type { z } from 'zod';

/**
 * FieldProblem is one finding of field validation: a field the schema does not know, or a field
 * the request body repeated, by its path in Kubernetes' syntax
 * (`spec.template.spec.containers[0].name`).
 */
export interface FieldProblem {
  readonly kind: 'unknown' | 'duplicate';
  readonly path: string;
}

interface ZodDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly rest?: z.ZodType | null;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly in?: z.ZodType;
  readonly getter?: () => z.ZodType;
}

/** Wrappers whose `innerType` describes the value. */
const WRAPPERS: ReadonlySet<string> = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
  'success',
]);
/** Catch-all schemas that keep unknown members without knowing them (`z.looseObject`, strict objects). */
const UNKNOWING_CATCHALLS: ReadonlySet<string> = new Set(['unknown', 'never']);
/** How deep the walk follows a value; deeper parts count as known (the body depth is bounded anyway). */
const MAX_WALK_DEPTH = 200;

/**
 * fieldProblems compares a decoded request body with the zod schema of its kind and returns, in
 * the order the walk meets them (the body's member order), the members the schema does not know
 * and the members listed in `duplicates` (paths a JSON scan found repeated), as Kubernetes'
 * strict decoding reports them: a member that is unknown is reported as unknown only, and nothing
 * below an unknown member is reported. Duplicates the walk does not reach (inside values of
 * `z.unknown()` fields) follow at the end.
 *
 * A member is known when the object schema's shape names it, when the object has a catch-all
 * schema other than `unknown`/`never` (so `z.looseObject`, which keeps unknown members, still
 * reports them), or when it is a key of a record. For unions, the option with the fewest
 * problems is taken; for intersections, a member is unknown when both sides say so.
 */
export function fieldProblems(
  schema: z.ZodType,
  value: unknown,
  duplicates: readonly string[] = [],
): FieldProblem[] {
  const pending = new Set(duplicates);
  const problems: FieldProblem[] = [];
  walk(schema, value, '', pending, problems, 0);
  for (const path of pending) {
    if (!problems.some((p) => p.kind === 'unknown' && isWithin(path, p.path))) {
      problems.push({ kind: 'duplicate', path });
    }
  }
  return problems;
}

/** unknownFieldPaths returns the paths of the members of `value` that `schema` does not know, sorted. */
export function unknownFieldPaths(schema: z.ZodType, value: unknown): string[] {
  return fieldProblems(schema, value)
    .map((p) => p.path)
    .sort();
}

function walk(
  schema: z.ZodType,
  value: unknown,
  path: string,
  duplicates: Set<string>,
  out: FieldProblem[],
  depth: number,
): void {
  if (depth > MAX_WALK_DEPTH) return;
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  if (WRAPPERS.has(def.type) && def.innerType !== undefined) {
    walk(def.innerType, value, path, duplicates, out, depth + 1);
    return;
  }
  switch (def.type) {
    case 'lazy':
      if (def.getter !== undefined) walk(def.getter(), value, path, duplicates, out, depth + 1);
      return;
    case 'pipe':
      if (def.in !== undefined) walk(def.in, value, path, duplicates, out, depth + 1);
      return;
    case 'object':
      walkObject(def, value, path, duplicates, out, depth);
      return;
    case 'record':
      if (isObject(value) && def.valueType !== undefined) {
        for (const [key, member] of Object.entries(value)) {
          const at = join(path, key);
          reportDuplicate(at, duplicates, out);
          walk(def.valueType, member, at, duplicates, out, depth + 1);
        }
      }
      return;
    case 'array':
      if (Array.isArray(value) && def.element !== undefined) {
        for (const [i, item] of value.entries())
          walk(def.element, item, `${path}[${i}]`, duplicates, out, depth + 1);
      }
      return;
    case 'tuple':
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          const itemSchema = def.items?.[i] ?? def.rest ?? undefined;
          if (itemSchema) walk(itemSchema, item, `${path}[${i}]`, duplicates, out, depth + 1);
        });
      }
      return;
    case 'union':
      walkUnion(def.options ?? [], value, path, duplicates, out, depth);
      return;
    case 'intersection':
      walkIntersection(def, value, path, duplicates, out, depth);
      return;
    default:
      return;
  }
}

function walkObject(
  def: ZodDef,
  value: unknown,
  path: string,
  duplicates: Set<string>,
  out: FieldProblem[],
  depth: number,
): void {
  if (!isObject(value)) return;
  const shape = def.shape ?? {};
  const catchall = def.catchall;
  const knowsRest =
    catchall !== undefined &&
    !UNKNOWING_CATCHALLS.has((catchall as unknown as { _zod: { def: ZodDef } })._zod.def.type);
  for (const [key, member] of Object.entries(value)) {
    const at = join(path, key);
    const child = Object.hasOwn(shape, key) ? shape[key] : knowsRest ? catchall : undefined;
    if (child === undefined) {
      duplicates.delete(at);
      out.push({ kind: 'unknown', path: at });
      continue;
    }
    reportDuplicate(at, duplicates, out);
    walk(child, member, at, duplicates, out, depth + 1);
  }
}

function walkUnion(
  options: readonly z.ZodType[],
  value: unknown,
  path: string,
  duplicates: Set<string>,
  out: FieldProblem[],
  depth: number,
): void {
  let best: { problems: FieldProblem[]; duplicates: Set<string> } | undefined;
  for (const option of options) {
    const trial = { problems: [] as FieldProblem[], duplicates: new Set(duplicates) };
    walk(option, value, path, trial.duplicates, trial.problems, depth + 1);
    if (best === undefined || unknownCount(trial.problems) < unknownCount(best.problems)) best = trial;
    if (unknownCount(best.problems) === 0) break;
  }
  if (best === undefined) return;
  out.push(...best.problems);
  for (const path of duplicates) if (!best.duplicates.has(path)) duplicates.delete(path);
}

function walkIntersection(
  def: ZodDef,
  value: unknown,
  path: string,
  duplicates: Set<string>,
  out: FieldProblem[],
  depth: number,
): void {
  if (def.left === undefined || def.right === undefined) return;
  const left: FieldProblem[] = [];
  const right: FieldProblem[] = [];
  walk(def.left, value, path, new Set(), left, depth + 1);
  walk(def.right, value, path, new Set(), right, depth + 1);
  const unknownRight = new Set(right.map((p) => p.path));
  for (const problem of left) {
    if (unknownRight.has(problem.path)) {
      duplicates.delete(problem.path);
      out.push(problem);
    }
  }
}

function reportDuplicate(path: string, duplicates: Set<string>, out: FieldProblem[]): void {
  if (duplicates.delete(path)) out.push({ kind: 'duplicate', path });
}

function unknownCount(problems: readonly FieldProblem[]): number {
  return problems.filter((p) => p.kind === 'unknown').length;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
