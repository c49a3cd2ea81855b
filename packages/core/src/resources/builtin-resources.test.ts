import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReplicaSet } from './apps-v1.js';
import { Job } from './batch-v1.js';
import { builtinResourceTypes } from './builtin-resources.js';
import { Event, Namespace, Node, Pod, Secret, Service } from './core-v1.js';
import type { ResourceType } from './resource-type.js';
import { selectableFieldValues } from './selectable-fields.js';

const all = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const scale = {
  specReplicasPath: '.spec.replicas',
  statusReplicasPath: '.status.replicas',
  labelSelectorPath: '.spec.selector',
};

// What `kubectl api-resources -o wide` says about each built-in kind.
const expected: [
  string,
  string,
  string,
  boolean,
  string[],
  string[],
  { status: boolean; scale?: typeof scale },
  string[],
][] = [
  ['v1', 'Namespace', 'namespaces', false, ['ns'], [], { status: true }, all],
  ['v1', 'Node', 'nodes', false, ['no'], [], { status: true }, all],
  ['v1', 'Pod', 'pods', true, ['po'], ['all'], { status: true }, all],
  ['v1', 'Service', 'services', true, ['svc'], ['all'], { status: true }, all],
  ['v1', 'Endpoints', 'endpoints', true, ['ep'], [], { status: false }, all],
  ['v1', 'ConfigMap', 'configmaps', true, ['cm'], [], { status: false }, all],
  ['v1', 'Secret', 'secrets', true, [], [], { status: false }, all],
  ['v1', 'Event', 'events', true, ['ev'], [], { status: false }, all],
  ['v1', 'ServiceAccount', 'serviceaccounts', true, ['sa'], [], { status: false }, all],
  ['v1', 'Binding', 'bindings', true, [], [], { status: false }, ['create']],
  ['apps/v1', 'Deployment', 'deployments', true, ['deploy'], ['all'], { status: true, scale }, all],
  ['apps/v1', 'ReplicaSet', 'replicasets', true, ['rs'], ['all'], { status: true, scale }, all],
  ['apps/v1', 'DaemonSet', 'daemonsets', true, ['ds'], ['all'], { status: true }, all],
  ['apps/v1', 'StatefulSet', 'statefulsets', true, ['sts'], ['all'], { status: true, scale }, all],
  ['batch/v1', 'Job', 'jobs', true, [], ['all'], { status: true }, all],
  ['batch/v1', 'CronJob', 'cronjobs', true, ['cj'], ['all'], { status: true }, all],
  ['coordination.k8s.io/v1', 'Lease', 'leases', true, [], [], { status: false }, all],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', true, [], [], { status: false }, all],
  ['rbac.authorization.k8s.io/v1', 'Role', 'roles', true, [], [], { status: false }, all],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false, [], [], { status: false }, all],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', true, [], [], { status: false }, all],
  [
    'rbac.authorization.k8s.io/v1',
    'ClusterRoleBinding',
    'clusterrolebindings',
    false,
    [],
    [],
    { status: false },
    all,
  ],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'priorityclasses', false, ['pc'], [], { status: false }, all],
  [
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    'customresourcedefinitions',
    false,
    ['crd', 'crds'],
    ['api-extensions'],
    { status: true },
    all,
  ],
];

