import type { ResourceRegistry } from '@capstan/core';
import { RegistryCache } from '../discovery/registry-cache.js';
import { type ServedDocument, servedDocument } from '../discovery/served-document.js';
import { GVK_EXTENSION, gvkObject, registryDefinitions } from './registry-definitions.js';
import { type OperationModel, type ParameterModel, type PathModel, resourcePaths } from './resource-paths.js';
import type { JsonSchema } from './schema-converter.js';
import { definitionRef, renderSchema } from './schema-dialect.js';

/** OpenApiV2Document is a Swagger 2.0 document as `/openapi/v2` serves it. */
export interface OpenApiV2Document {
  readonly swagger: '2.0';
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Readonly<Record<string, JsonSchema>>;
  readonly definitions: Readonly<Record<string, JsonSchema>>;
}

const cache = new RegistryCache();

/**
 * buildOpenApiV2 returns the Swagger 2.0 document of every registered type (`/openapi/v2` in
 * JSON): every definition (see `registryDefinitions`), sorted by name, and every path of every
 * resource (see `resourcePaths`), sorted, each operation with `operationId`, `consumes` (patch
 * operations list the patch media types), `produces`, inline parameters, `x-kubernetes-action` and
 * `x-kubernetes-group-version-kind`. Computed once per registry generation.
 */
export function buildOpenApiV2(registry: ResourceRegistry): ServedDocument<OpenApiV2Document> {
  return cache.get(registry, 'v2', () => {
    const definitions = registryDefinitions(registry);
    const paths = registry.list().flatMap((type) => resourcePaths(type, definitions));
    return servedDocument<OpenApiV2Document>({
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'unversioned' },
      paths: Object.fromEntries(
        paths.sort((a, b) => compare(a.path, b.path)).map((p) => [p.path, pathItem(p)]),
      ),
      definitions: Object.fromEntries(
        [...definitions.definitions]
          .sort(([a], [b]) => compare(a, b))
          .map(([name, schema]) => [name, renderSchema(schema, 'v2')]),
      ),
    });
  });
}

function pathItem(path: PathModel): JsonSchema {
  const item: JsonSchema = {};
  for (const operation of path.operations) item[operation.method] = operationObject(operation);
  item.parameters = path.parameters.map(parameter);
  return item;
}

function operationObject(operation: OperationModel): JsonSchema {
  const parameters: JsonSchema[] = operation.parameters.map(parameter);
  if (operation.requestBody !== undefined) {
    parameters.unshift({
      name: 'body',
      in: 'body',
      ...(operation.requestBody.required ? { required: true } : {}),
      schema: { $ref: definitionRef(operation.requestBody.definition, 'v2') },
    });
  }
  return {
    description: operation.description,
    consumes: operation.requestBody === undefined ? ['*/*'] : [...operation.requestBody.mediaTypes],
    produces: [...operation.responseMediaTypes],
    tags: [operation.tag],
    operationId: operation.operationId,
    parameters,
    responses: Object.fromEntries(
      operation.responses.map((r) => [
        r.code,
        {
          description: r.description,
          ...(r.definition === undefined ? {} : { schema: { $ref: definitionRef(r.definition, 'v2') } }),
        },
      ]),
    ),
    'x-kubernetes-action': operation.action,
    [GVK_EXTENSION]: gvkObject(operation.gvk),
  };
}

function parameter(p: ParameterModel): JsonSchema {
  return {
    name: p.name,
    in: p.in,
    description: p.description,
    ...(p.required === true ? { required: true } : {}),
    type: p.type,
    uniqueItems: true,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
