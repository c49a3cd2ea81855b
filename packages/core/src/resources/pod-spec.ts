import { z } from 'zod';
import { IntOrString } from '../meta/int-or-string.js';
import { LabelSelectorSchema } from '../meta/label-selector.js';
import { ObjectMeta } from '../meta/object-meta.js';
import { LocalObjectReference } from './object-reference.js';
import { QuantityValue, ResourceList } from './resource-list.js';

// The core/v1 shapes a Pod spec is made of, shared by Pods and every workload's pod template.
// Every object is loose: fields this file does not name are preserved unchanged.

/** Protocol is a core/v1 network protocol: `TCP`, `UDP` or `SCTP`. */
export const Protocol = z.enum(['TCP', 'UDP', 'SCTP']).describe('Network protocol: TCP, UDP or SCTP.');
/** Protocol is the type of a {@link Protocol} value. */
export type Protocol = z.infer<typeof Protocol>;

/** ContainerPort is core/v1 `ContainerPort`: a port a container exposes; `containerPort` is required. */
export const ContainerPort = z
  .looseObject({
    name: z.string().optional().describe('IANA_SVC_NAME naming this port, unique within the pod.'),
    hostPort: z.number().int().optional().describe('Port to expose on the host.'),
    containerPort: z.number().int().describe("Port number on the pod's IP address."),
    protocol: Protocol.optional().describe('Protocol for the port; defaults to TCP.'),
    hostIP: z.string().optional().describe('Host IP to bind the host port to.'),
  })
  .describe('A network port in a single container.');
/** ContainerPort is the type of a {@link ContainerPort} value. */
export type ContainerPort = z.infer<typeof ContainerPort>;

/** ObjectFieldSelector is core/v1 `ObjectFieldSelector`: a field of the pod (downward API), by `fieldPath`. */
export const ObjectFieldSelector = z
  .looseObject({
    apiVersion: z
      .string()
      .optional()
      .describe('Version of the schema fieldPath is written in; defaults to v1.'),
    fieldPath: z.string().describe('Path of the field to select, e.g. metadata.name or status.podIP.'),
  })
  .describe('Selects a field of the pod.');
/** ObjectFieldSelector is the type of an {@link ObjectFieldSelector} value. */
export type ObjectFieldSelector = z.infer<typeof ObjectFieldSelector>;

/** ResourceFieldSelector is core/v1 `ResourceFieldSelector`: a container's request or limit (downward API). */
export const ResourceFieldSelector = z
  .looseObject({
    containerName: z.string().optional().describe('Container name; required for volumes.'),
    resource: z.string().describe('Resource to select, e.g. limits.cpu or requests.memory.'),
    divisor: QuantityValue.optional().describe('Output format of the exposed resource; defaults to 1.'),
  })
  .describe('Selects a resource of a container.');
/** ResourceFieldSelector is the type of a {@link ResourceFieldSelector} value. */
export type ResourceFieldSelector = z.infer<typeof ResourceFieldSelector>;

/** KeySelector is core/v1 `ConfigMapKeySelector` and `SecretKeySelector`: one key of a ConfigMap or Secret. */
export const KeySelector = z
  .looseObject({
    name: z.string().optional().describe('Name of the ConfigMap or Secret.'),
    key: z.string().describe('The key to select.'),
    optional: z.boolean().optional().describe('Whether the object or its key may be missing.'),
  })
  .describe('Selects a key of a ConfigMap or Secret.');
/** KeySelector is the type of a {@link KeySelector} value. */
export type KeySelector = z.infer<typeof KeySelector>;

/** EnvVarSource is core/v1 `EnvVarSource`: where an environment variable's value comes from. */
export const EnvVarSource = z
  .looseObject({
    fieldRef: ObjectFieldSelector.optional(),
    resourceFieldRef: ResourceFieldSelector.optional(),
    configMapKeyRef: KeySelector.optional(),
    secretKeyRef: KeySelector.optional(),
  })
  .describe("A source for an environment variable's value.");
