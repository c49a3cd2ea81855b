import { ParseError } from '../errors/parse-error.js';

/**
 * QuantityFormat is the notation a quantity keeps from its input and prints in:
 * `DecimalSI` (`100m`, `5G`), `BinarySI` (`12Mi`) or `DecimalExponent` (`2e3`).
 */
export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

/** MAX_QUANTITY_LENGTH is the longest quantity string accepted (Kubernetes has no limit). */
export const MAX_QUANTITY_LENGTH = 1024;

/**
 * MAX_QUANTITY_EXPONENT bounds a parsed quantity's magnitude below 10^1000 (Kubernetes has no
 * bound for decimal quantities), so that `1e999999999` fails fast instead of exhausting memory.
 */
export const MAX_QUANTITY_EXPONENT = 1000;

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
const ERR_FORMAT = `quantities must match the regular expression '${SPLIT_RE}'`;
const ERR_NUMERIC = 'unable to parse numeric part of quantity';
const ERR_SUFFIX = "unable to parse quantity's suffix";

const NANO = 10n ** 9n;
const MAX_INT64 = 2n ** 63n - 1n;
/** Decimal digits that always fit an int64 (Kubernetes' `maxInt64Factors`), bounding its fast path. */
const MAX_INT64_FACTORS = 18;
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const DECIMAL_SUFFIX_BY_EXPONENT: ReadonlyMap<number, string> = new Map(
  Object.entries(DECIMAL_SUFFIXES).map(([suffix, exponent]) => [exponent, suffix]),
);
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const BINARY_SUFFIX_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

function fail(message: string): ParseError {
  return new ParseError('Quantity', message);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

interface Scanned {
  positive: boolean;
  /** The sign and number as written, without the suffix. */
  value: string;
  /** The integer digits without leading zeros, `0` when there are none. */
  num: string;
  denom: string;
  suffix: string;
}

/** scan splits a quantity into sign, number and suffix exactly as Kubernetes' `parseQuantityString`. */
function scan(str: string): Scanned {
  const end = str.length;
  let positive = true;
  let pos = 0;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') {
    pos++;
  }
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };

  let i = pos;
  while (i < end && isDigit(str.charCodeAt(i))) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';

  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str.charCodeAt(i))) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);

  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str.charCodeAt(pos))) pos++;
  if (pos < end) throw fail(ERR_FORMAT);
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

interface Interpreted {
  base: 10 | 2;
  exponent: number;
  format: QuantityFormat;
}

/** interpret reads a suffix as Kubernetes' suffixer: SI decimal, SI binary, or `e`/`E` and an exponent. */
function interpret(suffix: string): Interpreted {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined && Object.hasOwn(DECIMAL_SUFFIXES, suffix)) {
    return { base: 10, exponent: decimal, format: 'DecimalSI' };
  }
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined && Object.hasOwn(BINARY_SUFFIXES, suffix)) {
    return { base: 2, exponent: binary, format: 'BinarySI' };
  }
  if (
    suffix.length > 1 &&
    (suffix[0] === 'e' || suffix[0] === 'E') &&
    /^[+-]?[0-9]+$/.test(suffix.slice(1))
  ) {
    const exponent = Number(suffix.slice(1));
    // Kubernetes truncates exponents to 32 bits; larger ones are refused here instead.
    if (exponent >= MIN_INT32 && exponent <= MAX_INT32)
      return { base: 10, exponent, format: 'DecimalExponent' };
  }
  throw fail(ERR_SUFFIX);
}

/** ceilDiv divides rounding the magnitude up (away from zero), as Kubernetes' `inf.RoundUp`. */
function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  if (q * d === n) return q;
  return n < 0n ? q - 1n : q + 1n;
}

/** firstNonZero is the index of the first non-zero digit, or -1. */
function firstNonZero(digits: string): number {
  for (let i = 0; i < digits.length; i++) if (digits[i] !== '0') return i;
  return -1;
}

/**
 * Quantity is an exact, immutable Kubernetes resource quantity (`resource.Quantity`): CPU
 * `100m`, memory `1.5Gi`, counts `2e3`. The amount is held as a bigint of nano-units, so
 * arithmetic and comparison never drift; values finer than 1n are rounded up (away from zero)
 * when parsed, as Kubernetes does. A quantity remembers its {@link QuantityFormat} and
 * {@link Quantity.toString} prints exactly what Kubernetes' `Quantity.String()` prints.
 */
export class Quantity {
  /** The amount in nano-units (10^-9). */
  readonly nanos: bigint;
  /** The notation the quantity prints in, kept from its input. */
  readonly format: QuantityFormat;
  /** The input text when Kubernetes would keep it as the printed form. */
  private readonly text: string | undefined;

