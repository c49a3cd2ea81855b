import { describe, expect, it } from 'vitest';
import { Deployment } from '../resources/apps-v1.js';
import { Namespace, Pod } from '../resources/core-v1.js';
import { resourcePath, withQuery } from './resource-path.js';

describe('resourcePath', () => {
  it.each([
    ['core collection', Pod, {}, '/api/v1/pods'],
    ['core namespaced collection', Pod, { namespace: 'default' }, '/api/v1/namespaces/default/pods'],
    ['core object', Pod, { namespace: 'default', name: 'web-1' }, '/api/v1/namespaces/default/pods/web-1'],
    [
      'core subresource',
      Pod,
      { namespace: 'default', name: 'web-1', subresource: 'binding' },
      '/api/v1/namespaces/default/pods/web-1/binding',
    ],
    ['cluster-scoped object', Namespace, { name: 'kube-system' }, '/api/v1/namespaces/kube-system'],
    ['group collection', Deployment, {}, '/apis/apps/v1/deployments'],
    [
      'group subresource',
      Deployment,
      { namespace: 'prod', name: 'web', subresource: 'scale' },
      '/apis/apps/v1/namespaces/prod/deployments/web/scale',
    ],
    ['name encoded', Pod, { namespace: 'a b', name: 'x?y#z' }, '/api/v1/namespaces/a%20b/pods/x%3Fy%23z'],
    ['unicode name encoded', Pod, { namespace: 'n', name: 'é' }, '/api/v1/namespaces/n/pods/%C3%A9'],
  ] as const)('%s', (_, type, parts, expected) => {
    expect(resourcePath(type, parts)).toBe(expected);
  });

  it.each([
    [{ name: '' }, 'resource name may not be empty'],
    [{ name: '.' }, `invalid resource name ".": may not be '.'`],
    [{ name: '..' }, `invalid resource name "..": may not be '..'`],
    [{ name: 'a/b' }, `invalid resource name "a/b": may not contain '/'`],
    [{ name: 'a%2Fb' }, `invalid resource name "a%2Fb": may not contain '%'`],
    [{ namespace: '..', name: 'x' }, `invalid namespace "..": may not be '..'`],
    [{ name: 'x', subresource: 'a/b' }, `invalid subresource "a/b": may not contain '/'`],
  ])('rejects %j', (parts, message) => {
    expect(() => resourcePath(Pod, parts)).toThrow(new TypeError(message));
  });
});

describe('withQuery', () => {
  it('appends defined parameters in order, encoded', () => {
    expect(
      withQuery('/p', {
        watch: true,
        labelSelector: 'app in (a,b)',
        limit: 5,
        continue: undefined,
        x: false,
      }),
    ).toBe('/p?watch=true&labelSelector=app+in+%28a%2Cb%29&limit=5&x=false');
  });

  it('leaves the path alone without parameters', () => {
    expect(withQuery('/p', { a: undefined })).toBe('/p');
  });
});
