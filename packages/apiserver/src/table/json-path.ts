// A JSONPath evaluator for CustomResourceDefinition printer columns, with the syntax and the
// results of Kubernetes' k8s.io/client-go/util/jsonpath as the API server runs it for
// `additionalPrinterColumns` (missing keys allowed, first result used).

type Literal = string | number | boolean;

type Operand =
  | { readonly kind: 'path'; readonly steps: readonly Step[] }
  | { readonly kind: 'literal'; readonly value: Literal };

type FilterOperator = '==' | '!=' | '<' | '>' | '<=' | '>=';

type Step =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'recursive' }
  | {
      readonly kind: 'slice';
      readonly start: number | undefined;
      readonly end: number | undefined;
      /** The end was derived from a single index (`[n]` is `[n:n+1]`). */
      readonly single: boolean;
      readonly step: number | undefined;
    }
  | {
      readonly kind: 'filter';
      readonly left: Operand;
      readonly operator: FilterOperator | 'exists';
      readonly right?: Operand;
    };

/** Thrown inside an evaluation where Kubernetes' jsonpath fails; the evaluation then finds nothing. */
const MISS: unique symbol = Symbol('jsonpath miss');

const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);
const SLICE = /^(-?\d*)(?::(-?\d*))?(?::(-?\d*))?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;
const OPERATORS = new Set<string>(['==', '!=', '<', '>', '<=', '>=']);

/**
 * JsonPath is a parsed JSONPath expression as `additionalPrinterColumns[].jsonPath` holds them:
 * `.spec.replicas`, `.status.conditions[0].type`, `.status.conditions[?(@.type=="Ready")].status`,
 * `.metadata.labels.app\.kubernetes\.io/name`, `.spec.items[*].name`, `.spec.items[-1:]`,
 * `..name`, `.spec['key']`.
 *
 * Supported, as Kubernetes' jsonpath: dotted fields with `\` escapes, `*` wildcards, `..`
 * recursive descent, indexes and slices with negative bounds and steps, `[*]`, quoted keys, and
 * filters `[?(@.path op value)]` with `== != < > <= >=` against a string, number, boolean or
 * another `@` path, or `[?(@.path)]` for existence. Unions (`[0,1]`) and the `range`/`end`
 * template actions are not. Quoted keys are taken literally (Kubernetes re-splits them at dots).
 */
export class JsonPath {
  readonly expression: string;
  readonly #steps: readonly Step[];

  private constructor(expression: string, steps: readonly Step[]) {
    this.expression = expression;
    this.#steps = steps;
  }

  /**
   * parse reads an expression that starts with `.`, `[` or `$` (surrounding blanks and one pair of
   * template braces `{…}` are allowed). Throws an `Error` naming the problem for anything else.
   */
  static parse(expression: string): JsonPath {
    let text = expression.trim();
    if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
    if (text.startsWith('$')) text = text.slice(1);
    if (text === '' || (text[0] !== '.' && text[0] !== '[')) {
      throw new Error(`invalid JSONPath ${JSON.stringify(expression)}: must start with "." or "["`);
    }
    try {
      return new JsonPath(expression, new Parser(text).steps());
    } catch (err) {
      throw new Error(`invalid JSONPath ${JSON.stringify(expression)}: ${(err as Error).message}`);
    }
  }

  /**
   * find returns every value the path selects in `data`, in document order. Missing keys select
   * nothing; where Kubernetes' evaluation fails (an index out of range, a slice of a non-array, a
   * filter comparing values of different types) the whole result is empty, as the API server then
   * leaves the cell empty too.
   */
  find(data: unknown): unknown[] {
    try {
      return evaluate(this.#steps, [data]);
    } catch (err) {
      if (err === MISS) return [];
      throw err;
    }
  }
}

class Parser {
  #text: string;
  #pos = 0;

  constructor(text: string) {
    this.#text = text;
  }

