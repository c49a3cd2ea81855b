import { describe, expect, it } from 'vitest';
import { MAX_VALUE_BYTES, StoreError } from '../index.js';
import { assertStoreKey, assertStoreValue } from './validate.js';

describe('assertStoreKey', () => {
  it.each(['', 'registry/pods', ' /x', '/registry/a\0b'])('rejects %j with InvalidKey', (key) => {
    expect(() => assertStoreKey(key)).toThrow(expect.objectContaining({ code: 'InvalidKey' }));
  });
  it('accepts keys that start with a slash', () => {
    expect(() => assertStoreKey('/registry/pods/default/a')).not.toThrow();
  });
});

describe('assertStoreValue', () => {
  it('accepts a value of exactly the limit and rejects one byte more', () => {
    expect(() => assertStoreValue('/k', 'a'.repeat(MAX_VALUE_BYTES))).not.toThrow();
    let err: unknown;
    try {
      assertStoreValue('/k', 'a'.repeat(MAX_VALUE_BYTES + 1));
    } catch (e) {
      err = e;
    }
    expect(StoreError.is(err, 'TooLarge')).toBe(true);
  });
  it('counts UTF-8 bytes, not characters', () => {
    const threeByteChar = '\u20ac';
    expect(() => assertStoreValue('/k', threeByteChar.repeat(MAX_VALUE_BYTES / 3))).not.toThrow();
    expect(() => assertStoreValue('/k', threeByteChar.repeat(MAX_VALUE_BYTES / 3 + 1))).toThrow(
      /over the limit/,
    );
  });
});
