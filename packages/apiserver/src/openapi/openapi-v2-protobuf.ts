import { createHash } from 'node:crypto';
import type { ResourceRegistry } from '@capstan/core';
import { RegistryCache } from '../discovery/registry-cache.js';
import { buildOpenApiV2, type OpenApiV2Document } from './openapi-v2.js';
import { ProtobufWriter } from './protobuf-writer.js';
import type { JsonSchema } from './schema-converter.js';

// Field numbers of gnostic's openapi_v2 messages (github.com/google/gnostic-models, OpenAPIv2.proto),
// the protobuf form of /openapi/v2 that client-go decodes.
const DOCUMENT = { swagger: 1, info: 2, paths: 8, definitions: 9 } as const;
const INFO = { title: 1, version: 2 } as const;
const NAMED = { name: 1, value: 2 } as const;
const PATHS_PATH = 2;
const DEFINITIONS_ITEM = 1;
const PATH_ITEM = { get: 2, put: 3, post: 4, delete: 5, patch: 8, parameters: 9 } as const;
const OPERATION = {
  tags: 1,
  description: 3,
  operationId: 5,
  produces: 6,
  consumes: 7,
  parameters: 8,
  responses: 9,
  schemes: 10,
  vendorExtension: 13,
} as const;
const PARAMETERS_ITEM_PARAMETER = 1;
const PARAMETER = { body: 1, nonBody: 2 } as const;
const BODY_PARAMETER = { description: 1, name: 2, in: 3, required: 4, schema: 5 } as const;
const NON_BODY_PARAMETER = { query: 3, path: 4 } as const;
// QueryParameterSubSchema and PathParameterSubSchema share their first fields; type and
// uniqueItems differ.
const SUB_SCHEMA = { required: 1, in: 2, description: 3, name: 4 } as const;
const QUERY_SUB_SCHEMA = { type: 6, uniqueItems: 20 } as const;
const PATH_SUB_SCHEMA = { type: 5, uniqueItems: 19 } as const;
const RESPONSES_CODE = 1;
const RESPONSE_VALUE_RESPONSE = 1;
const RESPONSE = { description: 1, schema: 2 } as const;
const SCHEMA_ITEM_SCHEMA = 1;
const ANY_YAML = 2;
const SCHEMA = {
  ref: 1,
  format: 2,
  title: 3,
  description: 4,
  default: 5,
  multipleOf: 6,
  maximum: 7,
  exclusiveMaximum: 8,
  minimum: 9,
  exclusiveMinimum: 10,
  maxLength: 11,
  minLength: 12,
  pattern: 13,
  maxItems: 14,
  minItems: 15,
  uniqueItems: 16,
  maxProperties: 17,
  minProperties: 18,
  required: 19,
  enum: 20,
  additionalProperties: 21,
  type: 22,
  items: 23,
  allOf: 24,
  properties: 25,
  readOnly: 27,
  example: 30,
  vendorExtension: 31,
} as const;
const ADDITIONAL_PROPERTIES = { schema: 1, boolean: 2 } as const;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** ServedBytes is a binary document ready to be served: its bytes and their hash (see `ServedDocument`). */
export interface ServedBytes {
  readonly bytes: Uint8Array;
  /** Upper-case hex SHA-512 of {@link bytes}. */
  readonly hash: string;
  /** {@link hash} in double quotes, for the `ETag` header. */
  readonly etag: string;
}

const cache = new RegistryCache();

/**
 * buildOpenApiV2Protobuf returns `/openapi/v2` in its protobuf form
 * (`application/com.github.proto-openapi.spec.v2@v1.0+protobuf`): the document of
 * `buildOpenApiV2` encoded with {@link encodeOpenApiV2}. Computed once per registry generation.
 */
export function buildOpenApiV2Protobuf(registry: ResourceRegistry): ServedBytes {
  return cache.get(registry, 'v2-protobuf', () => {
    const bytes = encodeOpenApiV2(buildOpenApiV2(registry).body);
    const hash = createHash('sha512').update(bytes).digest('hex').toUpperCase();
    return Object.freeze({ bytes, hash, etag: `"${hash}"` });
  });
}

