import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors/parse-error.js';
import { MAX_QUANTITY_LENGTH, Quantity, type QuantityFormat } from './quantity.js';
import { quantitySchema } from './quantity-schema.js';

const ERR_FORMAT =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_NUMERIC = 'unable to parse numeric part of quantity';
const ERR_SUFFIX = "unable to parse quantity's suffix";

/** nanos converts mantissa × 10^exponent to nano-units. */
function nanos(mantissa: bigint, exponent: number): bigint {
  const shift = exponent + 9;
  return shift >= 0 ? mantissa * 10n ** BigInt(shift) : mantissa / 10n ** BigInt(-shift);
}

function parseError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(ParseError.is(err, 'Quantity')).toBe(true);
    return (err as ParseError).message;
  }
  throw new Error('expected a ParseError');
}

function elapsed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const MAX_INT64 = 2n ** 63n - 1n;

// Kubernetes' TestQuantityParse: input → amount (mantissa, exponent) and format.
const parseTable: [string, bigint, number, QuantityFormat][] = [
  ['0', 0n, 0, 'DecimalSI'],
  ['0n', 0n, 0, 'DecimalSI'],
  ['0u', 0n, 0, 'DecimalSI'],
  ['0m', 0n, 0, 'DecimalSI'],
  ['0Ki', 0n, 0, 'BinarySI'],
  ['0k', 0n, 0, 'DecimalSI'],
  ['0Mi', 0n, 0, 'BinarySI'],
  ['0M', 0n, 0, 'DecimalSI'],
  ['0Gi', 0n, 0, 'BinarySI'],
  ['0G', 0n, 0, 'DecimalSI'],
  ['0Ti', 0n, 0, 'BinarySI'],
  ['0T', 0n, 0, 'DecimalSI'],
  ['1', 1n, 0, 'DecimalSI'],
  ['1Ki', 1024n, 0, 'BinarySI'],
  ['8Ki', 8n * 1024n, 0, 'BinarySI'],
  ['7Mi', 7n * 1024n ** 2n, 0, 'BinarySI'],
  ['6Gi', 6n * 1024n ** 3n, 0, 'BinarySI'],
  ['5Ti', 5n * 1024n ** 4n, 0, 'BinarySI'],
  ['4Pi', 4n * 1024n ** 5n, 0, 'BinarySI'],
  ['3Ei', 3n * 1024n ** 6n, 0, 'BinarySI'],
  ['10Ti', 10n * 1024n ** 4n, 0, 'BinarySI'],
  ['100Ti', 100n * 1024n ** 4n, 0, 'BinarySI'],
  ['5n', 5n, -9, 'DecimalSI'],
  ['4u', 4n, -6, 'DecimalSI'],
  ['3m', 3n, -3, 'DecimalSI'],
  ['9', 9n, 0, 'DecimalSI'],
  ['8k', 8n, 3, 'DecimalSI'],
  ['50k', 5n, 4, 'DecimalSI'],
  ['7M', 7n, 6, 'DecimalSI'],
  ['6G', 6n, 9, 'DecimalSI'],
  ['5T', 5n, 12, 'DecimalSI'],
  ['40T', 4n, 13, 'DecimalSI'],
  ['300T', 3n, 14, 'DecimalSI'],
  ['2P', 2n, 15, 'DecimalSI'],
  ['1E', 1n, 18, 'DecimalSI'],
  ['1E-3', 1n, -3, 'DecimalExponent'],
  ['1e3', 1n, 3, 'DecimalExponent'],
  ['1E6', 1n, 6, 'DecimalExponent'],
  ['1e9', 1n, 9, 'DecimalExponent'],
  ['1E12', 1n, 12, 'DecimalExponent'],
  ['1e15', 1n, 15, 'DecimalExponent'],
  ['1E18', 1n, 18, 'DecimalExponent'],
  ['1e14', 1n, 14, 'DecimalExponent'],
  ['1e13', 1n, 13, 'DecimalExponent'],
  ['100.035k', 100035n, 0, 'DecimalSI'],
  ['0.001', 1n, -3, 'DecimalSI'],
  ['0.0005k', 5n, -1, 'DecimalSI'],
  ['0.005', 5n, -3, 'DecimalSI'],
  ['0.05', 5n, -2, 'DecimalSI'],
  ['0.5', 5n, -1, 'DecimalSI'],
  ['0.00050k', 5n, -1, 'DecimalSI'],
  ['0.00500', 5n, -3, 'DecimalSI'],
  ['0.05000', 5n, -2, 'DecimalSI'],
  ['0.50000', 5n, -1, 'DecimalSI'],
  ['0.5e0', 5n, -1, 'DecimalExponent'],
  ['0.5e-1', 5n, -2, 'DecimalExponent'],
  ['0.5e-2', 5n, -3, 'DecimalExponent'],
  ['10.035M', 10035n, 3, 'DecimalSI'],
  ['1.2e3', 12n, 2, 'DecimalExponent'],
  ['1.3E+6', 13n, 5, 'DecimalExponent'],
  ['1.40e9', 14n, 8, 'DecimalExponent'],
  ['1.53E12', 153n, 10, 'DecimalExponent'],
  ['1.6e15', 16n, 14, 'DecimalExponent'],
  ['1.7E18', 17n, 17, 'DecimalExponent'],
  ['9.01', 901n, -2, 'DecimalSI'],
  ['8.1k', 81n, 2, 'DecimalSI'],
  ['7.123456M', 7123456n, 0, 'DecimalSI'],
  ['6.987654321G', 6987654321n, 0, 'DecimalSI'],
  ['5.444T', 5444n, 9, 'DecimalSI'],
  ['40.1T', 401n, 11, 'DecimalSI'],
  ['300.2T', 3002n, 11, 'DecimalSI'],
  ['2.5P', 25n, 14, 'DecimalSI'],
  ['1.01E', 101n, 16, 'DecimalSI'],
  ['3.001n', 4n, -9, 'DecimalSI'],
  ['1.1E-9', 2n, -9, 'DecimalExponent'],
  ['0.0000000001', 1n, -9, 'DecimalSI'],
  ['0.0000000005', 1n, -9, 'DecimalSI'],
  ['0.00000000050', 1n, -9, 'DecimalSI'],
  ['0.5e-9', 1n, -9, 'DecimalExponent'],
  ['0.9n', 1n, -9, 'DecimalSI'],
  ['0.00000012345', 124n, -9, 'DecimalSI'],
  ['0.00000012354', 124n, -9, 'DecimalSI'],
  ['9Ei', MAX_INT64, 0, 'BinarySI'],
  ['9223372036854775807Ki', MAX_INT64, 0, 'BinarySI'],
  ['12E', 12n, 18, 'DecimalSI'],
  ['100.035Ki', 10243584n, -2, 'BinarySI'],
  ['0.5Mi', 524288n, 0, 'BinarySI'],
  ['0.05Gi', 536870912n, -1, 'BinarySI'],
  ['0.025Ti', 274877906944n, -1, 'BinarySI'],
  ['0.000000000001Ki', 2n, -9, 'DecimalSI'],
  ['.001', 1n, -3, 'DecimalSI'],
  ['.0001k', 100n, -3, 'DecimalSI'],
  ['1.', 1n, 0, 'DecimalSI'],
  ['1.G', 1n, 9, 'DecimalSI'],
];

