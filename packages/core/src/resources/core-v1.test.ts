import { describe, expect, expectTypeOf, it } from 'vitest';
import type { IntOrString } from '../meta/int-or-string.js';
import {
  Binding,
  ConfigMap,
  Endpoints,
  Event,
  Namespace,
  Node,
  Pod,
  Secret,
  Service,
  ServiceAccount,
} from './core-v1.js';
import type { Toleration } from './pod-spec.js';
import type { QuantityValue } from './resource-list.js';
import type { ResourceType } from './resource-type.js';

// A pod as the API server returns it after scheduling and start-up, with fields from a newer
// Kubernetes (futureField, resizePolicy, a volume source this model does not type) mixed in.
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-7d4b9c6f5-x2k8p',
    generateName: 'web-7d4b9c6f5-',
    namespace: 'shop',
    uid: '1b2c3d4e-0000-4000-8000-000000000001',
    resourceVersion: '5120',
    creationTimestamp: '2024-05-01T12:00:00Z',
    labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web-7d4b9c6f5',
        uid: '1b2c3d4e-0000-4000-8000-000000000002',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  spec: {
    initContainers: [
      {
        name: 'migrate',
        image: 'registry.example.com/web:1.4.2',
        command: ['/bin/migrate'],
        args: ['--to', 'latest'],
        envFrom: [
          { configMapRef: { name: 'web-config' } },
          { prefix: 'DB_', secretRef: { name: 'db', optional: true } },
        ],
        resources: { requests: { cpu: '50m', memory: '64Mi' } },
      },
      { name: 'log-shipper', image: 'fluent-bit:3', restartPolicy: 'Always' },
    ],
    containers: [
      {
        name: 'web',
        image: 'registry.example.com/web:1.4.2',
        imagePullPolicy: 'IfNotPresent',
        ports: [
          { name: 'http', containerPort: 8080, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9090 },
        ],
        env: [
          { name: 'MODE', value: 'production' },
          { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
          {
            name: 'CPU_LIMIT',
            valueFrom: { resourceFieldRef: { containerName: 'web', resource: 'limits.cpu', divisor: '1m' } },
          },
          { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'web-token', key: 'token' } } },
        ],
        resources: {
          requests: { cpu: '250m', memory: '256Mi', 'example.com/gpu': 1 },
          limits: { cpu: 1, memory: '512Mi' },
        },
        resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
        livenessProbe: {
          httpGet: {
            path: '/healthz',
            port: 'http',
            scheme: 'HTTP',
            httpHeaders: [{ name: 'X-Probe', value: 'liveness' }],
          },
          initialDelaySeconds: 10,
          periodSeconds: 10,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 3,
        },
        readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 },
        startupProbe: { exec: { command: ['cat', '/tmp/started'] }, failureThreshold: 30, periodSeconds: 2 },
        lifecycle: { preStop: { sleep: { seconds: 5 } } },
        volumeMounts: [
          { name: 'config', mountPath: '/etc/web', readOnly: true },
          { name: 'cache', mountPath: '/var/cache/web' },
        ],
        securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    volumes: [
      {
        name: 'config',
        configMap: { name: 'web-config', items: [{ key: 'app.yaml', path: 'app.yaml' }], defaultMode: 420 },
      },
      { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
      {
        name: 'kube-api-access',
        projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] },
      },
      { name: 'scratch', image: { reference: 'registry.example.com/data:1', pullPolicy: 'IfNotPresent' } },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    activeDeadlineSeconds: 86400,
    dnsPolicy: 'ClusterFirst',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    serviceAccountName: 'web',
    serviceAccount: 'web',
    nodeName: 'node-a',
    hostNetwork: false,
    schedulerName: 'default-scheduler',
    priorityClassName: 'high',
    priority: 1000,
    preemptionPolicy: 'PreemptLowerPriority',
    overhead: { cpu: '10m' },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-1a', 'eu-1b'] },
              ],
              matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-z'] }],
            },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 50, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } },
          {
            weight: 10,
            preference: { matchExpressions: [{ key: 'cpu-gen', operator: 'Gt', values: ['3'] }] },
          },
        ],
      },
      podAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: { matchLabels: { app: 'cache' } },
            namespaces: ['shop', 'shared'],
            topologyKey: 'kubernetes.io/hostname',
          },
        ],
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 100,
            podAffinityTerm: {
              labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] },
              namespaceSelector: {},
              topologyKey: 'topology.kubernetes.io/zone',
              matchLabelKeys: ['pod-template-hash'],
            },
          },
        ],
      },
    },
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
      { operator: 'Exists' },
    ],
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: { app: 'web' } },
        minDomains: 2,
        nodeTaintsPolicy: 'Honor',
      },
    ],
    schedulingGates: [{ name: 'example.com/quota' }],
    readinessGates: [{ conditionType: 'example.com/lb-ready' }],
    enableServiceLinks: true,
    futureField: { enabled: true },
  },
  status: {
    phase: 'Running',
    observedGeneration: 1,
    conditions: [
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2024-05-01T12:00:01Z',
      },
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2024-05-01T12:00:20Z' },
    ],
    hostIP: '10.0.0.11',
    hostIPs: [{ ip: '10.0.0.11' }],
    podIP: '10.244.1.7',
    podIPs: [{ ip: '10.244.1.7' }, { ip: 'fd00::7' }],
    startTime: '2024-05-01T12:00:02Z',
    qosClass: 'Burstable',
    initContainerStatuses: [
      {
        name: 'migrate',
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: '2024-05-01T12:00:03Z',
            finishedAt: '2024-05-01T12:00:09Z',
            containerID: 'containerd://aa',
          },
        },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'registry.example.com/web:1.4.2',
        imageID: 'registry.example.com/web@sha256:00',
        containerID: 'containerd://aa',
      },
    ],
    containerStatuses: [
      {
        name: 'web',
        state: { running: { startedAt: '2024-05-01T12:00:10Z' } },
        lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: null, finishedAt: null } },
        ready: true,
        started: true,
        restartCount: 1,
        image: 'registry.example.com/web:1.4.2',
        imageID: 'registry.example.com/web@sha256:00',
        containerID: 'containerd://bb',
        volumeMounts: [{ name: 'config', mountPath: '/etc/web', readOnly: true }],
      },
    ],
  },
};

