import {
  aggregateMessage,
  type FieldError,
  fieldErrorString,
  fieldErrors,
  goQuote,
} from '../errors/field-error.js';
import { ParseError } from '../errors/parse-error.js';
import { compareStrings } from '../internal/compare-strings.js';
import { isQualifiedName, isValidLabelValue } from '../validation/names.js';
import { MAX_SELECTOR_LENGTH } from './selector-limits.js';

/**
 * SelectionOperator is a label requirement's operator, spelled as Kubernetes' `selection.Operator`:
 * `=`, `==`, `!=` (equality), `in`, `notin` (set), `exists` (bare `key`), `!` (`!key`, does not
 * exist), `gt`, `lt` (`key>5`, `key<5`, integer comparison).
 */
export type SelectionOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

/** LabelRequirement is one validated, immutable requirement of a {@link LabelSelector}. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectionOperator;
  /** The values in the order given (sorted and de-duplicated when parsed from a string). */
  readonly values: readonly string[];
}

/** LabelSelectorOperator is an operator of the API form (`metav1.LabelSelectorOperator`). */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** LabelSelectorRequirementSpec is one `matchExpressions` entry of the API form. */
export interface LabelSelectorRequirementSpec {
  readonly key: string;
  readonly operator: LabelSelectorOperator | (string & {});
  readonly values?: readonly string[] | null | undefined;
}

/** LabelSelectorSpec is the API form of a label selector (`metav1.LabelSelector`), as in `spec.selector`. */
export interface LabelSelectorSpec {
  readonly matchLabels?: Readonly<Record<string, string>> | null | undefined;
  readonly matchExpressions?: readonly LabelSelectorRequirementSpec[] | null | undefined;
}

const ALL_OPERATORS: readonly SelectionOperator[] = [
  'in',
  'notin',
  '=',
  '==',
  '!=',
  'gt',
  'lt',
  'exists',
  '!',
];

// ---------------------------------------------------------------------------------------------
// Requirements

/** parseInt64 is Go's `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits, int64 range. */
function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  // Longer than 20 characters cannot be in range (19 digits and a sign); avoid big conversions.
  if (text.length > 20) return undefined;
  const n = BigInt(text);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

/**
 * requirementErrors is Kubernetes' `NewRequirement` validation: the key is a qualified name,
 * the values fit the operator, every value is a valid label value.
 */
function requirementErrors(key: string, operator: string, values: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length > 0) errs.push(fieldErrors.invalid('key', key, keyErrs.join('; ')));
  const shown = values.length === 0 ? null : values;
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) {
        errs.push(
          fieldErrors.invalid('values', shown, "for 'in', 'notin' operators, values set can't be empty"),
        );
      }
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) {
        errs.push(
          fieldErrors.invalid('values', shown, 'exact-match compatibility requires one single value'),
        );
      }
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) {
        errs.push(
          fieldErrors.invalid('values', shown, 'values set must be empty for exists and does not exist'),
        );
      }
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) {
        errs.push(
          fieldErrors.invalid('values', shown, "for 'Gt', 'Lt' operators, exactly one value is required"),
        );
      }
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(
            fieldErrors.invalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"),
          );
        }
      });
      break;
    default:
      errs.push(fieldErrors.notSupported('operator', operator, ALL_OPERATORS));
  }
  values.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length > 0) errs.push(fieldErrors.invalid(`values[${i}][${key}]`, v, valueErrs.join('; ')));
  });
  return errs;
}

function makeRequirement(
  key: string,
  operator: SelectionOperator,
  values: readonly string[],
): LabelRequirement {
  return Object.freeze({ key, operator, values: Object.freeze([...values]) });
}

/** newRequirement validates and builds a requirement, or returns the aggregated error message. */
function newRequirement(key: string, operator: string, values: readonly string[]): LabelRequirement | string {
  const errs = requirementErrors(key, operator, values);
  if (errs.length > 0) return aggregateMessage(errs.map(fieldErrorString));
  return makeRequirement(key, operator as SelectionOperator, values);
}

function lookup(labels: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return labels !== undefined && Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** requirementMatches is Kubernetes' `Requirement.Matches`. */
function requirementMatches(
  r: LabelRequirement,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const value = lookup(labels, r.key);
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && r.values.includes(value);
    case 'notin':
    case '!=':
      return value === undefined || !r.values.includes(value);
    case 'exists':
      return value !== undefined;
    case '!':
      return value === undefined;
    case 'gt':
    case 'lt': {
      if (value === undefined || r.values.length !== 1) return false;
      const have = parseInt64(value);
      const want = parseInt64(r.values[0]!);
      if (have === undefined || want === undefined) return false;
      return r.operator === 'gt' ? have > want : have < want;
    }
  }
}

