import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/parse-error.js';
import { escapeFieldSelectorValue, type FieldRequirement, FieldSelector } from './field-selector.js';
import { MAX_SELECTOR_LENGTH } from './selector-limits.js';

function parseError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(ParseError.is(err, 'FieldSelector')).toBe(true);
    return (err as ParseError).message;
  }
  throw new Error('expected a ParseError');
}

function elapsed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('FieldSelector.parse', () => {
  it.each<[string, string, FieldRequirement[]]>([
    ['', '', []],
    [
      'x=a,y=b,z=c',
      'x=a,y=b,z=c',
      [
        { field: 'x', operator: '=', value: 'a' },
        { field: 'y', operator: '=', value: 'b' },
        { field: 'z', operator: '=', value: 'c' },
      ],
    ],
    [
      'x!=a,y=b',
      'x!=a,y=b',
      [
        { field: 'x', operator: '!=', value: 'a' },
        { field: 'y', operator: '=', value: 'b' },
      ],
    ],
    [
      'x=a,a=x',
      'a=x,x=a',
      [
        { field: 'a', operator: '=', value: 'x' },
        { field: 'x', operator: '=', value: 'a' },
      ],
    ],
    ['metadata.name==web', 'metadata.name=web', [{ field: 'metadata.name', operator: '=', value: 'web' }]],
    ['spec.nodeName=', 'spec.nodeName=', [{ field: 'spec.nodeName', operator: '=', value: '' }]],
    ['a=b\\,c', 'a=b\\,c', [{ field: 'a', operator: '=', value: 'b,c' }]],
    ['a=b\\=c\\\\d', 'a=b\\=c\\\\d', [{ field: 'a', operator: '=', value: 'b=c\\d' }]],
    ['a!=\\,', 'a!=\\,', [{ field: 'a', operator: '!=', value: ',' }]],
    ['a = b', 'a = b', [{ field: 'a ', operator: '=', value: ' b' }]],
    ['a!b=c', 'a!b=c', [{ field: 'a!b', operator: '=', value: 'c' }]],
    ['a\\,b=c', 'a\\,b=c', [{ field: 'a\\,b', operator: '=', value: 'c' }]],
    [',,a=b,,', 'a=b', [{ field: 'a', operator: '=', value: 'b' }]],
    ['=', '', []],
    ['==,!=', '', []],
    ['=x', '=x', [{ field: '', operator: '=', value: 'x' }]],
    ['a=é\u{1F600}', 'a=é\u{1F600}', [{ field: 'a', operator: '=', value: 'é\u{1F600}' }]],
  ])('parses %j, prints %j', (input, output, requirements) => {
    const selector = FieldSelector.parse(input);
    expect(selector.toString()).toBe(output);
    expect(selector.requirements()).toEqual(requirements);
    expect(selector.isEverything()).toBe(requirements.length === 0);
  });

  it.each([
    ['x=a||y=b', 'invalid field selector: unescaped character in value: ='],
    ['x==a==b', 'invalid field selector: unescaped character in value: ='],
    ['a=b=c', 'invalid field selector: unescaped character in value: ='],
    ['a', "invalid selector: 'a'; can't understand 'a'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\\u{1F600}', 'invalid field selector: invalid escape sequence: \\\u{1F600}'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
    ['a\\=b=c', 'invalid field selector: unescaped character in value: ='],
  ])("rejects %j with Kubernetes' message", (input, message) => {
    expect(parseError(() => FieldSelector.parse(input))).toBe(message);
  });
});

describe('FieldSelector.matches', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
    ['x=', {}, true],
    ['x!=', {}, false],
    ['x!=a', {}, true],
    ['a=b\\,c', { a: 'b,c' }, true],
  ])('%j against %j is %s', (selector, fields, expected) => {
    expect(FieldSelector.parse(selector).matches((f) => fields[f])).toBe(expected);
  });

  it('builds selectors from sets and single terms', () => {
    const fields: Record<string, string> = { foo: 'bar', baz: 'blah' };
    const get = (f: string): string | undefined => fields[f];
    expect(FieldSelector.fromSet({}).matches(get)).toBe(true);
    expect(FieldSelector.fromSet({ foo: 'bar', baz: 'blah' }).matches(get)).toBe(true);
    expect(FieldSelector.fromSet({ foo: '=blah' }).matches(get)).toBe(false);
    expect(FieldSelector.fromSet({ foo: 'a,b' }).toString()).toBe('foo=a\\,b');
    expect(FieldSelector.oneTermEqual('foo', 'bar').matches(get)).toBe(true);
    expect(FieldSelector.oneTermEqual('foo', 'baz').matches(get)).toBe(false);
    expect(FieldSelector.everything().isEverything()).toBe(true);
  });

  it.each<[string, string, string | undefined]>([
    ['', 'test', undefined],
    ['a=b', 'test', undefined],
    ['test=b', 'test', 'b'],
    ['test=', 'test', ''],
    ['test!=b', 'test', undefined],
    ['a=c,test=b', 'test', 'b'],
  ])('%j requires an exact match on %j: %j', (selector, field, expected) => {
    expect(FieldSelector.parse(selector).requiresExactMatch(field)).toBe(expected);
  });
});