// A Node as a kubelet registers and updates it.
const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'node-a',
    uid: '1b2c3d4e-0000-4000-8000-000000000010',
    resourceVersion: '7001',
    creationTimestamp: '2024-04-30T08:00:00Z',
    labels: {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': 'node-a',
      'kubernetes.io/os': 'linux',
      'topology.kubernetes.io/zone': 'eu-1a',
    },
    annotations: {
      'node.alpha.kubernetes.io/ttl': '0',
      'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    },
  },
  spec: {
    podCIDR: '10.244.1.0/24',
    podCIDRs: ['10.244.1.0/24'],
    providerID: 'capstan://node-a',
    taints: [
      { key: 'dedicated', value: 'web', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2024-05-01T12:00:00Z' },
    ],
  },
  status: {
    capacity: {
      cpu: '4',
      'ephemeral-storage': '102334Mi',
      'hugepages-2Mi': '0',
      memory: '16318412Ki',
      pods: '110',
    },
    allocatable: {
      cpu: '3800m',
      'ephemeral-storage': '94309453007',
      'hugepages-2Mi': '0',
      memory: '15703372Ki',
      pods: '110',
    },
    conditions: [
      {
        type: 'MemoryPressure',
        status: 'False',
        lastHeartbeatTime: '2024-05-01T12:05:00Z',
        lastTransitionTime: '2024-04-30T08:00:00Z',
        reason: 'KubeletHasSufficientMemory',
        message: 'kubelet has sufficient memory available',
      },
      {
        type: 'Ready',
        status: 'True',
        lastHeartbeatTime: '2024-05-01T12:05:00Z',
        lastTransitionTime: '2024-04-30T08:00:30Z',
        reason: 'KubeletReady',
        message: 'kubelet is posting ready status',
      },
    ],
    addresses: [
      { type: 'InternalIP', address: '10.0.0.11' },
      { type: 'Hostname', address: 'node-a' },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: 'ec2a6b6f',
      systemUUID: 'ec2a6b6f-0000',
      bootID: '5b1f',
      kernelVersion: '6.8.0-1009',
      osImage: 'Ubuntu 24.04 LTS',
      containerRuntimeVersion: 'containerd://1.7.12',
      kubeletVersion: 'v1.31.0',
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
      swap: {},
    },
    images: [
      {
        names: ['registry.example.com/web@sha256:00', 'registry.example.com/web:1.4.2'],
        sizeBytes: 48213120,
      },
      { names: null, sizeBytes: 1024 },
    ],
    runtimeHandlers: [{ name: 'runc', features: { recursiveReadOnlyMounts: true, userNamespaces: true } }],
    features: { supplementalGroupsPolicy: true },
  },
};

