import { z } from 'zod';

/**
 * ListMeta is `metav1.ListMeta`, the `metadata` of a list: the `resourceVersion` the list reflects,
 * the `continue` token of the next page and the count of items left. All fields are optional;
 * unknown fields are preserved.
 */
export const ListMeta = z
  .looseObject({
    selfLink: z.string().optional().describe('Deprecated: not set by current servers.'),
    resourceVersion: z
      .string()
      .optional()
      .describe('The version of the collection; start a watch from it to see every later change.'),
    continue: z
      .string()
      .optional()
      .describe('Opaque token to request the next page; empty on the last page.'),
    remainingItemCount: z
      .number()
      .int()
      .optional()
      .describe('Number of items after this page, when the server can compute it.'),
  })
  .describe('Standard list metadata.');
/** ListMeta is the type of a {@link ListMeta} value. */
export type ListMeta = z.infer<typeof ListMeta>;