/**
 * encodeOpenApiV2 encodes a Swagger 2.0 document as a gnostic `openapi_v2.Document`, the form
 * kubectl reads: `swagger`, `info`, `paths` (operations with tags, description, operationId,
 * consumes, produces, schemes, body/query/path parameters, responses and vendor extensions such
 * as `x-kubernetes-group-version-kind`) and `definitions` (every schema keyword Swagger 2.0 has,
 * vendor extensions included). Values of type `Any` — vendor extensions, `enum`, `default`,
 * `example` — are written as YAML text (JSON, which YAML includes), as the gnostic compiler
 * writes them and kube-openapi reads them. Keywords outside Swagger 2.0 are left out.
 */
export function encodeOpenApiV2(document: OpenApiV2Document): Uint8Array {
  const w = new ProtobufWriter();
  w.string(DOCUMENT.swagger, document.swagger);
  w.message(DOCUMENT.info, (info) =>
    info.string(INFO.title, document.info.title).string(INFO.version, document.info.version),
  );
  w.message(DOCUMENT.paths, (paths) => {
    for (const [path, item] of Object.entries(document.paths)) {
      paths.message(PATHS_PATH, (named) =>
        named.string(NAMED.name, path).message(NAMED.value, (p) => pathItem(p, item)),
      );
    }
  });
  w.message(DOCUMENT.definitions, (definitions) => {
    for (const [name, definition] of Object.entries(document.definitions)) {
      definitions.message(DEFINITIONS_ITEM, (named) =>
        named.string(NAMED.name, name).message(NAMED.value, (s) => schema(s, definition)),
      );
    }
  });
  return w.finish();
}

function pathItem(w: ProtobufWriter, item: JsonSchema): void {
  for (const method of METHODS) {
    const operation = item[method] as JsonSchema | undefined;
    if (operation !== undefined) w.message(PATH_ITEM[method], (o) => operationMessage(o, operation));
  }
  for (const p of (item.parameters as JsonSchema[] | undefined) ?? []) {
    w.message(PATH_ITEM.parameters, (i) => parametersItem(i, p));
  }
}

function operationMessage(w: ProtobufWriter, operation: JsonSchema): void {
  for (const tag of strings(operation.tags)) w.string(OPERATION.tags, tag);
  optionalString(w, OPERATION.description, operation.description);
  optionalString(w, OPERATION.operationId, operation.operationId);
  for (const type of strings(operation.produces)) w.string(OPERATION.produces, type);
  for (const type of strings(operation.consumes)) w.string(OPERATION.consumes, type);
  for (const p of (operation.parameters as JsonSchema[] | undefined) ?? []) {
    w.message(OPERATION.parameters, (i) => parametersItem(i, p));
  }
  const responses = operation.responses as Record<string, JsonSchema> | undefined;
  w.message(OPERATION.responses, (r) => {
    for (const [code, response] of Object.entries(responses ?? {})) {
      r.message(RESPONSES_CODE, (named) =>
        named.string(NAMED.name, code).message(NAMED.value, (value) =>
          value.message(RESPONSE_VALUE_RESPONSE, (res) => {
            optionalString(res, RESPONSE.description, response.description);
            const body = response.schema as JsonSchema | undefined;
            if (body !== undefined) {
              res.message(RESPONSE.schema, (item) =>
                item.message(SCHEMA_ITEM_SCHEMA, (s) => schema(s, body)),
              );
            }
          }),
        ),
      );
    }
  });
  for (const scheme of strings(operation.schemes)) w.string(OPERATION.schemes, scheme);
  vendorExtensions(w, OPERATION.vendorExtension, operation);
}

function parametersItem(w: ProtobufWriter, p: JsonSchema): void {
  w.message(PARAMETERS_ITEM_PARAMETER, (parameter) => {
    if (p.in === 'body') {
      parameter.message(PARAMETER.body, (body) => {
        optionalString(body, BODY_PARAMETER.description, p.description);
        optionalString(body, BODY_PARAMETER.name, p.name);
        optionalString(body, BODY_PARAMETER.in, p.in);
        if (p.required === true) body.bool(BODY_PARAMETER.required, true);
        const bodySchema = p.schema as JsonSchema | undefined;
        if (bodySchema !== undefined) body.message(BODY_PARAMETER.schema, (s) => schema(s, bodySchema));
      });
      return;
    }
    const fields = p.in === 'path' ? PATH_SUB_SCHEMA : QUERY_SUB_SCHEMA;
    parameter.message(PARAMETER.nonBody, (nonBody) =>
      nonBody.message(p.in === 'path' ? NON_BODY_PARAMETER.path : NON_BODY_PARAMETER.query, (sub) => {
        if (p.required === true) sub.bool(SUB_SCHEMA.required, true);
        optionalString(sub, SUB_SCHEMA.in, p.in);
        optionalString(sub, SUB_SCHEMA.description, p.description);
        optionalString(sub, SUB_SCHEMA.name, p.name);
        optionalString(sub, fields.type, p.type);
        if (p.uniqueItems === true) sub.bool(fields.uniqueItems, true);
      }),
    );
  });
}

