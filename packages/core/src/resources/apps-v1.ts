import { z } from 'zod';
import { IntOrString } from '../meta/int-or-string.js';
import { LabelSelectorSchema } from '../meta/label-selector.js';
import { ObjectMeta } from '../meta/object-meta.js';
import { Time } from '../meta/time.js';
import { defineResource } from './define-resource.js';
import { PodTemplateSpec } from './pod-spec.js';
import type { ResourceObject } from './resource-type.js';

// The apps/v1 API group: Deployments, ReplicaSets, DaemonSets and StatefulSets.

/** WorkloadCondition is the condition shape of apps/v1 workloads (`DeploymentCondition`, `ReplicaSetCondition` …). */
export const WorkloadCondition = z.looseObject({
  type: z.string().describe('Available, Progressing, ReplicaFailure …'),
  status: z.string().describe('True, False or Unknown.'),
  lastUpdateTime: Time.nullish().describe('Deployments only: the last time this condition was updated.'),
  lastTransitionTime: Time.nullish(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
/** WorkloadCondition is the type of a {@link WorkloadCondition} value. */
export type WorkloadCondition = z.infer<typeof WorkloadCondition>;

const replicas = z.number().int().optional().describe('Desired number of pods; defaults to 1.');
const selector = LabelSelectorSchema.describe("Label query over pods; must match the template's labels.");
const minReadySeconds = z
  .number()
  .int()
  .optional()
  .describe('Seconds a new pod must be ready without crashing to count as available.');
const revisionHistoryLimit = z.number().int().optional().describe('Old revisions kept for rollback.');
const observedGeneration = z
  .number()
  .int()
  .optional()
  .describe('The metadata.generation the controller last acted on.');
const collisionCount = z.number().int().optional();

/** RollingUpdateDeployment is apps/v1 `RollingUpdateDeployment`: `maxUnavailable` and `maxSurge`, numbers or percentages. */
export const RollingUpdateDeployment = z.looseObject({
  maxUnavailable: IntOrString.optional().describe(
    'Pods that may be unavailable during the update; defaults to 25%.',
  ),
  maxSurge: IntOrString.optional().describe(
    'Pods that may be created above the desired count; defaults to 25%.',
  ),
});
/** RollingUpdateDeployment is the type of a {@link RollingUpdateDeployment} value. */
export type RollingUpdateDeployment = z.infer<typeof RollingUpdateDeployment>;

/** DeploymentStrategy is apps/v1 `DeploymentStrategy`: `Recreate` or `RollingUpdate`. */
export const DeploymentStrategy = z.looseObject({
  type: z
    .enum(['Recreate', 'RollingUpdate'])
    .optional()
    .describe('Recreate or RollingUpdate; defaults to RollingUpdate.'),
  rollingUpdate: RollingUpdateDeployment.optional(),
});
/** DeploymentStrategy is the type of a {@link DeploymentStrategy} value. */
export type DeploymentStrategy = z.infer<typeof DeploymentStrategy>;

/** DeploymentSpec is apps/v1 `DeploymentSpec`; `selector` and `template` are required. */
export const DeploymentSpec = z.looseObject({
  replicas,
  selector,
  template: PodTemplateSpec,
  strategy: DeploymentStrategy.optional(),
  minReadySeconds,
  revisionHistoryLimit,
  paused: z.boolean().optional().describe('When true, the deployment controller does not roll out changes.'),
  progressDeadlineSeconds: z
    .number()
    .int()
    .optional()
    .describe('Seconds without progress before the deployment is reported failed; defaults to 600.'),
});
/** DeploymentSpec is the type of a {@link DeploymentSpec} value. */
export type DeploymentSpec = z.infer<typeof DeploymentSpec>;

/** DeploymentStatus is apps/v1 `DeploymentStatus`. */
export const DeploymentStatus = z.looseObject({
  observedGeneration,
  replicas: z.number().int().optional(),
  updatedReplicas: z.number().int().optional(),
  readyReplicas: z.number().int().optional(),
  availableReplicas: z.number().int().optional(),
  unavailableReplicas: z.number().int().optional(),
  terminatingReplicas: z.number().int().optional(),
  conditions: z.array(WorkloadCondition).optional(),
  collisionCount,
});
/** DeploymentStatus is the type of a {@link DeploymentStatus} value. */
export type DeploymentStatus = z.infer<typeof DeploymentStatus>;

/** Deployment is the apps/v1 Deployment resource (short name `deploy`, category `all`, scalable). */
export const Deployment = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  plural: 'deployments',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  schema: z.object({ spec: DeploymentSpec, status: DeploymentStatus.optional() }),
  subresources: {
    status: true,
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.spec.selector',
    },
  },
  description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
});
/** Deployment is an apps/v1 Deployment object. */
export type Deployment = ResourceObject<typeof Deployment>;

