import { describe, expect, it } from 'vitest';
import { PriorityClass } from './scheduling-v1.js';

describe('scheduling.k8s.io/v1 PriorityClass', () => {
  it('round-trips unchanged', () => {
    const pc = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'system-cluster-critical' },
      value: 2000000000,
      globalDefault: false,
      description: 'Used for system critical pods that must run in the cluster.',
      preemptionPolicy: 'PreemptLowerPriority',
    };
    expect(PriorityClass.objectSchema.parse(structuredClone(pc))).toStrictEqual(pc);
  });

  it.each([
    ['without value', { metadata: { name: 'p' } }, ['value']],
    [
      'with an unknown preemptionPolicy',
      { metadata: { name: 'p' }, value: 1, preemptionPolicy: 'Always' },
      ['preemptionPolicy'],
    ],
  ])('rejects a PriorityClass %s', (_name, pc, path) => {
    const result = PriorityClass.objectSchema.safeParse(pc);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});
