import { ApiError, fieldErrorString, fieldErrors } from '@capstan/core';
import type { IncludeObject, TableVersion } from './table.js';

/** TableRequest is a negotiated request for Table output. */
export interface TableRequest {
  /** The `meta.k8s.io` version asked for. */
  readonly version: TableVersion;
  /** The served media type the Table is written in: `application/json` or `application/yaml`. */
  readonly mediaType: string;
  /** What each row carries, from the `includeObject` query parameter (`Metadata` when absent or empty). */
  readonly includeObject: IncludeObject;
}

/** TableNegotiationOptions are the request facts beside the Accept header. */
export interface TableNegotiationOptions {
  /** The first value of the `includeObject` query parameter, or null/undefined when absent. */
  readonly includeObject?: string | null | undefined;
  /**
   * The media types the endpoint serves, in the server's preference order; by default
   * `application/json`, `application/yaml`, `application/vnd.kubernetes.protobuf`, as Kubernetes.
   */
  readonly mediaTypes?: readonly string[];
}

const DEFAULT_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const INCLUDE_OBJECT_VALUES: readonly IncludeObject[] = ['Metadata', 'None', 'Object'];
const META_GROUP = 'meta.k8s.io';

interface Clause {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly params: ReadonlyMap<string, string>;
}

/**
 * negotiateTable decides, as Kubernetes' content negotiation does, whether a request's Accept
 * header asks for Table output, and returns the Table request, or `undefined` when the response
 * should be something else (plain objects, `PartialObjectMetadata`, or nothing acceptable: the
 * caller's own negotiation then answers, with 406 where appropriate).
 *
 * The clauses are ordered as Go's goautoneg orders them (by `q`, then specific before wildcard
 * types, stably otherwise); the first clause that matches a served media type and whose
 * parameters the endpoint accepts wins. `as=Table;g=meta.k8s.io;v=v1` (or `v1beta1`) is accepted
 * for JSON and YAML only, so `kubectl get`'s
 * `application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json`
 * negotiates a v1 Table. A clause with an unknown conversion target, or a `stream` other than
 * `watch`, is skipped.
 *
 * Throws an {@link ApiError} 400 BadRequest (`Unable to convert to Table as requested:
 * includeObject: Unsupported value: …`) when a Table is negotiated with an `includeObject` other
 * than `None`, `Metadata`, `Object` or empty.
 */
export function negotiateTable(
  accept: string | null | undefined,
  options: TableNegotiationOptions = {},
): TableRequest | undefined {
  if (accept === null || accept === undefined || accept === '') return undefined;
  const served = (options.mediaTypes ?? DEFAULT_MEDIA_TYPES).map((m) => {
    const [type = '', subtype = ''] = m.split('/');
    return { mediaType: m, type, subtype };
  });
  for (const clause of parseAccept(accept)) {
    for (const media of served) {
      const matches =
        (clause.type === media.type && (clause.subtype === media.subtype || clause.subtype === '*')) ||
        (clause.type === '*' && clause.subtype === '*');
      if (!matches) continue;
      const outcome = acceptClause(clause, media.type, media.subtype);
      if (outcome === 'rejected') continue;
      if (outcome === 'other') return undefined;
      return {
        version: outcome,
        mediaType: media.mediaType,
        includeObject: includeObject(options.includeObject),
      };
    }
  }
  return undefined;
}

/** acceptClause judges a clause's parameters against one served media type, as Kubernetes' acceptMediaTypeOptions. */
function acceptClause(clause: Clause, type: string, subtype: string): TableVersion | 'other' | 'rejected' {
  const stream = clause.params.get('stream');
  if (stream !== undefined && stream !== '' && (stream !== 'watch' || subtype === 'yaml')) return 'rejected';
  const serverVersion = clause.params.get('sv');
  if (serverVersion !== undefined && serverVersion !== '' && serverVersion !== 'v1') return 'rejected';
  const kind = clause.params.get('as');
  const group = clause.params.get('g');
  const version = clause.params.get('v');
  if (kind === undefined && group === undefined && version === undefined) return 'other';
  if (group !== META_GROUP || (version !== 'v1' && version !== 'v1beta1')) return 'rejected';
  if (kind === 'Table') {
    return type === 'application' && (subtype === 'json' || subtype === 'yaml') ? version : 'rejected';
  }
  return kind === 'PartialObjectMetadata' || kind === 'PartialObjectMetadataList' ? 'other' : 'rejected';
}

function includeObject(value: string | null | undefined): IncludeObject {
  if (value === null || value === undefined || value === '') return 'Metadata';
  if ((INCLUDE_OBJECT_VALUES as readonly string[]).includes(value)) return value as IncludeObject;
  const error = fieldErrors.notSupported('includeObject', value, INCLUDE_OBJECT_VALUES);
  throw ApiError.badRequest(`Unable to convert to Table as requested: ${fieldErrorString(error)}`);
}

/** parseAccept reads an Accept header as goautoneg's ParseAccept does, clauses sorted by its order. */
function parseAccept(header: string): Clause[] {
  const clauses: Clause[] = [];
  for (const part of header.split(',')) {
    const [range = '', ...paramTexts] = part.split(';');
    const pieces = range.split('/');
    const type = trimSpaces(pieces[0] ?? '');
    let subtype: string;
    if (pieces.length === 1 && type === '*') subtype = '*';
    else if (pieces.length === 2) subtype = trimSpaces(pieces[1]!);
    else continue;
    let q = 1;
    const params = new Map<string, string>();
    for (const text of paramTexts) {
      const eq = text.indexOf('=');
      if (eq < 0) continue;
      const token = trimSpaces(text.slice(0, eq));
      const value = text.slice(eq + 1);
      if (token === 'q') q = parseQuality(value);
      else params.set(token, trimSpaces(value));
    }
    clauses.push({ type, subtype, q, params });
  }
  // Go sorts these few clauses by insertion sort, which keeps equal clauses in order.
  for (let i = 1; i < clauses.length; i++) {
    for (let j = i; j > 0 && before(clauses[j]!, clauses[j - 1]!); j--) {
      [clauses[j - 1], clauses[j]] = [clauses[j]!, clauses[j - 1]!];
    }
  }
  return clauses;
}

function before(a: Clause, b: Clause): boolean {
  if (a.q > b.q) return true;
  if (a.type !== '*' && b.type === '*') return true;
  return a.subtype !== '*' && b.subtype === '*';
}

/** parseQuality reads a q value as Go's strconv.ParseFloat, which gives 0 for anything it cannot parse. */
function parseQuality(text: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return 0;
  return Number(text);
}

/** trimSpaces removes leading and trailing spaces only, as Go's strings.Trim(s, " "). */
function trimSpaces(text: string): string {
  return text.replace(/^ +| +$/g, '');
}
