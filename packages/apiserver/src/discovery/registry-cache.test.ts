import { createBuiltinRegistry } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { RegistryCache } from './registry-cache.js';

describe('RegistryCache', () => {
  it('computes a value once per registry generation and key', () => {
    const cache = new RegistryCache();
    const registry = createBuiltinRegistry();
    let computed = 0;
    const compute = () => ++computed;
    expect(cache.get(registry, 'a', compute)).toBe(1);
    expect(cache.get(registry, 'a', compute)).toBe(1);
    expect(cache.get(registry, 'b', compute)).toBe(2);
    expect(cache.get(createBuiltinRegistry(), 'a', compute)).toBe(3);
    const [pod] = createBuiltinRegistry().list();
    const grown = createBuiltinRegistry();
    expect(cache.get(grown, 'a', compute)).toBe(4);
    grown.register({ ...pod!, version: 'v2' });
    expect(cache.get(grown, 'a', compute)).toBe(5);
    expect(cache.get(grown, 'a', compute)).toBe(5);
  });

  it('caches undefined values too', () => {
    const cache = new RegistryCache();
    const registry = createBuiltinRegistry();
    let computed = 0;
    const compute = () => {
      computed++;
      return undefined;
    };
    cache.get(registry, 'missing', compute);
    cache.get(registry, 'missing', compute);
    expect(computed).toBe(1);
  });
});
