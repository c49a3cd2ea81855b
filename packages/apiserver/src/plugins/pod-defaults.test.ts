import { ConfigMap, Pod } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import type { AdmissionAttributes, AdmissionOperation } from '../pipeline/contracts.js';
import { PodDefaults } from './pod-defaults.js';

type Json = Record<string, unknown>;

const plugin = new PodDefaults();

/** What every container gets when it sets nothing (the image decides the pull policy). */
const CONTAINER_DEFAULTS = {
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
};

/** What every pod spec gets when it sets nothing. */
const SPEC_DEFAULTS = {
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
  enableServiceLinks: true,
};

const PRIORITY_DEFAULTS = { priority: 0, preemptionPolicy: 'PreemptLowerPriority' };

async function defaulted(
  spec: unknown,
  options: { operation?: AdmissionOperation; subresource?: string; oldSpec?: Json } = {},
): Promise<unknown> {
  const object: Json = { metadata: { name: 'web' }, spec: structuredClone(spec) };
  const attributes: AdmissionAttributes = {
    operation: options.operation ?? 'CREATE',
    user: { username: 'jane', groups: [] },
    type: Pod,
    namespace: 'default',
    name: 'web',
    ...(options.subresource === undefined ? {} : { subresource: options.subresource }),
    object,
    ...(options.oldSpec === undefined
      ? {}
      : { oldObject: { metadata: { name: 'web' }, spec: options.oldSpec } }),
    dryRun: false,
  };
  await plugin.admit(attributes);
  return object.spec;
}

const container = (fields: Json): Json => ({ name: 'app', image: 'nginx:1.27', ...fields });

