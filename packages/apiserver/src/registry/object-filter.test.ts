import { ApiError, FieldSelector, LabelSelector, Namespace, Pod, type ResourceType } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import type { ApiObject } from './api-object.js';
import { ObjectFilter, type ObjectFilterSpec } from './object-filter.js';

const pod = (namespace: string, labels: Record<string, string>, nodeName?: string): ApiObject => ({
  metadata: { name: 'p', namespace, labels },
  spec: { containers: [], ...(nodeName === undefined ? {} : { nodeName }) },
});

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (ApiError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('ObjectFilter', () => {
  it.each([
    [{}, pod('a', {}), true],
    [{ namespace: 'a' }, pod('a', {}), true],
    [{ namespace: 'b' }, pod('a', {}), false],
    [{ labelSelector: 'app=web' }, pod('a', { app: 'web' }), true],
    [{ labelSelector: 'app=web' }, pod('a', { app: 'db' }), false],
    [{ labelSelector: '!canary' }, pod('a', {}), true],
    [{ labelSelector: LabelSelector.parse('tier in (a,b)') }, pod('a', { tier: 'b' }), true],
    [{ fieldSelector: 'spec.nodeName=n1' }, pod('a', {}, 'n1'), true],
    [{ fieldSelector: 'spec.nodeName=' }, pod('a', {}), true],
    [{ fieldSelector: 'spec.nodeName!=' }, pod('a', {}), false],
    [{ fieldSelector: FieldSelector.parse('metadata.namespace=a') }, pod('a', {}), true],
    [{ fieldSelector: 'metadata.name=q' }, pod('a', {}), false],
  ])('%j on %j is %s', (spec, object, matches) => {
    expect(ObjectFilter.create(Pod, spec).matchesObject(Pod, object)).toBe(matches);
  });

  it('drops the namespace of a cluster-scoped type', () => {
    const filter = ObjectFilter.create(Namespace, { namespace: 'x' });
    expect(filter.namespace).toBeUndefined();
    expect(filter.matchesObject(Namespace, { metadata: { name: 'x' } })).toBe(true);
  });

  it.each<[ObjectFilterSpec, string, ResourceType]>([
    [{ fieldSelector: 'spec.color=red' }, 'field label not supported: spec.color', Pod],
    [{ fieldSelector: 'metadata.namespace=x' }, 'field label not supported: metadata.namespace', Namespace],
    [{ fieldSelector: 'nonsense' }, "invalid selector: 'nonsense'; can't understand 'nonsense'", Pod],
    [{ labelSelector: 'a in (' }, 'unable to parse requirement', Pod],
  ])('refuses %j with 400', (spec, message, type) => {
    const err = failure(() => ObjectFilter.create(type, spec));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toContain(message);
  });

  it('tells whether it has selectors', () => {
    expect(ObjectFilter.create(Pod, { namespace: 'a' }).isEverything()).toBe(true);
    expect(ObjectFilter.create(Pod, { labelSelector: 'a' }).isEverything()).toBe(false);
  });
});