const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    type: 'ClusterIP',
    selector: { app: 'web' },
    clusterIP: '10.96.0.20',
    clusterIPs: ['10.96.0.20'],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'ClientIP',
    sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    ports: [
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
      { name: 'metrics', port: 9090, targetPort: 9090, appProtocol: 'http' },
    ],
    trafficDistribution: 'PreferClose',
  },
  status: { loadBalancer: {} },
};

const event = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: {
    name: 'web-7d4b9c6f5-x2k8p.17c9f0a1b2c3d4e5',
    namespace: 'shop',
    creationTimestamp: '2024-05-01T12:00:01Z',
  },
  involvedObject: {
    kind: 'Pod',
    namespace: 'shop',
    name: 'web-7d4b9c6f5-x2k8p',
    uid: '1b2c3d4e-0000-4000-8000-000000000001',
    apiVersion: 'v1',
    resourceVersion: '5118',
    fieldPath: 'spec.containers{web}',
  },
  reason: 'Pulled',
  message: 'Container image "registry.example.com/web:1.4.2" already present on machine',
  source: { component: 'kubelet', host: 'node-a' },
  firstTimestamp: '2024-05-01T12:00:09Z',
  lastTimestamp: '2024-05-01T12:00:09Z',
  count: 1,
  type: 'Normal',
  eventTime: null,
  reportingComponent: 'kubelet',
  reportingInstance: 'node-a',
};

const others = [
  [
    Namespace,
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } },
      spec: { finalizers: ['kubernetes'] },
      status: {
        phase: 'Terminating',
        conditions: [
          {
            type: 'NamespaceDeletionContentFailure',
            status: 'False',
            lastTransitionTime: '2024-05-01T12:00:00Z',
            reason: 'ContentDeleted',
            message: 'All content successfully deleted',
          },
        ],
      },
    },
  ],
  [
    Endpoints,
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'web', namespace: 'shop' },
      subsets: [
        {
          addresses: [
            {
              ip: '10.244.1.7',
              nodeName: 'node-a',
              targetRef: { kind: 'Pod', namespace: 'shop', name: 'web-x', uid: 'u1' },
            },
          ],
          notReadyAddresses: [{ ip: '10.244.2.9' }],
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        },
      ],
    },
  ],
  [
    ConfigMap,
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'web-config', namespace: 'shop' },
      data: { 'app.yaml': 'mode: production\n' },
      binaryData: { 'logo.png': 'iVBORw0KGgo=' },
      immutable: true,
    },
  ],
  [
    Secret,
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'web-token', namespace: 'shop' },
      type: 'kubernetes.io/service-account-token',
      data: { token: 'ZXlKaGJHY2k=' },
      stringData: { note: 'plain' },
    },
  ],
  [
    ServiceAccount,
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'web', namespace: 'shop' },
      secrets: [{ name: 'web-token' }],
      imagePullSecrets: [{ name: 'registry' }],
      automountServiceAccountToken: false,
    },
  ],
  [
    Binding,
    {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: {
        name: 'web-7d4b9c6f5-x2k8p',
        namespace: 'shop',
        uid: '1b2c3d4e-0000-4000-8000-000000000001',
      },
      target: { apiVersion: 'v1', kind: 'Node', name: 'node-a' },
    },
  ],
] as const;

describe('core/v1 objects round-trip unchanged', () => {
  const cases: [string, ResourceType, unknown][] = [
    ['Pod with init containers, probes, affinity, tolerations and unknown fields', Pod, pod],
    ['Node as a kubelet writes it', Node, node],
    ['Service with named and numbered target ports', Service, service],
    ['Event with a null eventTime', Event, event],
    ...others.map(([type, object]): [string, ResourceType, unknown] => [type.kind, type, object]),
  ];
  it.each(cases)('%s', (_name, type, object) => {
    const input = structuredClone(object);
    expect(type.objectSchema.parse(input)).toStrictEqual(object);
    expect(input).toStrictEqual(object);
  });

  it('a kubectl --dry-run pod with empty structs and a null creationTimestamp', () => {
    const dryRun = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: null, labels: { run: 'nginx' }, name: 'nginx' },
      spec: {
        containers: [{ image: 'nginx', name: 'nginx', resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
      },
      status: {},
    };
    expect(Pod.objectSchema.parse(structuredClone(dryRun))).toStrictEqual(dryRun);
  });
});

