import { ApiError, createBuiltinRegistry } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { parseRoute, type Route } from './route.js';

const registry = createBuiltinRegistry();

/** summary reduces a route to what the table compares. */
function summary(route: Route): string {
  if (route.kind !== 'resource') return JSON.stringify(route);
  const { type, namespace, name, subresource, watchPrefix } = route;
  return [
    `${type.apiVersion}/${type.plural}`,
    namespace ?? '-',
    name ?? '-',
    subresource ?? '-',
    watchPrefix ? 'watch' : '',
  ]
    .join(' ')
    .trim();
}

describe('parseRoute', () => {
  it.each([
    ['/api', '{"kind":"discovery","legacy":true}'],
    ['/api/v1', '{"kind":"discovery","legacy":true,"group":"","version":"v1"}'],
    ['/apis', '{"kind":"discovery","legacy":false}'],
    ['/apis/apps', '{"kind":"discovery","legacy":false,"group":"apps"}'],
    ['/apis/apps/v1/', '{"kind":"discovery","legacy":false,"group":"apps","version":"v1"}'],
    ['/api/v1/pods', 'v1/pods - - -'],
    ['/api/v1/namespaces/default/pods', 'v1/pods default - -'],
    ['/api/v1/namespaces/default/pods/web', 'v1/pods default web -'],
    ['/api/v1/namespaces/default/pods/web/status', 'v1/pods default web status'],
    ['/api/v1/namespaces/default/pods/web/binding', 'v1/pods default web binding'],
    ['/api/v1/namespaces/default/pods/web/eviction', 'v1/pods default web eviction'],
    ['/apis/apps/v1/namespaces/ns/deployments/d/scale', 'apps/v1/deployments ns d scale'],
    ['/api/v1/namespaces', 'v1/namespaces - - -'],
    ['/api/v1/namespaces/team', 'v1/namespaces - team -'],
    ['/api/v1/namespaces/team/status', 'v1/namespaces - team status'],
    ['/api/v1/nodes/n1', 'v1/nodes - n1 -'],
    ['/api/v1/watch/pods', 'v1/pods - - - watch'],
    ['/api/v1/watch/namespaces/default/pods/web', 'v1/pods default web - watch'],
    ['/api/v1/namespaces/default/configmaps/a%20b', 'v1/configmaps default a b -'],
    ['/openapi/v2', '{"kind":"openapi-v2"}'],
    ['/openapi/v3', '{"kind":"openapi-v3","document":""}'],
    ['/openapi/v3/apis/apps/v1', '{"kind":"openapi-v3","document":"apis/apps/v1"}'],
    ['/version', '{"kind":"version"}'],
    ['/metrics', '{"kind":"metrics"}'],
    ['/readyz', '{"kind":"health","endpoint":"readyz"}'],
    ['/livez/ping', '{"kind":"health","endpoint":"livez","check":"ping"}'],
  ])('%s → %s', (path, expected) => {
    expect(summary(parseRoute(path, registry))).toBe(expected);
  });

  it.each([
    '/',
    '/foo',
    '/api/v1/widgets',
    '/apis/apps/v1/pods',
    '/api/v1/pods/web',
    '/api/v1/namespaces/default/nodes',
    '/api/v1/namespaces/default/pods/web/logs',
    '/api/v1/namespaces/default/pods/web/status/more',
    '/api/v1/nodes/n1/scale',
    '/api/v1/namespaces//pods',
    '/api/v1/watch/namespaces/default/pods/web/status',
    '/version/x',
    '/livez/a/b',
  ])('%s is not found', (path) => {
    expect(parseRoute(path, registry).kind).toBe('not-found');
  });

  it.each(['/api/v1/namespaces/default/pods/%zz', '/api/v1/namespaces/%E0%A4%A/pods'])(
    'refuses the malformed escape in %s with 400',
    (path) => {
      let error: unknown;
      try {
        parseRoute(path, registry);
      } catch (err) {
        error = err;
      }
      expect(ApiError.is(error, 'BadRequest')).toBe(true);
    },
  );
});
