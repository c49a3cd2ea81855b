import { describe, expect, it } from 'vitest';
import {
  generateName,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  MAX_GENERATED_NAME_BASE_LENGTH,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
} from './names.js';

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QUALIFIED_MSG =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const TOO_LONG_63 = 'must be no more than 63 characters';

describe('isDNS1123Label', () => {
  it.each([
    'a',
    'ab',
    'abc',
    'a1',
    'a-1',
    'a--1--2--b',
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    'a'.repeat(63),
  ])('accepts %j', (value) => {
    expect(isDNS1123Label(value)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['', [LABEL_MSG]],
    ['A', [LABEL_MSG]],
    ['aBc', [LABEL_MSG]],
    ['-', [LABEL_MSG]],
    ['a-', [LABEL_MSG]],
    ['-a', [LABEL_MSG]],
    ['a_b', [LABEL_MSG]],
    ['a b', [LABEL_MSG]],
    ['.', [LABEL_MSG]],
    ['a.', [LABEL_MSG]],
    ['a.b', ['must not contain dots']],
    ['1.2', ['must not contain dots']],
    ['a'.repeat(64), [TOO_LONG_63]],
    [`${'a'.repeat(64)}.b`, [TOO_LONG_63, 'must not contain dots']],
    ['é', [LABEL_MSG]],
    ['a'.repeat(32) + 'é'.repeat(16), [TOO_LONG_63, LABEL_MSG]],
  ])('rejects %j', (value, errors) => {
    expect(isDNS1123Label(value)).toEqual(errors);
  });
});

describe('isDNS1123Subdomain', () => {
  it.each([
    'a',
    'ab',
    'a.b',
    'a.b.c',
    '0.a',
    'a-1.b-2',
    '1.2.3.4',
    'a'.repeat(253),
    `${'a'.repeat(63)}.${'b'.repeat(63)}`,
  ])('accepts %j', (value) => {
    expect(isDNS1123Subdomain(value)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['', [SUBDOMAIN_MSG]],
    ['A', [SUBDOMAIN_MSG]],
    ['a..b', [SUBDOMAIN_MSG]],
    ['.a', [SUBDOMAIN_MSG]],
    ['a.', [SUBDOMAIN_MSG]],
    ['a.-b', [SUBDOMAIN_MSG]],
    ['a_b.c', [SUBDOMAIN_MSG]],
    ['a'.repeat(254), ['must be no more than 253 characters']],
    [`${'A'.repeat(254)}`, ['must be no more than 253 characters', SUBDOMAIN_MSG]],
  ])('rejects %j', (value, errors) => {
    expect(isDNS1123Subdomain(value)).toEqual(errors);
  });
});

describe('isDNS1035Label', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)])('accepts %j', (value) => {
    expect(isDNS1035Label(value)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['', [DNS1035_MSG]],
    ['0', [DNS1035_MSG]],
    ['1a', [DNS1035_MSG]],
    ['a-', [DNS1035_MSG]],
    ['A', [DNS1035_MSG]],
    ['a.b', [DNS1035_MSG]],
    ['a'.repeat(64), [TOO_LONG_63]],
  ])('rejects %j', (value, errors) => {
    expect(isDNS1035Label(value)).toEqual(errors);
  });
});

describe('isQualifiedName', () => {
  it.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/now-with-dashes',
    'now-with.dashes-and.dots/now-with-dashes',
    'now.with.dots/now.with.dots',
    'now-with.dashes-and.dots/now.with.dots',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %j', (value) => {
    expect(isQualifiedName(value)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['nospecialchars%^=@', [NAME_PART_MSG]],
    ['cantendwithadash-', [NAME_PART_MSG]],
    ['-cantstartwithadash-', [NAME_PART_MSG]],
    ['only/one/slash', [QUALIFIED_MSG]],
    ['Example.com/abc', [`prefix part ${SUBDOMAIN_MSG}`]],
    ['example_com/abc', [`prefix part ${SUBDOMAIN_MSG}`]],
    ['example.com/', ['name part must be non-empty', NAME_PART_MSG]],
    ['/simple', ['prefix part must be non-empty']],
    ['', ['name part must be non-empty', NAME_PART_MSG]],
    ['a'.repeat(64), [`name part ${TOO_LONG_63}`]],
    [`${'a'.repeat(254)}/abc`, ['prefix part must be no more than 253 characters']],
    ['A_/-b', [`prefix part ${SUBDOMAIN_MSG}`, NAME_PART_MSG]],
  ])('rejects %j', (value, errors) => {
    expect(isQualifiedName(value)).toEqual(errors);
  });
});

