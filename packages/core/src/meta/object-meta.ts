import { z } from 'zod';
import { ManagedFieldsEntry } from './managed-fields-entry.js';
import { OwnerReference } from './owner-reference.js';
import { Time } from './time.js';

/**
 * ObjectMeta is `metav1.ObjectMeta`, the `metadata` of every persisted object, with Kubernetes'
 * field names. Every field is optional on the wire (the API server fills `uid`,
 * `resourceVersion`, `creationTimestamp` …); unknown fields are preserved so that metadata
 * written by newer clients round-trips. Names, labels and annotations are only type-checked
 * here; their syntax is validated by the API server.
 */
export const ObjectMeta = z
  .looseObject({
    name: z
      .string()
      .optional()
      .describe('Name, unique within a namespace (or the cluster for cluster-scoped kinds).'),
    generateName: z
      .string()
      .optional()
      .describe('Prefix from which the server generates a unique name when name is not given.'),
    namespace: z
      .string()
      .optional()
      .describe('The namespace the object lives in; empty for cluster-scoped kinds.'),
    selfLink: z.string().optional().describe('Deprecated: not set by current servers.'),
    uid: z.string().optional().describe('Unique identifier, set by the server on create, never reused.'),
    resourceVersion: z
      .string()
      .optional()
      .describe('Opaque version of the object, used for optimistic concurrency and watches.'),
    generation: z
      .number()
      .int()
      .optional()
      .describe('Sequence number of the desired state, set by the server.'),
    creationTimestamp: Time.nullish().describe('When the object was created, set by the server.'),
    deletionTimestamp: Time.nullish().describe(
      'When the object will be deleted; set when deletion is requested.',
    ),
    deletionGracePeriodSeconds: z
      .number()
      .int()
      .optional()
      .describe('Seconds allowed for graceful termination before the object is removed.'),
    labels: z
      .record(z.string(), z.string())
      .optional()
      .describe('Map of string keys and values for selection.'),
    annotations: z
      .record(z.string(), z.string())
      .optional()
      .describe('Map of string keys and values for arbitrary non-identifying metadata.'),
    ownerReferences: z
      .array(OwnerReference)
      .optional()
      .describe('Objects this object depends on; the garbage collector deletes it when all owners are gone.'),
    finalizers: z
      .array(z.string())
      .optional()
      .describe('Keys that must be removed before the object is deleted from storage.'),
    managedFields: z.array(ManagedFieldsEntry).optional().describe('Server-side apply field ownership.'),
  })
  .describe('Standard object metadata.');
/** ObjectMeta is the type of an {@link ObjectMeta} value. */
export type ObjectMeta = z.infer<typeof ObjectMeta>;
