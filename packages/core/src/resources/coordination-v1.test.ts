import { describe, expect, it } from 'vitest';
import { Lease } from './coordination-v1.js';

describe('coordination.k8s.io/v1 Lease', () => {
  it.each([
    [
      'a node heartbeat lease',
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: 'node-a',
          namespace: 'kube-node-lease',
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-a', uid: 'n1' }],
        },
        spec: {
          holderIdentity: 'node-a',
          leaseDurationSeconds: 40,
          renewTime: '2024-05-01T12:05:00.123456Z',
        },
      },
    ],
    [
      'a leader election lease',
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
        spec: {
          holderIdentity: 'scheduler-1_6b1f',
          leaseDurationSeconds: 15,
          acquireTime: '2024-05-01T10:00:00.000000Z',
          renewTime: '2024-05-01T12:05:00.500000Z',
          leaseTransitions: 2,
        },
      },
    ],
  ])('round-trips %s unchanged', (_name, lease) => {
    expect(Lease.objectSchema.parse(structuredClone(lease))).toStrictEqual(lease);
  });

  it('rejects a non-integer lease duration', () => {
    const result = Lease.objectSchema.safeParse({
      metadata: { name: 'l' },
      spec: { leaseDurationSeconds: '15' },
    });
    expect(result.error?.issues[0]?.path).toEqual(['spec', 'leaseDurationSeconds']);
  });
});
