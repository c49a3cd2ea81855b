import { describe, expect, it } from 'vitest';
import type { UserInfo } from './contracts.js';
import { requestAttributesFor } from './request-attributes.js';

const user: UserInfo = { username: 'jane', groups: ['system:authenticated'] };

function attributesOf(method: string, url: string) {
  const parsed = new URL(url, 'http://127.0.0.1');
  return requestAttributesFor(method, parsed.pathname, parsed.searchParams, user);
}

describe('requestAttributesFor', () => {
  // The resource cases of Kubernetes' TestGetAPIRequestInfo:
  // method, url, verb, group, version, namespace, resource, subresource, name.
  const resourceCases: [string, string, string, string, string, string, string, string, string][] = [
    ['GET', '/api/v1/namespaces', 'list', '', 'v1', '', 'namespaces', '', ''],
    ['GET', '/api/v1/namespaces/other', 'get', '', 'v1', 'other', 'namespaces', '', 'other'],
    ['GET', '/api/v1/namespaces/other/pods', 'list', '', 'v1', 'other', 'pods', '', ''],
    ['GET', '/api/v1/namespaces/other/pods/foo', 'get', '', 'v1', 'other', 'pods', '', 'foo'],
    ['HEAD', '/api/v1/namespaces/other/pods/foo', 'get', '', 'v1', 'other', 'pods', '', 'foo'],
    ['GET', '/api/v1/pods', 'list', '', 'v1', '', 'pods', '', ''],
    ['HEAD', '/api/v1/pods', 'list', '', 'v1', '', 'pods', '', ''],
    ['PATCH', '/api/v1/namespaces/new-namespace', 'patch', '', 'v1', '', 'namespaces', '', 'new-namespace'],
    // special verbs
    ['GET', '/api/v1/proxy/namespaces/other/pods/foo', 'proxy', '', 'v1', 'other', 'pods', '', 'foo'],
    [
      'GET',
      '/api/v1/proxy/namespaces/other/pods/foo/subpath/not/a/subresource',
      'proxy',
      '',
      'v1',
      'other',
      'pods',
      '',
      'foo',
    ],
    ['GET', '/api/v1/watch/pods', 'watch', '', 'v1', '', 'pods', '', ''],
    ['GET', '/api/v1/pods?watch=true', 'watch', '', 'v1', '', 'pods', '', ''],
    ['GET', '/api/v1/pods?watch=false', 'list', '', 'v1', '', 'pods', '', ''],
    ['GET', '/api/v1/watch/namespaces/other/pods', 'watch', '', 'v1', 'other', 'pods', '', ''],
    ['GET', '/api/v1/namespaces/other/pods?watch=1', 'watch', '', 'v1', 'other', 'pods', '', ''],
    ['GET', '/api/v1/namespaces/other/pods?watch=0', 'list', '', 'v1', 'other', 'pods', '', ''],
    // subresource identification
    ['GET', '/api/v1/namespaces/other/pods/foo/status', 'get', '', 'v1', 'other', 'pods', 'status', 'foo'],
    [
      'GET',
      '/api/v1/namespaces/other/pods/foo/proxy/subpath',
      'get',
      '',
      'v1',
      'other',
      'pods',
      'proxy',
      'foo',
    ],
    [
      'PUT',
      '/api/v1/namespaces/other/finalize',
      'update',
      '',
      'v1',
      'other',
      'namespaces',
      'finalize',
      'other',
    ],
    ['PUT', '/api/v1/namespaces/other/status', 'update', '', 'v1', 'other', 'namespaces', 'status', 'other'],
    // verb identification
    ['PATCH', '/api/v1/namespaces/other/pods/foo', 'patch', '', 'v1', 'other', 'pods', '', 'foo'],
    ['DELETE', '/api/v1/namespaces/other/pods/foo', 'delete', '', 'v1', 'other', 'pods', '', 'foo'],
    ['POST', '/api/v1/namespaces/other/pods', 'create', '', 'v1', 'other', 'pods', '', ''],
    // deletecollection verb identification
    ['DELETE', '/api/v1/nodes', 'deletecollection', '', 'v1', '', 'nodes', '', ''],
    ['DELETE', '/api/v1/namespaces', 'deletecollection', '', 'v1', '', 'namespaces', '', ''],
    ['DELETE', '/api/v1/namespaces/other/pods', 'deletecollection', '', 'v1', 'other', 'pods', '', ''],
    [
      'DELETE',
      '/apis/extensions/v1/namespaces/other/pods',
      'deletecollection',
      'extensions',
      'v1',
      'other',
      'pods',
      '',
      '',
    ],
    // api group and version identification
    [
      'POST',
      '/apis/extensions/v1/namespaces/other/pods',
      'create',
      'extensions',
      'v1',
      'other',
      'pods',
      '',
      '',
    ],
    [
      'POST',
      '/apis/extensions/v1beta3/namespaces/other/pods',
      'create',
      'extensions',
      'v1beta3',
      'other',
      'pods',
      '',
      '',
    ],
    // Capstan's own additions: scale and binding subresources, cluster-scoped names, unknown methods
    [
      'PUT',
      '/apis/apps/v1/namespaces/web/deployments/api/scale',
      'update',
      'apps',
      'v1',
      'web',
      'deployments',
      'scale',
      'api',
    ],
    [
      'POST',
      '/api/v1/namespaces/default/pods/web-1/binding',
      'create',
      '',
      'v1',
      'default',
      'pods',
      'binding',
      'web-1',
    ],
    ['GET', '/api/v1/nodes/node-1', 'get', '', 'v1', '', 'nodes', '', 'node-1'],
    ['GET', '/apis/apps/v1/deployments?watch=', 'watch', 'apps', 'v1', '', 'deployments', '', ''],
    ['OPTIONS', '/api/v1/namespaces/other/pods', '', '', 'v1', 'other', 'pods', '', ''],
  ];

  it.each(resourceCases)(
    '%s %s is %s',
    (method, url, verb, group, version, namespace, resource, sub, name) => {
      const attributes = attributesOf(method, url);
      expect(attributes).toEqual({
        user,
        verb,
        resourceRequest: true,
        path: new URL(url, 'http://127.0.0.1').pathname,
        apiGroup: group,
        apiVersion: version,
        resource,
        ...(sub === '' ? {} : { subresource: sub }),
        ...(namespace === '' ? {} : { namespace }),
        ...(name === '' ? {} : { name }),
      });
    },
  );

  // Kubernetes' error cases and TestGetNonAPIRequestInfo: none of these is a resource request.
  const nonResourceCases: [string, string][] = [
    ['GET', '/'],
    ['GET', '/api/version/'],
    ['GET', '/apis/group/version/'],
    ['GET', '/badprefix/version/resource'],
    ['GET', '/apis/version/resource'],
    ['GET', '/not-api/version/resource'],
    ['GET', '/apis/extensions/v1beta1'],
    ['GET', '/apis/extensions/v1beta1/'],
    ['GET', '/api/version'],
    ['GET', '/api'],
    ['GET', ''],
    ['GET', '/version'],
    ['GET', '/healthz'],
    ['POST', '/openapi/v2'],
  ];

  it.each(nonResourceCases)('%s %j is not a resource request', (method, path) => {
    expect(requestAttributesFor(method, path, new URLSearchParams(), user)).toEqual({
      user,
      verb: method.toLowerCase(),
      resourceRequest: false,
      path,
    });
  });

  // Kubernetes' TestGetNonAPIRequestInfo cases that are resource requests.
  it.each([
    '/api/version/resource',
    '/apis/group/version/resource/name/subresource',
    '/api/version/resource/name/subresource',
    '/apis/batch/v1/job',
    '/apis/batch/v1/job/foo',
    '/apis/batch/v1/job/foo/scale',
  ])('%s is a resource request', (path) => {
    expect(requestAttributesFor('GET', path, new URLSearchParams(), user).resourceRequest).toBe(true);
  });

  // Kubernetes' TestFieldSelectorParsing: url, name, verb.
  const selectorCases: [string, string, string][] = [
    ['/apis/group/version/resource', '', 'list'],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1', 'name1', 'list'],
    ['/apis/group/version/resource?watch=true&fieldSelector=metadata.name=name1', 'name1', 'watch'],
    ['/apis/group/version/resource?fieldSelector=foo=bar', '', 'list'],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1,foo', '', 'list'],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1,foo&watch=true', '', 'watch'],
    ['/apis/group/version/resource?fieldSelector=metadata.name=name1,foo&watch=false', '', 'list'],
    // Capstan's additions: a name that is not a path segment, a bad label selector, a != requirement
    ['/apis/group/version/resource?fieldSelector=metadata.name=a%2Fb', '', 'list'],
    ['/apis/group/version/resource?fieldSelector=metadata.name=x&labelSelector=a%20in%20(', '', 'list'],
    ['/apis/group/version/resource?fieldSelector=metadata.name!=x', '', 'list'],
  ];

  it.each(selectorCases)('%s names %j with verb %s', (url, name, verb) => {
    const attributes = attributesOf('GET', url);
    expect(attributes.name ?? '').toBe(name);
    expect(attributes.verb).toBe(verb);
  });
});
