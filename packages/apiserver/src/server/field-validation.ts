import { ApiError } from '@capstan/core';
import type { FieldProblem } from './unknown-fields.js';
import type { FieldValidation } from './write-options.js';

/** fieldProblemMessage renders a problem as Kubernetes does: `unknown field "spec.foo"`, `duplicate field "metadata.name"`. */
export function fieldProblemMessage(problem: FieldProblem): string {
  return `${problem.kind} field "${problem.path}"`;
}

/**
 * enforceFieldValidation applies a request's `fieldValidation` to what decoding found:
 * `Ignore` drops the findings; `Warn` returns them, to be sent as `Warning` headers; `Strict`
 * throws a 400 BadRequest `strict decoding error: <finding>, <finding>…` when there is any (built
 * from `strictParts` when given, which YAML bodies use to group their duplicate-key errors).
 */
export function enforceFieldValidation(
  mode: FieldValidation,
  findings: readonly string[],
  strictParts: readonly string[] = findings,
): string[] {
  if (mode === 'Ignore' || findings.length === 0) return [];
  if (mode === 'Strict') throw ApiError.badRequest(`strict decoding error: ${strictParts.join(', ')}`);
  return [...findings];
}
