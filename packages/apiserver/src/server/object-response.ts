import type { ResourceRequest } from './handler-context.js';
import { convertForOutput } from './output-conversion.js';
import {
  contentTypeOf,
  encodeOutput,
  negotiateOutput,
  type OutputFormat,
  wantsPretty,
} from './output-format.js';
import { bytesResponse, type ServerResponse, warningHeaders } from './server-response.js';

/**
 * responseFormat negotiates the format of a resource response from the request's Accept header,
 * `includeObject` and `pretty` parameters and user agent (see `negotiateOutput`). `conversions`
 * allows Table and PartialObjectMetadata output (gets, lists and watches of the resource itself).
 */
export function responseFormat(r: ResourceRequest, conversions: boolean, watch = false): OutputFormat {
  return negotiateOutput(r.request.headers.accept, {
    conversions,
    includeObject: r.query.string('includeObject'),
    pretty: wantsPretty(r.query.boolean('pretty'), r.request.headers['user-agent']),
    watch,
  });
}

/**
 * objectResponse answers with `object` (an object or list of the route's type, or any other API
 * object when the format converts nothing) written in `format`, with `warnings` as `Warning`
 * headers.
 */
export function objectResponse(
  r: ResourceRequest,
  status: number,
  format: OutputFormat,
  object: unknown,
  warnings: readonly string[] = [],
): ServerResponse {
  const converted = convertForOutput(format, r.route.type, object, { now: r.context.clock() });
  return bytesResponse(
    status,
    contentTypeOf(format),
    encodeOutput(format, converted),
    warningHeaders(warnings),
  );
}