describe('escapeFieldSelectorValue', () => {
  it.each([
    ['', ''],
    ['a', 'a'],
    ['=', '\\='],
    [',', '\\,'],
    ['\\', '\\\\'],
    ['\\=\\,\\', '\\\\\\=\\\\\\,\\\\'],
  ])('escapes %j as %j', (value, escaped) => {
    expect(escapeFieldSelectorValue(value)).toBe(escaped);
    expect(FieldSelector.parse(`f=${escaped}`).requirements()[0]?.value ?? '').toBe(value);
  });
});

describe('FieldSelector hostile input', () => {
  it('rejects input over the length limit before scanning it', () => {
    const huge = 'a='.repeat(512 * 1024);
    let message = '';
    expect(elapsed(() => (message = parseError(() => FieldSelector.parse(huge))))).toBeLessThan(50);
    expect(message).toBe(
      `field selector is 1048576 characters long, over the limit of ${MAX_SELECTOR_LENGTH}`,
    );
  });

  it.each<[string, string]>([
    ['many terms', 'a=b,'.repeat(MAX_SELECTOR_LENGTH / 4)],
    ['many escapes', `a=${'\\,'.repeat(MAX_SELECTOR_LENGTH / 2 - 1)}`],
    ['one long field', `${'f'.repeat(MAX_SELECTOR_LENGTH - 2)}=v`],
    ['no operator', 'x'.repeat(MAX_SELECTOR_LENGTH)],
    ['bangs', '!'.repeat(MAX_SELECTOR_LENGTH)],
    ['commas', ','.repeat(MAX_SELECTOR_LENGTH)],
  ])('handles %s in linear time', (_name, input) => {
    const ms = elapsed(() => {
      try {
        FieldSelector.parse(input);
      } catch (err) {
        expect(ParseError.is(err, 'FieldSelector')).toBe(true);
      }
    });
    expect(ms).toBeLessThan(500);
  });

  it('never throws anything but a ParseError, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        try {
          FieldSelector.parse(input);
        } catch (err) {
          return ParseError.is(err, 'FieldSelector');
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  const sortedTerms = (selector: FieldSelector): string =>
    JSON.stringify(
      selector
        .requirements()
        .map((r) => [r.field, r.operator, r.value])
        .sort(),
    );

  const piece = fc.constantFrom(
    'a',
    'spec.x',
    '=',
    '==',
    '!=',
    '!',
    ',',
    '\\',
    '\\,',
    '\\=',
    '\\\\',
    ' ',
    'é',
    '',
  );

  it('reprints everything it parses so that it parses back to an equal selector', () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        let selector: FieldSelector;
        try {
          selector = FieldSelector.parse(pieces.join(''));
        } catch (err) {
          return ParseError.is(err, 'FieldSelector');
        }
        parsed++;
        // Terms are sorted as written, so a reprint may order equal fields differently: compare as sets.
        const again = FieldSelector.parse(selector.toString());
        return sortedTerms(again) === sortedTerms(selector);
      }),
      { numRuns: 4000 },
    );
    expect(parsed).toBeGreaterThan(100);
  });

  it('round-trips any value through escaping', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (value) => {
        const selector = FieldSelector.parse(`f=${escapeFieldSelectorValue(value)}`);
        return value === '' || selector.requirements()[0]?.value === value;
      }),
      { numRuns: 1000 },
    );
  });
});
