import { ApiError, type ResourceRegistry, type ResourceType } from '@capstan/core';
import { type ServedSubresourceName, servedSubresources } from '../discovery/served-subresource.js';

/** HealthEndpoint is one of the health endpoints: `/livez`, `/readyz` or the deprecated `/healthz`. */
export type HealthEndpoint = 'livez' | 'readyz' | 'healthz';

/**
 * ResourceRoute is a path under `/api/v1` or `/apis/<group>/<version>` that names a resource: a
 * collection (no `name`), an object, or an object's subresource. `namespace` is set for paths under
 * `namespaces/<ns>/` (never for cluster-scoped types); `watchPrefix` for the legacy
 * `/watch/` form.
 */
export interface ResourceRoute {
  readonly kind: 'resource';
  readonly type: ResourceType;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: ServedSubresourceName;
  readonly watchPrefix: boolean;
}

/**
 * Route is what a request path names:
 * - `discovery`: `/api` and `/apis` (`group` undefined), `/apis/<group>` (`version` undefined),
 *   `/api/<version>` and `/apis/<group>/<version>`;
 * - `openapi-v2`; `openapi-v3` with the path below `/openapi/v3/` (`''` for the index);
 * - `version`, `metrics`, and `health` (`/livez`, `/readyz`, `/healthz`, optionally `/<check>`);
 * - `resource` ({@link ResourceRoute});
 * - `not-found` for anything else, including resources the registry does not hold.
 */
export type Route =
  | {
      readonly kind: 'discovery';
      readonly legacy: boolean;
      readonly group?: string;
      readonly version?: string;
    }
  | { readonly kind: 'openapi-v2' }
  | { readonly kind: 'openapi-v3'; readonly document: string }
  | { readonly kind: 'version' }
  | { readonly kind: 'metrics' }
  | { readonly kind: 'health'; readonly endpoint: HealthEndpoint; readonly check?: string }
  | ResourceRoute
  | { readonly kind: 'not-found' };

const NOT_FOUND: Route = Object.freeze({ kind: 'not-found' });
/** Subresources of a namespace that Kubernetes parses as such rather than as a namespaced resource. */
const NAMESPACE_SUBRESOURCES: ReadonlySet<string> = new Set(['status', 'finalize']);
const HEALTH: ReadonlySet<string> = new Set(['livez', 'readyz', 'healthz']);

/**
 * parseRoute reads a request path (without its query) as Kubernetes' RequestInfoFactory does.
 * Segments are percent-decoded; leading and trailing slashes are ignored; an empty segment or a
 * resource the registry does not hold makes the path `not-found`. A malformed percent escape is a
 * 400 BadRequest.
 */
export function parseRoute(path: string, registry: ResourceRegistry): Route {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return NOT_FOUND;
  const parts = trimmed.split('/').map(decodeSegment);
  if (parts.some((part) => part === '')) return NOT_FOUND;
  const [first, ...rest] = parts as [string, ...string[]];
  switch (first) {
    case 'api':
      if (rest.length === 0) return { kind: 'discovery', legacy: true };
      if (rest.length === 1) return { kind: 'discovery', legacy: true, group: '', version: rest[0]! };
      return resourceRoute(registry, '', rest[0]!, rest.slice(1));
    case 'apis':
      if (rest.length === 0) return { kind: 'discovery', legacy: false };
      if (rest.length === 1) return { kind: 'discovery', legacy: false, group: rest[0]! };
      if (rest.length === 2) return { kind: 'discovery', legacy: false, group: rest[0]!, version: rest[1]! };
      return resourceRoute(registry, rest[0]!, rest[1]!, rest.slice(2));
    case 'openapi':
      if (rest[0] === 'v2' && rest.length === 1) return { kind: 'openapi-v2' };
      if (rest[0] === 'v3') return { kind: 'openapi-v3', document: rest.slice(1).join('/') };
      return NOT_FOUND;
    case 'version':
      return rest.length === 0 ? { kind: 'version' } : NOT_FOUND;
    case 'metrics':
      return rest.length === 0 ? { kind: 'metrics' } : NOT_FOUND;
    default:
      if (HEALTH.has(first) && rest.length <= 1) {
        const endpoint = first as HealthEndpoint;
        return rest.length === 0
          ? { kind: 'health', endpoint }
          : { kind: 'health', endpoint, check: rest[0]! };
      }
      return NOT_FOUND;
  }
}

function resourceRoute(registry: ResourceRegistry, group: string, version: string, parts: string[]): Route {
  let rest = parts;
  const watchPrefix = rest[0] === 'watch';
  if (watchPrefix) rest = rest.slice(1);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2]!)) {
    namespace = rest[1]!;
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return NOT_FOUND;
  const [plural, name, subresource] = rest as [string, string | undefined, string | undefined];
  const type = registry.forResource({ group, version, resource: plural });
  if (type === undefined) return NOT_FOUND;
  if (namespace !== undefined && !type.namespaced) return NOT_FOUND;
  // A namespaced object is only reachable through its namespace.
  if (type.namespaced && namespace === undefined && name !== undefined) return NOT_FOUND;
  let served: ServedSubresourceName | undefined;
  if (subresource !== undefined) {
    served = servedSubresources(type).find((s) => s.name === subresource)?.name;
    if (served === undefined || watchPrefix) return NOT_FOUND;
  }
  return {
    kind: 'resource',
    type,
    watchPrefix,
    ...(namespace === undefined ? {} : { namespace }),
    ...(name === undefined ? {} : { name }),
    ...(served === undefined ? {} : { subresource: served }),
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw ApiError.badRequest(`invalid URL escape in path segment ${JSON.stringify(segment)}`);
  }
}