  private constructor(nanos: bigint, format: QuantityFormat, text?: string) {
    this.nanos = nanos;
    this.format = format;
    this.text = text;
  }

  /**
   * parse reads a quantity as Kubernetes' `resource.ParseQuantity`: an optional sign, digits
   * with an optional `.`, then a suffix: decimal SI `n u m k M G T P E` (or none), binary SI
   * `Ki Mi Gi Ti Pi Ei`, or an exponent `e3` / `E-3`. Binary quantities are capped at 2^63-1,
   * and a binary quantity below 1 becomes DecimalSI. No blanks are allowed. Throws a
   * {@link ParseError} with Kubernetes' message (`quantities must match the regular expression
   * '…'`, `unable to parse quantity's suffix`, `unable to parse numeric part of quantity`), and
   * for input over {@link MAX_QUANTITY_LENGTH} characters or magnitudes of 10^1000 or more.
   */
  static parse(str: string): Quantity {
    if (typeof str !== 'string') throw fail(`quantity must be a string, not ${typeof str}`);
    if (str.length === 0) throw fail(ERR_FORMAT);
    if (str.length > MAX_QUANTITY_LENGTH) {
      throw fail(`quantity is ${str.length} characters long, over the limit of ${MAX_QUANTITY_LENGTH}`);
    }
    if (str === '0') return new Quantity(0n, 'DecimalSI', str);

    const { positive, value, num, denom, suffix } = scan(str);
    const { base, exponent, format } = interpret(suffix);

    const denomZeros = firstNonZero(denom);
    if (base === 10 && (num !== '0' || denomZeros >= 0)) {
      // A non-zero amount is below 10^(lead + exponent), lead being its place before the point.
      const lead = num !== '0' ? num.length : -denomZeros;
      if (lead + exponent > MAX_QUANTITY_EXPONENT) {
        throw fail(`quantity ${str} is too large: its magnitude must be below 1e${MAX_QUANTITY_EXPONENT}`);
      }
    }

    // Kubernetes' int64 fast path, which decides which inputs keep their own text as printed form.
    let precision: number;
    let scale = 0;
    let mantissa = 1n;
    if (format === 'BinarySI') {
      if (denom.length === 0) {
        mantissa = 1n << BigInt(exponent);
        precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
      } else {
        precision = -1;
      }
    } else {
      scale = exponent;
      precision = MAX_INT64_FACTORS - (num.length + denom.length);
    }
    if (precision >= 0) {
      scale -= denom.length;
      if (scale >= -9) {
        const shifted = num + denom;
        const digits = BigInt(shifted);
        const magnitude = digits * mantissa;
        if (magnitude <= MAX_INT64) {
          // A zero amount skips the power of ten: `0e999999999` must not build a huge number.
          const nanos =
            magnitude === 0n ? 0n : (positive ? magnitude : -magnitude) * 10n ** BigInt(scale + 9);
          const canonical =
            format === 'BinarySI'
              ? exponent % 10 === 0 && (digits & 7n) !== 0n
              : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
          return new Quantity(nanos, format, canonical ? str : undefined);
        }
      }
    }

    // Kubernetes' exact decimal path.
    if (!/[0-9]/.test(value)) throw fail(ERR_NUMERIC);
    const digits = BigInt(num + denom);
    let nanos: bigint;
    if (digits === 0n) {
      nanos = 0n;
    } else if (base === 2) {
      nanos = ceilDiv(digits * (1n << BigInt(exponent)) * NANO, 10n ** BigInt(denom.length));
    } else {
      // Below 1n (more places to shift out than there are digits) rounds up to 1n.
      const shift = exponent - denom.length + 9;
      if (shift >= 0) nanos = digits * 10n ** BigInt(shift);
      else if (-shift > num.length + denom.length) nanos = 1n;
      else nanos = ceilDiv(digits, 10n ** BigInt(-shift));
    }
    let finalFormat = format;
    if (format === 'BinarySI') {
      if (nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
      if (nanos > 0n && nanos < NANO) finalFormat = 'DecimalSI';
    }
    return new Quantity(positive ? nanos : -nanos, finalFormat);
  }

  /** of returns the quantity `value` (an integer) in the given format (Kubernetes' `NewQuantity`). */
  static of(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(toBigInt(value) * NANO, format);
  }

  /** milli returns the quantity `value / 1000` (an integer `value`) in the given format (`NewMilliQuantity`). */
  static milli(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(toBigInt(value) * 10n ** 6n, format);
  }

  /**
   * withFormat returns the same amount in another format (Kubernetes lets callers set `Format`
   * at will); it prints canonically in that format.
   */
  withFormat(format: QuantityFormat): Quantity {
    return new Quantity(this.nanos, format);
  }

  /** isZero tells whether the amount is zero. */
  isZero(): boolean {
    return this.nanos === 0n;
  }

  /** sign is -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }

  /** cmp is -1, 0 or 1 as this amount is below, equal to or above `other`'s, whatever their formats. */
  cmp(other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  /** equals tells whether both amounts are equal (`1Ki` equals `1024`). */
  equals(other: Quantity): boolean {
    return this.nanos === other.nanos;
  }

  /** add returns the exact sum, in this quantity's format, or `other`'s when this one is zero. */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.isZero() ? other.format : this.format);
  }