describe('Quantity.parse', () => {
  it.each(parseTable)('parses %j as %d×10^%d %s', (input, mantissa, exponent, format) => {
    const q = Quantity.parse(input);
    expect(q.nanos).toBe(nanos(mantissa, exponent));
    expect(q.format).toBe(format);
  });

  it.each(parseTable)(
    'parses -%s as the negation and +%s as the same',
    (input, mantissa, exponent, format) => {
      const negative = Quantity.parse(`-${input}`);
      expect(negative.nanos).toBe(-nanos(mantissa, exponent));
      expect(negative.format).toBe(format);
      const positive = Quantity.parse(`+${input}`);
      expect(positive.nanos).toBe(nanos(mantissa, exponent));
      expect(positive.format).toBe(format);
    },
  );

  it.each([
    ['', ERR_FORMAT],
    ['1.1.M', ERR_FORMAT],
    ['1+1.0M', ERR_FORMAT],
    ['0.1mi', ERR_SUFFIX],
    ['0.1am', ERR_FORMAT],
    ['aoeu', ERR_FORMAT],
    ['Non-Numeric', ERR_FORMAT],
    ['.5i', ERR_SUFFIX],
    ['1i', ERR_SUFFIX],
    ['-3.01i', ERR_SUFFIX],
    ['-3.01e-', ERR_SUFFIX],
    ['1e', ERR_SUFFIX],
    ['1Kim', ERR_SUFFIX],
    ['1ee5', ERR_SUFFIX],
    [' 1', ERR_FORMAT],
    ['1 ', ERR_FORMAT],
    ['1\u00a0', ERR_FORMAT],
    ['１', ERR_FORMAT],
    ['NaN', ERR_FORMAT],
    ['Infinity', ERR_FORMAT],
    ['-.e-20', ERR_NUMERIC],
    ['1e2147483648', ERR_SUFFIX],
    ['1e1001', 'quantity 1e1001 is too large: its magnitude must be below 1e1000'],
    ['0.001e1004', 'quantity 0.001e1004 is too large: its magnitude must be below 1e1000'],
  ])('rejects %j with %j', (input, message) => {
    expect(parseError(() => Quantity.parse(input))).toBe(message);
  });

  it.each([
    ['+', 0n],
    ['-', 0n],
    ['.', 0n],
    ['-000', 0n],
    ['0e999999999', 0n],
    ['1e-2147483648', 1n],
    ['-1e-999999999', -1n],
    ['1e999', 10n ** 1008n],
    ['9999999999999999999', (10n ** 19n - 1n) * 10n ** 9n],
    ['9230000000000000100e39', 92300000000000001n * 10n ** 50n],
    ['10000000000000000000', 10n ** 28n],
  ])('accepts the edge case %j as %d nano-units', (input, expected) => {
    expect(Quantity.parse(input).nanos).toBe(expected);
  });
});

