import { ApiError } from '@capstan/core';
import { parseDocument } from 'yaml';
import { decodeKubernetesProtobuf, KUBERNETES_PROTOBUF_MEDIA_TYPE } from '../protobuf/kubernetes-protobuf.js';
import { jsonStructure } from './json-structure.js';

/** BodyFormat is the encoding of a request body, from its Content-Type. */
export type BodyFormat = 'json' | 'yaml' | 'protobuf';

/** BODY_MEDIA_TYPES are the media types object bodies may be sent in, in the order 415 errors list them. */
export const BODY_MEDIA_TYPES: readonly string[] = Object.freeze([
  'application/json',
  'application/yaml',
  KUBERNETES_PROTOBUF_MEDIA_TYPE,
]);

/**
 * DecodedBody is a request body as a JSON value, with what decoding noticed for field validation:
 * `duplicates` are the paths of repeated JSON members (document order); `yamlDuplicates` the
 * YAML duplicate-key errors (`line 5: key "name" already set in map`).
 */
export interface DecodedBody {
  readonly format: BodyFormat;
  readonly value: unknown;
  readonly duplicates: readonly string[];
  readonly yamlDuplicates: readonly string[];
}

/** DecodeBodyOptions say what a protobuf envelope means when it leaves its type out, and whether to look for duplicates. */
export interface DecodeBodyOptions {
  readonly defaultApiVersion?: string;
  readonly defaultKind?: string;
  /** Look for repeated members (only when the request's field validation will report them). */
  readonly findDuplicates: boolean;
}

/** mediaTypeOf returns the lower-cased media type of a Content-Type header, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * bodyFormat reads the format of an object body from its Content-Type: JSON when absent (as
 * Kubernetes), `application/json`, `application/yaml` or `application/vnd.kubernetes.protobuf`
 * (parameters such as `charset` ignored). Anything else is a 415 UnsupportedMediaType listing
 * {@link BODY_MEDIA_TYPES}.
 */
export function bodyFormat(contentType: string | undefined): BodyFormat {
  switch (mediaTypeOf(contentType)) {
    case '':
    case 'application/json':
      return 'json';
    case 'application/yaml':
      return 'yaml';
    case KUBERNETES_PROTOBUF_MEDIA_TYPE:
      return 'protobuf';
    default:
      throw ApiError.unsupportedMediaType(BODY_MEDIA_TYPES);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** bodyText decodes a body as UTF-8 (400 BadRequest when it is not). */
export function bodyText(body: Uint8Array): string {
  try {
    return utf8.decode(body);
  } catch {
    throw ApiError.badRequest('the request body is not valid UTF-8');
  }
}

/**
 * decodeBody decodes an object body in `format`. Guarantees: the value is plain JSON (objects,
 * arrays, strings, finite numbers, booleans, null) nested at most `MAX_JSON_DEPTH` levels, and a
 * JSON object; anything else — malformed JSON or YAML, several YAML documents, invalid protobuf,
 * an empty body — is a 400 BadRequest (protobuf errors carry the codec's status: 413 for bodies
 * that expand too far, 415 for kinds without a protobuf form).
 */
export function decodeBody(body: Uint8Array, format: BodyFormat, options: DecodeBodyOptions): DecodedBody {
  if (body.length === 0) throw ApiError.badRequest('the request body is empty');
  switch (format) {
    case 'json':
      return decodeJson(bodyText(body), options.findDuplicates);
    case 'yaml':
      return decodeYaml(bodyText(body));
    case 'protobuf': {
      const decoded = decodeKubernetesProtobuf(body, {
        ...(options.defaultApiVersion === undefined ? {} : { defaultApiVersion: options.defaultApiVersion }),
        ...(options.defaultKind === undefined ? {} : { defaultKind: options.defaultKind }),
      });
      return { format, value: decoded.object, duplicates: [], yamlDuplicates: [] };
    }
  }
}

/**
 * parseJson parses a JSON text into a value nested at most `MAX_JSON_DEPTH` levels, with the paths
 * of repeated members when asked; `describe` prefixes the 400 message of malformed JSON.
 */
export function parseJson(
  text: string,
  findDuplicates: boolean,
  describe = "couldn't get version/kind; json parse error",
): { value: unknown; duplicates: readonly string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw ApiError.badRequest(`${describe}: ${(err as Error).message}`);
  }
  return { value, duplicates: jsonStructure(text, findDuplicates).duplicates };
}

function decodeJson(text: string, findDuplicates: boolean): DecodedBody {
  const { value, duplicates } = parseJson(text, findDuplicates);
  assertObject(value, "couldn't get version/kind; json parse error");
  return { format: 'json', value, duplicates, yamlDuplicates: [] };
}

function decodeYaml(text: string): DecodedBody {
  let value: unknown;
  const yamlDuplicates: string[] = [];
  try {
    const doc = parseDocument(text, { uniqueKeys: true, schema: 'core', prettyErrors: false });
    const fatal = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    if (fatal !== undefined) throw fatal;
    for (const error of doc.errors) {
      const line = text.slice(0, error.pos[0]).split('\n').length;
      yamlDuplicates.push(`line ${line}: ${duplicateKeyText(text, error.pos[0])}`);
    }
    // Normalize to JSON: non-finite numbers and other YAML-only values do not survive.
    const json = JSON.stringify(doc.toJS({ maxAliasCount: 100 })) ?? 'null';
    jsonStructure(json, false);
    value = JSON.parse(json);
  } catch (err) {
    if (ApiError.is(err)) throw err;
    throw ApiError.badRequest(`error converting YAML to JSON: yaml: ${(err as Error).message}`);
  }
  assertObject(value, 'error converting YAML to JSON');
  return { format: 'yaml', value, duplicates: [], yamlDuplicates };
}

/** duplicateKeyText is go-yaml's message for a key set twice in one map: `key "name" already set in map`. */
function duplicateKeyText(text: string, offset: number): string {
  const line = text.slice(offset).split('\n')[0] ?? '';
  const key = line.replace(/\s*:.*$/, '').replace(/^["']|["']$/g, '');
  return `key ${JSON.stringify(key)} already set in map`;
}

function assertObject(value: unknown, describe: string): asserts value is Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  throw ApiError.badRequest(`${describe}: the body is a JSON ${kind}, not an object`);
}
