import { ProtobufError } from './protobuf-error.js';

/** GO_ZERO_TIME_SECONDS is Go's zero `time.Time` (0001-01-01T00:00:00Z) in Unix seconds. */
export const GO_ZERO_TIME_SECONDS = -62135596800;

const MIN_SECONDS = -62167219200; // 0000-01-01T00:00:00Z
const MAX_SECONDS = 253402300799; // 9999-12-31T23:59:59Z
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** TimeValue is a protobuf `Timestamp`: whole seconds since the Unix epoch and nanoseconds within the second. */
export interface TimeValue {
  readonly seconds: number;
  readonly nanos: number;
}

/**
 * formatTime renders a `metav1.Time` or `metav1.MicroTime` as Go's JSON does: RFC 3339 in UTC with
 * no fraction (`Time`, whose nanoseconds Go drops when decoding protobuf) or exactly six fractional
 * digits (`MicroTime`, truncated, never rounded). Go's zero time renders as `undefined` (Go writes
 * `null`). A time outside years 0000–9999, which Go refuses to write, throws an `InvalidValue`
 * {@link ProtobufError}.
 */
export function formatTime(value: TimeValue, micro: boolean): string | undefined {
  let seconds = value.seconds;
  let nanos = 0;
  if (micro) {
    const carry = Math.floor(value.nanos / 1e9);
    seconds += carry;
    nanos = value.nanos - carry * 1e9;
  }
  if (seconds === GO_ZERO_TIME_SECONDS && nanos === 0) return undefined;
  if (!Number.isSafeInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new ProtobufError('InvalidValue', `time ${value.seconds}s is outside the years 0000-9999`);
  }
  const text = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (!micro) return `${text}Z`;
  return `${text}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

/**
 * parseTime reads an RFC 3339 timestamp (any fraction, `Z` or a numeric offset) into seconds and
 * nanoseconds, as Go's `time.Parse(time.RFC3339, …)` reads it, or returns undefined when the text
 * is not one or names an impossible date.
 */
export function parseTime(text: string): TimeValue | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return undefined;
  date.setUTCHours(hour, minute, second, 0);
  let seconds = date.getTime() / 1000;
  if (m[9] !== undefined) {
    const offset = Number(m[10]) * 3600 + Number(m[11]) * 60;
    if (Number(m[11]) > 59) return undefined;
    seconds -= m[9] === '-' ? -offset : offset;
  }
  const nanos = m[7] === undefined ? 0 : Number(m[7].slice(0, 9).padEnd(9, '0'));
  return { seconds, nanos };
}