function schema(w: ProtobufWriter, s: JsonSchema): void {
  optionalString(w, SCHEMA.ref, s.$ref);
  optionalString(w, SCHEMA.format, s.format);
  optionalString(w, SCHEMA.title, s.title);
  optionalString(w, SCHEMA.description, s.description);
  if (s.default !== undefined)
    w.message(SCHEMA.default, (any) => any.string(ANY_YAML, JSON.stringify(s.default)));
  optionalDouble(w, SCHEMA.multipleOf, s.multipleOf);
  optionalDouble(w, SCHEMA.maximum, s.maximum);
  if (s.exclusiveMaximum === true) w.bool(SCHEMA.exclusiveMaximum, true);
  optionalDouble(w, SCHEMA.minimum, s.minimum);
  if (s.exclusiveMinimum === true) w.bool(SCHEMA.exclusiveMinimum, true);
  optionalCount(w, SCHEMA.maxLength, s.maxLength);
  optionalCount(w, SCHEMA.minLength, s.minLength);
  optionalString(w, SCHEMA.pattern, s.pattern);
  optionalCount(w, SCHEMA.maxItems, s.maxItems);
  optionalCount(w, SCHEMA.minItems, s.minItems);
  if (s.uniqueItems === true) w.bool(SCHEMA.uniqueItems, true);
  optionalCount(w, SCHEMA.maxProperties, s.maxProperties);
  optionalCount(w, SCHEMA.minProperties, s.minProperties);
  for (const name of strings(s.required)) w.string(SCHEMA.required, name);
  for (const value of Array.isArray(s.enum) ? s.enum : []) {
    w.message(SCHEMA.enum, (any) => any.string(ANY_YAML, JSON.stringify(value)));
  }
  const additional = s.additionalProperties;
  if (typeof additional === 'boolean') {
    w.message(SCHEMA.additionalProperties, (a) => a.bool(ADDITIONAL_PROPERTIES.boolean, additional));
  } else if (typeof additional === 'object' && additional !== null) {
    w.message(SCHEMA.additionalProperties, (a) =>
      a.message(ADDITIONAL_PROPERTIES.schema, (sub) => schema(sub, additional as JsonSchema)),
    );
  }
  if (typeof s.type === 'string') w.message(SCHEMA.type, (t) => t.string(1, s.type as string));
  const items = s.items as JsonSchema | undefined;
  if (items !== undefined) w.message(SCHEMA.items, (i) => i.message(1, (sub) => schema(sub, items)));
  for (const member of (s.allOf as JsonSchema[] | undefined) ?? []) {
    w.message(SCHEMA.allOf, (sub) => schema(sub, member));
  }
  const properties = s.properties as Record<string, JsonSchema> | undefined;
  if (properties !== undefined) {
    w.message(SCHEMA.properties, (p) => {
      for (const [name, field] of Object.entries(properties)) {
        p.message(1, (named) =>
          named.string(NAMED.name, name).message(NAMED.value, (sub) => schema(sub, field)),
        );
      }
    });
  }
  if (s.readOnly === true) w.bool(SCHEMA.readOnly, true);
  if (s.example !== undefined)
    w.message(SCHEMA.example, (any) => any.string(ANY_YAML, JSON.stringify(s.example)));
  vendorExtensions(w, SCHEMA.vendorExtension, s);
}

function vendorExtensions(w: ProtobufWriter, field: number, object: JsonSchema): void {
  for (const [name, value] of Object.entries(object)) {
    if (!name.startsWith('x-')) continue;
    w.message(field, (named) =>
      named
        .string(NAMED.name, name)
        .message(NAMED.value, (any) => any.string(ANY_YAML, JSON.stringify(value))),
    );
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function optionalString(w: ProtobufWriter, field: number, value: unknown): void {
  if (typeof value === 'string' && value !== '') w.string(field, value);
}

function optionalDouble(w: ProtobufWriter, field: number, value: unknown): void {
  if (typeof value === 'number') w.double(field, value);
}

function optionalCount(w: ProtobufWriter, field: number, value: unknown): void {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) w.int64(field, value);
}
