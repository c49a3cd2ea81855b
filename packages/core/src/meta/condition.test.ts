import { describe, expect, it } from 'vitest';
import { Condition } from './condition.js';

const ready = {
  type: 'Ready',
  status: 'True',
  observedGeneration: 4,
  lastTransitionTime: '2024-05-01T12:00:00Z',
  reason: 'AllReplicasReady',
  message: '',
};

describe('Condition', () => {
  it('round-trips a metav1.Condition', () => {
    expect(Condition.parse({ ...ready })).toStrictEqual(ready);
  });

  it.each([
    ['type', { ...ready, type: undefined }],
    ['status', { ...ready, status: 'Maybe' }],
    ['lastTransitionTime', { ...ready, lastTransitionTime: undefined }],
    ['reason', { ...ready, reason: undefined }],
  ])('rejects a condition with a missing or invalid %s', (field, condition) => {
    const result = Condition.safeParse(condition);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