/** EnvVarSource is the type of an {@link EnvVarSource} value. */
export type EnvVarSource = z.infer<typeof EnvVarSource>;

/** EnvVar is core/v1 `EnvVar`: a named environment variable with a literal `value` or a `valueFrom` source. */
export const EnvVar = z
  .looseObject({
    name: z.string().describe('Name of the environment variable.'),
    value: z.string().optional().describe('Literal value; $(VAR) references are expanded.'),
    valueFrom: EnvVarSource.optional(),
  })
  .describe('An environment variable present in a container.');
/** EnvVar is the type of an {@link EnvVar} value. */
export type EnvVar = z.infer<typeof EnvVar>;

/** EnvFromSource is core/v1 `EnvFromSource`: every key of a ConfigMap or Secret as environment variables. */
export const EnvFromSource = z
  .looseObject({
    prefix: z.string().optional().describe('Prefix prepended to each key.'),
    configMapRef: z
      .looseObject({ name: z.string().optional(), optional: z.boolean().optional() })
      .optional()
      .describe('The ConfigMap to select from.'),
    secretRef: z
      .looseObject({ name: z.string().optional(), optional: z.boolean().optional() })
      .optional()
      .describe('The Secret to select from.'),
  })
  .describe('A set of ConfigMaps or Secrets to populate environment variables from.');
/** EnvFromSource is the type of an {@link EnvFromSource} value. */
export type EnvFromSource = z.infer<typeof EnvFromSource>;

/** ResourceRequirements is core/v1 `ResourceRequirements`: a container's (or pod's) `requests` and `limits`. */
export const ResourceRequirements = z
  .looseObject({
    limits: ResourceList.optional().describe('Maximum amount of compute resources allowed.'),
    requests: ResourceList.optional().describe(
      'Minimum amount of compute resources required, used for scheduling.',
    ),
    claims: z
      .array(z.looseObject({ name: z.string(), request: z.string().optional() }))
      .optional()
      .describe('Dynamic resource claims used by this container.'),
  })
  .describe('Compute resource requirements.');
/** ResourceRequirements is the type of a {@link ResourceRequirements} value. */
export type ResourceRequirements = z.infer<typeof ResourceRequirements>;

/** VolumeMount is core/v1 `VolumeMount`: where a pod volume appears in a container; `name` and `mountPath` are required. */
export const VolumeMount = z
  .looseObject({
    name: z.string().describe('Name of the pod volume to mount.'),
    readOnly: z.boolean().optional().describe('Mount read-only.'),
    recursiveReadOnly: z.string().optional().describe('Disabled, IfPossible or Enabled.'),
    mountPath: z.string().describe('Path within the container.'),
    subPath: z.string().optional().describe('Path within the volume to mount instead of its root.'),
    mountPropagation: z.enum(['None', 'HostToContainer', 'Bidirectional']).optional(),
    subPathExpr: z.string().optional().describe('Like subPath, with $(VAR) expansion.'),
  })
  .describe('A mounting of a volume within a container.');
/** VolumeMount is the type of a {@link VolumeMount} value. */
export type VolumeMount = z.infer<typeof VolumeMount>;

/** ExecAction is core/v1 `ExecAction`: run a command in the container. */
export const ExecAction = z
  .looseObject({
    command: z.array(z.string()).optional().describe('Command line to execute (not run in a shell).'),
  })
  .describe('A command to run in the container.');
/** ExecAction is the type of an {@link ExecAction} value. */
export type ExecAction = z.infer<typeof ExecAction>;

/** HTTPGetAction is core/v1 `HTTPGetAction`: an HTTP GET against the pod; `port` is required. */
export const HTTPGetAction = z
  .looseObject({
    path: z.string().optional().describe('Path to access on the HTTP server.'),
    port: IntOrString.describe('Port number or name to access.'),
    host: z.string().optional().describe('Host name to connect to; defaults to the pod IP.'),
    scheme: z.enum(['HTTP', 'HTTPS']).optional().describe('Scheme; defaults to HTTP.'),
    httpHeaders: z
      .array(z.looseObject({ name: z.string(), value: z.string() }))
      .optional()
      .describe('Custom headers to set in the request.'),
  })
  .describe('An HTTP GET request.');
