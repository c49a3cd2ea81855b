import { describe, expect, it } from 'vitest';
import { EndpointSlice } from './discovery-v1.js';

describe('discovery.k8s.io/v1 EndpointSlice', () => {
  it.each([
    [
      'a slice of a service with ports',
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: 'web-abc12',
          namespace: 'shop',
          labels: {
            'kubernetes.io/service-name': 'web',
            'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
          },
        },
        addressType: 'IPv4',
        endpoints: [
          {
            addresses: ['10.244.1.7'],
            conditions: { ready: true, serving: true, terminating: false },
            nodeName: 'node-a',
            zone: 'eu-1a',
            targetRef: { kind: 'Pod', namespace: 'shop', name: 'web-x', uid: 'p1' },
            hints: { forZones: [{ name: 'eu-1a' }] },
          },
        ],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP', appProtocol: 'http' }],
      },
    ],
    [
      'an empty slice of a headless service, with nulls as Kubernetes writes them',
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'db-xyz', namespace: 'shop' },
        addressType: 'IPv6',
        endpoints: null,
        ports: null,
      },
    ],
  ])('round-trips %s unchanged', (_name, slice) => {
    expect(EndpointSlice.objectSchema.parse(structuredClone(slice))).toStrictEqual(slice);
  });

  it.each([
    ['without addressType', { metadata: { name: 's' }, endpoints: [] }, ['addressType']],
    [
      'with an unknown addressType',
      { metadata: { name: 's' }, addressType: 'IPX', endpoints: [] },
      ['addressType'],
    ],
    ['without endpoints', { metadata: { name: 's' }, addressType: 'IPv4' }, ['endpoints']],
  ])('rejects a slice %s', (_name, slice, path) => {
    const result = EndpointSlice.objectSchema.safeParse(slice);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});
