import { z } from 'zod';

/**
 * OwnerReference is `metav1.OwnerReference`: it names the object that owns this one, so the
 * garbage collector deletes the dependent when its owner goes. `apiVersion`, `kind`, `name` and
 * `uid` are required, as Kubernetes requires them; unknown fields are preserved.
 */
export const OwnerReference = z
  .looseObject({
    apiVersion: z.string().describe('API version of the owner.'),
    kind: z.string().describe('Kind of the owner.'),
    name: z.string().describe('Name of the owner.'),
    uid: z.string().describe('UID of the owner.'),
    controller: z.boolean().optional().describe('If true, this reference points to the managing controller.'),
    blockOwnerDeletion: z
      .boolean()
      .optional()
      .describe('If true, the owner cannot be deleted from storage until this reference is removed.'),
  })
  .describe(
    'Information to identify an owning object. The owner must be in the same namespace or cluster-scoped.',
  );
/** OwnerReference is the type of an {@link OwnerReference} value. */
export type OwnerReference = z.infer<typeof OwnerReference>;
