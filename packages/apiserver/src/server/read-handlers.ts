import { ApiError, escapeFieldSelectorValue, FieldSelector } from '@capstan/core';
import { errorEvent } from '../watch-cache/watch-event.js';
import { toApiError } from './error-response.js';
import type { ResourceRequest } from './handler-context.js';
import { listOptions, watchOptions } from './list-options.js';
import { objectResponse, responseFormat } from './object-response.js';
import { contentTypeOf } from './output-format.js';
import type { ServerResponse } from './server-response.js';
import { watchEncoder } from './watch-encoding.js';
import { WatchStream } from './watch-stream.js';

/** getObject serves GET of one object (`resourceVersion` as Kubernetes' GetOptions), as JSON, YAML, protobuf or a Table. */
export async function getObject(r: ResourceRequest, name: string): Promise<ServerResponse> {
  const format = responseFormat(r, true);
  const object = await r.context.storages
    .for(r.route.type)
    .get(r.route.namespace, name, { resourceVersion: r.query.string('resourceVersion') });
  return objectResponse(r, 200, format, object);
}

/** listObjects serves GET of a collection (in a namespace or across all of them) with every list option Kubernetes has. */
export async function listObjects(r: ResourceRequest): Promise<ServerResponse> {
  const format = responseFormat(r, true);
  const list = await r.context.storages.for(r.route.type).list(r.route.namespace, listOptions(r.query));
  return objectResponse(r, 200, format, list);
}

/**
 * watchObjects serves a watch: `?watch=true` on a collection, or the legacy `/watch/` paths (on
 * an object path, a watch of that object alone: a `fieldSelector` naming another object is a 400).
 * Option errors are answered as such; once the stream has started, failures arrive as ERROR
 * events. The watch ends with the request's signal, its timeout, or the server's close.
 */
export async function watchObjects(r: ResourceRequest, name?: string): Promise<ServerResponse> {
  const format = responseFormat(r, true, true);
  const { context, route, request } = r;
  const spread = context.minRequestTimeoutSeconds;
  const options = watchOptions(r.query, Math.ceil(spread + Math.random() * spread));
  let fieldSelector = options.fieldSelector;
  if (name !== undefined) {
    const nameSelector = FieldSelector.parse(`metadata.name=${escapeFieldSelectorValue(name)}`);
    if (fieldSelector !== undefined && fieldSelector !== '') {
      if (FieldSelector.parse(String(fieldSelector)).requiresExactMatch('metadata.name') !== name) {
        throw ApiError.badRequest("fieldSelector metadata.name doesn't match requested name");
      }
    } else fieldSelector = nameSelector;
  }
  const stream = new WatchStream({
    encode: watchEncoder(format, route.type, context.clock),
    signal: request.signal,
  });
  const events = context.storages
    .for(route.type)
    .watch(route.namespace, { ...options, fieldSelector, backpressure: stream.backpressure });
  stream.attach(events, (err) => errorEvent(toApiError(err)));
  return { status: 200, headers: { 'content-type': contentTypeOf(format, true) }, body: stream };
}
