import { ObjectMeta } from '@capstan/core';
import { z } from 'zod';

// The bodies of API operations that are not registered resources — delete options, watch
// events, patches, and the Scale and Eviction subresources — as zod schemas, so that their
// OpenAPI definitions are generated the same way as the resources'.

/** Preconditions is `metav1.Preconditions`: what must hold before a delete is carried out. */
export const Preconditions = z
  .looseObject({
    resourceVersion: z.string().optional().describe('The target resourceVersion.'),
    uid: z.string().optional().describe('The target UID.'),
  })
  .describe('Preconditions that must be fulfilled before an operation is carried out.');

/** DeleteOptions is `metav1.DeleteOptions`, the optional body of a delete or deletecollection. */
export const DeleteOptions = z
  .looseObject({
    apiVersion: z.string().optional().describe('The versioned schema of this object.'),
    kind: z.string().optional().describe('The kind of this object: DeleteOptions.'),
    dryRun: z
      .array(z.string())
      .optional()
      .describe('When present, modifications are not persisted; the only valid value is All.'),
    gracePeriodSeconds: z
      .number()
      .int()
      .optional()
      .describe('Seconds before the object is deleted; zero means delete immediately.'),
    preconditions: Preconditions.optional().describe('Must be fulfilled before the deletion is carried out.'),
    orphanDependents: z
      .boolean()
      .optional()
      .describe('Deprecated: use propagationPolicy. Whether dependents are orphaned.'),
    propagationPolicy: z
      .enum(['Orphan', 'Background', 'Foreground'])
      .optional()
      .describe('Whether and how garbage collection deletes dependents: Orphan, Background or Foreground.'),
    ignoreStoreReadErrorWithClusterBreakingPotential: z
      .boolean()
      .optional()
      .describe('Delete an object whose stored data cannot be read.'),
  })
  .describe('Options that may be provided when deleting an API object.');

/** RawExtension is `runtime.RawExtension`: an embedded object of any kind, kept as written. */
export const RawExtension = z.looseObject({}).describe('An embedded object of any kind.');

/** WatchEvent is `metav1.WatchEvent`: one event of a watch stream. */
export const WatchEvent = z
  .looseObject({
    type: z.string().describe('ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.'),
    object: RawExtension.describe(
      'The object: the changed object, the bookmark, or a Status for ERROR events.',
    ),
  })
  .describe('An event of a watch stream.');

/** Patch is `metav1.Patch`: a patch document, whose form the request's Content-Type names. */
export const Patch = z
  .looseObject({})
  .describe('A patch: a JSON patch, a merge patch, a strategic merge patch or an apply configuration.');

/** ScaleSpec is `autoscaling/v1` `ScaleSpec`: the desired number of replicas. */
export const ScaleSpec = z
  .looseObject({
    replicas: z.number().int().optional().describe('Desired number of instances of the scaled object.'),
  })
  .describe('The attributes of a scale subresource.');

/** ScaleStatus is `autoscaling/v1` `ScaleStatus`: the observed replicas and their label selector. */
export const ScaleStatus = z
  .looseObject({
    replicas: z.number().int().describe('Actual number of observed instances of the scaled object.'),
    selector: z
      .string()
      .optional()
      .describe('Label query over the pods counted in replicas, in label selector string form.'),
  })
  .describe('The current status of a scale subresource.');

/** Scale is `autoscaling/v1` `Scale`, the body of every `scale` subresource. */
export const Scale = z
  .looseObject({
    apiVersion: z.string().optional().describe('The versioned schema of this object: autoscaling/v1.'),
    kind: z.string().optional().describe('The kind of this object: Scale.'),
    metadata: ObjectMeta.optional(),
    spec: ScaleSpec.optional().describe('The desired state of the scale.'),
    status: ScaleStatus.optional().describe('The current state of the scale; read-only.'),
  })
  .describe('Scale represents a scaling request for a resource.');

/** Eviction is `policy/v1` `Eviction`, the body of `pods/eviction`. */
export const Eviction = z
  .looseObject({
    apiVersion: z.string().optional().describe('The versioned schema of this object: policy/v1.'),
    kind: z.string().optional().describe('The kind of this object: Eviction.'),
    metadata: ObjectMeta.optional().describe('Names the pod to evict.'),
    deleteOptions: DeleteOptions.optional().describe('The options of the pod deletion.'),
  })
  .describe('Eviction evicts a pod from its node, subject to disruption budgets.');
