import { fieldErrorString, nameIsDNS1035Label, nameIsDNSLabel, type ObjectMeta } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import {
  defaultNameValidator,
  TOTAL_ANNOTATION_SIZE_LIMIT,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './object-meta-validation.js';
import { pathSegmentNameProblems } from './path-segment-name.js';

const SUBDOMAIN_MSG = 'a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters';
const LABEL_MSG = 'a lowercase RFC 1123 label must consist of lower case alphanumeric characters';
const DNS1035_MSG = 'a DNS-1035 label must consist of lower case alphanumeric characters';

function problems(meta: ObjectMeta, namespaced = true, nameFn = defaultNameValidator): string[] {
  return validateObjectMeta(meta, namespaced, nameFn).map(fieldErrorString);
}

describe('validateObjectMeta', () => {
  it.each([
    ['a subdomain name', { name: 'web.example-1', namespace: 'ns' }, defaultNameValidator, []],
    ['an upper-case name', { name: 'Web', namespace: 'ns' }, defaultNameValidator, [SUBDOMAIN_MSG]],
    [
      'a dotted namespace name',
      { name: 'a.b' },
      nameIsDNSLabel,
      ['metadata.name: Invalid value: "a.b": must not contain dots'],
    ],
    [
      'a service name starting with a digit',
      { name: '1svc', namespace: 'ns' },
      nameIsDNS1035Label,
      [DNS1035_MSG],
    ],
    [
      'an RBAC name with colons',
      { name: 'system:controller:x', namespace: 'ns' },
      pathSegmentNameProblems,
      [],
    ],
    [
      'an RBAC name with a slash',
      { name: 'a/b', namespace: 'ns' },
      pathSegmentNameProblems,
      ["may not contain '/'"],
    ],
    ['the name ..', { name: '..', namespace: 'ns' }, pathSegmentNameProblems, ["may not be '..'"]],
    [
      'no name',
      { namespace: 'ns' },
      defaultNameValidator,
      ['metadata.name: Required value: name or generateName is required'],
    ],
    [
      'a generateName with a trailing dash',
      { name: 'web-x1', generateName: 'web-', namespace: 'ns' },
      defaultNameValidator,
      [],
    ],
    [
      'an invalid generateName',
      { name: 'x', generateName: 'Web-', namespace: 'ns' },
      defaultNameValidator,
      ['metadata.generateName: Invalid value: "Web-"'],
    ],
  ])('checks %s', (_what, meta, nameFn, expected) => {
    const found = problems(meta, nameFn !== nameIsDNSLabel, nameFn);
    expect(found).toHaveLength(expected.length);
    for (const [i, fragment] of expected.entries()) expect(found[i]).toContain(fragment);
  });

  it.each([
    ['a namespaced object without namespace', { name: 'a' }, true, ['metadata.namespace: Required value']],
    [
      'an invalid namespace',
      { name: 'a', namespace: 'Bad' },
      true,
      [`metadata.namespace: Invalid value: "Bad": ${LABEL_MSG}`],
    ],
    [
      'a cluster-scoped object with a namespace',
      { name: 'a', namespace: 'x' },
      false,
      ['metadata.namespace: Forbidden: not allowed on this type'],
    ],
  ])('checks %s', (_what, meta, namespaced, expected) => {
    const found = problems(meta, namespaced);
    expect(found).toHaveLength(expected.length);
    for (const [i, fragment] of expected.entries()) expect(found[i]).toContain(fragment);
  });

  it.each([
    [
      'a bad label key',
      { labels: { 'bad key': 'v' } },
      'metadata.labels: Invalid value: "bad key": name part must consist of',
    ],
    [
      'a bad label value',
      { labels: { k: 'bad value' } },
      'metadata.labels: Invalid value: "bad value": a valid label must be',
    ],
    [
      'a bad annotation key',
      { annotations: { '/x': 'v' } },
      'metadata.annotations: Invalid value: "/x": prefix part must be non-empty',
    ],
    [
      'annotations over 256 KiB',
      { annotations: { big: 'x'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT) } },
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ],
    ['a bad finalizer', { finalizers: ['a/b/c'] }, 'metadata.finalizers: Invalid value: "a/b/c"'],
    [
      'orphan and foreground finalizers',
      { finalizers: ['orphan', 'foregroundDeletion'] },
      'metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set',
    ],
    [
      'an owner reference without uid',
      { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'o', uid: '' }] },
      'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ],
    [
      'two controllers',
      {
        ownerReferences: [
          { apiVersion: 'v1', kind: 'A', name: 'a', uid: '1', controller: true },
          { apiVersion: 'v1', kind: 'B', name: 'b', uid: '2', controller: true },
        ],
      },
      'Only one reference can have Controller set to true. Found "true" in references for A/a and B/b',
    ],
  ])('checks %s', (_what, extra, fragment) => {
    const found = problems({ name: 'a', namespace: 'ns', ...extra });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(fragment);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = {
    name: 'a',
    namespace: 'ns',
    uid: 'u1',
    creationTimestamp: '2024-01-01T00:00:00Z',
    generation: 2,
  };

  it.each([
    ['nothing', {}, []],
    ['the name', { name: 'b' }, ['metadata.name: Invalid value: "b": field is immutable']],
    [
      'the namespace',
      { namespace: 'other' },
      ['metadata.namespace: Invalid value: "other": field is immutable'],
    ],
    ['the uid', { uid: 'u2' }, ['metadata.uid: Invalid value: "u2": field is immutable']],
    [
      'the creation time',
      { creationTimestamp: '2025-01-01T00:00:00Z' },
      ['metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable'],
    ],
    [
      'the generation downwards',
      { generation: 1 },
      ['metadata.generation: Invalid value: 1: must not be decremented'],
    ],
  ])('refuses a change to %s', (_what, change, expected) => {
    expect(validateObjectMetaUpdate({ ...old, ...change }, old).map(fieldErrorString)).toEqual(expected);
  });

  it('refuses new finalizers on an object being deleted, but allows removing them', () => {
    const deleting = { ...old, deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['a.io/x'] };
    expect(
      validateObjectMetaUpdate({ ...deleting, finalizers: ['a.io/x', 'b.io/y'] }, deleting).map(
        fieldErrorString,
      ),
    ).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}',
    ]);
    expect(validateObjectMetaUpdate({ ...deleting, finalizers: [] }, deleting)).toEqual([]);
  });
});