/** HTTPGetAction is the type of an {@link HTTPGetAction} value. */
export type HTTPGetAction = z.infer<typeof HTTPGetAction>;

/** TCPSocketAction is core/v1 `TCPSocketAction`: open a TCP connection; `port` is required. */
export const TCPSocketAction = z
  .looseObject({
    port: IntOrString.describe('Port number or name to connect to.'),
    host: z.string().optional().describe('Host name to connect to; defaults to the pod IP.'),
  })
  .describe('A TCP connection attempt.');
/** TCPSocketAction is the type of a {@link TCPSocketAction} value. */
export type TCPSocketAction = z.infer<typeof TCPSocketAction>;

/** GRPCAction is core/v1 `GRPCAction`: a gRPC health check; `port` is required. */
export const GRPCAction = z
  .looseObject({
    port: z.number().int().describe('Port number of the gRPC service.'),
    service: z.string().optional().describe('Service name placed in the gRPC HealthCheckRequest.'),
  })
  .describe('A gRPC health check.');
/** GRPCAction is the type of a {@link GRPCAction} value. */
export type GRPCAction = z.infer<typeof GRPCAction>;

/**
 * Probe is core/v1 `Probe`: a liveness, readiness or startup check (one of `exec`, `httpGet`,
 * `tcpSocket`, `grpc`) and its timing.
 */
export const Probe = z
  .looseObject({
    exec: ExecAction.optional(),
    httpGet: HTTPGetAction.optional(),
    tcpSocket: TCPSocketAction.optional(),
    grpc: GRPCAction.optional(),
    initialDelaySeconds: z.number().int().optional().describe('Seconds after start before the first probe.'),
    timeoutSeconds: z
      .number()
      .int()
      .optional()
      .describe('Seconds after which the probe times out; defaults to 1.'),
    periodSeconds: z.number().int().optional().describe('Seconds between probes; defaults to 10.'),
    successThreshold: z
      .number()
      .int()
      .optional()
      .describe('Consecutive successes to be considered successful after a failure; defaults to 1.'),
    failureThreshold: z
      .number()
      .int()
      .optional()
      .describe('Consecutive failures to be considered failed; defaults to 3.'),
    terminationGracePeriodSeconds: z
      .number()
      .int()
      .optional()
      .describe('Grace period when a liveness or startup probe fails.'),
  })
  .describe('A health check performed against a container.');
/** Probe is the type of a {@link Probe} value. */
export type Probe = z.infer<typeof Probe>;

/** LifecycleHandler is core/v1 `LifecycleHandler`: the action of a postStart or preStop hook. */
export const LifecycleHandler = z
  .looseObject({
    exec: ExecAction.optional(),
    httpGet: HTTPGetAction.optional(),
    tcpSocket: TCPSocketAction.optional(),
    sleep: z.looseObject({ seconds: z.number().int() }).optional().describe('Sleep for this many seconds.'),
  })
  .describe('An action taken in a lifecycle hook.');
/** LifecycleHandler is the type of a {@link LifecycleHandler} value. */
export type LifecycleHandler = z.infer<typeof LifecycleHandler>;

/** Lifecycle is core/v1 `Lifecycle`: a container's postStart and preStop hooks. */
export const Lifecycle = z
  .looseObject({
    postStart: LifecycleHandler.optional().describe('Called immediately after the container is created.'),
    preStop: LifecycleHandler.optional().describe('Called immediately before the container is terminated.'),
    stopSignal: z.string().optional().describe('Signal sent to stop the container.'),
  })
  .describe('Actions taken in response to container lifecycle events.');
/** Lifecycle is the type of a {@link Lifecycle} value. */
export type Lifecycle = z.infer<typeof Lifecycle>;

