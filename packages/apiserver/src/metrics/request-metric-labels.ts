import type { RequestAttributes } from '../pipeline/contracts.js';

/**
 * RequestMetricLabels are the labels of one request in `apiserver_request_total` and
 * `apiserver_request_duration_seconds` (all but `dryRun` also in `apiserver_longrunning_requests`),
 * with the values Kubernetes reports: `verb` is upper case and tells LIST, WATCH and APPLY apart
 * (`GET`, `LIST`, `WATCH`, `POST`, `PUT`, `PATCH`, `APPLY`, `DELETE`, `CONNECT`, else `other`);
 * `scope` is `resource`, `namespace`, `cluster`, or `''` outside the resource API; `component` is
 * `apiserver`.
 */
export interface RequestMetricLabels {
  readonly verb: string;
  readonly dryRun: string;
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  readonly subresource: string;
  readonly scope: string;
  readonly component: string;
}

/** The component label of requests the API server itself serves. */
export const APISERVER_COMPONENT = 'apiserver';

/** Verbs Kubernetes reports as they are; anything else is reported as `other`. */
const REPORTED_VERBS = new Set([
  'APPLY',
  'CONNECT',
  'CREATE',
  'DELETE',
  'DELETECOLLECTION',
  'GET',
  'LIST',
  'PATCH',
  'POST',
  'PROXY',
  'PUT',
  'UPDATE',
  'WATCH',
  'WATCHLIST',
]);

/** Subresources that stream a connection, reported as CONNECT. */
const CONNECT_SUBRESOURCES = new Set(['log', 'exec', 'portforward', 'attach', 'proxy']);

/** Verbs that act on a collection rather than one named object. */
const COLLECTION_VERBS = new Set(['list', 'watch', 'deletecollection']);

const APPLY_PATCH_MEDIA_TYPE = 'application/apply-patch+yaml';

/**
 * requestMetricLabels computes a request's metric labels from its authorization attributes (see
 * `requestAttributesFor`), method, query and `Content-Type`, as Kubernetes' `MonitorRequest` does:
 * a GET of a collection is LIST, and WATCH when it watches; a PATCH with an apply patch is APPLY;
 * requests to streaming subresources are CONNECT; `dryRun` is the sorted, de-duplicated `dryRun`
 * values joined by commas (`''` without any, `invalid` when one is not `All`). Requests outside
 * the resource API keep their path as `subresource`, as Kubernetes reports `/healthz`.
 */
export function requestMetricLabels(
  attributes: RequestAttributes,
  request: { readonly method: string; readonly query?: URLSearchParams; readonly contentType?: string },
): RequestMetricLabels {
  const dryRun = dryRunLabel(request.query);
  if (!attributes.resourceRequest) {
    return {
      verb: reportedVerb(request.method.toUpperCase()),
      dryRun,
      group: '',
      version: '',
      resource: '',
      subresource: attributes.path,
      scope: '',
      component: APISERVER_COMPONENT,
    };
  }
  const scope = resourceScope(attributes);
  let verb = request.method.toUpperCase();
  if (verb === 'HEAD') verb = 'GET';
  if (verb === 'GET' && scope !== 'resource') verb = 'LIST';
  if (attributes.verb === 'watch') verb = 'WATCH';
  if (verb === 'PATCH' && mediaType(request.contentType) === APPLY_PATCH_MEDIA_TYPE) verb = 'APPLY';
  if (attributes.subresource !== undefined && CONNECT_SUBRESOURCES.has(attributes.subresource))
    verb = 'CONNECT';
  return {
    verb: reportedVerb(verb),
    dryRun,
    group: attributes.apiGroup ?? '',
    version: attributes.apiVersion ?? '',
    resource: attributes.resource ?? '',
    subresource: attributes.subresource ?? '',
    scope,
    component: APISERVER_COMPONENT,
  };
}

/** resourceScope: collections are namespace- or cluster-scoped, requests about one object (and creates) resource-scoped. */
function resourceScope(attributes: RequestAttributes): string {
  if (!COLLECTION_VERBS.has(attributes.verb) && (attributes.name || attributes.verb === 'create')) {
    return 'resource';
  }
  return attributes.namespace ? 'namespace' : 'cluster';
}

function reportedVerb(verb: string): string {
  return REPORTED_VERBS.has(verb) ? verb : 'other';
}

function dryRunLabel(query: URLSearchParams | undefined): string {
  const values = query?.getAll('dryRun') ?? [];
  if (values.length === 0) return '';
  if (values.some((v) => v !== 'All')) return 'invalid';
  return [...new Set(values)].sort().join(',');
}

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}
