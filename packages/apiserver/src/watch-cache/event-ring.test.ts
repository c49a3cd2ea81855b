import { describe, expect, it } from 'vitest';
import { EventRing } from './event-ring.js';

const event = (revision: number, recordedAt: number) => ({ revision, recordedAt });

function fill(
  ring: EventRing<{ revision: number; recordedAt: number }>,
  from: number,
  to: number,
  at: (r: number) => number,
) {
  const dropped: boolean[] = [];
  for (let r = from; r <= to; r++) dropped.push(ring.push(event(r, at(r))));
  return dropped;
}

describe('EventRing', () => {
  it('evicts the oldest event once full of stale events', () => {
    const ring = new EventRing({ min: 4, max: 16, freshMs: 10 });
    const dropped = fill(ring, 1, 6, (r) => r * 100);
    expect(dropped).toEqual([false, false, false, false, true, true]);
    expect(ring.capacity).toBe(4);
    expect(ring.oldest()?.revision).toBe(3);
    expect(ring.after(0).map((e) => e.revision)).toEqual([3, 4, 5, 6]);
  });

  it('doubles rather than evict a fresh event, up to its maximum', () => {
    const ring = new EventRing({ min: 2, max: 8, freshMs: 1000 });
    const dropped = fill(ring, 1, 10, () => 0);
    expect(ring.capacity).toBe(8);
    expect(dropped.filter(Boolean)).toHaveLength(2);
    expect(ring.oldest()?.revision).toBe(3);
  });

  it('halves when even its newest quarter is stale', () => {
    const ring = new EventRing({ min: 2, max: 8, freshMs: 10 });
    fill(ring, 1, 8, () => 0);
    expect(ring.capacity).toBe(8);
    expect(ring.push(event(9, 1000))).toBe(true);
    expect(ring.capacity).toBe(4);
    expect(ring.after(0).map((e) => e.revision)).toEqual([6, 7, 8, 9]);
  });

  it('finds the events after a revision', () => {
    const ring = new EventRing({ min: 8, max: 8, freshMs: 1 });
    for (const r of [3, 5, 9, 12]) ring.push(event(r, 0));
    expect(ring.after(0).map((e) => e.revision)).toEqual([3, 5, 9, 12]);
    expect(ring.after(5).map((e) => e.revision)).toEqual([9, 12]);
    expect(ring.after(6).map((e) => e.revision)).toEqual([9, 12]);
    expect(ring.after(12)).toEqual([]);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.oldest()).toBeUndefined();
  });
});