/** SecurityContext is core/v1 `SecurityContext` of a container; the common fields are typed, the rest preserved. */
export const SecurityContext = z
  .looseObject({
    runAsUser: z.number().int().optional(),
    runAsGroup: z.number().int().optional(),
    runAsNonRoot: z.boolean().optional(),
    privileged: z.boolean().optional(),
    readOnlyRootFilesystem: z.boolean().optional(),
    allowPrivilegeEscalation: z.boolean().optional(),
    capabilities: z
      .looseObject({ add: z.array(z.string()).optional(), drop: z.array(z.string()).optional() })
      .optional(),
  })
  .describe('Security options of a container.');
/** SecurityContext is the type of a {@link SecurityContext} value. */
export type SecurityContext = z.infer<typeof SecurityContext>;

/** PodSecurityContext is core/v1 `PodSecurityContext`; the common fields are typed, the rest preserved. */
export const PodSecurityContext = z
  .looseObject({
    runAsUser: z.number().int().optional(),
    runAsGroup: z.number().int().optional(),
    runAsNonRoot: z.boolean().optional(),
    fsGroup: z.number().int().optional(),
    supplementalGroups: z.array(z.number().int()).optional(),
  })
  .describe('Pod-level security attributes.');
/** PodSecurityContext is the type of a {@link PodSecurityContext} value. */
export type PodSecurityContext = z.infer<typeof PodSecurityContext>;

/**
 * Container is core/v1 `Container`: one container of a pod. Only `name` is required, as in
 * Kubernetes (`image` may be filled in by admission or configuration management).
 */
export const Container = z
  .looseObject({
    name: z.string().describe('Name of the container, a DNS label unique within the pod.'),
    image: z.string().optional().describe('Container image name.'),
    command: z.array(z.string()).optional().describe("Entrypoint array; replaces the image's ENTRYPOINT."),
    args: z.array(z.string()).optional().describe("Arguments to the entrypoint; replace the image's CMD."),
    workingDir: z.string().optional().describe("Container's working directory."),
    ports: z.array(ContainerPort).optional().describe('Ports to expose from the container.'),
    envFrom: z.array(EnvFromSource).optional().describe('Sources to populate environment variables from.'),
    env: z.array(EnvVar).optional().describe('Environment variables to set in the container.'),
    resources: ResourceRequirements.optional().describe('Compute resources required by this container.'),
    resizePolicy: z
      .array(z.looseObject({ resourceName: z.string(), restartPolicy: z.string() }))
      .optional()
      .describe('Resize policy per resource.'),
    restartPolicy: z
      .string()
      .optional()
      .describe('Always makes an init container a sidecar that restarts independently.'),
    volumeMounts: z.array(VolumeMount).optional().describe('Pod volumes to mount into the filesystem.'),
    volumeDevices: z
      .array(z.looseObject({ name: z.string(), devicePath: z.string() }))
      .optional()
      .describe('Block devices to be used by the container.'),
    livenessProbe: Probe.optional().describe('Restart the container when this probe fails.'),
    readinessProbe: Probe.optional().describe('Remove the pod from service endpoints when this probe fails.'),
    startupProbe: Probe.optional().describe('Other probes start only after this one succeeds.'),
    lifecycle: Lifecycle.optional(),
    terminationMessagePath: z.string().optional(),
    terminationMessagePolicy: z.enum(['File', 'FallbackToLogsOnError']).optional(),
    imagePullPolicy: z
      .enum(['Always', 'Never', 'IfNotPresent'])
      .optional()
      .describe('Always, Never or IfNotPresent; defaults from the image tag.'),
    securityContext: SecurityContext.optional(),
    stdin: z.boolean().optional(),
    stdinOnce: z.boolean().optional(),
    tty: z.boolean().optional(),
  })
  .describe('A single application container to run within a pod.');
/** Container is the type of a {@link Container} value. */
export type Container = z.infer<typeof Container>;

