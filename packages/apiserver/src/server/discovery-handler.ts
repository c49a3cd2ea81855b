import { ApiError, type ResourceRegistry } from '@capstan/core';
import { buildAggregatedDiscovery } from '../discovery/aggregated-discovery.js';
import { negotiateDiscovery } from '../discovery/discovery-negotiation.js';
import {
  buildApiGroup,
  buildApiGroupList,
  buildApiResourceList,
  buildApiVersions,
} from '../discovery/legacy-discovery.js';
import type { ServedDocument } from '../discovery/served-document.js';
import {
  negotiateOpenApiV2,
  negotiateOpenApiV3,
  OPENAPI_V2_PROTOBUF,
} from '../openapi/openapi-negotiation.js';
import { buildOpenApiV2 } from '../openapi/openapi-v2.js';
import { buildOpenApiV2Protobuf } from '../openapi/openapi-v2-protobuf.js';
import {
  buildOpenApiV3GroupVersion,
  buildOpenApiV3Index,
  parseOpenApiV3Path,
} from '../openapi/openapi-v3.js';
import type { Route } from './route.js';
import { notFound } from './route-errors.js';
import type { ServerRequest } from './server-request.js';
import { bytesResponse, type ResponseHeaders, type ServerResponse } from './server-response.js';

const DISCOVERY_MEDIA_TYPES = [
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
  'application/json',
];

/**
 * serveDiscovery answers the discovery paths: `/api` and `/apis` in the legacy or aggregated form
 * the Accept header asks for (the aggregated Content-Type echoing `g`, `v` and `as`, which is how
 * client-go recognises it), `/apis/<group>`, `/api/<version>` and `/apis/<group>/<version>`. Every
 * document carries an `ETag` and `Vary: Accept`; a matching `If-None-Match` is a 304. Unknown groups
 * and versions are 404s; nothing acceptable is a 406.
 */
export function serveDiscovery(
  route: Extract<Route, { kind: 'discovery' }>,
  request: ServerRequest,
  registry: ResourceRegistry,
): ServerResponse {
  if (route.group === undefined) {
    const negotiated = negotiateDiscovery(request.headers.accept);
    if (negotiated.form === 'not-acceptable') throw ApiError.notAcceptable(DISCOVERY_MEDIA_TYPES);
    if (negotiated.form === 'aggregated') {
      const document = buildAggregatedDiscovery(
        registry,
        route.legacy ? 'legacy' : 'apis',
        negotiated.version,
      );
      return documentResponse(request, negotiated.contentType, document);
    }
    const document = route.legacy ? buildApiVersions(registry) : buildApiGroupList(registry);
    return documentResponse(request, 'application/json', document);
  }
  const document =
    route.version === undefined
      ? buildApiGroup(registry, route.group)
      : buildApiResourceList(registry, route.group, route.version);
  if (document === undefined) throw notFound();
  return documentResponse(request, 'application/json', document);
}

/**
 * serveOpenApiV2 answers `/openapi/v2` in JSON or in the protobuf form kubectl asks for (answered
 * with Content-Type `application/com.github.proto-openapi.spec.v2.v1.0+protobuf`), with an `ETag`,
 * `Vary: Accept` and 304 for a matching `If-None-Match`.
 */
export function serveOpenApiV2(request: ServerRequest, registry: ResourceRegistry): ServerResponse {
  const negotiated = negotiateOpenApiV2(request.headers.accept);
  if (negotiated.form === 'not-acceptable')
    throw ApiError.notAcceptable(['application/json', OPENAPI_V2_PROTOBUF]);
  if (negotiated.form === 'protobuf') {
    const served = buildOpenApiV2Protobuf(registry);
    return cachedResponse(request, OPENAPI_V2_PROTOBUF, served.bytes, served.etag, {});
  }
  return documentResponse(request, 'application/json', buildOpenApiV2(registry));
}

/**
 * serveOpenApiV3 answers `/openapi/v3` (the index) and `/openapi/v3/<api|apis/group>/<version>`. A
 * document requested with the `hash` the index gave is immutable (`Cache-Control: public,
 * immutable`); with a stale hash it is a 301 to the current URL, as Kubernetes answers.
 */
export function serveOpenApiV3(
  route: Extract<Route, { kind: 'openapi-v3' }>,
  request: ServerRequest,
  registry: ResourceRegistry,
): ServerResponse {
  if (negotiateOpenApiV3(request.headers.accept).form !== 'json')
    throw ApiError.notAcceptable(['application/json']);
  if (route.document === '')
    return documentResponse(request, 'application/json', buildOpenApiV3Index(registry));
  const gv = parseOpenApiV3Path(route.document);
  const document = gv === undefined ? undefined : buildOpenApiV3GroupVersion(registry, gv.group, gv.version);
  if (document === undefined) throw notFound();
  const hash = request.query.get('hash');
  if (hash !== null && hash !== '') {
    if (hash !== document.hash) {
      const location = `/openapi/v3/${route.document}?hash=${document.hash}`;
      return bytesResponse(301, 'text/plain; charset=utf-8', '', { location });
    }
    return documentResponse(request, 'application/json', document, {
      'cache-control': 'public, immutable',
      expires: new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString(),
    });
  }
  return documentResponse(request, 'application/json', document);
}

function documentResponse(
  request: ServerRequest,
  contentType: string,
  document: ServedDocument<unknown>,
  headers: ResponseHeaders = {},
): ServerResponse {
  return cachedResponse(request, contentType, document.json, document.etag, headers);
}

function cachedResponse(
  request: ServerRequest,
  contentType: string,
  body: string | Uint8Array,
  etag: string,
  headers: ResponseHeaders,
): ServerResponse {
  const cacheHeaders = { etag, vary: 'Accept', ...headers };
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag)) {
    return { status: 304, headers: cacheHeaders, body: new Uint8Array(0) };
  }
  return bytesResponse(200, contentType, body, cacheHeaders);
}
