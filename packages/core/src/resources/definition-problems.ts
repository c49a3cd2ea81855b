import { z } from 'zod';
import { isDNS1035Label, isDNS1123Subdomain } from '../validation/names.js';
import type { ResourceSubresources, Verb } from './resource-type.js';
import { STANDARD_VERBS } from './resource-type.js';

/** The parts of a resource definition {@link definitionProblems} checks. */
interface CheckedDefinition {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly singular?: string;
  readonly listKind?: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  readonly verbs?: readonly Verb[];
  readonly schema: unknown;
  readonly subresources?: ResourceSubresources;
  readonly selectableFields?: Readonly<Record<string, unknown>>;
}

const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const JSON_PATH = /^(\.[A-Za-z0-9_-]+)+$/;
const FIELD_PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const RESERVED_FIELDS = ['apiVersion', 'kind', 'metadata'];

/**
 * definitionProblems lists everything wrong with a resource definition, one readable sentence per
 * problem naming the field and the value; an empty list means the definition is valid.
 */
export function definitionProblems(def: CheckedDefinition): string[] {
  const problems: string[] = [];
  const label = (what: string, value: unknown): void => {
    if (typeof value !== 'string') {
      problems.push(`${what} must be a string, got ${describe(value)}`);
      return;
    }
    for (const msg of isDNS1035Label(value)) problems.push(`${what} ${JSON.stringify(value)}: ${msg}`);
  };

  if (typeof def.group !== 'string') {
    problems.push(`group must be a string ('' for the core group), got ${describe(def.group)}`);
  } else if (def.group !== '') {
    for (const msg of isDNS1123Subdomain(def.group)) {
      problems.push(`group ${JSON.stringify(def.group)}: ${msg}`);
    }
  }
  label('version', def.version);
  kindName('kind', def.kind, problems);
  label('plural', def.plural);
  if (def.singular !== undefined) label('singular', def.singular);
  if (def.listKind !== undefined) {
    kindName('listKind', def.listKind, problems);
    if (def.listKind === def.kind)
      problems.push(`listKind must differ from kind ${JSON.stringify(def.kind)}`);
  }
  if (typeof def.namespaced !== 'boolean')
    problems.push(`namespaced must be true or false, got ${describe(def.namespaced)}`);
  nameList('shortNames', def.shortNames, label, problems);
  nameList('categories', def.categories, label, problems);
  verbList(def.verbs, problems);
  schemaProblems(def.schema, problems);
  subresourceProblems(def.subresources, problems);
  selectableFieldProblems(def.selectableFields, def.namespaced, problems);
  return problems;
}

function kindName(what: string, value: unknown, problems: string[]): void {
  if (typeof value !== 'string' || !PASCAL_CASE.test(value) || value.length > 63) {
    problems.push(
      `${what} ${describe(value)} must be PascalCase: an uppercase letter, then letters and digits, at most 63 characters`,
    );
  }
}

function nameList(
  what: string,
  values: readonly string[] | undefined,
  label: (what: string, value: unknown) => void,
  problems: string[],
): void {
  if (values === undefined) return;
  if (!Array.isArray(values)) {
    problems.push(`${what} must be an array of strings, got ${describe(values)}`);
    return;
  }
  values.forEach((v, i) => {
    label(`${what}[${i}]`, v);
  });
  for (const dup of duplicates(values)) problems.push(`${what} lists ${JSON.stringify(dup)} more than once`);
}

function verbList(verbs: readonly Verb[] | undefined, problems: string[]): void {
  if (verbs === undefined) return;
  if (!Array.isArray(verbs) || verbs.length === 0) {
    problems.push(`verbs must be a non-empty array of ${STANDARD_VERBS.join(', ')}`);
    return;
  }
  for (const verb of verbs) {
    if (!STANDARD_VERBS.includes(verb)) {
      problems.push(`verbs: ${describe(verb)} is not one of ${STANDARD_VERBS.join(', ')}`);
    }
  }
  for (const dup of duplicates(verbs)) problems.push(`verbs lists ${JSON.stringify(dup)} more than once`);
}

function schemaProblems(schema: unknown, problems: string[]): void {
  if (!(schema instanceof z.ZodObject)) {
    problems.push(
      'schema must be a zod object schema (z.object or z.looseObject) of the fields beside metadata',
    );
    return;
  }
  for (const field of RESERVED_FIELDS) {
    if (Object.hasOwn(schema.shape, field)) {
      problems.push(
        `schema must not declare ${field}: defineResource adds apiVersion, kind and metadata itself`,
      );
    }
  }
}

function subresourceProblems(subresources: ResourceSubresources | undefined, problems: string[]): void {
  const status = subresources?.status;
  if (status !== undefined && typeof status !== 'boolean') {
    problems.push(`subresources.status must be true or false, got ${describe(status)}`);
  }
  const scale = subresources?.scale;
  if (scale === undefined) return;
  const path = (what: string, value: unknown, under: readonly string[]): void => {
    if (
      typeof value !== 'string' ||
      !JSON_PATH.test(value) ||
      !under.some((prefix) => value.startsWith(prefix))
    ) {
      problems.push(
        `subresources.scale.${what} ${describe(value)} must be a simple JSON path under ${under.join(' or ')}, e.g. ${under[0]}replicas`,
      );
    }
  };
  path('specReplicasPath', scale.specReplicasPath, ['.spec.']);
  path('statusReplicasPath', scale.statusReplicasPath, ['.status.']);
  if (scale.labelSelectorPath !== undefined)
    path('labelSelectorPath', scale.labelSelectorPath, ['.spec.', '.status.']);
}

function selectableFieldProblems(
  fields: Readonly<Record<string, unknown>> | undefined,
  namespaced: boolean,
  problems: string[],
): void {
  if (fields === undefined) return;
  for (const [path, getter] of Object.entries(fields)) {
    if (!FIELD_PATH.test(path)) {
      problems.push(
        `selectableFields: ${JSON.stringify(path)} is not a dotted field path such as spec.nodeName`,
      );
    }
    if (path === 'metadata.name' || (path === 'metadata.namespace' && namespaced)) {
      problems.push(`selectableFields: ${path} is always included and must not be given`);
    } else if (path === 'metadata.namespace') {
      problems.push('selectableFields: metadata.namespace is not selectable on a cluster-scoped kind');
    }
    if (typeof getter !== 'function') {
      problems.push(
        `selectableFields[${JSON.stringify(path)}] must be a function (obj) => string | undefined`,
      );
    }
  }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dups.add(v);
    seen.add(v);
  }
  return [...dups];
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  return JSON.stringify(value) ?? String(value);
}