/**
 * NodeSelectorRequirement is core/v1 `NodeSelectorRequirement`: a `key`, an `operator` (`In`,
 * `NotIn`, `Exists`, `DoesNotExist`, `Gt`, `Lt`) and `values`.
 */
export const NodeSelectorRequirement = z
  .looseObject({
    key: z.string().describe('The label (or field) key the selector applies to.'),
    operator: z
      .enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'])
      .describe("The key's relationship to the values."),
    values: z
      .array(z.string())
      .optional()
      .describe('Values for In and NotIn; one integer for Gt and Lt; empty for Exists and DoesNotExist.'),
  })
  .describe('A node selector requirement.');
/** NodeSelectorRequirement is the type of a {@link NodeSelectorRequirement} value. */
export type NodeSelectorRequirement = z.infer<typeof NodeSelectorRequirement>;

/** NodeSelectorTerm is core/v1 `NodeSelectorTerm`: requirements on node labels and fields, ANDed. */
export const NodeSelectorTerm = z
  .looseObject({
    matchExpressions: z
      .array(NodeSelectorRequirement)
      .optional()
      .describe("Requirements on the node's labels."),
    matchFields: z
      .array(NodeSelectorRequirement)
      .optional()
      .describe("Requirements on the node's fields (metadata.name)."),
  })
  .describe('Requirements ANDed together; an empty term matches no node.');
/** NodeSelectorTerm is the type of a {@link NodeSelectorTerm} value. */
export type NodeSelectorTerm = z.infer<typeof NodeSelectorTerm>;

/** NodeSelector is core/v1 `NodeSelector`: node selector terms, ORed. */
export const NodeSelector = z
  .looseObject({
    nodeSelectorTerms: z.array(NodeSelectorTerm).describe('Terms ORed together.'),
  })
  .describe('The union of the results of one or more node selector terms.');
/** NodeSelector is the type of a {@link NodeSelector} value. */
export type NodeSelector = z.infer<typeof NodeSelector>;

/** PreferredSchedulingTerm is core/v1 `PreferredSchedulingTerm`: a weighted (1-100) node preference. */
export const PreferredSchedulingTerm = z
  .looseObject({
    weight: z.number().int().describe('Weight in the range 1-100.'),
    preference: NodeSelectorTerm,
  })
  .describe('A weighted node selector term.');
/** PreferredSchedulingTerm is the type of a {@link PreferredSchedulingTerm} value. */
export type PreferredSchedulingTerm = z.infer<typeof PreferredSchedulingTerm>;

/** NodeAffinity is core/v1 `NodeAffinity`: required and preferred node selection rules. */
export const NodeAffinity = z
  .looseObject({
    requiredDuringSchedulingIgnoredDuringExecution: NodeSelector.optional().describe(
      'The pod is not scheduled onto a node that does not match.',
    ),
    preferredDuringSchedulingIgnoredDuringExecution: z
      .array(PreferredSchedulingTerm)
      .optional()
      .describe('The scheduler prefers nodes matching these terms, by weight.'),
  })
  .describe('Node affinity scheduling rules.');
/** NodeAffinity is the type of a {@link NodeAffinity} value. */
export type NodeAffinity = z.infer<typeof NodeAffinity>;

/**
 * PodAffinityTerm is core/v1 `PodAffinityTerm`: the pods (by `labelSelector`, in `namespaces` or
 * `namespaceSelector`) this pod should (or should not) share a `topologyKey` domain with.
 */
export const PodAffinityTerm = z
  .looseObject({
    labelSelector: LabelSelectorSchema.optional().describe('A label query over pods.'),
    namespaces: z.array(z.string()).optional().describe('Namespaces the labelSelector applies to.'),
    topologyKey: z.string().describe('Node label whose values define the co-location domain.'),
    namespaceSelector: LabelSelectorSchema.optional().describe('A label query over namespaces.'),
    matchLabelKeys: z.array(z.string()).optional(),
    mismatchLabelKeys: z.array(z.string()).optional(),
  })
  .describe('A set of pods this pod should be co-located (or not) with.');
