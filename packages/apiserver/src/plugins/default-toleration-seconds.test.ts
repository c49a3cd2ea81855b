import { Node, Pod } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import type { AdmissionAttributes } from '../pipeline/contracts.js';
import { DefaultTolerationSeconds } from './default-toleration-seconds.js';

const notReady = {
  key: 'node.kubernetes.io/not-ready',
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
};
const unreachable = { ...notReady, key: 'node.kubernetes.io/unreachable' };

async function tolerationsAfter(
  tolerations: unknown,
  plugin = new DefaultTolerationSeconds(),
  subresource?: string,
) {
  const spec: Record<string, unknown> = { containers: [{ name: 'app' }] };
  if (tolerations !== undefined) spec.tolerations = structuredClone(tolerations);
  const attributes: AdmissionAttributes = {
    operation: 'CREATE',
    user: { username: 'jane', groups: [] },
    type: Pod,
    namespace: 'default',
    name: 'web',
    ...(subresource === undefined ? {} : { subresource }),
    object: { metadata: { name: 'web' }, spec },
    dryRun: false,
  };
  await plugin.admit(attributes);
  return spec.tolerations;
}

describe('DefaultTolerationSeconds', () => {
  // Kubernetes' plugin test cases, by name: tolerations in, tolerations out.
  const cases: [string, unknown, unknown][] = [
    ['pod has no tolerations', undefined, [notReady, unreachable]],
    ['pod has an empty list', [], [notReady, unreachable]],
    [
      'pod has an unrelated toleration',
      [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }],
      [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule' }, notReady, unreachable],
    ],
    [
      'pod tolerates not-ready with its own seconds',
      [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 60,
        },
      ],
      [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 60,
        },
        unreachable,
      ],
    ],
    [
      'pod tolerates unreachable forever',
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }],
      [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }, notReady],
    ],
    [
      'pod tolerates not-ready with any effect',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }],
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, unreachable],
    ],
    [
      'pod tolerates every NoExecute taint',
      [{ operator: 'Exists', effect: 'NoExecute' }],
      [{ operator: 'Exists', effect: 'NoExecute' }],
    ],
    ['pod tolerates everything', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    [
      'pod tolerates not-ready only for NoSchedule',
      [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' },
        notReady,
        unreachable,
      ],
    ],
    ['tolerations of the wrong shape are left for validation', 'all', 'all'],
    ['null elements are skipped', [null], [null, notReady, unreachable]],
  ];

  it.each(cases)('%s', async (_name, before, after) => {
    expect(await tolerationsAfter(before)).toEqual(after);
  });

  it('takes the two periods from its options', async () => {
    const plugin = new DefaultTolerationSeconds({ notReadySeconds: 30, unreachableSeconds: 60 });
    expect(await tolerationsAfter(undefined, plugin)).toEqual([
      { ...notReady, tolerationSeconds: 30 },
      { ...unreachable, tolerationSeconds: 60 },
    ]);
  });

  it('leaves subresources alone and handles creates and updates of pods only', async () => {
    expect(await tolerationsAfter(undefined, undefined, 'status')).toBeUndefined();
    const plugin = new DefaultTolerationSeconds();
    expect(plugin.handles('CREATE', Pod)).toBe(true);
    expect(plugin.handles('UPDATE', Pod)).toBe(true);
    expect(plugin.handles('DELETE', Pod)).toBe(false);
    expect(plugin.handles('CREATE', Node)).toBe(false);
  });
});
