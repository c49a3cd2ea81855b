import { PatchError } from './patch-error.js';
import {
  createPatchStrategyLookup,
  type FieldPatchStrategy,
  type PatchSchema,
  type PatchStrategyLookup,
} from './patch-strategy.js';

const merge = (mergeKey: string): FieldPatchStrategy => ({ strategy: 'merge', mergeKey });
const mergeRetainKeys = (mergeKey: string): FieldPatchStrategy => ({
  strategy: 'merge',
  mergeKey,
  retainKeys: true,
});
const set: FieldPatchStrategy = { strategy: 'merge' };
const conditions: Readonly<Record<string, FieldPatchStrategy>> = { conditions: merge('type') };

/**
 * BUILTIN_PATCH_STRUCTS holds the `patchStrategy`/`patchMergeKey` struct tags of the k8s.io/api
 * structs that Capstan's built-in kinds share, transcribed from the Go types. A list not named
 * here has no tag and is replaced by a patch — notably `tolerations`, `readinessGates`,
 * `envFrom`, node `taints`, `Endpoints.subsets` (and everything in an `EndpointSubset`),
 * `EndpointSlice.endpoints`/`ports`, `volumeClaimTemplates`, RBAC `rules`/`subjects`.
 */
export const BUILTIN_PATCH_STRUCTS: Readonly<Record<string, PatchSchema>> = {
  ObjectMeta: { fields: { finalizers: set, ownerReferences: merge('uid') } },
  Container: {
    fields: {
      ports: merge('containerPort'),
      env: merge('name'),
      volumeMounts: merge('mountPath'),
      volumeDevices: merge('devicePath'),
    },
  },
  PodSpec: {
    fields: {
      volumes: mergeRetainKeys('name'),
      initContainers: merge('name'),
      containers: merge('name'),
      ephemeralContainers: merge('name'),
      imagePullSecrets: merge('name'),
      hostAliases: merge('ip'),
      // The Go type also lists whenUnsatisfiable as a map key for server-side apply; the patch
      // merge key is topologyKey alone.
      topologySpreadConstraints: merge('topologyKey'),
      schedulingGates: merge('name'),
      resourceClaims: mergeRetainKeys('name'),
    },
    // EphemeralContainerCommon carries the same tags as Container.
    structs: {
      'initContainers[]': 'Container',
      'containers[]': 'Container',
      'ephemeralContainers[]': 'Container',
    },
  },
  PodStatus: {
    fields: {
      ...conditions,
      podIPs: merge('ip'),
      hostIPs: merge('ip'),
      resourceClaimStatuses: mergeRetainKeys('name'),
    },
  },
  PodTemplateSpec: { structs: { metadata: 'ObjectMeta', spec: 'PodSpec' } },
  JobTemplateSpec: { structs: { metadata: 'ObjectMeta', 'spec.template': 'PodTemplateSpec' } },
};

/** kind adds the `metadata: ObjectMeta` every object has to a kind's schema. */
function kind(schema: PatchSchema = {}): PatchSchema {
  return { ...schema, structs: { metadata: 'ObjectMeta', ...schema.structs } };
}

const withStatusConditions = kind({ fields: { 'status.conditions': merge('type') } });
const workload = (fields: Readonly<Record<string, FieldPatchStrategy>> = {}): PatchSchema =>
  kind({
    fields: { 'status.conditions': merge('type'), ...fields },
    structs: { 'spec.template': 'PodTemplateSpec' },
  });

/**
 * BUILTIN_PATCH_KINDS maps the kind key (`<apiVersion>/<kind>`, as {@link patchKindKey} builds it)
 * of every built-in kind Capstan serves to its strategic merge patch schema. Pod templates reuse
 * the PodSpec table wherever they appear (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
 * CronJob). A kind with no list strategies of its own still appears: Kubernetes accepts strategic
 * merge patches for every built-in kind. `autoscaling/v1/Scale` is the body of the `scale`
 * subresource. A kind added to Capstan's built-in resources needs a row here too.
 */
export const BUILTIN_PATCH_KINDS: Readonly<Record<string, PatchSchema>> = {
  'v1/Pod': kind({ structs: { spec: 'PodSpec', status: 'PodStatus' } }),
  'v1/Node': kind({
    fields: { 'spec.podCIDRs': set, 'status.conditions': merge('type'), 'status.addresses': merge('type') },
  }),
  'v1/Service': kind({ fields: { 'spec.ports': merge('port'), 'status.conditions': merge('type') } }),
  'v1/Endpoints': kind(),
  'v1/Namespace': withStatusConditions,
  'v1/ServiceAccount': kind({ fields: { secrets: merge('name') } }),
  'v1/ConfigMap': kind(),
  'v1/Secret': kind(),
  'v1/Event': kind(),
  'v1/PersistentVolumeClaim': withStatusConditions,
  'apps/v1/Deployment': workload({ 'spec.strategy': { retainKeys: true } }),
  'apps/v1/ReplicaSet': workload(),
  'apps/v1/StatefulSet': workload(),
  'apps/v1/DaemonSet': workload(),
  'batch/v1/Job': workload(),
  'batch/v1/CronJob': kind({ structs: { 'spec.jobTemplate': 'JobTemplateSpec' } }),
  'autoscaling/v1/Scale': kind(),
  'coordination.k8s.io/v1/Lease': kind(),
  'discovery.k8s.io/v1/EndpointSlice': kind(),
  'scheduling.k8s.io/v1/PriorityClass': kind(),
  'rbac.authorization.k8s.io/v1/Role': kind(),
  'rbac.authorization.k8s.io/v1/ClusterRole': kind(),
  'rbac.authorization.k8s.io/v1/RoleBinding': kind(),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': kind(),
  'apiextensions.k8s.io/v1/CustomResourceDefinition': kind(),
};

/** patchKindKey returns the key a kind has in {@link BUILTIN_PATCH_KINDS}: `apps/v1` + `Deployment` → `apps/v1/Deployment`. */
export function patchKindKey(apiVersion: string, kindName: string): string {
  return `${apiVersion}/${kindName}`;
}

/**
 * hasStrategicMergeSupport tells whether strategic merge patch is available for `kindKey`. It is
 * false for custom resources, which the API server answers with 415 Unsupported Media Type, as
 * Kubernetes does.
 */
export function hasStrategicMergeSupport(kindKey: string): boolean {
  return Object.hasOwn(BUILTIN_PATCH_KINDS, kindKey);
}

const lookups = new Map<string, PatchStrategyLookup>();

/**
 * builtinPatchStrategyLookup returns the strategy lookup of the built-in kind `kindKey`, compiled
 * once and shared.
 *
 * @throws PatchError `UnsupportedMediaType` (415) when the kind has no strategy table.
 */
export function builtinPatchStrategyLookup(kindKey: string): PatchStrategyLookup {
  const cached = lookups.get(kindKey);
  if (cached !== undefined) return cached;
  const schema = hasStrategicMergeSupport(kindKey) ? BUILTIN_PATCH_KINDS[kindKey] : undefined;
  if (schema === undefined) {
    throw new PatchError(
      'UnsupportedMediaType',
      `strategic merge patch is not supported for ${kindKey}: use application/json-patch+json or application/merge-patch+json`,
    );
  }
  const lookup = createPatchStrategyLookup(schema, BUILTIN_PATCH_STRUCTS);
  lookups.set(kindKey, lookup);
  return lookup;
}