describe('Quantity.toString', () => {
  // The brief's examples and Kubernetes' TestQuantityParseEmit.
  it.each([
    ['1.5Gi', '1536Mi'],
    ['1000m', '1'],
    ['0.1', '100m'],
    ['2e3', '2e3'],
    ['1024Mi', '1Gi'],
    ['100m', '100m'],
    ['12Ki', '12Ki'],
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    ['1.5', '1500m'],
    ['1.5Ki', '1536'],
    ['0.5Ki', '512'],
    ['12e5', '1200e3'],
    ['1e100', '10e99'],
    ['1000E', '1e21'],
    ['16Ei', '9223372036854775807'],
    ['10000T', '10P'],
    ['0.0000000001', '1n'],
    ['0.00', '0'],
    ['-0', '0'],
    // Kubernetes keeps the text of inputs its fast path judges canonical, quirks included.
    ['1E6', '1E6'],
    ['+5', '+5'],
    ['05', '05'],
    ['1.500', '1.500'],
    ['1.', '1.'],
    ['-1', '-1'],
  ])('prints %j as %j', (input, output) => {
    expect(Quantity.parse(input).toString()).toBe(output);
    expect(JSON.stringify({ cpu: Quantity.parse(input) })).toBe(JSON.stringify({ cpu: output }));
  });

  // Kubernetes' TestQuantityString: an amount in a format, its canonical text, and another
  // spelling that parses to the same canonical text.
  it.each<[bigint, number, QuantityFormat, string, string]>([
    [1024n ** 3n, 0, 'BinarySI', '1Gi', '1024Mi'],
    [300n * 1024n ** 2n, 0, 'BinarySI', '300Mi', '307200Ki'],
    [6n * 1024n, 0, 'BinarySI', '6Ki', ''],
    [1001n * 1024n ** 3n, 0, 'BinarySI', '1001Gi', '1025024Mi'],
    [1024n ** 4n, 0, 'BinarySI', '1Ti', '1024Gi'],
    [5n, 0, 'BinarySI', '5', '5000m'],
    [500n, -3, 'BinarySI', '500m', '0.5'],
    [1n, 9, 'DecimalSI', '1G', '1000M'],
    [1000n, 6, 'DecimalSI', '1G', '0.001T'],
    [1000000n, 3, 'DecimalSI', '1G', ''],
    [1000000000n, 0, 'DecimalSI', '1G', ''],
    [1n, -3, 'DecimalSI', '1m', '1000u'],
    [80n, -3, 'DecimalSI', '80m', ''],
    [1080n, -3, 'DecimalSI', '1080m', '1.08'],
    [108n, -2, 'DecimalSI', '1080m', '1080000000n'],
    [10800n, -4, 'DecimalSI', '1080m', ''],
    [300n, 6, 'DecimalSI', '300M', ''],
    [1n, 12, 'DecimalSI', '1T', ''],
    [1n, 18, 'DecimalSI', '1E', ''],
    [1n, 21, 'DecimalSI', '1e21', '1000E'],
    [5n, 21, 'DecimalSI', '5e21', '5000E'],
    [1n, 24, 'DecimalSI', '1e24', '1000000E'],
    [1234567n, 6, 'DecimalSI', '1234567M', ''],
    [1234567n, -3, 'BinarySI', '1234567m', ''],
    [3n, 3, 'DecimalSI', '3k', ''],
    [1025n, 0, 'BinarySI', '1025', ''],
    [0n, 0, 'DecimalSI', '0', ''],
    [0n, 0, 'BinarySI', '0', ''],
    [1n, 9, 'DecimalExponent', '1e9', '.001e12'],
    [1n, -3, 'DecimalExponent', '1e-3', '0.001e0'],
    [1n, -9, 'DecimalExponent', '1e-9', '1000e-12'],
    [80n, -3, 'DecimalExponent', '80e-3', ''],
    [300n, 6, 'DecimalExponent', '300e6', ''],
    [1n, 12, 'DecimalExponent', '1e12', ''],
    [1n, 3, 'DecimalExponent', '1e3', ''],
    [3n, 3, 'DecimalExponent', '3e3', ''],
    [0n, 0, 'DecimalExponent', '0', '00'],
    [1n, -9, 'DecimalSI', '1n', ''],
    [80n, -9, 'DecimalSI', '80n', ''],
    [1080n, -9, 'DecimalSI', '1080n', ''],
    [108n, -8, 'DecimalSI', '1080n', ''],
    [10800n, -10, 'DecimalSI', '1080n', ''],
    [1n, -6, 'DecimalSI', '1u', ''],
    [80n, -6, 'DecimalSI', '80u', ''],
    [1080n, -6, 'DecimalSI', '1080u', ''],
  ])('prints %d×10^%d %s as %j (and %j too)', (mantissa, exponent, format, expected, alternate) => {
    const q = Quantity.parse(`${mantissa}e${exponent}`).withFormat(format);
    expect(q.toString()).toBe(expected);
    expect(Quantity.parse(expected).toString()).toBe(expected);
    if (alternate !== '') expect(Quantity.parse(alternate).toString()).toBe(expected);
    if (mantissa !== 0n) expect(q.neg().toString()).toBe(`-${expected}`);
  });

  it('prints huge binary amounts with the largest suffix (Kubernetes drops it)', () => {
    expect(Quantity.of(1024n ** 7n, 'BinarySI').toString()).toBe('1024Ei');
  });
});

