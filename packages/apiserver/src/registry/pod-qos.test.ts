import { describe, expect, it } from 'vitest';
import { computePodQOS } from './pod-qos.js';

const container = (requests?: Record<string, string | number>, limits?: Record<string, string | number>) => ({
  name: 'c',
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});

describe('computePodQOS', () => {
  it.each([
    ['no resources', { containers: [{ name: 'c' }] }, 'BestEffort'],
    ['zero quantities only', { containers: [container({ cpu: '0' }, { memory: 0 })] }, 'BestEffort'],
    ['only non-QoS resources', { containers: [container({ 'nvidia.com/gpu': '1' })] }, 'BestEffort'],
    [
      'requests equal to limits',
      { containers: [container({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })] },
      'Guaranteed',
    ],
    [
      'limits only (requests default to them)',
      { containers: [container(undefined, { cpu: 2, memory: '1G' })] },
      'Guaranteed',
    ],
    [
      'a request below its limit',
      { containers: [container({ cpu: '500m', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })] },
      'Burstable',
    ],
    ['a memory limit missing', { containers: [container({ cpu: '1' }, { cpu: '1' })] }, 'Burstable'],
    [
      'one container without limits',
      { containers: [container(undefined, { cpu: '1', memory: '1Gi' }), { name: 'd' }] },
      'Burstable',
    ],
    [
      'init containers counted',
      {
        containers: [container(undefined, { cpu: '1', memory: '1Gi' })],
        initContainers: [container({ cpu: '1' })],
      },
      'Burstable',
    ],
    ['a malformed spec', { containers: 'nope' }, 'BestEffort'],
    ['an unparseable quantity', { containers: [container({ cpu: 'lots' })] }, 'BestEffort'],
  ])('classifies %s', (_what, spec, qos) => {
    expect(computePodQOS(spec)).toBe(qos);
  });
});
