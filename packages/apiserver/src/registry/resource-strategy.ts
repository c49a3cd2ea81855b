import type { FieldError } from '@capstan/core';
import type { ApiObject } from './api-object.js';
import type { NameValidator } from './object-meta-validation.js';

/**
 * ResourceStrategy is the type-specific behaviour of one resource's storage, the hooks Kubernetes
 * calls a registry strategy (`PrepareForCreate`, `Validate`, `CheckGracefulDelete` …). Every hook is
 * optional; the generic storage already does what every kind needs (system fields, status reset,
 * generation, metadata validation, schema validation), and a hook only adds to it.
 *
 * Hooks receive the storage's own copy of the object and may change it in place; they run before
 * validation, so `prepare*` hooks must tolerate objects that are not yet valid.
 */
export interface ResourceStrategy {
  /** validateName checks `metadata.name` and `metadata.generateName`; defaults to a DNS-1123 subdomain. */
  readonly validateName?: NameValidator;
  /**
   * allowUnconditionalUpdate: whether an update without `metadata.resourceVersion` overwrites the
   * current object (true, the default) or is refused with 409 Conflict.
   */
  readonly allowUnconditionalUpdate?: boolean;
  /** prepareForCreate adjusts a new object after the system fields are set and before it is validated. */
  prepareForCreate?(object: ApiObject): void;
  /** prepareForUpdate adjusts an update of the main resource (status already restored when the kind has a status subresource). */
  prepareForUpdate?(next: ApiObject, current: ApiObject): void;
  /**
   * prepareForStatusUpdate adjusts a `/status` update: `next` is the current object with the
   * incoming status, `incoming` what the client sent. The default keeps everything but status.
   */
  prepareForStatusUpdate?(next: ApiObject, incoming: ApiObject, current: ApiObject): void;
  /** validate returns the kind's own problems with a new object (metadata and schema are checked already). */
  validate?(object: ApiObject): FieldError[];
  /** validateUpdate returns the kind's own problems with an update. */
  validateUpdate?(next: ApiObject, current: ApiObject): FieldError[];
  /**
   * gracePeriodSeconds makes deletes of the kind graceful (Kubernetes' `CheckGracefulDelete`): it
   * returns the grace period for deleting `object` given the period the client asked for, or
   * undefined when this object is deleted at once. A kind without the hook is never graceful.
   */
  gracePeriodSeconds?(object: ApiObject, requested: number | undefined): number | undefined;
  /** prepareForDeletion adjusts an object when deletion first marks it with a deletionTimestamp. */
  prepareForDeletion?(object: ApiObject): void;
}