/** requirementString is Kubernetes' `Requirement.String`, values sorted on output. */
function requirementString(r: LabelRequirement): string {
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${sortedValues(r.values).join(',')})`;
    case 'gt':
      return `${r.key}>${r.values.join(',')}`;
    case 'lt':
      return `${r.key}<${r.values.join(',')}`;
    default:
      return `${r.key}${r.operator}${r.values.join(',')}`;
  }
}

function sortedValues(values: readonly string[]): readonly string[] {
  return values.length < 2 ? values : [...values].sort(compareStrings);
}

function byKey(a: LabelRequirement, b: LabelRequirement): number {
  return compareStrings(a.key, b.key);
}

// ---------------------------------------------------------------------------------------------
// Lexer and parser of the string form (k8s.io/apimachinery/pkg/labels, Lexer and Parser)

type Token = 'eos' | 'identifier' | 'in' | 'notin' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<';

interface Item {
  readonly tok: Token;
  readonly lit: string;
}

const SYMBOLS: ReadonlyMap<string, Token> = new Map<string, Token>([
  ['(', '('],
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['=', '='],
  ['==', '=='],
  ['!=', '!='],
  ['>', '>'],
  ['<', '<'],
]);

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isSpecial = (c: number): boolean =>
  c === 0x3d || c === 0x21 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x3e || c === 0x3c;

/** lex splits the whole selector into tokens in one pass. */
function lex(text: string): Item[] {
  const items: Item[] = [];
  const n = text.length;
  let pos = 0;
  for (;;) {
    while (pos < n && isWhitespace(text.charCodeAt(pos))) pos++;
    if (pos >= n) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    const start = pos;
    if (isSpecial(text.charCodeAt(pos))) {
      // Every single symbol is a token; extend while the longer string is still one (`==`, `!=`).
      let tok = SYMBOLS.get(text[pos]!)!;
      pos++;
      while (pos < n && isSpecial(text.charCodeAt(pos))) {
        const longer = SYMBOLS.get(text.slice(start, pos + 1));
        if (longer === undefined) break;
        tok = longer;
        pos++;
      }
      items.push({ tok, lit: text.slice(start, pos) });
    } else {
      while (pos < n && !isSpecial(text.charCodeAt(pos)) && !isWhitespace(text.charCodeAt(pos))) pos++;
      const lit = text.slice(start, pos);
      items.push({ tok: lit === 'in' ? 'in' : lit === 'notin' ? 'notin' : 'identifier', lit });
    }
  }
}

/** In a values context the keywords `in` and `notin` are plain identifiers (`x in (in)`). */
type Context = 'keyAndOperator' | 'values';

class RequirementError extends Error {}

class Parser {
  private position = 0;

  constructor(private readonly items: readonly Item[]) {}

  lookahead(context: Context): Item {
    return this.asContext(this.items[Math.min(this.position, this.items.length - 1)]!, context);
  }

  consume(context: Context): Item {
    const item = this.lookahead(context);
    this.position++;
    return item;
  }

  private asContext(item: Item, context: Context): Item {
    return context === 'values' && (item.tok === 'in' || item.tok === 'notin')
      ? { tok: 'identifier', lit: item.lit }
      : item;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead('values');
      if (tok === 'eos') return requirements;
      if (tok !== 'identifier' && tok !== '!') {
        throw fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.parseRequirement());
      } catch (err) {
        if (err instanceof RequirementError) throw fail(`unable to parse requirement: ${err.message}`);
        throw err;
      }
      const next = this.consume('values');
      if (next.tok === 'eos') return requirements;
      if (next.tok !== ',') throw fail(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead('values');
      if (after.tok !== 'identifier' && after.tok !== '!') {
        throw fail(`found '${after.lit}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): LabelRequirement {
    const [key, inferred] = this.parseKeyAndInferOperator();
    let operator: SelectionOperator;
    let values: string[];
    if (inferred !== undefined) {
      operator = inferred;
      values = [];
    } else {
      operator = this.parseOperator();
      values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue();
    }
    const requirement = newRequirement(key, operator, [...new Set(values)].sort(compareStrings));
    if (typeof requirement === 'string') throw new RequirementError(requirement);
    return requirement;
  }

  private parseKeyAndInferOperator(): [string, SelectionOperator | undefined] {
    let operator: SelectionOperator | undefined;
    let item = this.consume('values');
    if (item.tok === '!') {
      operator = '!';
      item = this.consume('values');
    }
    if (item.tok !== 'identifier') throw new RequirementError(`found '${item.lit}', expected: identifier`);
    const keyErrs = isQualifiedName(item.lit);
    if (keyErrs.length > 0) {
      throw new RequirementError(`<nil>: Invalid value: ${goQuote(item.lit)}: ${keyErrs.join('; ')}`);
    }
    const next = this.lookahead('values').tok;
    if ((next === 'eos' || next === ',') && operator === undefined) operator = 'exists';
    return [item.lit, operator];
  }

  private parseOperator(): SelectionOperator {
    const { tok, lit } = this.consume('keyAndOperator');
    switch (tok) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
        return tok;
      case '>':
        return 'gt';
      case '<':
        return 'lt';
      default:
        throw new RequirementError(`found '${lit}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  private parseValues(): string[] {
    const open = this.consume('values');
    if (open.tok !== '(') throw new RequirementError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead('values');
    if (tok === ')') {
      this.consume('values');
      return [''];
    }
    if (tok !== 'identifier' && tok !== ',') {
      throw new RequirementError(`found '${lit}', expected: ',', ')' or identifier`);
    }
    const values = this.parseIdentifiersList();
    this.consume('values'); // the ')' that ended the list
    return values;
  }

  /** parseIdentifiersList reads a possibly empty, comma-separated list of possibly empty values up to `)`. */
  private parseIdentifiersList(): string[] {
    const values: string[] = [];
    for (;;) {
      const { tok, lit } = this.consume('values');
      if (tok === 'identifier') {
        values.push(lit);
        const next = this.lookahead('values');
        if (next.tok === ')') return values;
        if (next.tok !== ',') throw new RequirementError(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === ',') {
        if (values.length === 0) values.push(''); // "(,"
        const next = this.lookahead('values').tok;
        if (next === ')') {
          values.push(''); // ",)"
          return values;
        }
        if (next === ',') values.push(''); // ",,"
      } else {
        throw new RequirementError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): string[] {
    const next = this.lookahead('values').tok;
    if (next === 'eos' || next === ',') return [''];
    const { tok, lit } = this.consume('values');
    if (tok === 'identifier') return [lit];
    throw new RequirementError(`found '${lit}', expected: identifier`);
  }
}

function fail(message: string): ParseError {
  return new ParseError('LabelSelector', message);
}

// ---------------------------------------------------------------------------------------------
// The selector

/**
 * LabelSelector is a parsed, immutable Kubernetes label selector: the AND of its requirements.
 * It parses and prints the string form exactly as Kubernetes does (`app=web,tier in (a,b),!canary`),
 * converts the API form (`matchLabels`/`matchExpressions`) with Kubernetes' rules, and matches
 * label sets. Two special selectors exist: {@link LabelSelector.everything} (no requirements,
 * matches every object) and {@link LabelSelector.nothing} (matches none).
 */
export class LabelSelector {
  private static readonly EVERYTHING = new LabelSelector([]);
  private static readonly NOTHING = new LabelSelector(null);

  /** `null` for the selector that matches nothing. */
  private readonly reqs: readonly LabelRequirement[] | null;

  private constructor(reqs: readonly LabelRequirement[] | null) {
    this.reqs = reqs === null ? null : Object.freeze(reqs);
  }

  /**
   * parse reads the string form, as Kubernetes' `labels.Parse`: comma-separated requirements
   * `key`, `!key`, `key=value`, `key==value`, `key!=value`, `key in (a,b)`, `key notin (a,b)`,
   * `key>1`, `key<1`, blanks (space, tab, CR, LF) between tokens; keys must be qualified names,
   * values valid label values. Requirements are sorted by key (stably), set values sorted and
   * de-duplicated. The empty string selects everything. Throws a {@link ParseError} with
   * Kubernetes' message on bad input, and for input over {@link MAX_SELECTOR_LENGTH}; runs in
   * time linear in the input. Unlike Kubernetes, a NUL character is an ordinary (invalid)
   * character, not an end of input.
   */
  static parse(text: string): LabelSelector {
    if (typeof text !== 'string') throw fail(`label selector must be a string, not ${typeof text}`);
    if (text.length > MAX_SELECTOR_LENGTH) {
      throw fail(
        `label selector is ${text.length} characters long, over the limit of ${MAX_SELECTOR_LENGTH}`,
      );
    }
    const requirements = new Parser(lex(text)).parse();
    return new LabelSelector(requirements.sort(byKey));
  }

  /** everything returns the selector with no requirements; it matches every label set. */
  static everything(): LabelSelector {
    return LabelSelector.EVERYTHING;
  }

  /** nothing returns the selector that matches no label set (`labels.Nothing()`); it prints as `""`. */
  static nothing(): LabelSelector {
    return LabelSelector.NOTHING;
  }

  /**
   * fromSet returns the selector requiring every `key=value` of `labels` (Kubernetes'
   * `ValidatedSelectorFromSet`); an empty set selects everything. Throws a {@link ParseError}
   * when a key or value is invalid.
   */
  static fromSet(labels: Readonly<Record<string, string>>): LabelSelector {
    const requirements: LabelRequirement[] = [];
    for (const key of Object.keys(labels).sort(compareStrings)) {
      requirements.push(LabelSelector.requirement(key, '=', [labels[key]!]));
    }
    return new LabelSelector(requirements);
  }

  /**
   * fromSpec converts the API form as Kubernetes' `metav1.LabelSelectorAsSelector`: a missing
   * (`null`/`undefined`) selector matches nothing, an empty one (`{}`) matches everything;
   * `matchLabels` become `=` requirements, `matchExpressions` `In`/`NotIn` (which need values)
   * and `Exists`/`DoesNotExist` (which must have none). Throws a {@link ParseError} with
   * Kubernetes' message for an invalid key, value or operator.
   */
  static fromSpec(spec: LabelSelectorSpec | null | undefined): LabelSelector {
    if (spec === null || spec === undefined) return LabelSelector.NOTHING;
    const matchLabels = spec.matchLabels ?? {};
    const matchExpressions = spec.matchExpressions ?? [];
    if (Object.keys(matchLabels).length + matchExpressions.length === 0) return LabelSelector.EVERYTHING;
    const requirements: LabelRequirement[] = [];
    for (const key of Object.keys(matchLabels).sort(compareStrings)) {
      requirements.push(LabelSelector.requirement(key, '=', [matchLabels[key]!]));
    }
    for (const expression of matchExpressions) {
      const operator = specOperators[expression.operator];
      if (operator === undefined)
        throw fail(`${goQuote(expression.operator)} is not a valid label selector operator`);
      requirements.push(LabelSelector.requirement(expression.key, operator, expression.values ?? []));
    }
    return new LabelSelector(requirements.sort(byKey));
  }

  /**
   * requirement validates and builds one requirement as Kubernetes' `labels.NewRequirement`
   * (values kept in the given order). Throws a {@link ParseError} listing every problem, e.g.
   * `values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty`.
   */
  static requirement(
    key: string,
    operator: SelectionOperator,
    values: readonly string[] = [],
  ): LabelRequirement {
    const requirement = newRequirement(key, operator, values);
    if (typeof requirement === 'string') throw fail(requirement);
    return requirement;
  }

  /** add returns a selector with the extra requirements, re-sorted by key; nothing stays nothing. */
  add(...requirements: readonly LabelRequirement[]): LabelSelector {
    if (this.reqs === null) return this;
    return new LabelSelector([...this.reqs, ...requirements].sort(byKey));
  }

  /**
   * matches tells whether a label set satisfies every requirement; `undefined` is the empty set
   * (so `!key`, `key!=v` and `key notin (…)` match it). Only own properties count as labels.
   */
  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    if (this.reqs === null) return false;
    return this.reqs.every((r) => requirementMatches(r, labels));
  }

  /** isEverything tells whether the selector has no requirements (Kubernetes' `Empty()`). */
  isEverything(): boolean {
    return this.reqs !== null && this.reqs.length === 0;
  }

  /** isNothing tells whether this is the selector that matches nothing (`labels.MatchesNothing`). */
  isNothing(): boolean {
    return this.reqs === null;
  }

  /** requirements returns the requirements, sorted by key; none for everything and for nothing. */
  requirements(): readonly LabelRequirement[] {
    return this.reqs ?? [];
  }

  /**
   * requiresExactMatch returns the single value the selector requires for `key` (`key=v`,
   * `key==v` or `key in (v)`), judged by the first requirement on that key, or undefined.
   */
  requiresExactMatch(key: string): string | undefined {
    const r = this.reqs?.find((req) => req.key === key);
    if (r === undefined || r.values.length !== 1) return undefined;
    return r.operator === '=' || r.operator === '==' || r.operator === 'in' ? r.values[0] : undefined;
  }

  /** equals tells whether both selectors have the same requirements in the same order (or are both nothing). */
  equals(other: LabelSelector): boolean {
    if (this.reqs === null || other.reqs === null) return this.reqs === other.reqs;
    const a = this.reqs;
    const b = other.reqs;
    return (
      a.length === b.length &&
      a.every(
        (r, i) =>
          r.key === b[i]!.key &&
          r.operator === b[i]!.operator &&
          r.values.length === b[i]!.values.length &&
          r.values.every((v, j) => v === b[i]!.values[j]),
      )
    );
  }

  /** toString prints the canonical string form, `app=web,tier in (a,b)`; `""` for everything and for nothing. */
  toString(): string {
    return (this.reqs ?? []).map(requirementString).join(',');
  }
}

const specOperators: Readonly<Record<string, SelectionOperator>> = Object.assign(Object.create(null), {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
});