/** ReplicaSetSpec is apps/v1 `ReplicaSetSpec`; `selector` and `template` are required. */
export const ReplicaSetSpec = z.looseObject({
  replicas,
  minReadySeconds,
  selector,
  template: PodTemplateSpec,
});
/** ReplicaSetSpec is the type of a {@link ReplicaSetSpec} value. */
export type ReplicaSetSpec = z.infer<typeof ReplicaSetSpec>;

/** ReplicaSetStatus is apps/v1 `ReplicaSetStatus`. */
export const ReplicaSetStatus = z.looseObject({
  replicas: z.number().int().optional().describe('Most recently observed number of replicas.'),
  fullyLabeledReplicas: z.number().int().optional(),
  readyReplicas: z.number().int().optional(),
  availableReplicas: z.number().int().optional(),
  terminatingReplicas: z.number().int().optional(),
  observedGeneration,
  conditions: z.array(WorkloadCondition).optional(),
});
/** ReplicaSetStatus is the type of a {@link ReplicaSetStatus} value. */
export type ReplicaSetStatus = z.infer<typeof ReplicaSetStatus>;

/** ReplicaSet is the apps/v1 ReplicaSet resource (short name `rs`, category `all`, scalable). */
export const ReplicaSet = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  plural: 'replicasets',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  schema: z.object({ spec: ReplicaSetSpec, status: ReplicaSetStatus.optional() }),
  subresources: {
    status: true,
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.spec.selector',
    },
  },
  selectableFields: {
    'status.replicas': (rs) => String(rs.status?.replicas ?? 0),
  },
  description: 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
});
/** ReplicaSet is an apps/v1 ReplicaSet object. */
export type ReplicaSet = ResourceObject<typeof ReplicaSet>;

/** DaemonSetUpdateStrategy is apps/v1 `DaemonSetUpdateStrategy`: `RollingUpdate` or `OnDelete`. */
export const DaemonSetUpdateStrategy = z.looseObject({
  type: z.enum(['RollingUpdate', 'OnDelete']).optional(),
  rollingUpdate: z
    .looseObject({ maxUnavailable: IntOrString.optional(), maxSurge: IntOrString.optional() })
    .optional(),
});
/** DaemonSetUpdateStrategy is the type of a {@link DaemonSetUpdateStrategy} value. */
export type DaemonSetUpdateStrategy = z.infer<typeof DaemonSetUpdateStrategy>;

/** DaemonSetSpec is apps/v1 `DaemonSetSpec`; `selector` and `template` are required. */
export const DaemonSetSpec = z.looseObject({
  selector,
  template: PodTemplateSpec,
  updateStrategy: DaemonSetUpdateStrategy.optional(),
  minReadySeconds,
  revisionHistoryLimit,
});
/** DaemonSetSpec is the type of a {@link DaemonSetSpec} value. */
export type DaemonSetSpec = z.infer<typeof DaemonSetSpec>;

/** DaemonSetStatus is apps/v1 `DaemonSetStatus`. */
export const DaemonSetStatus = z.looseObject({
  currentNumberScheduled: z.number().int().optional(),
  numberMisscheduled: z.number().int().optional(),
  desiredNumberScheduled: z.number().int().optional(),
  numberReady: z.number().int().optional(),
  observedGeneration,
  updatedNumberScheduled: z.number().int().optional(),
  numberAvailable: z.number().int().optional(),
  numberUnavailable: z.number().int().optional(),
  collisionCount,
  conditions: z.array(WorkloadCondition).optional(),
});
/** DaemonSetStatus is the type of a {@link DaemonSetStatus} value. */
export type DaemonSetStatus = z.infer<typeof DaemonSetStatus>;

