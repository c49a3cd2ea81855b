import {
  type FieldError,
  fieldErrors,
  isDNS1123Label,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNSSubdomain,
  type ObjectMeta,
} from '@capstan/core';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './deletion-finalizers.js';
import { pathSegmentNameProblems } from './path-segment-name.js';

/**
 * NameValidator checks a name (`prefix` false) or a `generateName` prefix (`prefix` true) and
 * returns what is wrong with it, nothing when it is valid (Kubernetes' `ValidateNameFunc`).
 */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** TOTAL_ANNOTATION_SIZE_LIMIT is the most bytes all annotation keys and values of one object may hold together. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/**
 * validateObjectMeta checks the metadata of an object being created or updated, with Kubernetes'
 * rules and messages (`ValidateObjectMetaAccessor`): name or generateName present and valid for
 * the kind (`nameFn`, plus the path-segment rule every name obeys), namespace required (and a valid
 * DNS label) for namespaced kinds and forbidden for cluster-scoped ones, label keys and values,
 * annotation keys and total size, owner references, finalizer names.
 */
export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  nameFn: NameValidator,
): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = meta.generateName ?? '';
  if (generateName !== '') {
    for (const msg of nameProblems(generateName, true, nameFn)) {
      errs.push(fieldErrors.invalid('metadata.generateName', generateName, msg));
    }
  }
  const name = meta.name ?? '';
  if (name === '') {
    errs.push(fieldErrors.required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of nameProblems(name, false, nameFn))
      errs.push(fieldErrors.invalid('metadata.name', name, msg));
  }
  const namespace = meta.namespace ?? '';
  if (namespaced) {
    if (namespace === '') errs.push(fieldErrors.required('metadata.namespace'));
    for (const msg of namespace === '' ? [] : isDNS1123Label(namespace)) {
      errs.push(fieldErrors.invalid('metadata.namespace', namespace, msg));
    }
  } else if (namespace !== '') {
    errs.push(fieldErrors.forbidden('metadata.namespace', 'not allowed on this type'));
  }
  errs.push(...validateLabels(meta.labels), ...validateAnnotations(meta.annotations));
  errs.push(...validateOwnerReferences(meta.ownerReferences), ...validateFinalizers(meta.finalizers));
  return errs;
}

/**
 * validateObjectMetaUpdate checks what an update may not do to metadata
 * (`ValidateObjectMetaAccessorUpdate`): change name, namespace, uid, creationTimestamp,
 * deletionTimestamp or deletionGracePeriodSeconds (`field is immutable`), decrement generation, or
 * add finalizers to an object that is being deleted.
 */
export function validateObjectMetaUpdate(next: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp != null) {
    const before = new Set(old.finalizers ?? []);
    const added = [...new Set(next.finalizers ?? [])].filter((f) => !before.has(f)).sort();
    if (added.length > 0) {
      errs.push(
        fieldErrors.forbidden(
          'metadata.finalizers',
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added
            .map((f) => JSON.stringify(f))
            .join(', ')}}`,
        ),
      );
    }
  }
  if ((next.generation ?? 0) < (old.generation ?? 0)) {
    errs.push(fieldErrors.invalid('metadata.generation', next.generation ?? 0, 'must not be decremented'));
  }
  const immutable: readonly (keyof ObjectMeta)[] = [
    'name',
    'namespace',
    'uid',
    'creationTimestamp',
    'deletionTimestamp',
    'deletionGracePeriodSeconds',
  ];
  for (const key of immutable) {
    const a = next[key] ?? undefined;
    const b = old[key] ?? undefined;
    if (a !== b) errs.push(fieldErrors.invalid(`metadata.${key}`, a ?? null, 'field is immutable'));
  }
  return errs;
}

function nameProblems(name: string, prefix: boolean, nameFn: NameValidator): string[] {
  const problems = nameFn(name, prefix);
  if (nameFn === pathSegmentNameProblems) return problems;
  return [...problems, ...pathSegmentNameProblems(name, prefix).filter((p) => !problems.includes(p))];
}

/** defaultNameValidator is the rule of most kinds: the name is a DNS-1123 subdomain. */
export const defaultNameValidator: NameValidator = nameIsDNSSubdomain;

function validateLabels(labels: Readonly<Record<string, string>> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, value] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(key)) errs.push(fieldErrors.invalid('metadata.labels', key, msg));
    for (const msg of isValidLabelValue(value)) errs.push(fieldErrors.invalid('metadata.labels', value, msg));
  }
  return errs;
}

function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(key.toLowerCase())) {
      errs.push(fieldErrors.invalid('metadata.annotations', key, msg));
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push(fieldErrors.tooLong('metadata.annotations', TOTAL_ANNOTATION_SIZE_LIMIT));
  }
  return errs;
}

function validateOwnerReferences(refs: ObjectMeta['ownerReferences']): FieldError[] {
  const errs: FieldError[] = [];
  let controller: string | undefined;
  for (const ref of refs ?? []) {
    const version = ref.apiVersion.includes('/')
      ? ref.apiVersion.slice(ref.apiVersion.indexOf('/') + 1)
      : ref.apiVersion;
    if (version === '') {
      errs.push(
        fieldErrors.invalid(
          'metadata.ownerReferences.apiVersion',
          ref.apiVersion,
          'version must not be empty',
        ),
      );
    }
    if (ref.kind === '')
      errs.push(fieldErrors.invalid('metadata.ownerReferences.kind', ref.kind, 'kind must not be empty'));
    if (ref.name === '')
      errs.push(fieldErrors.invalid('metadata.ownerReferences.name', ref.name, 'name must not be empty'));
    if (ref.uid === '')
      errs.push(fieldErrors.invalid('metadata.ownerReferences.uid', ref.uid, 'uid must not be empty'));
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (controller === undefined) controller = current;
      else {
        errs.push(
          fieldErrors.invalid(
            'metadata.ownerReferences',
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${controller} and ${current}`,
          ),
        );
      }
    }
  }
  return errs;
}

function validateFinalizers(finalizers: readonly string[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const finalizer of finalizers ?? []) {
    for (const msg of isQualifiedName(finalizer)) {
      errs.push(fieldErrors.invalid('metadata.finalizers', finalizer, msg));
    }
  }
  if (finalizers?.includes(FINALIZER_ORPHAN) && finalizers.includes(FINALIZER_FOREGROUND)) {
    errs.push(
      fieldErrors.invalid(
        'metadata.finalizers',
        finalizers,
        `finalizer ${FINALIZER_ORPHAN} and ${FINALIZER_FOREGROUND} cannot be both set`,
      ),
    );
  }
  return errs;
}
