import { describe, expect, it } from 'vitest';
import { RetentionWindow } from './retention-window.js';

describe('RetentionWindow', () => {
  // Each row: the window, then (time, current revision) observations and the revision each one allows compacting to.
  it.each<[string, { retainMs: number; retainRevisions: number }, Array<[number, number, number]>]>([
    [
      'nothing is compacted before retainMs has passed',
      { retainMs: 1000, retainRevisions: 0 },
      [
        [0, 100, 0],
        [500, 200, 0],
        [999, 300, 0],
      ],
    ],
    [
      'the revision current retainMs ago becomes compactable',
      { retainMs: 1000, retainRevisions: 0 },
      [
        [0, 100, 0],
        [500, 200, 0],
        [1000, 300, 100],
        [1600, 400, 200],
      ],
    ],
    [
      'retainRevisions caps the target below the current revision',
      { retainMs: 1000, retainRevisions: 150 },
      [
        [0, 100, 0],
        [500, 200, 0],
        [1000, 220, 70],
        [1200, 300, 100],
      ],
    ],
    [
      'a target held back by retainRevisions moves up as writes continue',
      { retainMs: 0, retainRevisions: 1000 },
      [
        [0, 500, 0],
        [10, 1500, 500],
        [20, 1600, 600],
      ],
    ],
    [
      'an idle store keeps its last target',
      { retainMs: 1000, retainRevisions: 10 },
      [
        [0, 100, 0],
        [1000, 100, 90],
        [5000, 100, 90],
      ],
    ],
  ])('%s', (_, { retainMs, retainRevisions }, observations) => {
    const window = new RetentionWindow(retainMs, retainRevisions);
    expect(observations.map(([at, revision]) => window.observe(at, revision))).toEqual(
      observations.map(([, , target]) => target),
    );
  });
});
