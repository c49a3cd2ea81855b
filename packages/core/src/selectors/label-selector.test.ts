import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/parse-error.js';
import { LabelSelector, type LabelSelectorSpec, type SelectionOperator } from './label-selector.js';
import { MAX_SELECTOR_LENGTH } from './selector-limits.js';

/** parseError returns the message of the ParseError that `fn` throws, failing on anything else. */
function parseError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(ParseError.is(err, 'LabelSelector')).toBe(true);
    return (err as ParseError).message;
  }
  throw new Error('expected a ParseError');
}

/** elapsed runs `fn` and returns how many milliseconds it took. */
function elapsed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const NAME_PART_ERROR =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_ERROR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('LabelSelector.parse', () => {
  // Kubernetes' TestSelectorParse, TestSetSelectorParser and TestToString, as input → canonical string.
  it.each([
    ['', ''],
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x=', 'x='],
    ['x= ', 'x='],
    ['x=,z= ', 'x=,z='],
    ['x= ,z= ', 'x=,z='],
    ['!x', '!x'],
    ['x>1', 'x>1'],
    ['x>1,z<5', 'x>1,z<5'],
    ['x=a,a=x', 'a=x,x=a'],
    ['\rx', 'x'],
    ['this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    [
      'this-is-another-dns.domain.com/key-with-dash in (so,what)',
      'this-is-another-dns.domain.com/key-with-dash in (so,what)',
    ],
    [
      '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)',
      '0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)',
    ],
    ['foo  in\t (abc)', 'foo in (abc)'],
    ['x notin\n (abc)', 'x notin (abc)'],
    ['x  notin\t\t\t(abc,def)', 'x notin (abc,def)'],
    ['x in (abc,)', 'x in (,abc)'],
    ['x in ()', 'x in ()'],
    ['x notin (abc,def),bar,z in (),w', 'bar,w,x notin (abc,def),z in ()'],
    ['x notin (abc,,def),bar,z in (),w', 'bar,w,x notin (,abc,def),z in ()'],
    ['x,y in (a)', 'x,y in (a)'],
    ['x notin ( )', 'x notin ()'],
    ['x notin (, a)', 'x notin (,a)'],
    ['a ', 'a'],
    ['a in (x,y,notin, z,in)', 'a in (in,notin,x,y,z)'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['x in (b,a,b,a)', 'x in (a,b)'],
    ['notin=in', 'notin=in'],
    ['in in (notin)', 'in in (notin)'],
    ['x==a', 'x==a'],
    ['x=abc,y==jkl,z!=a,z', 'x=abc,y==jkl,z!=a,z'],
    ['z,z!=a', 'z,z!=a'],
    ['x>2,y<8,z', 'x>2,y<8,z'],
  ])('parses %j and prints %j', (input, output) => {
    expect(LabelSelector.parse(input).toString()).toBe(output);
  });

  it.each([
    ['x=a||y=b', `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE_ERROR}`],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    [
      'x<a',
      `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    ['x,y,', "found '', expected: identifier after ','"],
    [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (b,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['app:monolith', `unable to parse requirement: <nil>: Invalid value: "app:monolith": ${NAME_PART_ERROR}`],
    ['-a', `unable to parse requirement: <nil>: Invalid value: "-a": ${NAME_PART_ERROR}`],
    [
      'app.kubernetes_io/name=x',
      "unable to parse requirement: <nil>: Invalid value: \"app.kubernetes_io/name\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      'a/b/c ?=? def',
      "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
    [
      `${'k'.repeat(64)}`,
      `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`,
    ],
    [
      `a=${'v'.repeat(64)}`,
      `unable to parse requirement: values[0][a]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
    ],
    [
      'x>a@',
      `unable to parse requirement: [values[0]: Invalid value: "a@": for 'Gt', 'Lt' operators, the value must be an integer, values[0][x]: Invalid value: "a@": ${LABEL_VALUE_ERROR}]`,
    ],
    ['x>-1', `unable to parse requirement: values[0][x]: Invalid value: "-1": ${LABEL_VALUE_ERROR}`],
    [
      'x>99999999999999999999',
      `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    ['ké=v', `unable to parse requirement: <nil>: Invalid value: "ké": ${NAME_PART_ERROR}`],
    ['a\u0000=b', `unable to parse requirement: <nil>: Invalid value: "a\\x00": ${NAME_PART_ERROR}`],
    [
      'a=b\u2028',
      `unable to parse requirement: values[0][a]: Invalid value: "b\\u2028": ${LABEL_VALUE_ERROR}`,
    ],
  ])("rejects %j with Kubernetes' message", (input, message) => {
    expect(parseError(() => LabelSelector.parse(input))).toBe(message);
  });

  it('sorts requirements by key and keeps the order of equal keys', () => {
    const selector = LabelSelector.parse('z!=a,b=1,z');
    expect(selector.requirements().map((r) => [r.key, r.operator, r.values])).toEqual([
      ['b', '=', ['1']],
      ['z', '!=', ['a']],
      ['z', 'exists', []],
    ]);
  });

  it('returns immutable requirements', () => {
    const [requirement] = LabelSelector.parse('x in (a,b)').requirements();
    expect(Object.isFrozen(requirement)).toBe(true);
    expect(Object.isFrozen(requirement?.values)).toBe(true);
  });
});

describe('LabelSelector.matches', () => {
  // Kubernetes' TestSelectorMatches and TestRequirementSelectorMatching.
  it.each<[string, Record<string, string> | undefined, boolean]>([
    ['', { x: 'y' }, true],
    ['', undefined, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x>1', { x: '+2' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['x>1', {}, false],
    ['x>1', { x: 'v2' }, false],
    ['x<1', { x: '-99999999999999999999' }, false],
    ['x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true],
    ['x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
    ['x notin (),y', { y: '' }, true],
    ['!x,y', { y: '' }, true],
    ['x notin (),!y', { y: '' }, false],
    ['x in ()', { y: 'baz' }, false],
    ['x in ()', { x: '' }, true],
    ['x notin (a)', undefined, true],
    ['!x', undefined, true],
    ['x!=a', undefined, true],
    ['x', undefined, false],
    ['foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }, true],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    ['constructor', {}, false],
    ['!toString', {}, true],
    ['hasOwnProperty=x', {}, false],
  ])('%j against %j is %s', (selector, labels, expected) => {
    expect(LabelSelector.parse(selector).matches(labels)).toBe(expected);
  });

  it('matches nothing with the nothing selector, everything with the empty one', () => {
    expect(LabelSelector.nothing().matches({ a: 'b' })).toBe(false);
    expect(LabelSelector.nothing().matches(undefined)).toBe(false);
    expect(LabelSelector.everything().matches({ a: 'b' })).toBe(true);
    expect(LabelSelector.everything().matches(undefined)).toBe(true);
  });
});

describe('LabelSelector.requirement', () => {
  // Kubernetes' TestRequirementConstructor, with the messages.
  it.each<[string, SelectionOperator, string[], string | undefined]>([
    ['x', 'in', [], "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    ['x', 'notin', [], "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty"],
    ['x', 'in', ['foo'], undefined],
    ['x', 'notin', ['foo'], undefined],
    ['x', 'exists', [], undefined],
    ['x', '!', [], undefined],
    [
      'x',
      'exists',
      ['a'],
      'values: Invalid value: ["a"]: values set must be empty for exists and does not exist',
    ],
    [
      'x',
      '=',
      ['a', 'b'],
      'values: Invalid value: ["a","b"]: exact-match compatibility requires one single value',
    ],
    ['x', '==', [], 'values: Invalid value: null: exact-match compatibility requires one single value'],
    ['1foo', 'in', ['bar'], undefined],
    ['1234', 'in', ['bar'], undefined],
    ['y', 'gt', ['1'], undefined],
    ['z', 'lt', ['6'], undefined],
    [
      'foo',
      'gt',
      ['bar'],
      `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
    [
      'y',
      'gt',
      ['1', '2'],
      `values: Invalid value: ["1","2"]: for 'Gt', 'Lt' operators, exactly one value is required`,
    ],
    [
      'a'.repeat(254),
      'exists',
      [],
      `key: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters`,
    ],
    ['x', 'in', ['<b>'], `values[0][x]: Invalid value: "<b>": ${LABEL_VALUE_ERROR}`],
    [
      'x',
      'like' as SelectionOperator,
      [],
      'operator: Unsupported value: "like": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    ],
    [
      '',
      'in',
      [],
      `[key: Invalid value: "": name part must be non-empty; ${NAME_PART_ERROR}, values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty]`,
    ],
  ])('%j %s %j', (key, operator, values, message) => {
    if (message === undefined) {
      expect(LabelSelector.requirement(key, operator, values)).toEqual({ key, operator, values });
    } else {
      expect(parseError(() => LabelSelector.requirement(key, operator, values))).toBe(message);
    }
  });
});

describe('LabelSelector.fromSpec', () => {
  it('matches nothing for a missing selector and everything for an empty one', () => {
    expect(LabelSelector.fromSpec(undefined).isNothing()).toBe(true);
    expect(LabelSelector.fromSpec(null).isNothing()).toBe(true);
    expect(LabelSelector.fromSpec({}).isEverything()).toBe(true);
    expect(LabelSelector.fromSpec({ matchLabels: {}, matchExpressions: [] }).isEverything()).toBe(true);
    expect(LabelSelector.fromSpec({ matchLabels: null, matchExpressions: null }).matches(undefined)).toBe(
      true,
    );
  });

  it.each<[LabelSelectorSpec, string]>([
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] }, 'tier in (api,web)'],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, 'tier notin (db)'],
    [{ matchExpressions: [{ key: 'canary', operator: 'Exists' }] }, 'canary'],
    [{ matchExpressions: [{ key: 'canary', operator: 'DoesNotExist', values: [] }] }, '!canary'],
    [
      { matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'Exists', values: null }] },
      'a,z=1',
    ],
  ])('converts %j to %j', (spec, expected) => {
    expect(LabelSelector.fromSpec(spec).toString()).toBe(expected);
  });

  it.each<[LabelSelectorSpec, string]>([
    [
      { matchExpressions: [{ key: 'a', operator: 'In' }] },
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] },
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      'values: Invalid value: ["x"]: values set must be empty for exists and does not exist',
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] },
      '"Gt" is not a valid label selector operator',
    ],
    [
      { matchExpressions: [{ key: 'a', operator: 'constructor' }] },
      '"constructor" is not a valid label selector operator',
    ],
    [{ matchLabels: { 'a b': 'x' } }, `key: Invalid value: "a b": ${NAME_PART_ERROR}`],
    [{ matchLabels: { a: 'x y' } }, `values[0][a]: Invalid value: "x y": ${LABEL_VALUE_ERROR}`],
  ])('rejects %j', (spec, message) => {
    expect(parseError(() => LabelSelector.fromSpec(spec))).toBe(message);
  });

  it('keeps the given values and matches with them', () => {
    const selector = LabelSelector.fromSpec({
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging', 'prod'] }],
    });
    expect(selector.requirements()[0]?.values).toEqual(['web']);
    expect(selector.requirements()[1]?.values).toEqual(['prod', 'staging', 'prod']);
    expect(selector.matches({ app: 'web', env: 'staging' })).toBe(true);
    expect(selector.matches({ app: 'web', env: 'dev' })).toBe(false);
    expect(selector.toString()).toBe('app=web,env in (prod,prod,staging)');
  });
});

