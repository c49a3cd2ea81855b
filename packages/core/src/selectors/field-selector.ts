import { ParseError } from '../errors/parse-error.js';
import { compareStrings } from '../internal/compare-strings.js';
import { MAX_SELECTOR_LENGTH } from './selector-limits.js';

/** FieldSelectorOperator is a field requirement's operator; `==` is read as `=`, as Kubernetes does. */
export type FieldSelectorOperator = '=' | '!=';

/** FieldRequirement is one requirement of a {@link FieldSelector}, its value unescaped. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: FieldSelectorOperator;
  readonly value: string;
}

/**
 * escapeFieldSelectorValue escapes a literal value for a field selector, as Kubernetes'
 * `fields.EscapeValue`: `\` → `\\`, `,` → `\,`, `=` → `\=`.
 */
export function escapeFieldSelectorValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/**
 * unescapeValue undoes {@link escapeFieldSelectorValue}, as Kubernetes' `fields.UnescapeValue`:
 * only `\\`, `\,` and `\=` are escapes, and an unescaped `,` or `=` is an error.
 */
function unescapeValue(raw: string): string {
  if (!/[\\,=]/.test(raw)) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      if (i + 1 >= raw.length) throw fail('invalid field selector: invalid escape sequence: \\');
      const next = String.fromCodePoint(raw.codePointAt(i + 1)!);
      if (next !== '\\' && next !== ',' && next !== '=') {
        throw fail(`invalid field selector: invalid escape sequence: \\${next}`);
      }
      out += next;
      i++;
    } else if (c === ',' || c === '=') {
      throw fail(`invalid field selector: unescaped character in value: ${c}`);
    } else {
      out += c;
    }
  }
  return out;
}

/** splitTerms splits at commas that are not escaped; the escapes stay in the terms. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector.charCodeAt(i);
    if (escaped) escaped = false;
    else if (c === 0x5c) escaped = true;
    else if (c === 0x2c) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

/**
 * splitTerm splits one term at its first operator, trying `!=`, `==` then `=` at each position;
 * the field part has no escaping.
 */
function splitTerm(term: string): [string, '=' | '==' | '!=', string] | undefined {
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c === 0x21 && term.charCodeAt(i + 1) === 0x3d) return [term.slice(0, i), '!=', term.slice(i + 2)];
    if (c === 0x3d) {
      if (term.charCodeAt(i + 1) === 0x3d) return [term.slice(0, i), '==', term.slice(i + 2)];
      return [term.slice(0, i), '=', term.slice(i + 1)];
    }
  }
  return undefined;
}

function fail(message: string): ParseError {
  return new ParseError('FieldSelector', message);
}

/**
 * FieldSelector is a parsed, immutable Kubernetes field selector: the AND of `field=value`,
 * `field==value` and `field!=value` requirements (`metadata.name=web,status.phase!=Running`).
 * Values may contain `\,`, `\=` and `\\` escapes. The API server decides which fields a
 * resource supports by checking {@link FieldSelector.requirements}; {@link FieldSelector.matches}
 * asks the caller for each field's value.
 */
export class FieldSelector {
  private static readonly EVERYTHING = new FieldSelector([]);

  private readonly reqs: readonly FieldRequirement[];

  private constructor(reqs: readonly FieldRequirement[]) {
    this.reqs = Object.freeze(reqs.map((r) => Object.freeze({ ...r })));
  }

  /**
   * parse reads the string form as Kubernetes' `fields.ParseSelector`: terms split at unescaped
   * commas and sorted, empty terms skipped, each split at its first `!=`, `==` or `=`; the value is
   * unescaped; a term with both field and value empty is dropped. No blanks are trimmed. The
   * empty string selects everything. Throws a {@link ParseError} with Kubernetes' message
   * (`invalid selector: '<selector>'; can't understand '<term>'`) on bad input and for input
   * over {@link MAX_SELECTOR_LENGTH}; runs in linear time apart from sorting the terms. One
   * deliberate difference: an unescaped `=` or `,` in a value is reported as the character
   * (`unescaped character in value: =`), where Kubernetes prints its code point (`61`).
   */
  static parse(text: string): FieldSelector {
    if (typeof text !== 'string') throw fail(`field selector must be a string, not ${typeof text}`);
    if (text.length > MAX_SELECTOR_LENGTH) {
      throw fail(
        `field selector is ${text.length} characters long, over the limit of ${MAX_SELECTOR_LENGTH}`,
      );
    }
    const requirements: FieldRequirement[] = [];
    for (const term of splitTerms(text).sort(compareStrings)) {
      if (term === '') continue;
      const split = splitTerm(term);
      if (split === undefined) throw fail(`invalid selector: '${text}'; can't understand '${term}'`);
      const [field, operator, raw] = split;
      const value = unescapeValue(raw);
      if (field === '' && value === '') continue;
      requirements.push({ field, operator: operator === '!=' ? '!=' : '=', value });
    }
    return requirements.length === 0 ? FieldSelector.EVERYTHING : new FieldSelector(requirements);
  }

  /** everything returns the selector with no requirements; it matches every object. */
  static everything(): FieldSelector {
    return FieldSelector.EVERYTHING;
  }

  /** fromSet returns the selector requiring every `field=value` of `fields`, sorted by field. */
  static fromSet(fields: Readonly<Record<string, string>>): FieldSelector {
    const keys = Object.keys(fields).sort(compareStrings);
    return new FieldSelector(keys.map((field) => ({ field, operator: '=', value: fields[field]! })));
  }

  /** oneTermEqual returns the selector `field=value` (Kubernetes' `OneTermEqualSelector`). */
  static oneTermEqual(field: string, value: string): FieldSelector {
    return new FieldSelector([{ field, operator: '=', value }]);
  }

  /**
   * matches tells whether every requirement holds, reading field values through `get`; an
   * unknown field (`undefined`) reads as the empty string, as in Kubernetes' `fields.Set`.
   */
  matches(get: (field: string) => string | undefined): boolean {
    return this.reqs.every((r) => ((get(r.field) ?? '') === r.value) === (r.operator === '='));
  }

  /** isEverything tells whether the selector has no requirements. */
  isEverything(): boolean {
    return this.reqs.length === 0;
  }

  /** requirements returns the requirements in parse order, values unescaped. */
  requirements(): readonly FieldRequirement[] {
    return this.reqs;
  }

  /** requiresExactMatch returns the value the first `=` requirement on `field` demands, or undefined. */
  requiresExactMatch(field: string): string | undefined {
    return this.reqs.find((r) => r.field === field && r.operator === '=')?.value;
  }

  /** equals tells whether both selectors have the same requirements in the same order. */
  equals(other: FieldSelector): boolean {
    return (
      this.reqs.length === other.reqs.length &&
      this.reqs.every(
        (r, i) =>
          r.field === other.reqs[i]!.field &&
          r.operator === other.reqs[i]!.operator &&
          r.value === other.reqs[i]!.value,
      )
    );
  }

  /** toString prints the canonical string form, values escaped: `a=b\,c,d!=e`; `""` for everything. */
  toString(): string {
    return this.reqs.map((r) => `${r.field}${r.operator}${escapeFieldSelectorValue(r.value)}`).join(',');
  }
}
