import { describe, expect, it } from 'vitest';
import { requestAttributesFor } from '../pipeline/request-attributes.js';
import { requestMetricLabels } from './request-metric-labels.js';

function labelsOf(method: string, url: string, contentType?: string) {
  const parsed = new URL(url, 'http://127.0.0.1');
  const attributes = requestAttributesFor(method, parsed.pathname, parsed.searchParams, {
    username: 'jane',
    groups: [],
  });
  return requestMetricLabels(attributes, {
    method,
    query: parsed.searchParams,
    ...(contentType === undefined ? {} : { contentType }),
  });
}

describe('requestMetricLabels', () => {
  // method, url, content type, verb, group, version, resource, subresource, scope
  const cases: [string, string, string | undefined, string, string, string, string, string, string][] = [
    ['GET', '/api/v1/namespaces/web/pods', undefined, 'LIST', '', 'v1', 'pods', '', 'namespace'],
    ['GET', '/api/v1/pods', undefined, 'LIST', '', 'v1', 'pods', '', 'cluster'],
    [
      'GET',
      '/api/v1/pods?fieldSelector=metadata.name%3Dweb',
      undefined,
      'LIST',
      '',
      'v1',
      'pods',
      '',
      'cluster',
    ],
    ['GET', '/api/v1/namespaces/web/pods?watch=true', undefined, 'WATCH', '', 'v1', 'pods', '', 'namespace'],
    ['GET', '/api/v1/watch/pods', undefined, 'WATCH', '', 'v1', 'pods', '', 'cluster'],
    ['GET', '/api/v1/namespaces/web/pods/p', undefined, 'GET', '', 'v1', 'pods', '', 'resource'],
    ['HEAD', '/api/v1/nodes/n1', undefined, 'GET', '', 'v1', 'nodes', '', 'resource'],
    ['GET', '/api/v1/namespaces/web', undefined, 'GET', '', 'v1', 'namespaces', '', 'resource'],
    [
      'POST',
      '/apis/apps/v1/namespaces/web/deployments',
      undefined,
      'POST',
      'apps',
      'v1',
      'deployments',
      '',
      'resource',
    ],
    ['PUT', '/api/v1/namespaces/web/pods/p/status', undefined, 'PUT', '', 'v1', 'pods', 'status', 'resource'],
    [
      'PATCH',
      '/apis/apps/v1/namespaces/web/deployments/d',
      'application/strategic-merge-patch+json',
      'PATCH',
      'apps',
      'v1',
      'deployments',
      '',
      'resource',
    ],
    [
      'PATCH',
      '/apis/apps/v1/namespaces/web/deployments/d',
      'application/apply-patch+yaml; charset=utf-8',
      'APPLY',
      'apps',
      'v1',
      'deployments',
      '',
      'resource',
    ],
    ['DELETE', '/api/v1/namespaces/web/pods/p', undefined, 'DELETE', '', 'v1', 'pods', '', 'resource'],
    ['DELETE', '/api/v1/namespaces/web/pods', undefined, 'DELETE', '', 'v1', 'pods', '', 'namespace'],
    ['GET', '/api/v1/namespaces/web/pods/p/log', undefined, 'CONNECT', '', 'v1', 'pods', 'log', 'resource'],
    ['OPTIONS', '/api/v1/pods', undefined, 'other', '', 'v1', 'pods', '', 'cluster'],
    ['GET', '/healthz', undefined, 'GET', '', '', '', '/healthz', ''],
    ['GET', '/apis/apps/v1', undefined, 'GET', '', '', '', '/apis/apps/v1', ''],
  ];

  it.each(cases)(
    '%s %s (%s) is %s',
    (method, url, contentType, verb, group, version, resource, subresource, scope) => {
      expect(labelsOf(method, url, contentType)).toEqual({
        verb,
        dryRun: '',
        group,
        version,
        resource,
        subresource,
        scope,
        component: 'apiserver',
      });
    },
  );

  it.each([
    ['', ''],
    ['?dryRun=All', 'All'],
    ['?dryRun=All&dryRun=All', 'All'],
    ['?dryRun=all', 'invalid'],
    ['?dryRun=', 'invalid'],
  ])('reports dryRun %j as %j', (query, dryRun) => {
    expect(labelsOf('POST', `/api/v1/namespaces/web/pods${query}`).dryRun).toBe(dryRun);
  });
});