describe('core/v1 validation', () => {
  it.each([
    ['a pod without spec', Pod, { metadata: { name: 'p' } }, ['spec']],
    ['a pod without containers', Pod, { metadata: { name: 'p' }, spec: {} }, ['spec', 'containers']],
    [
      'a container without a name',
      Pod,
      { metadata: { name: 'p' }, spec: { containers: [{ image: 'nginx' }] } },
      ['spec', 'containers', 0, 'name'],
    ],
    [
      'an unknown imagePullPolicy',
      Pod,
      { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', imagePullPolicy: 'Sometimes' }] } },
      ['spec', 'containers', 0, 'imagePullPolicy'],
    ],
    [
      'an unknown toleration effect',
      Pod,
      {
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c' }], tolerations: [{ key: 'k', effect: 'NoRun' }] },
      },
      ['spec', 'tolerations', 0, 'effect'],
    ],
    [
      'a node selector operator pods do not have',
      Pod,
      {
        metadata: { name: 'p' },
        spec: {
          containers: [{ name: 'c' }],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'k', operator: 'Near' }] }],
              },
            },
          },
        },
      },
      [
        'spec',
        'affinity',
        'nodeAffinity',
        'requiredDuringSchedulingIgnoredDuringExecution',
        'nodeSelectorTerms',
        0,
        'matchExpressions',
        0,
        'operator',
      ],
    ],
    [
      'a pod affinity term without topologyKey',
      Pod,
      {
        metadata: { name: 'p' },
        spec: {
          containers: [{ name: 'c' }],
          affinity: {
            podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: {} }] },
          },
        },
      },
      ['spec', 'affinity', 'podAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 0, 'topologyKey'],
    ],
    [
      'a fractional targetPort',
      Service,
      { metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 80.5 }] } },
      ['spec', 'ports', 0, 'targetPort'],
    ],
    [
      'a taint without effect',
      Node,
      { metadata: { name: 'n' }, spec: { taints: [{ key: 'k' }] } },
      ['spec', 'taints', 0, 'effect'],
    ],
    ['an event without involvedObject', Event, { metadata: { name: 'e' } }, ['involvedObject']],
    ['a binding without target', Binding, { metadata: { name: 'b' } }, ['target']],
  ] as const)('rejects %s at the right path', (_name, type, object, path) => {
    const result = type.objectSchema.safeParse(object);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('core/v1 typed access', () => {
  it('types the fields the control plane acts on', () => {
    const p: Pod = Pod.objectSchema.parse(pod);
    expectTypeOf(p.kind).toEqualTypeOf<'Pod' | undefined>();
    expectTypeOf(p.spec.containers[0]!.name).toEqualTypeOf<string>();
    expectTypeOf(p.spec.nodeName).toEqualTypeOf<string | undefined>();
    expectTypeOf(p.spec.tolerations).toEqualTypeOf<Toleration[] | undefined>();
    expectTypeOf(p.spec.restartPolicy).toEqualTypeOf<'Always' | 'OnFailure' | 'Never' | undefined>();
    expectTypeOf(p.spec.containers[0]!.resources!.requests!.cpu).toEqualTypeOf<QuantityValue | undefined>();
    expectTypeOf(p.status!.containerStatuses![0]!.restartCount).toEqualTypeOf<number | undefined>();
    const s: Service = Service.objectSchema.parse(service);
    expectTypeOf(s.spec!.ports![0]!.targetPort).toEqualTypeOf<IntOrString | undefined>();
    const n: Node = Node.objectSchema.parse(node);
    expectTypeOf(n.spec!.taints![0]!.effect).toEqualTypeOf<'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'>();
    expect(
      p.spec.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.[0]?.weight,
    ).toBe(100);
    expect(n.status?.allocatable?.cpu).toBe('3800m');
  });
});
