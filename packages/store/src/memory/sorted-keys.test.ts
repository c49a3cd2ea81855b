import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sorted-keys.js';

type Op = { kind: 'insert' | 'remove'; key: string } | { kind: 'from'; key: string; exclusive: boolean };

// A small alphabet makes repeats, neighbours and shared prefixes likely.
const keyArb = fc.string({ unit: fc.constantFrom('/', 'a', 'b', 'z', '\u00e9'), maxLength: 4 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('insert' as const, 'remove' as const), key: keyArb }),
  fc.record({ kind: fc.constant('from' as const), key: keyArb, exclusive: fc.boolean() }),
);

describe('SortedKeys', () => {
  it.each([2, 3, 1024])('behaves like a sorted set (chunks of %i)', (maxChunk) => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const keys = new SortedKeys(maxChunk);
        const model = new Set<string>();
        for (const op of ops) {
          if (op.kind === 'from') {
            const expected = [...model].sort().filter((k) => (op.exclusive ? k > op.key : k >= op.key));
            expect([...keys.from(op.key, op.exclusive)]).toEqual(expected);
          } else if (op.kind === 'insert') {
            expect(keys.insert(op.key)).toBe(!model.has(op.key));
            model.add(op.key);
          } else {
            expect(keys.remove(op.key)).toBe(model.has(op.key));
            model.delete(op.key);
          }
        }
        expect([...keys.from('')]).toEqual([...model].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('keeps order across many chunk splits and removals', () => {
    const keys = new SortedKeys(16);
    const all = Array.from({ length: 2000 }, (_, i) => `/k/${(i * 7919) % 2000}`);
    for (const key of all) keys.insert(key);
    for (const key of all.filter((_, i) => i % 3 === 0)) keys.remove(key);
    const expected = all.filter((_, i) => i % 3 !== 0).sort();
    expect([...keys.from('/')]).toEqual(expected);
    expect([...keys.from('/k/5', true)]).toEqual(expected.filter((k) => k > '/k/5'));
  });
});
