import type { ResourceRegistry } from '@capstan/core';
import { RegistryCache } from '../discovery/registry-cache.js';
import { type ServedDocument, servedDocument } from '../discovery/served-document.js';
import { findGroupVersion, servedGroups } from '../discovery/served-group.js';
import { GVK_EXTENSION, gvkObject, registryDefinitions } from './registry-definitions.js';
import { type OperationModel, type ParameterModel, type PathModel, resourcePaths } from './resource-paths.js';
import type { JsonSchema } from './schema-converter.js';
import { definitionRef, referencedDefinitions, renderSchema } from './schema-dialect.js';

/** OpenApiV3Document is an OpenAPI 3.0 document of one group version, as `/openapi/v3/<path>` serves it. */
export interface OpenApiV3Document {
  readonly openapi: '3.0.0';
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Readonly<Record<string, JsonSchema>>;
  readonly components: { readonly schemas: Readonly<Record<string, JsonSchema>> };
}

/** OpenApiV3Index is the body of `/openapi/v3`: the document of each group version, by path, with its hash. */
export interface OpenApiV3Index {
  readonly paths: Readonly<Record<string, { readonly serverRelativeURL: string }>>;
}

const cache = new RegistryCache();

/**
 * openApiV3Path is the path of a group version's document below `/openapi/v3/`: `api/v1` for the
 * core group, `apis/<group>/<version>` for the others.
 */
export function openApiV3Path(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/**
 * parseOpenApiV3Path is the inverse of {@link openApiV3Path}: the group and version of a path below
 * `/openapi/v3/` (`apis/apps/v1` → `apps`, `v1`), or `undefined` for any other path.
 */
export function parseOpenApiV3Path(path: string): { group: string; version: string } | undefined {
  const parts = path.split('/');
  if (parts.length === 2 && parts[0] === 'api' && parts[1] !== '') return { group: '', version: parts[1]! };
  if (parts.length === 3 && parts[0] === 'apis' && parts[1] !== '' && parts[2] !== '') {
    return { group: parts[1]!, version: parts[2]! };
  }
  return undefined;
}

/**
 * buildOpenApiV3Index returns the body of `/openapi/v3`: for every served group version, its path
 * (see {@link openApiV3Path}) → `serverRelativeURL` `/openapi/v3/<path>?hash=<hash>`, where the
 * hash is that document's {@link ServedDocument.hash}. Clients fetch the documents by these URLs
 * and cache them by hash, so a server should answer a request whose `hash` matches with
 * `Cache-Control: public, immutable`, and one whose hash is stale with a redirect to the current
 * URL, as Kubernetes does. Computed once per registry generation.
 */
export function buildOpenApiV3Index(registry: ResourceRegistry): ServedDocument<OpenApiV3Index> {
  return cache.get(registry, 'index', () => {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const group of servedGroups(registry)) {
      for (const { version } of group.versions) {
        const path = openApiV3Path(group.name, version);
        const document = buildOpenApiV3GroupVersion(registry, group.name, version);
        if (document !== undefined) {
          paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${document.hash}` };
        }
      }
    }
    return servedDocument<OpenApiV3Index>({ paths });
  });
}

/**
 * buildOpenApiV3GroupVersion returns the OpenAPI 3.0 document of one group version
 * (`/openapi/v3/api/v1`, `/openapi/v3/apis/apps/v1` …), or `undefined` when no type of it is
 * registered: every path of its resources (see `resourcePaths`), sorted, with inline parameters
 * (so the PATCH operation of every kind carries `fieldValidation`, which is how kubectl decides
 * that the server validates fields), request bodies by media type (PATCH lists the patch media
 * types), responses, `x-kubernetes-action` and `x-kubernetes-group-version-kind`; and in
 * `components.schemas` every definition those paths refer to, directly or not, sorted by name.
 * kubectl explain finds a kind by its `x-kubernetes-group-version-kind` among these schemas.
 * Computed once per registry generation and group version.
 */
export function buildOpenApiV3GroupVersion(
  registry: ResourceRegistry,
  group: string,
  version: string,
): ServedDocument<OpenApiV3Document> | undefined {
  return cache.get(registry, `gv|${group}|${version}`, () => {
    const served = findGroupVersion(registry, group, version);
    if (served === undefined) return undefined;
    const definitions = registryDefinitions(registry);
    const paths = served.types
      .flatMap((type) => resourcePaths(type, definitions))
      .sort((a, b) => compare(a.path, b.path));
    const roots = new Set<string>();
    for (const type of served.types) {
      const names = definitions.kinds.get(type);
      if (names !== undefined) roots.add(names.kind).add(names.list);
    }
    for (const path of paths) {
      for (const operation of path.operations) {
        if (operation.requestBody !== undefined) roots.add(operation.requestBody.definition);
        for (const response of operation.responses) {
          if (response.definition !== undefined) roots.add(response.definition);
        }
      }
    }
    const schemas = [...referencedDefinitions(definitions.definitions, roots)].sort(compare);
    return servedDocument<OpenApiV3Document>({
      openapi: '3.0.0',
      info: { title: 'Kubernetes', version: 'unversioned' },
      paths: Object.fromEntries(paths.map((p) => [p.path, pathItem(p)])),
      components: {
        schemas: Object.fromEntries(
          schemas.flatMap((name) => {
            const schema = definitions.definitions.get(name);
            return schema === undefined ? [] : [[name, renderSchema(schema, 'v3')]];
          }),
        ),
      },
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
  const body = operation.requestBody;
  return {
    tags: [operation.tag],
    description: operation.description,
    operationId: operation.operationId,
    parameters: operation.parameters.map(parameter),
    ...(body === undefined
      ? {}
      : {
          requestBody: {
            content: Object.fromEntries(body.mediaTypes.map((type) => [type, content(body.definition)])),
            ...(body.required ? { required: true } : {}),
          },
        }),
    responses: Object.fromEntries(
      operation.responses.map((r) => [
        r.code,
        {
          description: r.description,
          ...(r.definition === undefined
            ? {}
            : {
                content: Object.fromEntries(
                  operation.responseMediaTypes.map((type) => [type, content(r.definition as string)]),
                ),
              }),
        },
      ]),
    ),
    'x-kubernetes-action': operation.action,
    [GVK_EXTENSION]: gvkObject(operation.gvk),
  };
}

function content(definition: string): JsonSchema {
  return { schema: { $ref: definitionRef(definition, 'v3') } };
}

function parameter(p: ParameterModel): JsonSchema {
  return {
    name: p.name,
    in: p.in,
    description: p.description,
    ...(p.required === true ? { required: true } : {}),
    schema: { type: p.type, uniqueItems: true },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
