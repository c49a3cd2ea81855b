import { matchesMediaType, parseAccept } from '../discovery/media-range.js';

/**
 * OPENAPI_V2_PROTOBUF is the Content-Type of the protobuf (gnostic `openapi_v2.Document`) form of
 * `/openapi/v2`. Clients ask for it as `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
 * (kubectl does), which Go's media type parser rejects in a response (`mime: unexpected content
 * after media subtype`), so Kubernetes answers both spellings with this one.
 */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const OPENAPI_V2_PROTOBUF_REQUESTS = new Set([
  OPENAPI_V2_PROTOBUF,
  'application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
]);

/** OpenApiNegotiation is the form an OpenAPI document is to be served in, with its Content-Type, or `not-acceptable` (406). */
export type OpenApiNegotiation =
  | { readonly form: 'json'; readonly contentType: 'application/json' }
  | { readonly form: 'protobuf'; readonly contentType: typeof OPENAPI_V2_PROTOBUF }
  | { readonly form: 'not-acceptable' };

const JSON_FORM: OpenApiNegotiation = Object.freeze({ form: 'json', contentType: 'application/json' });

/**
 * negotiateOpenApiV2 decides, from an `Accept` header, the form of `/openapi/v2`: JSON for
 * `application/json` (or `application/*`, `*\/*`, or no header), protobuf (answered as
 * {@link OPENAPI_V2_PROTOBUF}) for `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
 * or `…spec.v2.v1.0+protobuf`, by descending `q`; anything else is not acceptable.
 *
 * kubectl asks for the protobuf form only and cannot read JSON (`proto: cannot parse invalid
 * wire-format data`); kubectl 1.33 needs the document to validate `kind: List` files (and
 * whenever the OpenAPI v3 document does not show field validation for a kind), so a server must
 * serve the protobuf form.
 */
export function negotiateOpenApiV2(accept: string | undefined): OpenApiNegotiation {
  if (accept === undefined || accept.trim() === '') return JSON_FORM;
  for (const range of parseAccept(accept)) {
    if (OPENAPI_V2_PROTOBUF_REQUESTS.has(range.type))
      return { form: 'protobuf', contentType: OPENAPI_V2_PROTOBUF };
    if (matchesMediaType(range, 'application/json')) return JSON_FORM;
  }
  return { form: 'not-acceptable' };
}

/**
 * negotiateOpenApiV3 decides, from an `Accept` header, the form of `/openapi/v3` and its
 * documents: JSON (what kubectl asks for) for `application/json`, `application/*`, `*\/*` or no
 * header; anything else is not acceptable.
 */
export function negotiateOpenApiV3(accept: string | undefined): OpenApiNegotiation {
  if (accept === undefined || accept.trim() === '') return JSON_FORM;
  return parseAccept(accept).some((range) => matchesMediaType(range, 'application/json'))
    ? JSON_FORM
    : { form: 'not-acceptable' };
}
