import { z } from 'zod';

/**
 * TypeMeta is `metav1.TypeMeta`: the `apiVersion` and `kind` that say what an object is. Both
 * are optional on the wire (list items from the API server omit them); unknown fields are
 * preserved.
 */
export const TypeMeta = z.looseObject({
  apiVersion: z.string().optional().describe('The versioned schema of this object, e.g. apps/v1.'),
  kind: z.string().optional().describe('The REST resource this object represents, in CamelCase.'),
});
/** TypeMeta is the type of a {@link TypeMeta} value. */
export type TypeMeta = z.infer<typeof TypeMeta>;
