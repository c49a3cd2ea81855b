import { describe, expect, it } from 'vitest';
import { humanDuration } from './human-duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

// Kubernetes' duration.HumanDuration at each boundary of its precision ladder.
const cases: [number, string][] = [
  [-2 * s, '<invalid>'],
  [-1999, '0s'],
  [-1 * s, '0s'],
  [-999, '0s'],
  [0, '0s'],
  [999, '0s'],
  [1 * s, '1s'],
  [45 * s, '45s'],
  [59 * s, '59s'],
  [60 * s, '60s'],
  [119 * s + 999, '119s'],
  [2 * m, '2m'],
  [2 * m + 30 * s, '2m30s'],
  [3 * m + 2 * s, '3m2s'],
  [9 * m + 59 * s, '9m59s'],
  [10 * m, '10m'],
  [10 * m + 59 * s, '10m'],
  [179 * m, '179m'],
  [3 * h, '3h'],
  [3 * h + 15 * m, '3h15m'],
  [7 * h + 59 * m + 59 * s, '7h59m'],
  [8 * h, '8h'],
  [8 * h + 30 * m, '8h'],
  [47 * h, '47h'],
  [48 * h, '2d'],
  [2 * d + 5 * h, '2d5h'],
  [7 * d + 23 * h, '7d23h'],
  [8 * d, '8d'],
  [8 * d + 23 * h, '8d'],
  [729 * d, '729d'],
  [730 * d, '2y'],
  [2 * y + 100 * d, '2y100d'],
  [7 * y + 364 * d, '7y364d'],
  [8 * y, '8y'],
  [20 * y + 200 * d, '20y'],
];

describe('humanDuration', () => {
  it.each(cases)('%d ms prints %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('prints <invalid> for a non-finite duration', () => {
    expect(humanDuration(Number.NaN)).toBe('<invalid>');
    expect(humanDuration(Number.POSITIVE_INFINITY)).toBe('<invalid>');
  });
});
