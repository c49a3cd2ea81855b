import { z } from 'zod';

/**
 * ObjectReference is core/v1 `ObjectReference`: a reference to any object by kind, namespace,
 * name and uid, as used by Events, Bindings, Endpoints and CronJob status. Every field is
 * optional on the wire; unknown fields are preserved.
 */
export const ObjectReference = z
  .looseObject({
    kind: z.string().optional().describe('Kind of the referent.'),
    namespace: z.string().optional().describe('Namespace of the referent.'),
    name: z.string().optional().describe('Name of the referent.'),
    uid: z.string().optional().describe('UID of the referent.'),
    apiVersion: z.string().optional().describe('API version of the referent.'),
    resourceVersion: z
      .string()
      .optional()
      .describe('Specific resourceVersion the reference is made to, if any.'),
    fieldPath: z
      .string()
      .optional()
      .describe('A piece of the object instead of the whole, e.g. spec.containers{name}.'),
  })
  .describe('A reference to an object.');
/** ObjectReference is the type of an {@link ObjectReference} value. */
export type ObjectReference = z.infer<typeof ObjectReference>;

/**
 * LocalObjectReference is core/v1 `LocalObjectReference`: the name of an object in the same
 * namespace, as in `imagePullSecrets`.
 */
export const LocalObjectReference = z
  .looseObject({
    name: z.string().optional().describe('Name of the referent.'),
  })
  .describe('A reference to an object in the same namespace.');
/** LocalObjectReference is the type of a {@link LocalObjectReference} value. */
export type LocalObjectReference = z.infer<typeof LocalObjectReference>;