/** DaemonSet is the apps/v1 DaemonSet resource (short name `ds`, category `all`). */
export const DaemonSet = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  plural: 'daemonsets',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  schema: z.object({ spec: DaemonSetSpec, status: DaemonSetStatus.optional() }),
  subresources: { status: true },
  description: 'DaemonSet runs a copy of a pod on every matching node.',
});
/** DaemonSet is an apps/v1 DaemonSet object. */
export type DaemonSet = ResourceObject<typeof DaemonSet>;

/** StatefulSetUpdateStrategy is apps/v1 `StatefulSetUpdateStrategy`: `RollingUpdate` (with a partition) or `OnDelete`. */
export const StatefulSetUpdateStrategy = z.looseObject({
  type: z.enum(['RollingUpdate', 'OnDelete']).optional(),
  rollingUpdate: z
    .looseObject({ partition: z.number().int().optional(), maxUnavailable: IntOrString.optional() })
    .optional(),
});
/** StatefulSetUpdateStrategy is the type of a {@link StatefulSetUpdateStrategy} value. */
export type StatefulSetUpdateStrategy = z.infer<typeof StatefulSetUpdateStrategy>;

/** StatefulSetSpec is apps/v1 `StatefulSetSpec`; `selector` and `template` are required. */
export const StatefulSetSpec = z.looseObject({
  replicas,
  selector,
  template: PodTemplateSpec,
  volumeClaimTemplates: z
    .array(
      z.looseObject({
        apiVersion: z.string().optional(),
        kind: z.string().optional(),
        metadata: ObjectMeta.optional(),
        spec: z.looseObject({}).optional(),
      }),
    )
    .optional()
    .describe('PersistentVolumeClaims each pod gets its own copy of.'),
  serviceName: z
    .string()
    .optional()
    .describe('The headless service that gives the pods their network identity.'),
  podManagementPolicy: z.enum(['OrderedReady', 'Parallel']).optional(),
  updateStrategy: StatefulSetUpdateStrategy.optional(),
  revisionHistoryLimit,
  minReadySeconds,
  persistentVolumeClaimRetentionPolicy: z
    .looseObject({ whenDeleted: z.string().optional(), whenScaled: z.string().optional() })
    .optional(),
  ordinals: z.looseObject({ start: z.number().int().optional() }).optional(),
});
/** StatefulSetSpec is the type of a {@link StatefulSetSpec} value. */
export type StatefulSetSpec = z.infer<typeof StatefulSetSpec>;

/** StatefulSetStatus is apps/v1 `StatefulSetStatus`. */
export const StatefulSetStatus = z.looseObject({
  observedGeneration,
  replicas: z.number().int().optional(),
  readyReplicas: z.number().int().optional(),
  currentReplicas: z.number().int().optional(),
  updatedReplicas: z.number().int().optional(),
  availableReplicas: z.number().int().optional(),
  currentRevision: z.string().optional(),
  updateRevision: z.string().optional(),
  collisionCount,
  conditions: z.array(WorkloadCondition).optional(),
});
/** StatefulSetStatus is the type of a {@link StatefulSetStatus} value. */
export type StatefulSetStatus = z.infer<typeof StatefulSetStatus>;

/** StatefulSet is the apps/v1 StatefulSet resource (short name `sts`, category `all`, scalable). */
export const StatefulSet = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'StatefulSet',
  plural: 'statefulsets',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  schema: z.object({ spec: StatefulSetSpec, status: StatefulSetStatus.optional() }),
  subresources: {
    status: true,
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.spec.selector',
    },
  },
  description: 'StatefulSet manages pods with stable identities and storage.',
});
/** StatefulSet is an apps/v1 StatefulSet object. */
export type StatefulSet = ResourceObject<typeof StatefulSet>;