/** PodAffinityTerm is the type of a {@link PodAffinityTerm} value. */
export type PodAffinityTerm = z.infer<typeof PodAffinityTerm>;

/** WeightedPodAffinityTerm is core/v1 `WeightedPodAffinityTerm`: a weighted (1-100) pod affinity term. */
export const WeightedPodAffinityTerm = z
  .looseObject({
    weight: z.number().int().describe('Weight in the range 1-100.'),
    podAffinityTerm: PodAffinityTerm,
  })
  .describe('A weighted pod affinity term.');
/** WeightedPodAffinityTerm is the type of a {@link WeightedPodAffinityTerm} value. */
export type WeightedPodAffinityTerm = z.infer<typeof WeightedPodAffinityTerm>;

/** PodAffinity is core/v1 `PodAffinity` (and `PodAntiAffinity`, which has the same shape). */
export const PodAffinity = z
  .looseObject({
    requiredDuringSchedulingIgnoredDuringExecution: z.array(PodAffinityTerm).optional(),
    preferredDuringSchedulingIgnoredDuringExecution: z.array(WeightedPodAffinityTerm).optional(),
  })
  .describe('Inter-pod affinity (or anti-affinity) scheduling rules.');
/** PodAffinity is the type of a {@link PodAffinity} value. */
export type PodAffinity = z.infer<typeof PodAffinity>;

/** Affinity is core/v1 `Affinity`: node affinity, pod affinity and pod anti-affinity. */
export const Affinity = z
  .looseObject({
    nodeAffinity: NodeAffinity.optional(),
    podAffinity: PodAffinity.optional(),
    podAntiAffinity: PodAffinity.optional(),
  })
  .describe("The pod's scheduling constraints.");
/** Affinity is the type of an {@link Affinity} value. */
export type Affinity = z.infer<typeof Affinity>;

/**
 * TaintEffect is what a taint does to pods that do not tolerate it: `NoSchedule`,
 * `PreferNoSchedule` or `NoExecute`.
 */
export const TaintEffect = z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
/** TaintEffect is the type of a {@link TaintEffect} value. */
export type TaintEffect = z.infer<typeof TaintEffect>;

/**
 * Toleration is core/v1 `Toleration`: lets a pod schedule onto (or stay on) nodes with matching
 * taints. An empty `key` with operator `Exists` tolerates everything.
 */
export const Toleration = z
  .looseObject({
    key: z.string().optional().describe('Taint key the toleration applies to; empty means all keys.'),
    operator: z
      .enum(['Exists', 'Equal'])
      .or(z.literal(''))
      .optional()
      .describe('Exists or Equal; empty means Equal.'),
    value: z.string().optional().describe('Taint value to match when the operator is Equal.'),
    effect: TaintEffect.or(z.literal(''))
      .optional()
      .describe('Taint effect to match; empty means all effects.'),
    tolerationSeconds: z
      .number()
      .int()
      .optional()
      .describe('For NoExecute: how long the pod stays bound after the taint appears.'),
  })
  .describe('A toleration of taints.');
/** Toleration is the type of a {@link Toleration} value. */
export type Toleration = z.infer<typeof Toleration>;

/** TopologySpreadConstraint is core/v1 `TopologySpreadConstraint`: how to spread matching pods across domains. */
export const TopologySpreadConstraint = z
  .looseObject({
    maxSkew: z.number().int().describe('Maximum permitted difference in matching pods between domains.'),
    topologyKey: z.string().describe('Node label key that defines a domain.'),
    whenUnsatisfiable: z
      .enum(['DoNotSchedule', 'ScheduleAnyway'])
      .describe('What to do when the skew is exceeded.'),
    labelSelector: LabelSelectorSchema.optional().describe('Finds the pods counted in each domain.'),
    minDomains: z.number().int().optional(),
    nodeAffinityPolicy: z.enum(['Honor', 'Ignore']).optional(),
    nodeTaintsPolicy: z.enum(['Honor', 'Ignore']).optional(),
    matchLabelKeys: z.array(z.string()).optional(),
  })
  .describe('How to spread matching pods among the given topology.');
