import { describe, expect, it } from 'vitest';
import {
  aggregateMessage,
  type FieldError,
  fieldErrorBody,
  fieldErrorString,
  fieldErrors,
  goQuote,
} from './field-error.js';

describe('fieldErrorBody', () => {
  // The bodies Kubernetes' field.Error.ErrorBody() produces for its constructors.
  it.each<[FieldError, string]>([
    [fieldErrors.required('f'), 'Required value'],
    [fieldErrors.required('f', 'a name is needed'), 'Required value: a name is needed'],
    [
      fieldErrors.invalid('f', 'x y', 'must not contain spaces'),
      'Invalid value: "x y": must not contain spaces',
    ],
    [fieldErrors.invalid('f', -1), 'Invalid value: -1'],
    [fieldErrors.invalid('f', 1.5), 'Invalid value: 1.5'],
    [fieldErrors.invalid('f', true), 'Invalid value: true'],
    [fieldErrors.invalid('f', 12n), 'Invalid value: 12'],
    [fieldErrors.invalid('f', null), 'Invalid value: null'],
    [fieldErrors.invalid('f', undefined), 'Invalid value: null'],
    [fieldErrors.invalid('f', ['a', 'b']), 'Invalid value: ["a","b"]'],
    [fieldErrors.invalid('f', { a: '<b>&' }), 'Invalid value: {"a":"\\u003cb\\u003e\\u0026"}'],
    [fieldErrors.typeInvalid('f', 'x', 'must be an integer'), 'Invalid value: "x": must be an integer'],
    [fieldErrors.notFound('f', 'secret-1'), 'Not found: "secret-1"'],
    [fieldErrors.duplicate('f', 'a'), 'Duplicate value: "a"'],
    [
      fieldErrors.notSupported('f', 'Foo', ['A', 'B']),
      'Unsupported value: "Foo": supported values: "A", "B"',
    ],
    [fieldErrors.notSupported('f', 'Foo'), 'Unsupported value: "Foo"'],
    [fieldErrors.forbidden('f', 'may not be set'), 'Forbidden: may not be set'],
    [fieldErrors.tooLong('f', 63), 'Too long: may not be more than 63 bytes'],
    [fieldErrors.tooLong('f', 1), 'Too long: may not be more than 1 byte'],
    [fieldErrors.tooLong('f', -1), 'Too long: value is too long'],
    [fieldErrors.tooMany('f', 5, 2), 'Too many: 5: must have at most 2 items'],
    [fieldErrors.tooMany('f', -1, 1), 'Too many: must have at most 1 item'],
    [fieldErrors.tooMany('f', 3, -1), 'Too many: 3: has too many items'],
    [fieldErrors.internal('f', new Error('boom')), 'Internal error: boom'],
    [
      { type: 'FieldValueTooShort', field: 'f', badValue: 'ab', detail: 'must be at least 3 characters' },
      'Too short: must be at least 3 characters',
    ],
    [
      { type: 'FieldValueTooFew', field: 'f', badValue: 1, detail: 'must have at least 2 items' },
      'Too few: 1: must have at least 2 items',
    ],
  ])('%o renders %j', (error, body) => {
    expect(fieldErrorBody(error)).toBe(body);
    expect(fieldErrorString(error)).toBe(`f: ${body}`);
  });

  it('renders values JSON cannot encode', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(fieldErrorBody(fieldErrors.invalid('f', cyclic))).toBe('Invalid value: [object Object]');
    expect(fieldErrorBody(fieldErrors.invalid('f', () => 1))).toMatch(/^Invalid value: /);
  });
});

describe('aggregateMessage', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['a'], 'a'],
    [['a', 'a'], 'a'],
    [['a', 'b', 'a'], '[a, b]'],
  ])('joins %j as %j', (messages, joined) => {
    expect(aggregateMessage(messages)).toBe(joined);
  });
});

describe('goQuote', () => {
  // Go's strconv.Quote.
  it.each([
    ['', '""'],
    ['web', '"web"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\n\t\r\x07\b\f\v', '"\\n\\t\\r\\a\\b\\f\\v"'],
    ['\x00\x1f\x7f', '"\\x00\\x1f\\x7f"'],
    ['é日本\u{1F600}', '"é日本\u{1F600}"'],
    ['\u00a0\u2028\u200b', '"\\u00a0\\u2028\\u200b"'],
    ['\u{E0001}', '"\\U000e0001"'],
    ['\ud800', '"\\ufffd"'],
  ])('quotes %j as %s', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});
