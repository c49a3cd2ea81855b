import type { ResourceType } from '../resources/resource-type.js';

/** ResourcePathParts locates a collection, an object or a subresource of a resource type. */
export interface ResourcePathParts {
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
  readonly subresource?: string | undefined;
}

/**
 * resourcePath builds the REST path Kubernetes serves `type` at: `/api/v1` for the core group,
 * `/apis/<group>/<version>` for the others, then `namespaces/<ns>/` when a namespace is given,
 * the plural, the name and the subresource, each segment URL-encoded. It throws a `TypeError` for
 * a segment Kubernetes could never serve (empty, `.`, `..`, or containing `/` or `%`), as
 * client-go does, so a bad name never reaches another path.
 */
export function resourcePath(type: ResourceType, parts: ResourcePathParts = {}): string {
  let path = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  if (parts.namespace !== undefined) path += `/namespaces/${segment('namespace', parts.namespace)}`;
  path += `/${type.plural}`;
  if (parts.name !== undefined) path += `/${segment('resource name', parts.name)}`;
  if (parts.subresource !== undefined) path += `/${segment('subresource', parts.subresource)}`;
  return path;
}

function segment(what: string, value: string): string {
  if (value === '') throw new TypeError(`${what} may not be empty`);
  if (value === '.' || value === '..')
    throw new TypeError(`invalid ${what} ${JSON.stringify(value)}: may not be '${value}'`);
  for (const bad of ['/', '%']) {
    if (value.includes(bad))
      throw new TypeError(`invalid ${what} ${JSON.stringify(value)}: may not contain '${bad}'`);
  }
  return encodeURIComponent(value);
}

/** QueryValue is a query parameter value; `undefined` leaves the parameter out. */
export type QueryValue = string | number | boolean | undefined;

/** withQuery appends the defined `params` to `path` as a query string (`?a=1&b=x`), in the order given. */
export function withQuery(path: string, params: Readonly<Record<string, QueryValue>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) query.append(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}