describe('built-in resource types', () => {
  it('are exactly the expected kinds, in order', () => {
    expect(builtinResourceTypes.map((t) => `${t.apiVersion} ${t.kind}`)).toEqual(
      expected.map(([av, kind]) => `${av} ${kind}`),
    );
  });

  it.each(expected)(
    '%s %s: %s',
    (apiVersion, kind, plural, namespaced, shortNames, categories, subresources, verbs) => {
      const type = builtinResourceTypes.find((t) => t.kind === kind)!;
      expect({
        apiVersion: type.apiVersion,
        group: type.group,
        version: type.version,
        plural: type.plural,
        singular: type.singular,
        listKind: type.listKind,
        namespaced: type.namespaced,
        shortNames: type.shortNames,
        categories: type.categories,
        subresources: type.subresources,
        verbs: type.verbs,
      }).toStrictEqual({
        apiVersion,
        group: apiVersion.includes('/') ? apiVersion.split('/')[0] : '',
        version: apiVersion.split('/').at(-1),
        plural,
        singular: kind === 'Endpoints' ? 'endpoints' : kind.toLowerCase(),
        listKind: `${kind}List`,
        namespaced,
        shortNames,
        categories,
        subresources,
        verbs,
      });
      expect(type.description).toMatch(new RegExp(`^${kind} `));
    },
  );

  it.each(builtinResourceTypes.map((t) => [t.kind, t] as const))(
    '%s has an introspectable object and list schema',
    (_kind, type) => {
      const json = z.toJSONSchema(type.objectSchema) as {
        required?: string[];
        properties: Record<string, unknown>;
      };
      expect(json.required).toContain('metadata');
      expect(Object.keys(json.properties).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
      expect(() => z.toJSONSchema(type.listSchema)).not.toThrow();
    },
  );
});

const meta = { name: 'x', namespace: 'ns1' };

// Each row: a type, an object, and the field set Kubernetes computes for it (absent fields are '').
const fieldCases: [string, ResourceType, unknown, Record<string, string>][] = [
  [
    'a scheduled, running pod',
    Pod,
    {
      metadata: meta,
      spec: {
        containers: [{ name: 'c' }],
        nodeName: 'node-a',
        restartPolicy: 'Never',
        schedulerName: 'gpu-scheduler',
        serviceAccountName: 'robot',
        hostNetwork: true,
      },
      status: {
        phase: 'Running',
        podIP: '10.0.0.1',
        podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }],
        nominatedNodeName: 'node-b',
      },
    },
    {
      'metadata.name': 'x',
      'metadata.namespace': 'ns1',
      'spec.nodeName': 'node-a',
      'spec.restartPolicy': 'Never',
      'spec.schedulerName': 'gpu-scheduler',
      'spec.serviceAccountName': 'robot',
      'spec.hostNetwork': 'true',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.1',
      'status.nominatedNodeName': 'node-b',
    },
  ],
  [
    'an unscheduled pod with nothing set',
    Pod,
    { metadata: { name: 'y' }, spec: { containers: [{ name: 'c' }] } },
    {
      'metadata.name': 'y',
      'metadata.namespace': '',
      'spec.nodeName': '',
      'spec.restartPolicy': '',
      'spec.schedulerName': '',
      'spec.serviceAccountName': '',
      'spec.hostNetwork': 'false',
      'status.phase': '',
      'status.podIP': '',
      'status.nominatedNodeName': '',
    },
  ],
  [
    'a pod with podIP but no podIPs',
    Pod,
    { metadata: meta, spec: { containers: [{ name: 'c' }] }, status: { podIP: '10.0.0.9' } },
    expect.objectContaining({ 'status.podIP': '10.0.0.9' }),
  ],
  [
    'a kubelet event',
    Event,
    {
      metadata: meta,
      involvedObject: {
        kind: 'Pod',
        namespace: 'ns1',
        name: 'web',
        uid: 'u1',
        apiVersion: 'v1',
        resourceVersion: '5',
        fieldPath: 'spec.containers{web}',
      },
      reason: 'Pulled',
      source: { component: 'kubelet', host: 'node-a' },
      reportingComponent: 'kubelet',
      type: 'Normal',
    },
    {
      'metadata.name': 'x',
      'metadata.namespace': 'ns1',
      'involvedObject.kind': 'Pod',
      'involvedObject.namespace': 'ns1',
      'involvedObject.name': 'web',
      'involvedObject.uid': 'u1',
      'involvedObject.apiVersion': 'v1',
      'involvedObject.resourceVersion': '5',
      'involvedObject.fieldPath': 'spec.containers{web}',
      reason: 'Pulled',
      reportingComponent: 'kubelet',
      source: 'kubelet',
      type: 'Normal',
    },
  ],
  [
    'an events.k8s.io-style event without source',
    Event,
    {
      metadata: meta,
      involvedObject: { kind: 'Node', name: 'node-a' },
      reportingComponent: 'node-controller',
      type: 'Warning',
    },
    expect.objectContaining({
      source: 'node-controller',
      reportingComponent: 'node-controller',
      'involvedObject.namespace': '',
    }),
  ],
  [
    'a cordoned node',
    Node,
    { metadata: { name: 'node-a' }, spec: { unschedulable: true } },
    { 'metadata.name': 'node-a', 'spec.unschedulable': 'true' },
  ],
  [
    'a fresh node',
    Node,
    { metadata: { name: 'node-b' } },
    { 'metadata.name': 'node-b', 'spec.unschedulable': 'false' },
  ],
  [
    'a terminating namespace',
    Namespace,
    { metadata: { name: 'shop' }, status: { phase: 'Terminating' } },
    { 'metadata.name': 'shop', 'status.phase': 'Terminating', name: 'shop' },
  ],
  [
    'a TLS secret',
    Secret,
    { metadata: meta, type: 'kubernetes.io/tls' },
    { 'metadata.name': 'x', 'metadata.namespace': 'ns1', type: 'kubernetes.io/tls' },
  ],
  [
    'a NodePort service',
    Service,
    { metadata: meta, spec: { type: 'NodePort', clusterIP: '10.96.0.5' } },
    {
      'metadata.name': 'x',
      'metadata.namespace': 'ns1',
      'spec.clusterIP': '10.96.0.5',
      'spec.type': 'NodePort',
    },
  ],
  [
    'a replica set without status',
    ReplicaSet,
    { metadata: meta, spec: { selector: {}, template: { spec: { containers: [] } } } },
    { 'metadata.name': 'x', 'metadata.namespace': 'ns1', 'status.replicas': '0' },
  ],
  [
    'a replica set with status',
    ReplicaSet,
    {
      metadata: meta,
      spec: { selector: {}, template: { spec: { containers: [] } } },
      status: { replicas: 3 },
    },
    expect.objectContaining({ 'status.replicas': '3' }),
  ],
  [
    'a job with successes',
    Job,
    { metadata: meta, spec: { template: { spec: { containers: [] } } }, status: { succeeded: 2 } },
    { 'metadata.name': 'x', 'metadata.namespace': 'ns1', 'status.successful': '2' },
  ],
];

