import { ApiError, type FieldError, fieldErrors } from '@capstan/core';
import type { QueryParameters } from './query-parameters.js';

/** FieldValidation is what the server does with unknown and duplicate fields in a request body. */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** WriteOptions are the query options every write shares (`metav1.CreateOptions`, `UpdateOptions`, `PatchOptions`). */
export interface WriteOptions {
  readonly dryRun: boolean;
  /** The field manager named by the client; undefined when it named none. */
  readonly fieldManager: string | undefined;
  /** `Warn` unless the client asked otherwise, as Kubernetes defaults it. */
  readonly fieldValidation: FieldValidation;
}

/** WriteOptionsKind names the options a write carries, for the 422 error that refuses them. */
export type WriteOptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

/** FIELD_MANAGER_MAX_LENGTH is the longest `fieldManager` Kubernetes accepts, in bytes. */
export const FIELD_MANAGER_MAX_LENGTH = 128;

const FIELD_VALIDATIONS: readonly FieldValidation[] = ['Ignore', 'Warn', 'Strict'];
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const utf8 = new TextEncoder();

/**
 * writeOptions reads and validates the write options of a request as Kubernetes'
 * `ValidateCreateOptions`/`ValidateUpdateOptions`/`ValidatePatchOptions` do: `dryRun` may only be
 * `All`; `fieldManager` may be at most 128 bytes of printable characters; `fieldValidation` is
 * `Ignore`, `Warn`, `Strict` or empty. Anything else is a 422 Invalid
 * `<kind>.meta.k8s.io "" is invalid: …` naming every problem.
 */
export function writeOptions(query: QueryParameters, kind: WriteOptionsKind): WriteOptions {
  const errs: FieldError[] = [];
  const dryRun = dryRunValues(query, errs);
  const fieldManager = query.string('fieldManager');
  if (fieldManager !== undefined) errs.push(...fieldManagerProblems(fieldManager));
  const validation = query.string('fieldValidation') ?? '';
  if (validation !== '' && !(FIELD_VALIDATIONS as readonly string[]).includes(validation)) {
    errs.push(fieldErrors.notSupported('fieldValidation', validation, FIELD_VALIDATIONS));
  }
  if (errs.length > 0) throw ApiError.invalid({ group: 'meta.k8s.io', kind }, '', errs);
  return {
    dryRun,
    fieldManager: fieldManager === '' ? undefined : fieldManager,
    fieldValidation: validation === '' ? 'Warn' : (validation as FieldValidation),
  };
}

/**
 * dryRunValues reads `dryRun` (repeatable): true when it is `All`, false when absent; any other
 * value adds a NotSupported problem to `errs`.
 */
export function dryRunValues(query: QueryParameters, errs: FieldError[]): boolean {
  const values = query.strings('dryRun');
  const unsupported = values.filter((value) => value !== 'All');
  if (unsupported.length > 0) errs.push(fieldErrors.notSupported('dryRun', values, ['All']));
  return values.length > 0;
}

function fieldManagerProblems(fieldManager: string): FieldError[] {
  const errs: FieldError[] = [];
  if (utf8.encode(fieldManager).length > FIELD_MANAGER_MAX_LENGTH) {
    errs.push(fieldErrors.tooLong('fieldManager', FIELD_MANAGER_MAX_LENGTH));
  }
  let position = 0;
  for (const char of fieldManager) {
    if (!printable.test(char)) {
      const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      errs.push(
        fieldErrors.invalid(
          'fieldManager',
          fieldManager,
          `invalid character U+${code} (at position ${position})`,
        ),
      );
    }
    position += utf8.encode(char).length;
  }
  return errs;
}
