import { describe, expect, it } from 'vitest';
import { MicroTime, Time } from './time.js';

describe('Time', () => {
  it('keeps timestamp text exactly and accepts null where nullish', () => {
    expect(Time.parse('2024-05-01T12:00:00Z')).toBe('2024-05-01T12:00:00Z');
    expect(Time.nullish().parse(null)).toBeNull();
    expect(MicroTime.parse('2024-05-01T12:00:00.123456Z')).toBe('2024-05-01T12:00:00.123456Z');
    expect(Time.safeParse(1714564800).success).toBe(false);
  });
});
