import { fieldErrorString } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import type { ApiObject } from './api-object.js';
import { podStrategy } from './pod-strategy.js';

const pod = (spec: Record<string, unknown>, status?: Record<string, unknown>): ApiObject => ({
  metadata: { name: 'p' },
  spec,
  ...(status === undefined ? {} : { status }),
});
const c = (name: string, image?: string) => ({ name, ...(image === undefined ? {} : { image }) });

describe('podStrategy.validate', () => {
  it.each([
    ['a valid pod', { containers: [c('a', 'i')] }, []],
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    ['an empty container name', { containers: [c('', 'i')] }, ['spec.containers[0].name: Required value']],
    ['a missing image', { containers: [c('a')] }, ['spec.containers[0].image: Required value']],
    [
      'an invalid container name',
      { containers: [c('A_b', 'i')] },
      ['spec.containers[0].name: Invalid value: "A_b": a lowercase RFC 1123 label must consist of'],
    ],
    [
      'a name shared with an init container',
      { initContainers: [c('a', 'i')], containers: [c('a', 'i')] },
      ['spec.containers[0].name: Duplicate value: "a"'],
    ],
  ])('checks %s', (_what, spec, expected) => {
    const found = (podStrategy.validate?.(pod(spec)) ?? []).map(fieldErrorString);
    expect(found).toHaveLength(expected.length);
    for (const [i, fragment] of expected.entries()) expect(found[i]).toContain(fragment);
  });
});

describe('podStrategy.gracePeriodSeconds', () => {
  it.each([
    ['bound, defaults', { nodeName: 'n', containers: [] }, undefined, undefined, 30],
    [
      'bound, its own period',
      { nodeName: 'n', terminationGracePeriodSeconds: 3, containers: [] },
      undefined,
      undefined,
      3,
    ],
    [
      'bound, asked for',
      { nodeName: 'n', terminationGracePeriodSeconds: 3, containers: [] },
      undefined,
      9,
      9,
    ],
    [
      'bound, negative period',
      { nodeName: 'n', terminationGracePeriodSeconds: -2, containers: [] },
      undefined,
      undefined,
      1,
    ],
    ['unbound', { containers: [] }, undefined, 9, 0],
    ['succeeded', { nodeName: 'n', containers: [] }, 'Succeeded', undefined, 0],
    ['failed', { nodeName: 'n', containers: [] }, 'Failed', undefined, 0],
    ['running', { nodeName: 'n', containers: [] }, 'Running', undefined, 30],
  ])('gives a pod that is %s its period', (_what, spec, phase, requested, period) => {
    const object = pod(spec, phase === undefined ? undefined : { phase });
    expect(podStrategy.gracePeriodSeconds?.(object, requested)).toBe(period);
  });
});
