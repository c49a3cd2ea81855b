import { FieldSelector, LabelSelector } from '@capstan/core';
import { pathSegmentNameProblems } from '../registry/path-segment-name.js';
import type { RequestAttributes, UserInfo } from './contracts.js';

/** The first path segment of resource requests; only `api` has no group segment. */
const API_PREFIXES = new Set(['api', 'apis']);

/** Path prefixes (after the version) that name a verb instead of a resource, as Kubernetes' deprecated `/watch/…` and `/proxy/…` forms. */
const SPECIAL_VERBS = new Set(['proxy', 'watch']);

/** Subresources of a namespace, which `/namespaces/<name>/<segment>` means instead of a resource in that namespace. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const METHOD_VERBS: Readonly<Record<string, string>> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/**
 * requestAttributesFor derives the authorization attributes of a request from its method, URL path
 * and query, as Kubernetes' `RequestInfoFactory` does, so that authorizers (and RBAC rules written for
 * Kubernetes) see exactly what they would see there:
 *
 * - `/api/<version>/…` and `/apis/<group>/<version>/…` with at least one segment after the version are
 *   resource requests; anything else (`/version`, `/api`, `/apis/apps/v1`, `/healthz`) is not, and
 *   gets the lower-cased method as its verb and the path.
 * - Verbs come from the method (POST create, GET/HEAD get, PUT update, PATCH patch, DELETE delete);
 *   a GET without a name is `list`, or `watch` when the `watch` parameter is present and not `0` or
 *   `false`; a DELETE without a name is `deletecollection`. The deprecated `/watch/` and `/proxy/`
 *   path prefixes set the verb `watch` and `proxy`; an unknown method gives the verb `''`.
 * - `namespaces/<ns>/<resource>/<name>/<subresource>` sets the namespace; `namespaces/<ns>` alone is
 *   the namespace object `<ns>` (its namespace is `<ns>` too, except for PATCH, where Kubernetes
 *   leaves it empty so server-side apply can create it), and `namespaces/<ns>/status` and
 *   `namespaces/<ns>/finalize` are its subresources.
 * - For list and watch, a field selector requiring `metadata.name=<name>` names the object, when
 *   the selectors parse and the name is a valid path segment.
 *
 * `path` is the URL path without the query string. The function is pure and never throws.
 */
export function requestAttributesFor(
  method: string,
  path: string,
  query: URLSearchParams,
  user: UserInfo,
): RequestAttributes {
  const nonResource: RequestAttributes = {
    user,
    verb: method.toLowerCase(),
    resourceRequest: false,
    path,
  };
  let parts = splitPath(path);
  const prefix = parts[0];
  if (parts.length < 3 || prefix === undefined || !API_PREFIXES.has(prefix)) return nonResource;
  parts = parts.slice(1);
  let apiGroup = '';
  if (prefix === 'apis') {
    if (parts.length < 3) return nonResource;
    apiGroup = parts[0]!;
    parts = parts.slice(1);
  }
  const apiVersion = parts[0]!;
  parts = parts.slice(1);

  let verb: string;
  if (SPECIAL_VERBS.has(parts[0]!) && parts.length >= 2) {
    verb = parts[0]!;
    parts = parts.slice(1);
  } else {
    verb = METHOD_VERBS[method.toUpperCase()] ?? '';
  }

  let namespace = '';
  if (parts[0] === 'namespaces' && parts.length > 1) {
    if (!(parts.length === 2 && verb === 'patch')) namespace = parts[1]!;
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2]!)) parts = parts.slice(2);
  }

  const resource = parts[0] ?? '';
  let name = parts[1] ?? '';
  const subresource = parts.length >= 3 && verb !== 'proxy' ? parts[2]! : '';

  if (name === '' && verb === 'get') {
    verb = isWatch(query) ? 'watch' : 'list';
    name = nameFromSelectors(query);
  }
  if (name === '' && verb === 'delete') verb = 'deletecollection';

  return {
    user,
    verb,
    resourceRequest: true,
    path,
    apiGroup,
    apiVersion,
    resource,
    ...(subresource === '' ? {} : { subresource }),
    ...(namespace === '' ? {} : { namespace }),
    ...(name === '' ? {} : { name }),
  };
}

/** splitPath splits a path at `/` after trimming slashes at both ends; the root is no segments. */
function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

/** isWatch reads the `watch` parameter as Kubernetes converts a query value to a bool: anything but `0` or `false`. */
function isWatch(query: URLSearchParams): boolean {
  const value = query.get('watch');
  if (value === null) return false;
  const lower = value.toLowerCase();
  return lower !== '0' && lower !== 'false';
}

/**
 * nameFromSelectors returns the name a list or watch is limited to by `fieldSelector=metadata.name=…`,
 * or `''` when there is none, the selectors do not parse, or the name could not be a path segment.
 */
function nameFromSelectors(query: URLSearchParams): string {
  const fieldSelector = query.get('fieldSelector');
  if (fieldSelector === null) return '';
  try {
    const labelSelector = query.get('labelSelector');
    if (labelSelector !== null) LabelSelector.parse(labelSelector);
    const name = FieldSelector.parse(fieldSelector).requiresExactMatch('metadata.name');
    if (name === undefined || pathSegmentNameProblems(name, false).length > 0) return '';
    return name;
  } catch {
    return '';
  }
}
