import { z } from 'zod';
import { Time } from './time.js';

/**
 * ManagedFieldsEntry is `metav1.ManagedFieldsEntry`: one field manager's record in
 * `metadata.managedFields` for server-side apply. `fieldsV1` is an opaque JSON object and is kept
 * exactly as written.
 */
export const ManagedFieldsEntry = z
  .looseObject({
    manager: z.string().optional().describe('Identifier of the workflow managing these fields.'),
    operation: z.string().optional().describe('The operation that led to this entry: Apply or Update.'),
    apiVersion: z.string().optional().describe('Version of the resource the field set applies to.'),
    time: Time.nullish().describe('When the entry was last changed.'),
    fieldsType: z.string().optional().describe('Format of the fields field; the only value is FieldsV1.'),
    fieldsV1: z.looseObject({}).optional().describe('The set of fields, in the FieldsV1 format.'),
    subresource: z.string().optional().describe('Name of the subresource used to update the object, if any.'),
  })
  .describe('A workflow-id, a field set and the version of the resource the field set applies to.');
/** ManagedFieldsEntry is the type of a {@link ManagedFieldsEntry} value. */
export type ManagedFieldsEntry = z.infer<typeof ManagedFieldsEntry>;
