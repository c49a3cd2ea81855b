import { describe, expect, expectTypeOf, it } from 'vitest';
import type { IntOrString } from '../meta/int-or-string.js';
import { DaemonSet, Deployment, ReplicaSet, StatefulSet } from './apps-v1.js';

// A Deployment as `kubectl get deployment web -o json` prints it.
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: '1b2c3d4e-0000-4000-8000-000000000020',
    resourceVersion: '9001',
    generation: 4,
    creationTimestamp: '2024-05-01T11:00:00Z',
    labels: { app: 'web' },
    annotations: {
      'deployment.kubernetes.io/revision': '3',
      'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}\n',
    },
    managedFields: [
      {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: '2024-05-01T11:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'k:{"name":"web"}': {} } } } },
      },
      {
        manager: 'kube-controller-manager',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: '2024-05-01T11:05:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:status': { 'f:replicas': {} } },
        subresource: 'status',
      },
    ],
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: {
        creationTimestamp: null,
        labels: { app: 'web' },
        annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-05-01T11:04:00Z' },
      },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'registry.example.com/web:1.4.2',
            ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
            resources: { limits: { memory: '512Mi' }, requests: { cpu: '250m', memory: '256Mi' } },
            readinessProbe: {
              httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' },
              periodSeconds: 5,
              failureThreshold: 3,
              successThreshold: 1,
              timeoutSeconds: 1,
            },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            imagePullPolicy: 'IfNotPresent',
          },
        ],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        schedulerName: 'default-scheduler',
      },
    },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    minReadySeconds: 5,
    paused: false,
  },
  status: {
    observedGeneration: 4,
    replicas: 3,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        lastUpdateTime: '2024-05-01T11:01:00Z',
        lastTransitionTime: '2024-05-01T11:01:00Z',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
      },
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: '2024-05-01T11:05:00Z',
        lastTransitionTime: '2024-05-01T11:00:00Z',
        reason: 'NewReplicaSetAvailable',
        message: 'ReplicaSet "web-7d4b9c6f5" has successfully progressed.',
      },
    ],
    collisionCount: 0,
  },
};

const template = deployment.spec.template;

const replicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'web-7d4b9c6f5',
    namespace: 'shop',
    labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: 'd1',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } },
    template,
  },
  status: {
    replicas: 3,
    fullyLabeledReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    observedGeneration: 1,
  },
};

const daemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'log-agent', namespace: 'kube-system' },
  spec: {
    selector: { matchLabels: { app: 'log-agent' } },
    template: {
      metadata: { labels: { app: 'log-agent' } },
      spec: { containers: [{ name: 'agent', image: 'agent:2' }], tolerations: [{ operator: 'Exists' }] },
    },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    revisionHistoryLimit: 10,
  },
  status: {
    currentNumberScheduled: 2,
    numberMisscheduled: 0,
    desiredNumberScheduled: 2,
    numberReady: 2,
    observedGeneration: 1,
    updatedNumberScheduled: 2,
    numberAvailable: 2,
  },
};

const statefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'shop' },
  spec: {
    replicas: 3,
    serviceName: 'db',
    podManagementPolicy: 'OrderedReady',
    selector: { matchLabels: { app: 'db' } },
    template: {
      metadata: { labels: { app: 'db' } },
      spec: {
        containers: [
          {
            name: 'db',
            image: 'postgres:16',
            volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql' }],
          },
        ],
      },
    },
    volumeClaimTemplates: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
        status: { phase: 'Pending' },
      },
    ],
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    ordinals: { start: 0 },
  },
  status: {
    observedGeneration: 1,
    replicas: 3,
    readyReplicas: 3,
    currentReplicas: 3,
    updatedReplicas: 3,
    currentRevision: 'db-5d9',
    updateRevision: 'db-5d9',
    collisionCount: 0,
    availableReplicas: 3,
  },
};

describe('apps/v1 objects round-trip unchanged', () => {
  it.each([
    ['Deployment', Deployment, deployment],
    ['ReplicaSet', ReplicaSet, replicaSet],
    ['DaemonSet', DaemonSet, daemonSet],
    ['StatefulSet', StatefulSet, statefulSet],
  ] as const)('%s', (_name, type, object) => {
    const input = structuredClone(object);
    expect(type.objectSchema.parse(input)).toStrictEqual(object);
    expect(input).toStrictEqual(object);
  });
});

describe('apps/v1 validation', () => {
  it.each([
    [
      'a Deployment without selector',
      Deployment,
      { metadata: { name: 'd' }, spec: { template } },
      ['spec', 'selector'],
    ],
    [
      'a Deployment without template',
      Deployment,
      { metadata: { name: 'd' }, spec: { selector: {} } },
      ['spec', 'template'],
    ],
    [
      'an unknown strategy type',
      Deployment,
      { metadata: { name: 'd' }, spec: { selector: {}, template, strategy: { type: 'BlueGreen' } } },
      ['spec', 'strategy', 'type'],
    ],
    [
      'a fractional maxSurge',
      Deployment,
      {
        metadata: { name: 'd' },
        spec: { selector: {}, template, strategy: { rollingUpdate: { maxSurge: 0.5 } } },
      },
      ['spec', 'strategy', 'rollingUpdate', 'maxSurge'],
    ],
    [
      'a ReplicaSet without selector',
      ReplicaSet,
      { metadata: { name: 'r' }, spec: { template } },
      ['spec', 'selector'],
    ],
    [
      'a StatefulSet with a string replicas',
      StatefulSet,
      { metadata: { name: 's' }, spec: { selector: {}, template, replicas: '3' } },
      ['spec', 'replicas'],
    ],
  ] as const)('rejects %s at the right path', (_name, type, object, path) => {
    const result = type.objectSchema.safeParse(object);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('types the workload fields controllers act on', () => {
    const d: Deployment = Deployment.objectSchema.parse(deployment);
    expectTypeOf(d.spec.replicas).toEqualTypeOf<number | undefined>();
    expectTypeOf(d.spec.strategy!.rollingUpdate!.maxSurge).toEqualTypeOf<IntOrString | undefined>();
    expectTypeOf(d.spec.template.spec.containers[0]!.image).toEqualTypeOf<string | undefined>();
    expectTypeOf(d.status!.conditions![0]!.type).toEqualTypeOf<string>();
    expect(d.spec.strategy?.rollingUpdate).toStrictEqual({ maxUnavailable: '25%', maxSurge: 1 });
  });
});
