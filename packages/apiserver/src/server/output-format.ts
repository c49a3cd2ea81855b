import { ApiError } from '@capstan/core';
import { stringify } from 'yaml';
import { parseAccept } from '../discovery/media-range.js';
import type { JsonObject } from '../patch/json-value.js';
import { encodeKubernetesProtobuf, KUBERNETES_PROTOBUF_MEDIA_TYPE } from '../protobuf/kubernetes-protobuf.js';
import { negotiateTable, type TableRequest } from '../table/table-negotiation.js';

/** OUTPUT_MEDIA_TYPES are the media types objects are served in, as 406 errors list them. */
export const OUTPUT_MEDIA_TYPES: readonly string[] = Object.freeze([
  'application/json',
  'application/yaml',
  KUBERNETES_PROTOBUF_MEDIA_TYPE,
]);

/**
 * OutputFormat is how a response body is written:
 * - `json` (optionally indented), `yaml`, `protobuf`: the object as it is;
 * - `table`: converted to a `meta.k8s.io` Table (`kubectl get`);
 * - `partial`: converted to `PartialObjectMetadata`/`PartialObjectMetadataList` (metadata clients),
 *   in JSON or YAML.
 */
export type OutputFormat =
  | { readonly kind: 'json'; readonly pretty: boolean }
  | { readonly kind: 'yaml' }
  | { readonly kind: 'protobuf' }
  | { readonly kind: 'table'; readonly table: TableRequest; readonly pretty: boolean }
  | {
      readonly kind: 'partial';
      readonly version: 'v1' | 'v1beta1';
      readonly mediaType: 'application/json' | 'application/yaml';
      readonly pretty: boolean;
    };

/** NegotiationOptions describe the endpoint and request beside the Accept header. */
export interface NegotiationOptions {
  /** Whether the endpoint converts to Table and PartialObjectMetadata (gets, lists and watches of a resource). */
  readonly conversions: boolean;
  /** The `includeObject` query parameter (Table output). */
  readonly includeObject?: string | undefined;
  /** Indent JSON (`?pretty`, or a browser or curl as user agent). */
  readonly pretty: boolean;
  /** A watch: YAML has no stream form, and `stream=watch` ranges are accepted. */
  readonly watch?: boolean;
}

/**
 * negotiateOutput picks the response format from an Accept header as Kubernetes' negotiation
 * does, with one preference of Capstan's: protobuf is served only when the client accepts
 * nothing else. Table (`as=Table;g=meta.k8s.io;v=v1`) and `as=PartialObjectMetadata[List]` are
 * honoured where `conversions` allows; ranges with other parameters are skipped. No header, an
 * empty one, `*\/*` and `application/*` mean JSON. Nothing acceptable is a 406 NotAcceptable
 * listing {@link OUTPUT_MEDIA_TYPES}; a Table with a bad `includeObject` is a 400.
 */
export function negotiateOutput(accept: string | undefined, options: NegotiationOptions): OutputFormat {
  const pretty = options.pretty;
  if (accept === undefined || accept.trim() === '') return { kind: 'json', pretty };
  if (options.conversions) {
    const table = negotiateTable(accept, {
      includeObject: options.includeObject,
      mediaTypes: options.watch === true ? ['application/json'] : ['application/json', 'application/yaml'],
    });
    if (table !== undefined) return { kind: 'table', table, pretty };
  }
  let protobuf = false;
  for (const range of parseAccept(accept)) {
    const stream = range.params.get('stream');
    if (stream !== undefined && stream !== '' && (stream !== 'watch' || options.watch !== true)) continue;
    const as = range.params.get('as');
    const mediaType = servedMediaType(range.type, options.watch === true);
    if (mediaType === undefined) continue;
    if (as !== undefined) {
      const version = range.params.get('v');
      if (
        options.conversions &&
        (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') &&
        range.params.get('g') === 'meta.k8s.io' &&
        (version === 'v1' || version === 'v1beta1') &&
        mediaType !== KUBERNETES_PROTOBUF_MEDIA_TYPE
      ) {
        return { kind: 'partial', version, mediaType, pretty };
      }
      continue;
    }
    if (mediaType === 'application/json') return { kind: 'json', pretty };
    if (mediaType === 'application/yaml') return { kind: 'yaml' };
    protobuf = true;
  }
  if (protobuf) return { kind: 'protobuf' };
  throw ApiError.notAcceptable(OUTPUT_MEDIA_TYPES);
}

/** servedMediaType maps an Accept range to the media type it selects, preferring JSON for wildcards. */
function servedMediaType(
  type: string,
  watch: boolean,
): 'application/json' | 'application/yaml' | typeof KUBERNETES_PROTOBUF_MEDIA_TYPE | undefined {
  switch (type) {
    case '*/*':
    case 'application/*':
    case 'application/json':
      return 'application/json';
    case 'application/yaml':
      return watch ? undefined : 'application/yaml';
    case KUBERNETES_PROTOBUF_MEDIA_TYPE:
      return KUBERNETES_PROTOBUF_MEDIA_TYPE;
    default:
      return undefined;
  }
}

/** contentTypeOf is the Content-Type a response in `format` carries (`watch`: the stream form). */
export function contentTypeOf(format: OutputFormat, watch = false): string {
  switch (format.kind) {
    case 'json':
      return 'application/json';
    case 'yaml':
      return 'application/yaml';
    case 'protobuf':
      return watch ? `${KUBERNETES_PROTOBUF_MEDIA_TYPE};stream=watch` : KUBERNETES_PROTOBUF_MEDIA_TYPE;
    case 'table':
      return `${format.table.mediaType};as=Table;v=${format.table.version};g=meta.k8s.io`;
    case 'partial':
      return `${format.mediaType};as=PartialObjectMetadata;v=${format.version};g=meta.k8s.io`;
  }
}

const encoder = new TextEncoder();

/**
 * encodeOutput writes an object (already converted, for `table` and `partial`) in `format`: JSON
 * with a trailing newline as Go's encoder writes it, YAML, or protobuf (a 406 NotAcceptable
 * `ProtobufError` when the kind has no protobuf form).
 */
export function encodeOutput(format: OutputFormat, object: unknown): Uint8Array {
  const mediaType =
    format.kind === 'table'
      ? format.table.mediaType
      : format.kind === 'partial'
        ? format.mediaType
        : undefined;
  if (format.kind === 'yaml' || mediaType === 'application/yaml') return encoder.encode(stringify(object));
  if (format.kind === 'protobuf') return encodeKubernetesProtobuf(object as JsonObject);
  const pretty = 'pretty' in format && format.pretty;
  return encoder.encode(`${JSON.stringify(object, null, pretty ? 2 : undefined)}\n`);
}

/** wantsPretty tells whether JSON should be indented: `?pretty` (not `0`/`false`), or a user agent Kubernetes pretty-prints for. */
export function wantsPretty(pretty: boolean | undefined, userAgent: string | undefined): boolean {
  if (pretty !== undefined) return pretty;
  const agent = userAgent ?? '';
  return agent.startsWith('curl') || agent.startsWith('Wget') || agent.startsWith('Mozilla/');
}