describe('Quantity arithmetic', () => {
  it.each([
    ['100m', '0', '100m'],
    ['0', '100m', '100m'],
    ['1Gi', '0', '1Gi'],
    ['0', '1Gi', '1Gi'],
    ['1', '500m', '1500m'],
    ['1Gi', '512Mi', '1536Mi'],
    ['1Gi', '-1Gi', '0'],
    ['+5', '0', '5'],
    ['2e3', '1', '2001'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(Quantity.parse(a).add(Quantity.parse(b)).toString()).toBe(sum);
  });

  it.each([
    ['100m', '0', '100m'],
    ['0', '100m', '-100m'],
    ['0', '1Gi', '-1Gi'],
    ['1Gi', '1Mi', '1023Mi'],
    ['1', '1', '0'],
  ])('%s - %s = %s', (a, b, difference) => {
    expect(Quantity.parse(a).sub(Quantity.parse(b)).toString()).toBe(difference);
  });

  it.each<[string, string, -1 | 0 | 1]>([
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    ['1Ki', '1024', 0],
    ['-1', '1n', -1],
    ['1e999', '9Ei', 1],
  ])('cmp(%s, %s) = %d', (a, b, expected) => {
    expect(Quantity.parse(a).cmp(Quantity.parse(b))).toBe(expected);
    expect(Quantity.parse(b).cmp(Quantity.parse(a))).toBe(expected === 0 ? 0 : -expected);
    expect(Quantity.parse(a).equals(Quantity.parse(b))).toBe(expected === 0);
  });

  it('adds exactly where floating point drifts', () => {
    let total = Quantity.parse('0');
    for (let i = 0; i < 10; i++) total = total.add(Quantity.parse('0.1'));
    expect(total.toString()).toBe('1');
    expect(total.equals(Quantity.parse('1'))).toBe(true);
  });

  it('multiplies, negates and reports the sign', () => {
    expect(Quantity.parse('100m').mul(3).toString()).toBe('300m');
    expect(Quantity.parse('1Gi').mul(2n).toString()).toBe('2Gi');
    expect(Quantity.parse('9.01').neg().toString()).toBe('-9010m');
    expect(Quantity.parse('-2').sign()).toBe(-1);
    expect(Quantity.parse('0').sign()).toBe(0);
    expect(Quantity.parse('0Ki').isZero()).toBe(true);
    expect(Quantity.parse('1n').isZero()).toBe(false);
    expect(() => Quantity.parse('1').mul(0.5)).toThrow(RangeError);
  });

  it.each<[string, bigint, bigint, number]>([
    ['100m', 1n, 100n, 0.1],
    ['1.5', 2n, 1500n, 1.5],
    ['-1.5', -2n, -1500n, -1.5],
    ['0.0001', 1n, 1n, 0.0001],
    ['1n', 1n, 1n, 1e-9],
    ['-1n', -1n, -1n, -1e-9],
    ['5Gi', 5368709120n, 5368709120000n, 5368709120],
    ['1e21', 10n ** 21n, 10n ** 24n, 1e21],
  ])('%s has value %d, milliValue %d and is about %d', (input, value, milli, approximate) => {
    const q = Quantity.parse(input);
    expect(q.value()).toBe(value);
    expect(q.milliValue()).toBe(milli);
    expect(q.toNumber()).toBeCloseTo(approximate, 12);
  });

  it('scales values up and down, rounding away from zero', () => {
    expect(Quantity.parse('1500m').scaledValue(3)).toBe(1n);
    expect(Quantity.parse('1').scaledValue(-9)).toBe(10n ** 9n);
    expect(Quantity.parse('1n').scaledValue(-12)).toBe(1000n);
    expect(() => Quantity.parse('1').scaledValue(0.5)).toThrow(RangeError);
  });

  // Kubernetes' TestNewSet and TestMilliNewSet.
  it.each<[bigint, QuantityFormat, string]>([
    [1n, 'DecimalSI', '1'],
    [1000n, 'DecimalSI', '1k'],
    [1234000n, 'DecimalSI', '1234k'],
    [1024n, 'BinarySI', '1Ki'],
    [1000000n, 'DecimalExponent', '1e6'],
    [1024n * 1024n, 'BinarySI', '1Mi'],
  ])('of(%d, %s) prints %j', (value, format, expected) => {
    expect(Quantity.of(value, format).toString()).toBe(expected);
    expect(Quantity.parse(expected).value()).toBe(value);
  });

  it.each<[number, QuantityFormat, string]>([
    [1, 'DecimalSI', '1m'],
    [1000, 'DecimalSI', '1'],
    [1234000, 'DecimalSI', '1234'],
    [1024, 'BinarySI', '1024m'],
    [1000000, 'DecimalExponent', '1e3'],
    [1024 * 1024, 'BinarySI', '1048576m'],
  ])('milli(%d, %s) prints %j', (value, format, expected) => {
    expect(Quantity.milli(value, format).toString()).toBe(expected);
  });

  it('rejects non-integer numbers in constructors', () => {
    expect(() => Quantity.of(1.5)).toThrow(RangeError);
    expect(() => Quantity.milli(Number.MAX_SAFE_INTEGER + 2)).toThrow(RangeError);
  });
});

describe('quantitySchema', () => {
  it.each<[string | number, string]>([
    ['500m', '500m'],
    [' 1Gi ', '1Gi'],
    ['1024Mi', '1Gi'],
    [0.5, '500m'],
    [2, '2'],
    [1e21, '1e21'],
    [-0, '0'],
    [1.5e-7, '150e-9'],
    [1.5, '1500m'],
  ])('accepts %j as %j', (input, output) => {
    expect(quantitySchema.parse(input)).toBe(output);
  });

  it.each<[unknown, string]>([
    ['1.1.M', ERR_FORMAT],
    ['', ERR_FORMAT],
    ['1Kim', ERR_SUFFIX],
  ])("rejects %j with Kubernetes' message", (input, message) => {
    const result = quantitySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('rejects values that are neither strings nor numbers', () => {
    expect(quantitySchema.safeParse(true).success).toBe(false);
    expect(quantitySchema.safeParse(null).success).toBe(false);
  });
});

describe('Quantity hostile input', () => {
  it('rejects input over the length limit at once', () => {
    const huge = '1'.repeat(1024 * 1024);
    let message = '';
    expect(elapsed(() => (message = parseError(() => Quantity.parse(huge))))).toBeLessThan(50);
    expect(message).toBe(`quantity is 1048576 characters long, over the limit of ${MAX_QUANTITY_LENGTH}`);
    expect(parseError(() => Quantity.parse(5 as unknown as string))).toBe(
      'quantity must be a string, not number',
    );
  });

  it.each([
    ['huge exponent', '1e2147483647'],
    ['tiny exponent', '1e-2147483648'],
    ['zero with a huge exponent', '0e2147483647'],
    ['long digits', '9'.repeat(MAX_QUANTITY_LENGTH - 1)],
    ['long fraction', `0.${'0'.repeat(MAX_QUANTITY_LENGTH - 3)}1`],
    ['long fraction and binary suffix', `1.${'3'.repeat(MAX_QUANTITY_LENGTH - 4)}Ei`],
    ['long suffix', `1${'k'.repeat(MAX_QUANTITY_LENGTH - 1)}`],
    ['long exponent digits', `1e${'0'.repeat(MAX_QUANTITY_LENGTH - 3)}9`],
  ])('handles %s quickly', (_name, input) => {
    const ms = elapsed(() => {
      for (let i = 0; i < 10; i++) {
        try {
          Quantity.parse(input).toString();
        } catch (err) {
          expect(ParseError.is(err, 'Quantity')).toBe(true);
        }
      }
    });
    expect(ms).toBeLessThan(500);
  });

  it('never throws anything but a ParseError, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => {
        try {
          Quantity.parse(input);
        } catch (err) {
          return ParseError.is(err, 'Quantity');
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  const quantityText = fc
    .tuple(
      fc.constantFrom('', '+', '-'),
      fc.stringMatching(/^[0-9]{0,22}$/),
      fc.constantFrom('', '.'),
      fc.stringMatching(/^[0-9]{0,12}$/),
      fc.constantFrom(
        '',
        'n',
        'u',
        'm',
        'k',
        'M',
        'G',
        'T',
        'P',
        'E',
        'Ki',
        'Mi',
        'Gi',
        'Ti',
        'Pi',
        'Ei',
        'e',
        'E',
      ),
      fc.constantFrom('', '-', '+'),
      fc.stringMatching(/^[0-9]{0,3}$/),
    )
    .map(([sign, whole, dot, fraction, suffix, expSign, exp]) =>
      suffix === 'e' || suffix === 'E'
        ? `${sign}${whole}${dot}${fraction}${suffix}${expSign}${exp}`
        : `${sign}${whole}${dot}${fraction}${suffix}`,
    );

  it('prints what it parses so that it parses back to the same amount and text', () => {
    let parsed = 0;
    fc.assert(
      fc.property(quantityText, (input) => {
        let q: Quantity;
        try {
          q = Quantity.parse(input);
        } catch (err) {
          return ParseError.is(err, 'Quantity');
        }
        parsed++;
        const text = q.toString();
        const again = Quantity.parse(text);
        const canonical = q.withFormat(q.format).toString();
        return (
          again.equals(q) &&
          again.toString() === text &&
          Quantity.parse(canonical).equals(q) &&
          Quantity.parse(canonical).withFormat(q.format).toString() === canonical
        );
      }),
      { numRuns: 3000 },
    );
    expect(parsed).toBeGreaterThan(1000);
  });

  it('adds and subtracts exactly', () => {
    const amount = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const x = Quantity.parse(`${a}n`);
        const y = Quantity.parse(`${b}n`);
        return (
          x.add(y).sub(y).equals(x) && x.add(y).nanos === a + b && x.cmp(y) === (a < b ? -1 : a > b ? 1 : 0)
        );
      }),
      { numRuns: 1000 },
    );
  });
});
