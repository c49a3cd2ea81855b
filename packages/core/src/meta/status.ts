import { z } from 'zod';
import { ListMeta } from './list-meta.js';

/**
 * StatusCauseSchema is the zod schema of `metav1.StatusCause`: one reason a request failed,
 * usually one invalid field (`field` is its path, such as `spec.containers[0].image`). Its objects
 * are the errors module's `StatusCause`s.
 */
export const StatusCauseSchema = z
  .looseObject({
    reason: z.string().optional().describe('Machine-readable cause, e.g. FieldValueInvalid.'),
    message: z.string().optional().describe('Human-readable description of the cause.'),
    field: z.string().optional().describe('Path of the field that caused the error, e.g. metadata.name.'),
  })
  .describe('More information about a failure, usually one field.');

/**
 * StatusDetailsSchema is the zod schema of `metav1.StatusDetails`: which object a failure was
 * about, its causes, and how long a client should wait before it retries.
 */
export const StatusDetailsSchema = z
  .looseObject({
    name: z.string().optional().describe('Name of the object the status is about.'),
    group: z.string().optional().describe('API group of the object.'),
    kind: z.string().optional().describe('Kind (or resource) of the object.'),
    uid: z.string().optional().describe('UID of the object.'),
    causes: z.array(StatusCauseSchema).optional().describe('The causes of the failure.'),
    retryAfterSeconds: z.number().int().optional().describe('Seconds a client should wait before retrying.'),
  })
  .describe('Extended data about a failure.');

/**
 * StatusSchema is the zod schema of `metav1.Status`, the body the API server returns for failures
 * (and for some successful deletes): `status` is `Success` or `Failure`, `reason` is a
 * machine-readable reason such as `NotFound` or `Conflict`, and `code` is the HTTP status code.
 * Every field is optional and unknown fields are preserved, so a client can decode any Status a
 * server sends; the errors module's `Status` type is the narrower form Capstan itself sends.
 * The `Schema` suffix keeps the name `Status` for that type.
 */
export const StatusSchema = z
  .looseObject({
    apiVersion: z.string().optional().describe('Always v1 when set.'),
    kind: z.literal('Status').optional().describe('Always Status when set.'),
    metadata: ListMeta.optional(),
    status: z.string().optional().describe('Success or Failure.'),
    message: z.string().optional().describe('Human-readable description of the status.'),
    reason: z
      .string()
      .optional()
      .describe('Machine-readable reason, e.g. NotFound, AlreadyExists or Conflict.'),
    details: StatusDetailsSchema.optional(),
    code: z.number().int().optional().describe('Suggested HTTP status code.'),
  })
  .describe('The result of an operation that does not return an object.');
