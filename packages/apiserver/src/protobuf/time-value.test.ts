import { describe, expect, it } from 'vitest';
import { ProtobufError } from './protobuf-error.js';
import { formatTime, GO_ZERO_TIME_SECONDS, parseTime } from './time-value.js';

describe('formatTime', () => {
  it.each([
    [0, 0, false, '1970-01-01T00:00:00Z'],
    [1714564800, 999_999_999, false, '2024-05-01T12:00:00Z'],
    [1714564800, 123_456_789, true, '2024-05-01T12:00:00.123456Z'],
    [1714564800, 1_500_000_000, true, '2024-05-01T12:00:01.500000Z'],
    [1714564800, -1, true, '2024-05-01T11:59:59.999999Z'],
    [-62167219200, 0, false, '0000-01-01T00:00:00Z'],
    [253402300799, 0, false, '9999-12-31T23:59:59Z'],
    [GO_ZERO_TIME_SECONDS, 0, false, undefined],
    [GO_ZERO_TIME_SECONDS, 0, true, undefined],
  ])('%d s + %d ns (micro: %s) is %s', (seconds, nanos, micro, expected) => {
    expect(formatTime({ seconds, nanos }, micro)).toBe(expected);
  });

  it.each([253402300800, -62167219201, 2 ** 60])('refuses %d s, outside the years 0000-9999', (seconds) => {
    expect(() => formatTime({ seconds, nanos: 0 }, false)).toThrow(ProtobufError);
  });
});

describe('parseTime', () => {
  it.each([
    ['2024-05-01T12:00:00Z', 1714564800, 0],
    ['2024-05-01t12:00:00z', 1714564800, 0],
    ['2024-05-01T12:00:00.123456Z', 1714564800, 123456000],
    ['2024-05-01T12:00:00.1234567891Z', 1714564800, 123456789],
    ['2024-05-01T14:30:00+02:30', 1714564800, 0],
    ['2024-05-01T09:00:00-03:00', 1714564800, 0],
    ['0001-01-01T00:00:00Z', GO_ZERO_TIME_SECONDS, 0],
    ['2024-02-29T00:00:00Z', 1709164800, 0],
  ])('reads %s', (text, seconds, nanos) => {
    expect(parseTime(text)).toEqual({ seconds, nanos });
  });

  it.each([
    '',
    '2024-05-01',
    '2024-05-01 12:00:00Z',
    '2024-13-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T12:60:00Z',
    '2024-05-01T12:00:60Z',
    '2024-05-01T12:00:00+01:60',
    '2024-05-01T12:00:00',
    '+2024-05-01T12:00:00Z',
  ])('refuses %j', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });
});