  /** sub returns the exact difference, in this quantity's format, or `other`'s when this one is zero. */
  sub(other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.isZero() ? other.format : this.format);
  }

  /** mul returns the quantity times an integer, in the same format. */
  mul(factor: bigint | number): Quantity {
    return new Quantity(this.nanos * toBigInt(factor), this.format);
  }

  /** neg returns the negated quantity, in the same format. */
  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /**
   * value returns the amount in units, rounded up away from zero (`100m` → 1n), as Kubernetes'
   * `Value()`; unlike Kubernetes it never overflows.
   */
  value(): bigint {
    return this.scaledValue(0);
  }

  /** milliValue returns the amount in thousandths, rounded up away from zero (`1.5` → 1500n). */
  milliValue(): bigint {
    return this.scaledValue(-3);
  }

  /** scaledValue returns the amount in units of 10^scale, rounded up away from zero (`ScaledValue`). */
  scaledValue(scale: number): bigint {
    if (!Number.isInteger(scale)) throw new RangeError(`scale must be an integer, not ${scale}`);
    const shift = scale + 9;
    return shift >= 0 ? ceilDiv(this.nanos, 10n ** BigInt(shift)) : this.nanos * 10n ** BigInt(-shift);
  }

  /** toNumber returns the amount as a floating-point number, which may lose precision. */
  toNumber(): number {
    const whole = this.nanos / NANO;
    return Number(whole) + Number(this.nanos - whole * NANO) / 1e9;
  }

  /**
   * toString prints the quantity exactly as Kubernetes' `Quantity.String()`: in its format, with
   * the largest suffix or exponent that loses nothing (`1.5Gi` → `1536Mi`, `1000m` → `1`,
   * `0.1` → `100m`, `2e3` → `2e3`, `1024Mi` → `1Gi`, `12e5` → `1200e3`). Like Kubernetes, a
   * parsed quantity whose text its fast path judges canonical prints that text unchanged (so
   * `+5` prints `+5`); results of arithmetic are always canonical. Deviation: Kubernetes drops the
   * suffix of binary amounts divisible by 1024^7, which print here as `…Ei`.
   */
  toString(): string {
    return this.text ?? canonicalString(this.nanos, this.format);
  }

  /** toJSON serializes as the {@link Quantity.toString} text, as Kubernetes does. */
  toJSON(): string {
    return this.toString();
  }
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a safe integer`);
  return BigInt(value);
}

/** canonicalString is Kubernetes' `CanonicalizeBytes` on a nano-unit amount. */
function canonicalString(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0';
  if (format === 'BinarySI') {
    const small = nanos > -1024n * NANO && nanos < 1024n * NANO;
    if (!small && nanos % NANO === 0n) {
      let units = nanos / NANO;
      let power = 0;
      while (power < 6 && units % 1024n === 0n) {
        units /= 1024n;
        power++;
      }
      return `${units}${BINARY_SUFFIX_BY_POWER[power]}`;
    }
    format = 'DecimalSI';
  }
  // Move every factor of ten into the exponent, then lower the exponent to a multiple of three.
  const negative = nanos < 0n;
  let digits = (negative ? -nanos : nanos).toString();
  let end = digits.length;
  while (digits[end - 1] === '0') end--;
  let exponent = -9 + (digits.length - end);
  digits = digits.slice(0, end);
  const extra = ((exponent % 3) + 3) % 3;
  digits += '0'.repeat(extra);
  exponent -= extra;
  const suffix =
    format === 'DecimalSI'
      ? (DECIMAL_SUFFIX_BY_EXPONENT.get(exponent) ?? `e${exponent}`)
      : exponent === 0
        ? ''
        : `e${exponent}`;
  return `${negative ? '-' : ''}${digits}${suffix}`;
}