describe('isValidLabelValue', () => {
  it.each([
    '',
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    'end-with-num-1',
    '1234',
    'a_b.C',
    'a'.repeat(63),
  ])('accepts %j', (value) => {
    expect(isValidLabelValue(value)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['nospecialchars%^=@', [LABEL_VALUE_MSG]],
    ['Tama-nui-te-rā.is.Māori.sun', [LABEL_VALUE_MSG]],
    ['\\backslashes\\are\\bad', [LABEL_VALUE_MSG]],
    ['-starts-with-dash', [LABEL_VALUE_MSG]],
    ['ends-with-dash-', [LABEL_VALUE_MSG]],
    ['.starts.with.dot', [LABEL_VALUE_MSG]],
    ['ends.with.dot.', [LABEL_VALUE_MSG]],
    ['a'.repeat(64), [TOO_LONG_63]],
    ['-'.repeat(64), [TOO_LONG_63, LABEL_VALUE_MSG]],
  ])('rejects %j', (value, errors) => {
    expect(isValidLabelValue(value)).toEqual(errors);
  });

  it('checks a megabyte of input in linear time', () => {
    const huge = `${'a'.repeat(1024 * 1024)}!`;
    const start = performance.now();
    expect(isValidLabelValue(huge)).toEqual([TOO_LONG_63, LABEL_VALUE_MSG]);
    expect(isDNS1123Subdomain(huge)).toHaveLength(2);
    expect(isQualifiedName(`${'a.'.repeat(512 * 1024)}/b`)).toHaveLength(2);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('name functions with a generateName prefix', () => {
  it.each<[(name: string, prefix: boolean) => string[], string, boolean, boolean]>([
    [nameIsDNSSubdomain, 'web', false, true],
    [nameIsDNSSubdomain, 'web-', false, false],
    [nameIsDNSSubdomain, 'web-', true, true],
    [nameIsDNSSubdomain, 'web.', true, false],
    [nameIsDNSSubdomain, '-', true, false],
    [nameIsDNSSubdomain, 'a.b-', true, true],
    [nameIsDNSLabel, 'web-', true, true],
    [nameIsDNSLabel, 'a.b-', true, false],
    [nameIsDNS1035Label, 'web-', true, true],
    [nameIsDNS1035Label, '1web-', true, false],
  ])('%o(%j, prefix %s) is valid: %s', (validate, name, prefix, valid) => {
    expect(validate(name, prefix)).toEqual(valid ? [] : expect.arrayContaining([expect.any(String)]));
  });
});

describe('generateName', () => {
  const suffix = /^[bcdfghjklmnpqrstvwxz2456789]{5}$/;

  it.each([
    ['web-', 'web-'],
    ['', ''],
    ['a'.repeat(58), 'a'.repeat(58)],
    ['a'.repeat(59), 'a'.repeat(58)],
    ['b'.repeat(100), 'b'.repeat(58)],
  ])('keeps %j as %j and appends 5 random characters', (base, kept) => {
    const name = generateName(base);
    expect(name.slice(0, kept.length)).toBe(kept);
    expect(name.slice(kept.length)).toMatch(suffix);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(MAX_GENERATED_NAME_BASE_LENGTH).toBe(58);
  });

  it('draws every character of the alphabet and rarely repeats a name', () => {
    const names = Array.from({ length: 2000 }, () => generateName('x-'));
    expect(new Set(names).size).toBeGreaterThan(1990);
    const seen = new Set(names.flatMap((n) => [...n.slice(2)]));
    expect([...seen].sort().join('')).toBe([...'bcdfghjklmnpqrstvwxz2456789'].sort().join(''));
  });
});