describe('LabelSelector helpers', () => {
  it('builds a selector from a label set, validated', () => {
    expect(LabelSelector.fromSet({ b: '2', a: '1' }).toString()).toBe('a=1,b=2');
    expect(LabelSelector.fromSet({}).isEverything()).toBe(true);
    expect(parseError(() => LabelSelector.fromSet({ a: '-' }))).toBe(
      `values[0][a]: Invalid value: "-": ${LABEL_VALUE_ERROR}`,
    );
  });

  it('adds requirements, re-sorting by key; nothing stays nothing', () => {
    const base = LabelSelector.parse('key in (value)');
    const added = base.add(LabelSelector.requirement('a', '=', ['1']));
    expect(added.toString()).toBe('a=1,key in (value)');
    expect(base.toString()).toBe('key in (value)');
    expect(LabelSelector.nothing().add(LabelSelector.requirement('a', 'exists')).isNothing()).toBe(true);
    expect(LabelSelector.everything().add(LabelSelector.requirement('a', 'exists')).toString()).toBe('a');
  });

  it.each<[string, string, string | undefined]>([
    ['a=1', 'a', '1'],
    ['a==1', 'a', '1'],
    ['a in (1)', 'a', '1'],
    ['a in (1,2)', 'a', undefined],
    ['a!=1', 'a', undefined],
    ['a', 'a', undefined],
    ['b=1', 'a', undefined],
    ['a notin (1),a=1', 'a', undefined],
  ])('%j requires an exact match on %j: %j', (selector, key, expected) => {
    expect(LabelSelector.parse(selector).requiresExactMatch(key)).toBe(expected);
  });

  it('tells everything, nothing and equality apart', () => {
    expect(LabelSelector.parse('').isEverything()).toBe(true);
    expect(LabelSelector.parse('a').isEverything()).toBe(false);
    expect(LabelSelector.nothing().isEverything()).toBe(false);
    expect(LabelSelector.nothing().toString()).toBe('');
    expect(LabelSelector.nothing().requirements()).toEqual([]);
    expect(LabelSelector.parse('a=1,b').equals(LabelSelector.parse('b,a=1'))).toBe(true);
    expect(LabelSelector.parse('a=1').equals(LabelSelector.parse('a==1'))).toBe(false);
    expect(LabelSelector.parse('a in (1,2)').equals(LabelSelector.parse('a in (1)'))).toBe(false);
    expect(LabelSelector.nothing().equals(LabelSelector.everything())).toBe(false);
    expect(LabelSelector.nothing().equals(LabelSelector.nothing())).toBe(true);
  });
});