/** TopologySpreadConstraint is the type of a {@link TopologySpreadConstraint} value. */
export type TopologySpreadConstraint = z.infer<typeof TopologySpreadConstraint>;

/** KeyToPath is core/v1 `KeyToPath`: projects one key of a ConfigMap or Secret to a file path. */
export const KeyToPath = z
  .looseObject({
    key: z.string(),
    path: z.string(),
    mode: z.number().int().optional(),
  })
  .describe('Maps a key to a path within a volume.');
/** KeyToPath is the type of a {@link KeyToPath} value. */
export type KeyToPath = z.infer<typeof KeyToPath>;

/**
 * Volume is core/v1 `Volume`: a named volume of the pod. The common sources (`emptyDir`,
 * `configMap`, `secret`, `hostPath`, `persistentVolumeClaim`, `projected`, `downwardAPI`) are typed;
 * every other source is preserved as written.
 */
export const Volume = z
  .looseObject({
    name: z.string().describe('Name of the volume, a DNS label unique within the pod.'),
    emptyDir: z
      .looseObject({ medium: z.string().optional(), sizeLimit: QuantityValue.optional() })
      .optional()
      .describe('A temporary directory that shares the pod lifetime.'),
    configMap: z
      .looseObject({
        name: z.string().optional(),
        items: z.array(KeyToPath).optional(),
        defaultMode: z.number().int().optional(),
        optional: z.boolean().optional(),
      })
      .optional()
      .describe('A ConfigMap to populate the volume.'),
    secret: z
      .looseObject({
        secretName: z.string().optional(),
        items: z.array(KeyToPath).optional(),
        defaultMode: z.number().int().optional(),
        optional: z.boolean().optional(),
      })
      .optional()
      .describe('A Secret to populate the volume.'),
    hostPath: z
      .looseObject({ path: z.string(), type: z.string().optional() })
      .optional()
      .describe('A file or directory on the host.'),
    persistentVolumeClaim: z
      .looseObject({ claimName: z.string(), readOnly: z.boolean().optional() })
      .optional()
      .describe('A PersistentVolumeClaim in the same namespace.'),
    projected: z
      .looseObject({
        sources: z.array(z.looseObject({})).optional(),
        defaultMode: z.number().int().optional(),
      })
      .optional()
      .describe('Several sources projected into one directory.'),
    downwardAPI: z
      .looseObject({
        items: z.array(z.looseObject({ path: z.string() })).optional(),
        defaultMode: z.number().int().optional(),
      })
      .optional()
      .describe('Pod fields exposed as files.'),
  })
  .describe('A named volume in a pod.');
/** Volume is the type of a {@link Volume} value. */
export type Volume = z.infer<typeof Volume>;

/**
 * PodSpec is core/v1 `PodSpec` with every field the scheduler, the controllers and the node
 * agent act on typed. `containers` is required; everything else is optional and fields not named
 * here are preserved.
 */