describe('built-in selectable fields', () => {
  it.each(fieldCases)('%s', (_name, type, object, fields) => {
    const parsed = type.objectSchema.parse(object);
    expect(selectableFieldValues(type, parsed)).toEqual(fields);
  });

  it.each([
    [
      Pod,
      [
        'spec.nodeName',
        'spec.restartPolicy',
        'spec.schedulerName',
        'spec.serviceAccountName',
        'spec.hostNetwork',
        'status.phase',
        'status.podIP',
        'status.nominatedNodeName',
      ],
    ],
    [
      Event,
      [
        'involvedObject.kind',
        'involvedObject.namespace',
        'involvedObject.name',
        'involvedObject.uid',
        'involvedObject.apiVersion',
        'involvedObject.resourceVersion',
        'involvedObject.fieldPath',
        'reason',
        'reportingComponent',
        'source',
        'type',
      ],
    ],
    [Node, ['spec.unschedulable']],
    [Namespace, ['status.phase', 'name']],
    [Secret, ['type']],
    [Service, ['spec.clusterIP', 'spec.type']],
    [ReplicaSet, ['status.replicas']],
    [Job, ['status.successful']],
  ] as const)('%s declares exactly the fields Kubernetes does', (type, own) => {
    const metaFields = type.namespaced ? ['metadata.name', 'metadata.namespace'] : ['metadata.name'];
    expect(Object.keys(type.selectableFields)).toEqual([...metaFields, ...own]);
  });

  it('declares only metadata fields for the other kinds', () => {
    const withOwn = new Set<ResourceType>([Pod, Event, Node, Namespace, Secret, Service, ReplicaSet, Job]);
    for (const type of builtinResourceTypes.filter((t) => !withOwn.has(t))) {
      expect(Object.keys(type.selectableFields)).toEqual(
        type.namespaced ? ['metadata.name', 'metadata.namespace'] : ['metadata.name'],
      );
    }
  });
});