describe('LabelSelector hostile input', () => {
  it('rejects input over the length limit before scanning it', () => {
    const huge = 'a'.repeat(1024 * 1024);
    let message = '';
    expect(elapsed(() => (message = parseError(() => LabelSelector.parse(huge))))).toBeLessThan(50);
    expect(message).toBe(
      `label selector is 1048576 characters long, over the limit of ${MAX_SELECTOR_LENGTH}`,
    );
    expect(parseError(() => LabelSelector.parse(123 as unknown as string))).toBe(
      'label selector must be a string, not number',
    );
  });

  // Each input is just under the limit; a quadratic parser would take seconds on these.
  it.each<[string, string]>([
    ['nested parentheses', `x in ${'('.repeat(MAX_SELECTOR_LENGTH - 5)}`],
    ['closing parentheses', `x in (a${')'.repeat(MAX_SELECTOR_LENGTH - 8)}`],
    ['many requirements', 'a=b,'.repeat(MAX_SELECTOR_LENGTH / 4 - 1) + 'a=b'],
    ['many values', `x in (${'a,'.repeat(MAX_SELECTOR_LENGTH / 2 - 5)}a)`],
    ['empty values', `x in (${','.repeat(MAX_SELECTOR_LENGTH - 10)})`],
    ['blanks', `${' \t\r\n'.repeat(MAX_SELECTOR_LENGTH / 4 - 1)}a`],
    ['one long key', 'k'.repeat(MAX_SELECTOR_LENGTH)],
    ['operators', '!='.repeat(MAX_SELECTOR_LENGTH / 2)],
    ['bangs', '!'.repeat(MAX_SELECTOR_LENGTH)],
    ['unicode', '\u{1F600}'.repeat(MAX_SELECTOR_LENGTH / 2)],
  ])('handles %s in linear time', (_name, input) => {
    expect(input.length).toBeLessThanOrEqual(MAX_SELECTOR_LENGTH);
    const ms = elapsed(() => {
      try {
        LabelSelector.parse(input);
      } catch (err) {
        expect(ParseError.is(err, 'LabelSelector')).toBe(true);
      }
    });
    expect(ms).toBeLessThan(500);
  });

  it('never throws anything but a ParseError, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        try {
          LabelSelector.parse(input);
        } catch (err) {
          return ParseError.is(err, 'LabelSelector');
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  const token = fc.constantFrom(
    'a',
    'b',
    'x.io/k',
    'Ab-9_z.Q',
    '1',
    '-2',
    '=',
    '==',
    '!=',
    '!',
    '>',
    '<',
    'in',
    'notin',
    '(',
    ')',
    ',',
    ' ',
    '\t',
    '@',
    '',
  );

  it('reprints everything it parses so that it parses back to an equal selector', () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.array(token, { maxLength: 14 }), (tokens) => {
        let selector: LabelSelector;
        try {
          selector = LabelSelector.parse(tokens.join(''));
        } catch (err) {
          return ParseError.is(err, 'LabelSelector');
        }
        parsed++;
        const printed = selector.toString();
        const again = LabelSelector.parse(printed);
        return again.equals(selector) && again.toString() === printed;
      }),
      { numRuns: 4000 },
    );
    expect(parsed).toBeGreaterThan(100);
  });

  const key = fc.constantFrom('a', 'app', 'k8s.io/name', 'x-y_z.w', 'in', 'notin', '0');
  const value = fc.constantFrom('', 'v', 'web', 'in', 'notin', '1', '42', 'a.b-c_d');
  const requirement = fc.oneof(
    fc.record({
      key,
      operator: fc.constantFrom<SelectionOperator>('=', '==', '!='),
      values: fc.tuple(value),
    }),
    fc.record({
      key,
      operator: fc.constantFrom<SelectionOperator>('in', 'notin'),
      values: fc.uniqueArray(value, { minLength: 1, maxLength: 4 }),
    }),
    fc.record({ key, operator: fc.constantFrom<SelectionOperator>('exists', '!'), values: fc.constant([]) }),
    fc.record({
      key,
      operator: fc.constantFrom<SelectionOperator>('gt', 'lt'),
      values: fc.tuple(fc.constantFrom('0', '7', '42')),
    }),
  );

  it('prints built selectors so that they parse back to the same requirements', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 6 }), (requirements) => {
        const built = LabelSelector.everything().add(
          ...requirements.map((r) => LabelSelector.requirement(r.key, r.operator, [...r.values].sort())),
        );
        const again = LabelSelector.parse(built.toString());
        return again.equals(built);
      }),
      { numRuns: 1000 },
    );
  });
});
