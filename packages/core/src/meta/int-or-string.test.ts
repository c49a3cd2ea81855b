import { describe, expect, it } from 'vitest';
import { IntOrString } from './int-or-string.js';

describe('IntOrString', () => {
  it.each([8080, 'http', '25%', 0])('accepts %j unchanged', (value) => {
    expect(IntOrString.parse(value)).toBe(value);
  });

  it.each([1.5, true, null])('rejects %j', (value) => {
    expect(IntOrString.safeParse(value).success).toBe(false);
  });
});