export const PodSpec = z
  .looseObject({
    volumes: z.array(Volume).optional().describe('Volumes that can be mounted by containers of this pod.'),
    initContainers: z
      .array(Container)
      .optional()
      .describe('Containers run in order before the app containers start.'),
    containers: z.array(Container).describe('The containers of the pod; at least one.'),
    ephemeralContainers: z.array(z.looseObject({ name: z.string() })).optional(),
    restartPolicy: z
      .enum(['Always', 'OnFailure', 'Never'])
      .optional()
      .describe('Restart policy for all containers: Always, OnFailure or Never; defaults to Always.'),
    terminationGracePeriodSeconds: z
      .number()
      .int()
      .optional()
      .describe('Seconds between the termination signal and the kill; defaults to 30.'),
    activeDeadlineSeconds: z
      .number()
      .int()
      .optional()
      .describe('Seconds the pod may be active before the system fails it.'),
    dnsPolicy: z
      .enum(['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'])
      .optional()
      .describe('DNS policy; defaults to ClusterFirst.'),
    nodeSelector: z
      .record(z.string(), z.string())
      .optional()
      .describe("Labels a node must carry for the pod to fit; ANDed with affinity's node requirements."),
    serviceAccountName: z.string().optional().describe('Name of the ServiceAccount the pod runs as.'),
    serviceAccount: z.string().optional().describe('Deprecated alias of serviceAccountName.'),
    automountServiceAccountToken: z.boolean().optional(),
    nodeName: z
      .string()
      .optional()
      .describe('The node the pod is bound to; set by the scheduler through the binding subresource.'),
    hostNetwork: z.boolean().optional().describe("Use the host's network namespace."),
    hostPID: z.boolean().optional(),
    hostIPC: z.boolean().optional(),
    shareProcessNamespace: z.boolean().optional(),
    securityContext: PodSecurityContext.optional(),
    imagePullSecrets: z.array(LocalObjectReference).optional(),
    hostname: z.string().optional(),
    subdomain: z.string().optional(),
    affinity: Affinity.optional(),
    schedulerName: z
      .string()
      .optional()
      .describe('The scheduler that places this pod; defaults to default-scheduler.'),
    tolerations: z.array(Toleration).optional().describe("The pod's tolerations of node taints."),
    hostAliases: z
      .array(z.looseObject({ ip: z.string(), hostnames: z.array(z.string()).optional() }))
      .optional(),
    priorityClassName: z.string().optional().describe('Name of the PriorityClass that sets the priority.'),
    priority: z
      .number()
      .int()
      .optional()
      .describe('Priority value, filled in from priorityClassName by admission.'),
    dnsConfig: z
      .looseObject({
        nameservers: z.array(z.string()).optional(),
        searches: z.array(z.string()).optional(),
        options: z
          .array(z.looseObject({ name: z.string().optional(), value: z.string().optional() }))
          .optional(),
      })
      .optional(),
    readinessGates: z
      .array(z.looseObject({ conditionType: z.string() }))
      .optional()
      .describe('Extra pod conditions that must be True for the pod to be ready.'),
    runtimeClassName: z.string().optional(),
    enableServiceLinks: z.boolean().optional(),
    preemptionPolicy: z
      .enum(['PreemptLowerPriority', 'Never'])
      .optional()
      .describe('Whether this pod may preempt lower-priority pods; defaults to PreemptLowerPriority.'),
    overhead: ResourceList.optional().describe('Resources consumed by the pod sandbox, added to requests.'),
    topologySpreadConstraints: z.array(TopologySpreadConstraint).optional(),
    setHostnameAsFQDN: z.boolean().optional(),
    os: z.looseObject({ name: z.string() }).optional(),
    hostUsers: z.boolean().optional(),
    schedulingGates: z
      .array(z.looseObject({ name: z.string() }))
      .optional()
      .describe('The pod is not scheduled while any gate remains.'),
    resourceClaims: z.array(z.looseObject({ name: z.string() })).optional(),
    resources: ResourceRequirements.optional().describe('Pod-level resource requirements.'),
  })
  .describe('The specification of a pod.');
/** PodSpec is the type of a {@link PodSpec} value. */
export type PodSpec = z.infer<typeof PodSpec>;

/** PodTemplateSpec is core/v1 `PodTemplateSpec`: the metadata and spec of pods a workload creates. */
export const PodTemplateSpec = z
  .looseObject({
    metadata: ObjectMeta.optional().describe('Metadata of the pods created from this template.'),
    spec: PodSpec,
  })
  .describe('The template pods are created from.');
/** PodTemplateSpec is the type of a {@link PodTemplateSpec} value. */
export type PodTemplateSpec = z.infer<typeof PodTemplateSpec>;