describe('PodDefaults', () => {
  // name, spec in, spec out (on CREATE of the pod itself)
  const cases: [string, Json, Json][] = [
    [
      'an empty pod',
      { containers: [container({})] },
      {
        ...SPEC_DEFAULTS,
        ...PRIORITY_DEFAULTS,
        containers: [container({ imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS })],
      },
    ],
    [
      'fields the client set are kept',
      {
        dnsPolicy: 'Default',
        restartPolicy: 'Never',
        securityContext: { runAsUser: 1000 },
        terminationGracePeriodSeconds: 0,
        schedulerName: 'my-scheduler',
        enableServiceLinks: false,
        priority: 7,
        preemptionPolicy: 'Never',
        containers: [
          container({
            imagePullPolicy: 'Never',
            terminationMessagePath: '/tmp/msg',
            terminationMessagePolicy: 'FallbackToLogsOnError',
          }),
        ],
      },
      {
        dnsPolicy: 'Default',
        restartPolicy: 'Never',
        securityContext: { runAsUser: 1000 },
        terminationGracePeriodSeconds: 0,
        schedulerName: 'my-scheduler',
        enableServiceLinks: false,
        priority: 7,
        preemptionPolicy: 'Never',
        containers: [
          container({
            imagePullPolicy: 'Never',
            terminationMessagePath: '/tmp/msg',
            terminationMessagePolicy: 'FallbackToLogsOnError',
          }),
        ],
      },
    ],
    [
      'empty strings and nulls count as unset',
      { dnsPolicy: '', schedulerName: null, containers: [container({ imagePullPolicy: '' })] },
      {
        ...SPEC_DEFAULTS,
        ...PRIORITY_DEFAULTS,
        containers: [container({ imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS })],
      },
    ],
    [
      'pull policy follows the tag in every kind of container',
      {
        initContainers: [{ name: 'init', image: 'busybox' }],
        containers: [
          { name: 'a', image: 'nginx:latest' },
          { name: 'b', image: 'registry.local:5000/app' },
          { name: 'c', image: `app@sha256:${'0'.repeat(64)}` },
          { name: 'd' },
        ],
        ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }],
      },
      {
        ...SPEC_DEFAULTS,
        ...PRIORITY_DEFAULTS,
        initContainers: [
          { name: 'init', image: 'busybox', imagePullPolicy: 'Always', ...CONTAINER_DEFAULTS },
        ],
        containers: [
          { name: 'a', image: 'nginx:latest', imagePullPolicy: 'Always', ...CONTAINER_DEFAULTS },
          { name: 'b', image: 'registry.local:5000/app', imagePullPolicy: 'Always', ...CONTAINER_DEFAULTS },
          {
            name: 'c',
            image: `app@sha256:${'0'.repeat(64)}`,
            imagePullPolicy: 'IfNotPresent',
            ...CONTAINER_DEFAULTS,
          },
          { name: 'd', imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS },
        ],
        ephemeralContainers: [
          { name: 'debug', image: 'busybox:1.36', imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS },
        ],
      },
    ],
    [
      'ports, requests, probes, lifecycle hooks and env field references',
      {
        hostNetwork: true,
        containers: [
          container({
            ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP', hostPort: 5353 }],
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } },
            livenessProbe: { httpGet: { port: 80 } },
            readinessProbe: { grpc: { port: 9000 }, periodSeconds: 5 },
            startupProbe: { tcpSocket: { port: 80 }, failureThreshold: 30 },
            lifecycle: { preStop: { httpGet: { port: 80, path: '/drain' } } },
            env: [
              { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
              { name: 'PLAIN', value: 'x' },
            ],
          }),
        ],
      },
      {
        ...SPEC_DEFAULTS,
        ...PRIORITY_DEFAULTS,
        hostNetwork: true,
        containers: [
          container({
            imagePullPolicy: 'IfNotPresent',
            ...CONTAINER_DEFAULTS,
            ports: [
              { containerPort: 80, protocol: 'TCP', hostPort: 80 },
              { containerPort: 53, protocol: 'UDP', hostPort: 5353 },
            ],
            resources: {
              limits: { cpu: '500m', memory: '128Mi' },
              requests: { cpu: '100m', memory: '128Mi' },
            },
            livenessProbe: {
              httpGet: { port: 80, path: '/', scheme: 'HTTP' },
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            readinessProbe: {
              grpc: { port: 9000, service: '' },
              periodSeconds: 5,
              timeoutSeconds: 1,
              successThreshold: 1,
              failureThreshold: 3,
            },
            startupProbe: {
              tcpSocket: { port: 80 },
              failureThreshold: 30,
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
            },
            lifecycle: { preStop: { httpGet: { port: 80, path: '/drain', scheme: 'HTTP' } } },
            env: [
              { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } },
              { name: 'PLAIN', value: 'x' },
            ],
          }),
        ],
      },
    ],
    [
      'volumes',
      {
        containers: [container({})],
        volumes: [
          { name: 'scratch' },
          { name: 'nulls', secret: null },
          { name: 'secret', secret: { secretName: 's' } },
          { name: 'config', configMap: { name: 'c', defaultMode: 256 } },
          { name: 'host', hostPath: { path: '/var/log' } },
          {
            name: 'info',
            downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
          },
          {
            name: 'projected',
            projected: {
              sources: [{ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'c' } }],
            },
          },
        ],
      },
      {
        ...SPEC_DEFAULTS,
        ...PRIORITY_DEFAULTS,
        containers: [container({ imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS })],
        volumes: [
          { name: 'scratch', emptyDir: {} },
          { name: 'nulls', secret: null, emptyDir: {} },
          { name: 'secret', secret: { secretName: 's', defaultMode: 420 } },
          { name: 'config', configMap: { name: 'c', defaultMode: 256 } },
          { name: 'host', hostPath: { path: '/var/log', type: '' } },
          {
            name: 'info',
            downwardAPI: {
              defaultMode: 420,
              items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels', apiVersion: 'v1' } }],
            },
          },
          {
            name: 'projected',
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } },
                { configMap: { name: 'c' } },
              ],
            },
          },
        ],
      },
    ],
    [
      'a pod that names a PriorityClass keeps its priority unset',
      { priorityClassName: 'high', containers: [container({})] },
      {
        ...SPEC_DEFAULTS,
        priorityClassName: 'high',
        containers: [container({ imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS })],
      },
    ],
    [
      'parts of the wrong shape are left for validation',
      {
        containers: 'not-a-list',
        volumes: [null, 3],
        initContainers: [{ name: 'i', resources: { limits: 1 } }],
      },
      {
        ...SPEC_DEFAULTS,
        ...PRIORITY_DEFAULTS,
        containers: 'not-a-list',
        volumes: [null, 3],
        initContainers: [
          { name: 'i', resources: { limits: 1 }, imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS },
        ],
      },
    ],
  ];

  it.each(cases)('%s', async (_name, spec, expected) => {
    expect(await defaulted(spec)).toEqual(expected);
  });

  it('keeps the stored priority on UPDATE, as the Priority plugin does', async () => {
    const stored = { ...SPEC_DEFAULTS, priority: 5, containers: [container({})] };
    expect(
      await defaulted(
        { priority: 9, preemptionPolicy: 'Never', containers: [container({})] },
        { operation: 'UPDATE', oldSpec: stored },
      ),
    ).toMatchObject({
      priority: 5,
    });
    expect(
      await defaulted(
        { preemptionPolicy: 'Never', containers: [container({})] },
        { operation: 'UPDATE', oldSpec: stored },
      ),
    ).not.toHaveProperty('preemptionPolicy');
  });

  it('defaults pod-bodied subresources but not binding or eviction, and never their priority', async () => {
    const spec = { containers: [container({})] };
    expect(await defaulted(spec, { operation: 'UPDATE', subresource: 'status' })).toEqual({
      ...SPEC_DEFAULTS,
      containers: [container({ imagePullPolicy: 'IfNotPresent', ...CONTAINER_DEFAULTS })],
    });
    expect(await defaulted(spec, { subresource: 'binding' })).toEqual(spec);
    expect(await defaulted(spec, { subresource: 'eviction' })).toEqual(spec);
  });

  it('handles creates and updates of pods only', () => {
    expect(plugin.handles('CREATE', Pod)).toBe(true);
    expect(plugin.handles('UPDATE', Pod)).toBe(true);
    expect(plugin.handles('DELETE', Pod)).toBe(false);
    expect(plugin.handles('CREATE', ConfigMap)).toBe(false);
  });

  it('leaves a pod without a spec object alone', async () => {
    expect(await defaulted(undefined)).toBeUndefined();
    expect(await defaulted([1])).toEqual([1]);
  });
});