  steps(): Step[] {
    const steps: Step[] = [];
    const text = this.#text;
    while (this.#pos < text.length) {
      const char = text[this.#pos]!;
      if (char === ' ' || char === '\t') {
        this.#pos++;
      } else if (char === '.' && text[this.#pos + 1] === '.') {
        if (steps.at(-1)?.kind === 'recursive') throw new Error('invalid multiple recursive descent');
        this.#pos += 2;
        steps.push({ kind: 'recursive' });
        if (this.#pos < text.length && !TERMINATORS.has(text[this.#pos]!)) steps.push(this.#field());
      } else if (char === '.') {
        this.#pos++;
        steps.push(this.#field());
      } else if (char === '[') {
        steps.push(text.startsWith('[?(', this.#pos) ? this.#filter() : this.#bracket());
      } else {
        throw new Error(`unexpected ${JSON.stringify(char)} at offset ${this.#pos}`);
      }
    }
    return steps;
  }

  #field(): Step {
    const text = this.#text;
    let name = '';
    while (this.#pos < text.length && !TERMINATORS.has(text[this.#pos]!)) {
      if (text[this.#pos] === '\\' && this.#pos + 1 < text.length) this.#pos++;
      name += text[this.#pos];
      this.#pos++;
    }
    return name === '*' ? { kind: 'wildcard' } : { kind: 'field', name };
  }

  #bracket(): Step {
    const text = this.#text;
    const close = text.indexOf(']', this.#pos);
    if (close < 0) throw new Error('unterminated array');
    const inner = text.slice(this.#pos + 1, close).trim();
    this.#pos = close + 1;
    if (inner === '*') return { kind: 'wildcard' };
    const quoted = /^(['"])(.*)\1$/.exec(inner);
    if (quoted !== null) return { kind: 'field', name: quoted[2]! };
    if (inner.includes(',')) throw new Error(`unions such as [${inner}] are not supported`);
    const slice = SLICE.exec(inner);
    if (slice === null || inner === '') throw new Error(`invalid array index [${inner}]`);
    const number = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
    const isRange = inner.includes(':');
    return {
      kind: 'slice',
      start: number(slice[1]),
      end: number(slice[2]),
      single: !isRange,
      step: number(slice[3]),
    };
  }

  #filter(): Step {
    const text = this.#text;
    let i = this.#pos + 3;
    let quote: string | undefined;
    for (; i < text.length; i++) {
      const char = text[i]!;
      if (quote !== undefined) {
        if (char === '\\') i++;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === ')') {
        break;
      }
    }
    if (i >= text.length) throw new Error('unterminated filter');
    if (text[i + 1] !== ']') throw new Error('unclosed array expect ]');
    const inner = text.slice(this.#pos + 3, i).trim();
    this.#pos = i + 2;
    const comparison = FILTER.exec(inner);
    if (comparison === null) return { kind: 'filter', left: operand(inner), operator: 'exists' };
    const operator = comparison[2]!;
    if (!OPERATORS.has(operator)) throw new Error(`unrecognized filter operator ${operator}`);
    return {
      kind: 'filter',
      left: operand(comparison[1]!.trim()),
      operator: operator as FilterOperator,
      right: operand(comparison[3]!.trim()),
    };
  }
}

function operand(text: string): Operand {
  if (text.startsWith('@')) {
    const rest = text.slice(1);
    return { kind: 'path', steps: rest === '' ? [] : new Parser(rest).steps() };
  }
  const quoted = /^(['"])(.*)\1$/.exec(text);
  if (quoted !== null) return { kind: 'literal', value: quoted[2]!.replace(/\\(.)/g, '$1') };
  if (text === 'true' || text === 'false') return { kind: 'literal', value: text === 'true' };
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return { kind: 'literal', value: Number(text) };
  throw new Error(`unrecognized filter operand ${text}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function evaluate(steps: readonly Step[], input: unknown[]): unknown[] {
  let current = input;
  for (const step of steps) {
    current = apply(step, current);
  }
  return current;
}

function apply(step: Step, input: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  switch (step.kind) {
    case 'field':
      for (const value of input) {
        if (step.name === '') out.push(value);
        else if (isRecord(value) && Object.hasOwn(value, step.name)) out.push(value[step.name]);
      }
      return out;
    case 'wildcard':
      for (const value of input) {
        if (Array.isArray(value)) out.push(...value);
        else if (isRecord(value)) out.push(...Object.values(value));
      }
      return out;
    case 'recursive':
      for (const value of input) descend(value, out);
      return out;
    case 'slice':
      for (const value of input) {
        if (value === null || value === undefined) continue;
        if (!Array.isArray(value)) throw MISS;
        out.push(...slice(step, value));
      }
      return out;
    case 'filter':
      for (const value of input) {
        if (!Array.isArray(value)) throw MISS;
        for (const element of value) if (passes(step, element)) out.push(element);
      }
      return out;
  }
}

function descend(value: unknown, out: unknown[]): void {
  out.push(value);
  if (Array.isArray(value)) for (const item of value) descend(item, out);
  else if (isRecord(value)) for (const item of Object.values(value)) descend(item, out);
}

function slice(step: Extract<Step, { kind: 'slice' }>, array: readonly unknown[]): unknown[] {
  const length = array.length;
  let start = step.start ?? 0;
  let end = step.single ? start + 1 : (step.end ?? length);
  if (start < 0) start += length;
  if (end < 0 || (step.single && end === 0)) end += length;
  if (start === end) return [];
  if (start >= length || start < 0 || end > length || end < 0 || start > end) throw MISS;
  const by = step.step ?? 1;
  if (by <= 0) throw MISS;
  const out: unknown[] = [];
  for (let i = start; i < end; i += by) out.push(array[i]);
  return out;
}

function passes(step: Extract<Step, { kind: 'filter' }>, element: unknown): boolean {
  const lefts = resolve(step.left, element);
  if (lefts.length === 0) return false;
  if (lefts.length > 1) throw MISS;
  if (step.operator === 'exists' || step.right === undefined) return true;
  const rights = resolve(step.right, element);
  if (rights.length === 0) return false;
  if (rights.length > 1) throw MISS;
  return compare(lefts[0], step.operator, rights[0]);
}

function resolve(op: Operand, element: unknown): unknown[] {
  return op.kind === 'literal' ? [op.value] : evaluate(op.steps, [element]);
}

function compare(left: unknown, operator: FilterOperator, right: unknown): boolean {
  const type = typeof left;
  if (type !== typeof right || !(type === 'string' || type === 'number' || type === 'boolean')) throw MISS;
  const a = left as Literal;
  const b = right as Literal;
  switch (operator) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
  if (type === 'boolean') throw MISS;
  const x = a as string | number;
  const y = b as string | number;
  switch (operator) {
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    case '>=':
      return x >= y;
  }
}

/**
 * jsonPathText renders one result as Kubernetes' jsonpath prints it (`PrintResults`): strings as
 * they are, `null` as `<no value>`, booleans as `true`/`false`, integers in decimal and other
 * numbers as Go's `%v` (`1.5`, `1.2345675e+06`, `1e-05`), objects and arrays as compact JSON
 * with sorted keys and HTML-safe escapes, as Go's `encoding/json` writes them.
 */
export function jsonPathText(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goNumberText(value);
  if (typeof value === 'boolean') return String(value);
  return goJson(value);
}

const INT64_LIMIT = 2 ** 63;

/** goNumberText prints a JSON number as Go prints the int64 or float64 it decodes to, with `%v`. */
function goNumberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < INT64_LIMIT) return String(value);
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits}`;
  }
  return String(value);
}

function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(
      /[<>&\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${goJson(k)}:${goJson(value[k])}`).join(',')}}`;
  }
  return 'null';
}
