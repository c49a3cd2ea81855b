import type { z } from 'zod';
import { bodyFormat, decodeBody } from './body-decoder.js';
import { enforceFieldValidation, fieldProblemMessage } from './field-validation.js';
import type { ServerRequest } from './server-request.js';
import { fieldProblems } from './unknown-fields.js';
import type { FieldValidation } from './write-options.js';

/** ExpectedKind is the kind a request body should be: the URL's, or a subresource's. */
export interface ExpectedKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** The schema unknown fields are checked against; without one, bodies are not checked. */
  readonly schema?: z.ZodType;
}

/** DecodedObject is an object body, with the `Warning`s field validation produced. */
export interface DecodedObject {
  readonly object: Record<string, unknown>;
  readonly warnings: readonly string[];
}

/**
 * decodeObjectBody decodes the body of a create, update or subresource write and applies
 * `fieldValidation` as Kubernetes does: unknown members (against `expected.schema`) and repeated
 * members are ignored, returned as warnings, or refused with a 400 `strict decoding error`.
 * Protobuf bodies are never checked (Kubernetes cannot see unknown protobuf fields, and kubectl
 * sends `fieldValidation=Strict` with them); neither is a body whose apiVersion or kind names
 * another type (the storage refuses it with a 400 of its own). Decoding errors are 400s (see
 * `decodeBody`); an unsupported Content-Type is a 415.
 */
export function decodeObjectBody(
  request: ServerRequest,
  expected: ExpectedKind,
  mode: FieldValidation,
): DecodedObject {
  const format = bodyFormat(request.headers['content-type']);
  const decoded = decodeBody(request.body, format, {
    defaultApiVersion: expected.apiVersion,
    defaultKind: expected.kind,
    findDuplicates: mode !== 'Ignore',
  });
  const object = decoded.value as Record<string, unknown>;
  if (format === 'protobuf' || mode === 'Ignore' || expected.schema === undefined)
    return { object, warnings: [] };
  if (!sameKind(object, expected)) return { object, warnings: [] };
  const problems = fieldProblems(expected.schema, object, decoded.duplicates);
  if (format === 'json') {
    return { object, warnings: enforceFieldValidation(mode, problems.map(fieldProblemMessage)) };
  }
  const unknown = problems
    .map((p) => p.path)
    .sort()
    .map((path) => `unknown field "${path}"`);
  const yaml = decoded.yamlDuplicates;
  const strictParts =
    yaml.length === 0 ? unknown : [`yaml: unmarshal errors:\n  ${yaml.join('\n  ')}`, ...unknown];
  return { object, warnings: enforceFieldValidation(mode, [...yaml, ...unknown], strictParts) };
}

function sameKind(object: Record<string, unknown>, expected: ExpectedKind): boolean {
  const { apiVersion, kind } = object;
  return (
    (apiVersion === undefined || apiVersion === '' || apiVersion === expected.apiVersion) &&
    (kind === undefined || kind === '' || kind === expected.kind)
  );
}
