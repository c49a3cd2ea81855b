import { z } from 'zod';
import { Condition } from '../meta/condition.js';
import { IntOrString } from '../meta/int-or-string.js';
import { MicroTime, Time } from '../meta/time.js';
import { defineResource } from './define-resource.js';
import { ObjectReference } from './object-reference.js';
import { PodSpec, Protocol, ResourceRequirements, TaintEffect } from './pod-spec.js';
import { ResourceList } from './resource-list.js';
import type { ResourceObject } from './resource-type.js';

// The core (legacy) API group, served under /api/v1.

/** NamespaceSpec is core/v1 `NamespaceSpec`: the finalizers that must run before the namespace is removed. */
export const NamespaceSpec = z.looseObject({
  finalizers: z
    .array(z.string())
    .optional()
    .describe('Finalizers that must empty before the namespace is removed.'),
});
/** NamespaceSpec is the type of a {@link NamespaceSpec} value. */
export type NamespaceSpec = z.infer<typeof NamespaceSpec>;

/** NamespaceStatus is core/v1 `NamespaceStatus`: `Active` or `Terminating`, and conditions. */
export const NamespaceStatus = z.looseObject({
  phase: z.string().optional().describe('Active or Terminating.'),
  conditions: z
    .array(
      z.looseObject({
        type: z.string(),
        status: z.string(),
        lastTransitionTime: Time.nullish(),
        reason: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
});
/** NamespaceStatus is the type of a {@link NamespaceStatus} value. */
export type NamespaceStatus = z.infer<typeof NamespaceStatus>;

/** Namespace is the core/v1 Namespace resource (cluster-scoped, short name `ns`). */
export const Namespace = defineResource({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  shortNames: ['ns'],
  schema: z.object({ spec: NamespaceSpec.optional(), status: NamespaceStatus.optional() }),
  subresources: { status: true },
  selectableFields: {
    'status.phase': (ns) => ns.status?.phase,
    // Kubernetes keeps this unprefixed field for backward compatibility.
    name: (ns) => ns.metadata.name,
  },
  description: 'Namespace provides a scope for names.',
});
/** Namespace is a core/v1 Namespace object. */
export type Namespace = ResourceObject<typeof Namespace>;

/** Taint is core/v1 `Taint`: repels pods that do not tolerate it; `key` and `effect` are required. */
export const Taint = z
  .looseObject({
    key: z.string().describe('The taint key.'),
    value: z.string().optional().describe('The taint value.'),
    effect: TaintEffect.describe('NoSchedule, PreferNoSchedule or NoExecute.'),
    timeAdded: Time.nullish().describe('When a NoExecute taint was added.'),
  })
  .describe('A taint on a node.');
/** Taint is the type of a {@link Taint} value. */
export type Taint = z.infer<typeof Taint>;

/** NodeSpec is core/v1 `NodeSpec`. */
export const NodeSpec = z.looseObject({
  podCIDR: z.string().optional().describe('Pod IP range assigned to the node.'),
  podCIDRs: z.array(z.string()).optional(),
  providerID: z.string().optional(),
  unschedulable: z
    .boolean()
    .optional()
    .describe('When true, no new pods are scheduled onto the node (cordon).'),
  taints: z.array(Taint).optional().describe("The node's taints."),
});
/** NodeSpec is the type of a {@link NodeSpec} value. */
export type NodeSpec = z.infer<typeof NodeSpec>;

/** NodeCondition is core/v1 `NodeCondition`, e.g. `Ready`, `MemoryPressure`, `DiskPressure`. */
export const NodeCondition = z.looseObject({
  type: z.string().describe('Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable …'),
  status: z.string().describe('True, False or Unknown.'),
  lastHeartbeatTime: Time.nullish(),
  lastTransitionTime: Time.nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
/** NodeCondition is the type of a {@link NodeCondition} value. */
export type NodeCondition = z.infer<typeof NodeCondition>;

/** NodeAddress is core/v1 `NodeAddress`: `Hostname`, `InternalIP`, `ExternalIP` … */
export const NodeAddress = z.looseObject({
  type: z.string().describe('Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.'),
  address: z.string(),
});
/** NodeAddress is the type of a {@link NodeAddress} value. */
export type NodeAddress = z.infer<typeof NodeAddress>;

/** NodeSystemInfo is core/v1 `NodeSystemInfo`, reported by the kubelet. */
export const NodeSystemInfo = z.looseObject({
  machineID: z.string().optional(),
  systemUUID: z.string().optional(),
  bootID: z.string().optional(),
  kernelVersion: z.string().optional(),
  osImage: z.string().optional(),
  containerRuntimeVersion: z.string().optional(),
  kubeletVersion: z.string().optional(),
  kubeProxyVersion: z.string().optional(),
  operatingSystem: z.string().optional(),
  architecture: z.string().optional(),
});
/** NodeSystemInfo is the type of a {@link NodeSystemInfo} value. */
export type NodeSystemInfo = z.infer<typeof NodeSystemInfo>;

/** NodeStatus is core/v1 `NodeStatus`, written by the node agent. */
export const NodeStatus = z.looseObject({
  capacity: ResourceList.optional().describe('Total resources of the node.'),
  allocatable: ResourceList.optional().describe('Resources available for scheduling.'),
  phase: z.string().optional().describe('Deprecated.'),
  conditions: z.array(NodeCondition).optional(),
  addresses: z.array(NodeAddress).optional(),
  daemonEndpoints: z
    .looseObject({ kubeletEndpoint: z.looseObject({ Port: z.number().int() }).optional() })
    .optional()
    .describe('Endpoints of daemons running on the node.'),
  nodeInfo: NodeSystemInfo.optional(),
  images: z
    .array(z.looseObject({ names: z.array(z.string()).nullish(), sizeBytes: z.number().int().optional() }))
    .optional()
    .describe('Container images on the node.'),
  volumesInUse: z.array(z.string()).optional(),
  volumesAttached: z.array(z.looseObject({ name: z.string(), devicePath: z.string() })).optional(),
});
/** NodeStatus is the type of a {@link NodeStatus} value. */
export type NodeStatus = z.infer<typeof NodeStatus>;

/** Node is the core/v1 Node resource (cluster-scoped, short name `no`). */
export const Node = defineResource({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  shortNames: ['no'],
  schema: z.object({ spec: NodeSpec.optional(), status: NodeStatus.optional() }),
  subresources: { status: true },
  selectableFields: {
    'spec.unschedulable': (node) => String(node.spec?.unschedulable ?? false),
  },
  description: 'Node is a worker node.',
});
/** Node is a core/v1 Node object. */
export type Node = ResourceObject<typeof Node>;

/** PodCondition is core/v1 `PodCondition`, e.g. `PodScheduled`, `Ready`, `ContainersReady`. */
export const PodCondition = z.looseObject({
  type: z.string().describe('PodScheduled, Initialized, ContainersReady, Ready, or a readiness gate.'),
  status: z.string().describe('True, False or Unknown.'),
  observedGeneration: z.number().int().optional(),
  lastProbeTime: Time.nullish(),
  lastTransitionTime: Time.nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
/** PodCondition is the type of a {@link PodCondition} value. */
export type PodCondition = z.infer<typeof PodCondition>;

/** ContainerState is core/v1 `ContainerState`: one of `waiting`, `running` or `terminated`. */
export const ContainerState = z.looseObject({
  waiting: z.looseObject({ reason: z.string().optional(), message: z.string().optional() }).optional(),
  running: z.looseObject({ startedAt: Time.nullish() }).optional(),
  terminated: z
    .looseObject({
      exitCode: z.number().int(),
      signal: z.number().int().optional(),
      reason: z.string().optional(),
      message: z.string().optional(),
      startedAt: Time.nullish(),
      finishedAt: Time.nullish(),
      containerID: z.string().optional(),
    })
    .optional(),
});
/** ContainerState is the type of a {@link ContainerState} value. */
export type ContainerState = z.infer<typeof ContainerState>;

/** ContainerStatus is core/v1 `ContainerStatus`, reported by the node agent per container. */
export const ContainerStatus = z.looseObject({
  name: z.string(),
  state: ContainerState.optional(),
  lastState: ContainerState.optional(),
  ready: z.boolean().optional().describe('Whether the container passes its readiness probe.'),
  restartCount: z.number().int().optional(),
  image: z.string().optional(),
  imageID: z.string().optional(),
  containerID: z.string().optional(),
  started: z.boolean().optional(),
  allocatedResources: ResourceList.optional(),
  resources: ResourceRequirements.optional(),
});
/** ContainerStatus is the type of a {@link ContainerStatus} value. */
export type ContainerStatus = z.infer<typeof ContainerStatus>;

/** PodIP is core/v1 `PodIP` (and `HostIP`): one IP address. */
export const PodIP = z.looseObject({ ip: z.string() });
/** PodIP is the type of a {@link PodIP} value. */
export type PodIP = z.infer<typeof PodIP>;

/** PodStatus is core/v1 `PodStatus`, written by the scheduler (conditions) and the node agent. */
export const PodStatus = z.looseObject({
  observedGeneration: z.number().int().optional(),
  phase: z.string().optional().describe('Pending, Running, Succeeded, Failed or Unknown.'),
  conditions: z.array(PodCondition).optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  nominatedNodeName: z.string().optional().describe('The node preemption made room on for this pod.'),
  hostIP: z.string().optional(),
  hostIPs: z.array(PodIP).optional(),
  podIP: z.string().optional(),
  podIPs: z.array(PodIP).optional(),
  startTime: Time.nullish(),
  initContainerStatuses: z.array(ContainerStatus).optional(),
  containerStatuses: z.array(ContainerStatus).optional(),
  ephemeralContainerStatuses: z.array(ContainerStatus).optional(),
  qosClass: z.string().optional().describe('Guaranteed, Burstable or BestEffort.'),
});
/** PodStatus is the type of a {@link PodStatus} value. */
export type PodStatus = z.infer<typeof PodStatus>;

/** Pod is the core/v1 Pod resource (short name `po`, category `all`). */
export const Pod = defineResource({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  schema: z.object({ spec: PodSpec, status: PodStatus.optional() }),
  subresources: { status: true },
  selectableFields: {
    'spec.nodeName': (pod) => pod.spec.nodeName,
    'spec.restartPolicy': (pod) => pod.spec.restartPolicy,
    'spec.schedulerName': (pod) => pod.spec.schedulerName,
    'spec.serviceAccountName': (pod) => pod.spec.serviceAccountName,
    'spec.hostNetwork': (pod) => String(pod.spec.hostNetwork ?? false),
    'status.phase': (pod) => pod.status?.phase,
    'status.podIP': (pod) => pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP,
    'status.nominatedNodeName': (pod) => pod.status?.nominatedNodeName,
  },
  description: 'Pod is a collection of containers that run on a host.',
});
/** Pod is a core/v1 Pod object. */
export type Pod = ResourceObject<typeof Pod>;

/** ServicePort is core/v1 `ServicePort`; `port` is required, `targetPort` is a number or a port name. */
export const ServicePort = z.looseObject({
  name: z.string().optional().describe('Name of the port, required when there are several.'),
  protocol: Protocol.optional(),
  appProtocol: z.string().optional(),
  port: z.number().int().describe('Port exposed by the service.'),
  targetPort: IntOrString.optional().describe('Number or name of the port on the pods; defaults to port.'),
  nodePort: z.number().int().optional(),
});
/** ServicePort is the type of a {@link ServicePort} value. */
export type ServicePort = z.infer<typeof ServicePort>;

/** ServiceSpec is core/v1 `ServiceSpec`. */
export const ServiceSpec = z.looseObject({
  ports: z.array(ServicePort).optional(),
  selector: z
    .record(z.string(), z.string())
    .optional()
    .describe('Traffic goes to pods whose labels match; endpoints are managed only when set.'),
  clusterIP: z.string().optional().describe('Virtual IP of the service; None for a headless service.'),
  clusterIPs: z.array(z.string()).optional(),
  type: z
    .enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])
    .optional()
    .describe('ClusterIP, NodePort, LoadBalancer or ExternalName; defaults to ClusterIP.'),
  externalIPs: z.array(z.string()).optional(),
  sessionAffinity: z.enum(['ClientIP', 'None']).optional().describe('ClientIP or None; defaults to None.'),
  sessionAffinityConfig: z
    .looseObject({ clientIP: z.looseObject({ timeoutSeconds: z.number().int().optional() }).optional() })
    .optional(),
  loadBalancerIP: z.string().optional(),
  loadBalancerSourceRanges: z.array(z.string()).optional(),
  externalName: z.string().optional(),
  externalTrafficPolicy: z.string().optional(),
  internalTrafficPolicy: z.string().optional(),
  healthCheckNodePort: z.number().int().optional(),
  publishNotReadyAddresses: z.boolean().optional(),
  ipFamilies: z.array(z.string()).optional(),
  ipFamilyPolicy: z.string().optional(),
  allocateLoadBalancerNodePorts: z.boolean().optional(),
  loadBalancerClass: z.string().optional(),
});
/** ServiceSpec is the type of a {@link ServiceSpec} value. */
export type ServiceSpec = z.infer<typeof ServiceSpec>;

/** ServiceStatus is core/v1 `ServiceStatus`: load balancer ingress points and conditions. */
export const ServiceStatus = z.looseObject({
  loadBalancer: z
    .looseObject({
      ingress: z
        .array(z.looseObject({ ip: z.string().optional(), hostname: z.string().optional() }))
        .optional(),
    })
    .optional(),
  conditions: z.array(Condition).optional(),
});
/** ServiceStatus is the type of a {@link ServiceStatus} value. */
export type ServiceStatus = z.infer<typeof ServiceStatus>;

/** Service is the core/v1 Service resource (short name `svc`, category `all`). */
export const Service = defineResource({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  schema: z.object({ spec: ServiceSpec.optional(), status: ServiceStatus.optional() }),
  subresources: { status: true },
  selectableFields: {
    'spec.clusterIP': (svc) => svc.spec?.clusterIP,
    'spec.type': (svc) => svc.spec?.type,
  },
  description:
    'Service is a named abstraction of a software service: a port the proxy listens on and the pods it forwards to.',
});
/** Service is a core/v1 Service object. */
export type Service = ResourceObject<typeof Service>;

/** EndpointAddress is core/v1 `EndpointAddress`: one backend IP. */
export const EndpointAddress = z.looseObject({
  ip: z.string(),
  hostname: z.string().optional(),
  nodeName: z.string().optional(),
  targetRef: ObjectReference.optional(),
});
/** EndpointAddress is the type of an {@link EndpointAddress} value. */
export type EndpointAddress = z.infer<typeof EndpointAddress>;

/** EndpointSubset is core/v1 `EndpointSubset`: addresses that share the same ports. */
export const EndpointSubset = z.looseObject({
  addresses: z.array(EndpointAddress).optional(),
  notReadyAddresses: z.array(EndpointAddress).optional(),
  ports: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        port: z.number().int(),
        protocol: Protocol.optional(),
        appProtocol: z.string().optional(),
      }),
    )
    .optional(),
});
/** EndpointSubset is the type of an {@link EndpointSubset} value. */
export type EndpointSubset = z.infer<typeof EndpointSubset>;

/** Endpoints is the core/v1 Endpoints resource (short name `ep`); superseded by EndpointSlices. */
export const Endpoints = defineResource({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  schema: z.object({ subsets: z.array(EndpointSubset).optional() }),
  description: 'Endpoints is the set of addresses implementing a service.',
});
/** Endpoints is a core/v1 Endpoints object. */
export type Endpoints = ResourceObject<typeof Endpoints>;

/** ConfigMap is the core/v1 ConfigMap resource (short name `cm`). */
export const ConfigMap = defineResource({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  namespaced: true,
  shortNames: ['cm'],
  schema: z.object({
    data: z.record(z.string(), z.string()).optional().describe('UTF-8 configuration data.'),
    binaryData: z.record(z.string(), z.string()).optional().describe('Base64-encoded binary data.'),
    immutable: z.boolean().optional(),
  }),
  description: 'ConfigMap holds configuration data for pods to consume.',
});
/** ConfigMap is a core/v1 ConfigMap object. */
export type ConfigMap = ResourceObject<typeof ConfigMap>;

/** Secret is the core/v1 Secret resource. */
export const Secret = defineResource({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  namespaced: true,
  schema: z.object({
    data: z.record(z.string(), z.string()).optional().describe('Base64-encoded secret data.'),
    stringData: z
      .record(z.string(), z.string())
      .optional()
      .describe('Write-only plain-text data, merged into data on write.'),
    type: z.string().optional().describe('Used to facilitate programmatic handling, e.g. Opaque.'),
    immutable: z.boolean().optional(),
  }),
  selectableFields: { type: (secret) => secret.type },
  description: 'Secret holds secret data of a certain type.',
});
/** Secret is a core/v1 Secret object. */
export type Secret = ResourceObject<typeof Secret>;

/** Event is the core/v1 Event resource (short name `ev`). */
export const Event = defineResource({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  namespaced: true,
  shortNames: ['ev'],
  schema: z.object({
    involvedObject: ObjectReference.describe('The object this event is about.'),
    reason: z.string().optional().describe('Short, machine-understandable reason, e.g. Scheduled.'),
    message: z.string().optional(),
    source: z
      .looseObject({ component: z.string().optional(), host: z.string().optional() })
      .optional()
      .describe('The component reporting this event.'),
    firstTimestamp: Time.nullish(),
    lastTimestamp: Time.nullish(),
    count: z.number().int().optional(),
    type: z.string().optional().describe('Normal or Warning.'),
    eventTime: MicroTime.nullish(),
    series: z
      .looseObject({ count: z.number().int().optional(), lastObservedTime: MicroTime.nullish() })
      .optional(),
    action: z.string().optional(),
    related: ObjectReference.optional(),
    reportingComponent: z.string().optional().describe('Name of the controller that emitted the event.'),
    reportingInstance: z.string().optional(),
  }),
  selectableFields: {
    'involvedObject.kind': (ev) => ev.involvedObject.kind,
    'involvedObject.namespace': (ev) => ev.involvedObject.namespace,
    'involvedObject.name': (ev) => ev.involvedObject.name,
    'involvedObject.uid': (ev) => ev.involvedObject.uid,
    'involvedObject.apiVersion': (ev) => ev.involvedObject.apiVersion,
    'involvedObject.resourceVersion': (ev) => ev.involvedObject.resourceVersion,
    'involvedObject.fieldPath': (ev) => ev.involvedObject.fieldPath,
    reason: (ev) => ev.reason,
    reportingComponent: (ev) => ev.reportingComponent,
    // As Kubernetes: the source component, or the reporting controller when it is empty.
    source: (ev) => ev.source?.component || ev.reportingComponent,
    type: (ev) => ev.type,
  },
  description: 'Event is a report of an event somewhere in the cluster.',
});
/** Event is a core/v1 Event object. */
export type Event = ResourceObject<typeof Event>;

/** ServiceAccount is the core/v1 ServiceAccount resource (short name `sa`). */
export const ServiceAccount = defineResource({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  namespaced: true,
  shortNames: ['sa'],
  schema: z.object({
    secrets: z.array(ObjectReference).optional(),
    imagePullSecrets: z.array(z.looseObject({ name: z.string().optional() })).optional(),
    automountServiceAccountToken: z.boolean().optional(),
  }),
  description: 'ServiceAccount binds together a name, a principal that can be authenticated, and secrets.',
});
/** ServiceAccount is a core/v1 ServiceAccount object. */
export type ServiceAccount = ResourceObject<typeof ServiceAccount>;

/**
 * Binding is the core/v1 Binding resource: the scheduler creates one (usually through the
 * `pods/<name>/binding` subresource) to bind a pod to the node named by `target`. It only supports
 * `create`.
 */
export const Binding = defineResource({
  group: '',
  version: 'v1',
  kind: 'Binding',
  plural: 'bindings',
  namespaced: true,
  verbs: ['create'],
  schema: z.object({ target: ObjectReference.describe('The node to bind to (kind Node, name).') }),
  description: 'Binding ties one object to another, e.g. a pod to a node.',
});
/** Binding is a core/v1 Binding object. */
export type Binding = ResourceObject<typeof Binding>;
