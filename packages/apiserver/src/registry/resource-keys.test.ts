import { ApiError, Deployment, Namespace, Pod } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { ResourceKeys } from './resource-keys.js';

describe('ResourceKeys', () => {
  it.each([
    [Pod, 'default', 'web', '/registry/pods/default/web'],
    [Deployment, 'prod', 'api', '/registry/apps/deployments/prod/api'],
    [Namespace, 'ignored', 'kube-system', '/registry/namespaces/kube-system'],
    [Namespace, undefined, 'a', '/registry/namespaces/a'],
  ])('lays out %s keys', (type, namespace, name, key) => {
    expect(new ResourceKeys(type).objectKey(namespace, name)).toBe(key);
  });

  it.each([
    [Pod, 'default', '/registry/pods/default/'],
    [Pod, undefined, '/registry/pods/'],
    [Pod, '', '/registry/pods/'],
    [Deployment, 'x', '/registry/apps/deployments/x/'],
    [Namespace, 'x', '/registry/namespaces/'],
  ])('lists %s under a prefix', (type, namespace, prefix) => {
    expect(new ResourceKeys(type).listPrefix(namespace)).toBe(prefix);
  });

  it.each([
    [undefined, 'web', 'Namespace parameter required.'],
    ['default', '', 'Name parameter required.'],
    ['default', '../kube-system/x', `Name parameter invalid: "../kube-system/x": may not contain '/'`],
    ['default', '..', `Name parameter invalid: "..": may not be '..'`],
    ['a/b', 'web', `Namespace parameter invalid: "a/b": may not contain '/'`],
    ['%2e', 'web', `Namespace parameter invalid: "%2e": may not contain '%'`],
  ])('refuses namespace %j and name %j with 400', (namespace, name, message) => {
    let caught: unknown;
    try {
      new ResourceKeys(Pod).objectKey(namespace, name);
    } catch (err) {
      caught = err;
    }
    expect(ApiError.is(caught, 'BadRequest')).toBe(true);
    expect((caught as ApiError).message).toBe(message);
  });
});
