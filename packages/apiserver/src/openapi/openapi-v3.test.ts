import {
  builtinResourceTypes,
  createBuiltinRegistry,
  defineResource,
  type ResourceType,
} from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kindDefinitionName } from './definition-names.js';
import {
  buildOpenApiV3GroupVersion,
  buildOpenApiV3Index,
  type OpenApiV3Document,
  openApiV3Path,
  parseOpenApiV3Path,
} from './openapi-v3.js';
import type { JsonSchema } from './schema-converter.js';

const REF_PREFIX = '#/components/schemas/';
const registry = createBuiltinRegistry();

function documentOf(type: { group: string; version: string }, from = registry): OpenApiV3Document {
  const document = buildOpenApiV3GroupVersion(from, type.group, type.version)?.body;
  if (document === undefined) throw new Error(`no document for ${type.group}/${type.version}`);
  return document;
}

function refsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') into.push(child);
      else refsIn(child, into);
    }
  }
  return into;
}

/** resolve follows a schema's `$ref` (bare or in a one-element `allOf`) as kubectl does. */
function resolve(document: OpenApiV3Document, schema: JsonSchema | undefined): JsonSchema | undefined {
  const target = (schema?.allOf as JsonSchema[] | undefined)?.[0] ?? schema;
  const ref = target?.$ref;
  return typeof ref === 'string' ? document.components.schemas[ref.slice(REF_PREFIX.length)] : target;
}

/** fieldOf walks `path` (field names, `[]` for list items) from a schema, resolving references. */
function fieldOf(
  document: OpenApiV3Document,
  schema: JsonSchema | undefined,
  path: string[],
): JsonSchema | undefined {
  let current = schema;
  for (const step of path) {
    const resolved = resolve(document, current);
    current =
      step === '[]'
        ? (resolved?.items as JsonSchema | undefined)
        : (resolved?.properties as Record<string, JsonSchema> | undefined)?.[step];
  }
  return current;
}

/** kindSchema finds a kind's schema by its `x-kubernetes-group-version-kind`, as kubectl explain and apply do. */
function kindSchema(document: OpenApiV3Document, type: Pick<ResourceType, 'group' | 'version' | 'kind'>) {
  return Object.values(document.components.schemas).find((schema) =>
    (
      schema['x-kubernetes-group-version-kind'] as
        | { group: string; version: string; kind: string }[]
        | undefined
    )?.some((gvk) => gvk.group === type.group && gvk.version === type.version && gvk.kind === type.kind),
  );
}

/**
 * supportsFieldValidation is kubectl's test for server-side field validation: the first PATCH
 * operation whose `x-kubernetes-group-version-kind` is the kind must list a `fieldValidation`
 * query parameter among its own parameters.
 */
function supportsFieldValidation(
  document: OpenApiV3Document,
  type: Pick<ResourceType, 'group' | 'version' | 'kind'>,
) {
  const patches = Object.values(document.paths).flatMap((item) => {
    const patch = item.patch as JsonSchema | undefined;
    const gvk = patch?.['x-kubernetes-group-version-kind'] as
      | { group: string; version: string; kind: string }
      | undefined;
    return patch !== undefined &&
      gvk?.group === type.group &&
      gvk.version === type.version &&
      gvk.kind === type.kind
      ? [patch]
      : [];
  });
  return (
    patches.length > 0 &&
    patches.every((patch) =>
      (patch.parameters as JsonSchema[]).some((p) => p.name === 'fieldValidation' && p.in === 'query'),
    )
  );
}

function patchMediaTypes(document: OpenApiV3Document, path: string): string[] {
  const patch = document.paths[path]?.patch as
    | { requestBody: { content: Record<string, unknown> } }
    | undefined;
  return Object.keys(patch?.requestBody.content ?? {});
}

describe('buildOpenApiV3Index', () => {
  it('links every group version to its document by hash', () => {
    const index = buildOpenApiV3Index(registry).body;
    expect(Object.keys(index.paths)).toEqual([
      'api/v1',
      'apis/apps/v1',
      'apis/batch/v1',
      'apis/coordination.k8s.io/v1',
      'apis/discovery.k8s.io/v1',
      'apis/rbac.authorization.k8s.io/v1',
      'apis/scheduling.k8s.io/v1',
      'apis/apiextensions.k8s.io/v1',
    ]);
    for (const [path, { serverRelativeURL }] of Object.entries(index.paths)) {
      const gv = parseOpenApiV3Path(path);
      const document = gv && buildOpenApiV3GroupVersion(registry, gv.group, gv.version);
      expect(serverRelativeURL).toBe(`/openapi/v3/${path}?hash=${document?.hash}`);
      expect(document?.hash).toMatch(/^[0-9A-F]{128}$/);
    }
  });

  it.each([
    ['api/v1', { group: '', version: 'v1' }],
    ['apis/apps/v1', { group: 'apps', version: 'v1' }],
    ['apis/rbac.authorization.k8s.io/v1', { group: 'rbac.authorization.k8s.io', version: 'v1' }],
    ['api', undefined],
    ['apis/apps', undefined],
    ['apis//v1', undefined],
    ['api/v1/extra', undefined],
    ['version', undefined],
  ])('parses %s', (path, expected) => {
    expect(parseOpenApiV3Path(path)).toEqual(expected);
    if (expected !== undefined) expect(openApiV3Path(expected.group, expected.version)).toBe(path);
  });
});

describe('buildOpenApiV3GroupVersion', () => {
  it('is undefined for a group version with no types', () => {
    expect(buildOpenApiV3GroupVersion(registry, 'apps', 'v2')).toBeUndefined();
  });

  it.each(builtinResourceTypes.map((t) => [`${t.apiVersion} ${t.kind}`, t] as const))(
    '%s: named as Kubernetes names it, with its GVK, list and field validation on PATCH',
    (_name, type) => {
      const document = documentOf(type);
      const schema = kindSchema(document, type);
      expect(schema).toBe(document.components.schemas[kindDefinitionName(type)]);
      expect(schema?.['x-kubernetes-group-version-kind']).toEqual([
        { group: type.group, kind: type.kind, version: type.version },
      ]);
      expect(schema?.description).toBe(type.description);
      expect(resolve(document, fieldOf(document, schema, ['metadata']))).toBe(
        document.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
      );
      const list = kindSchema(document, { ...type, kind: type.listKind });
      expect(fieldOf(document, list, ['items', '[]'])).toEqual({
        $ref: `${REF_PREFIX}${kindDefinitionName(type)}`,
      });
      if (type.verbs.includes('patch')) {
        expect(supportsFieldValidation(document, type)).toBe(true);
      }
    },
  );

  it('resolves every reference of every document', () => {
    for (const path of Object.keys(buildOpenApiV3Index(registry).body.paths)) {
      const gv = parseOpenApiV3Path(path);
      const document = gv === undefined ? undefined : documentOf(gv);
      const refs = refsIn(document);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref.startsWith(REF_PREFIX)).toBe(true);
        expect(document?.components.schemas).toHaveProperty([ref.slice(REF_PREFIX.length)]);
      }
    }
  });

  it('documents pod.spec.containers for kubectl explain', () => {
    const document = documentOf({ group: '', version: 'v1' });
    const pod = kindSchema(document, { group: '', version: 'v1', kind: 'Pod' });
    const containers = fieldOf(document, pod, ['spec', 'containers']);
    expect(containers?.description).toBe('The containers of the pod; at least one.');
    const container = resolve(document, containers?.items as JsonSchema);
    expect(container?.description).toBe('A single application container to run within a pod.');
    expect(container?.required).toEqual(['name']);
    const fields = container?.properties as Record<string, JsonSchema>;
    for (const name of [
      'name',
      'image',
      'command',
      'args',
      'env',
      'ports',
      'resources',
      'volumeMounts',
      'livenessProbe',
    ]) {
      expect(fields[name]?.description, name).toEqual(expect.any(String));
    }
    expect(fields.ports?.items).toEqual({ $ref: `${REF_PREFIX}io.k8s.api.core.v1.ContainerPort` });
    expect(fields.imagePullPolicy).toMatchObject({
      type: 'string',
      enum: ['Always', 'Never', 'IfNotPresent'],
    });
  });

  it.each<[string, string, string[], JsonSchema]>([
    [
      'pod containers merge by name',
      'Pod',
      ['spec', 'containers'],
      {
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      },
    ],
    [
      'container ports merge by containerPort, keyed with protocol',
      'Pod',
      ['spec', 'containers', '[]', 'ports'],
      {
        'x-kubernetes-patch-strategy': 'merge',
        'x-kubernetes-patch-merge-key': 'containerPort',
        'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
      },
    ],
    [
      'container env merges by name',
      'Pod',
      ['spec', 'containers', '[]', 'env'],
      { 'x-kubernetes-patch-merge-key': 'name' },
    ],
    [
      'volumes merge by name and retain keys',
      'Pod',
      ['spec', 'volumes'],
      { 'x-kubernetes-patch-strategy': 'merge,retainKeys', 'x-kubernetes-patch-merge-key': 'name' },
    ],
    [
      'pod conditions merge by type',
      'Pod',
      ['status', 'conditions'],
      { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'type' },
    ],
    [
      'finalizers are a set',
      'Pod',
      ['metadata', 'finalizers'],
      { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' },
    ],
    [
      'owner references merge by uid',
      'Pod',
      ['metadata', 'ownerReferences'],
      { 'x-kubernetes-patch-merge-key': 'uid' },
    ],
    [
      'service ports merge by port',
      'Service',
      ['spec', 'ports'],
      { 'x-kubernetes-patch-merge-key': 'port', 'x-kubernetes-list-map-keys': ['port', 'protocol'] },
    ],
  ])('%s', (_name, kind, path, extensions) => {
    const document = documentOf({ group: '', version: 'v1' });
    expect(fieldOf(document, kindSchema(document, { group: '', version: 'v1', kind }), path)).toMatchObject(
      extensions,
    );
  });

  it('gives workload templates the pod patch strategies and deployments a retainKeys strategy', () => {
    const document = documentOf({ group: 'apps', version: 'v1' });
    const deployment = kindSchema(document, { group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(fieldOf(document, deployment, ['spec', 'template', 'spec', 'containers'])).toMatchObject({
      'x-kubernetes-patch-merge-key': 'name',
    });
    expect(fieldOf(document, deployment, ['spec', 'strategy'])).toMatchObject({
      'x-kubernetes-patch-strategy': 'retainKeys',
    });
    const tolerations = fieldOf(document, deployment, ['spec', 'template', 'spec', 'tolerations']);
    expect(tolerations).not.toHaveProperty('x-kubernetes-patch-strategy');
    expect(
      resolve(document, fieldOf(document, deployment, ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])),
    ).toEqual(document.components.schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']);
  });

  it('publishes the operations Kubernetes publishes, with their ids, actions and media types', () => {
    const core = documentOf({ group: '', version: 'v1' });
    const pods = core.paths['/api/v1/namespaces/{namespace}/pods'];
    expect(Object.keys(pods ?? {})).toEqual(['get', 'post', 'delete', 'parameters']);
    expect(pods?.get).toMatchObject({
      operationId: 'listCoreV1NamespacedPod',
      'x-kubernetes-action': 'list',
    });
    expect(pods?.post).toMatchObject({
      operationId: 'createCoreV1NamespacedPod',
      'x-kubernetes-action': 'post',
    });
    expect(pods?.delete).toMatchObject({
      operationId: 'deleteCoreV1CollectionNamespacedPod',
      'x-kubernetes-action': 'deletecollection',
    });
    expect(core.paths['/api/v1/pods']?.get).toMatchObject({ operationId: 'listCoreV1PodForAllNamespaces' });
    expect(core.paths['/api/v1/watch/namespaces/{namespace}/pods/{name}']?.get).toMatchObject({
      operationId: 'watchCoreV1NamespacedPod',
      'x-kubernetes-action': 'watch',
    });
    expect(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/eviction']?.post).toMatchObject({
      operationId: 'createCoreV1NamespacedPodEviction',
      'x-kubernetes-group-version-kind': { group: 'policy', kind: 'Eviction', version: 'v1' },
    });
    expect(core.paths['/api/v1/namespaces/{namespace}/bindings']).toEqual({
      post: expect.objectContaining({ operationId: 'createCoreV1NamespacedBinding' }),
      parameters: expect.any(Array),
    });
    expect(core.paths['/api/v1/nodes/{name}/status']?.patch).toMatchObject({
      operationId: 'patchCoreV1NodeStatus',
      'x-kubernetes-group-version-kind': { group: '', kind: 'Node', version: 'v1' },
    });
    const list = pods?.get as { responses: Record<string, { content: Record<string, unknown> }> };
    expect(Object.keys(list.responses['200']?.content ?? {})).toEqual([
      'application/json',
      'application/yaml',
      'application/vnd.kubernetes.protobuf',
      'application/json;stream=watch',
      'application/vnd.kubernetes.protobuf;stream=watch',
    ]);
    expect(patchMediaTypes(core, '/api/v1/namespaces/{namespace}/pods/{name}')).toEqual([
      'application/apply-patch+yaml',
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/strategic-merge-patch+json',
    ]);
    const apps = documentOf({ group: 'apps', version: 'v1' });
    const scale = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
    expect(scale?.get).toMatchObject({
      operationId: 'readAppsV1NamespacedDeploymentScale',
      'x-kubernetes-group-version-kind': { group: 'autoscaling', kind: 'Scale', version: 'v1' },
    });
    expect(supportsFieldValidation(apps, { group: 'autoscaling', version: 'v1', kind: 'Scale' })).toBe(true);
    const rbac = documentOf({ group: 'rbac.authorization.k8s.io', version: 'v1' });
    expect(rbac.paths['/apis/rbac.authorization.k8s.io/v1/clusterroles/{name}']?.patch).toMatchObject({
      operationId: 'patchRbacAuthorizationV1ClusterRole',
      tags: ['rbacAuthorization_v1'],
    });
  });

  it('documents a type defined with defineResource as a custom resource', () => {
    const custom = createBuiltinRegistry();
    const Widget = defineResource({
      group: 'widgets.example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      namespaced: true,
      schema: z.object({
        spec: z.looseObject({
          color: z.string().describe('The colour.'),
          port: z.union([z.number().int(), z.string()]),
        }),
      }),
      subresources: { status: true },
      description: 'Widget is a widget.',
    });
    custom.register(Widget);
    expect(buildOpenApiV3Index(custom).body.paths).toHaveProperty(['apis/widgets.example.com/v1']);
    const document = documentOf(Widget, custom);
    const schema = document.components.schemas['com.example.widgets.v1.Widget'];
    expect(kindSchema(document, Widget)).toBe(schema);
    expect(schema?.description).toBe('Widget is a widget.');
    expect(fieldOf(document, schema, ['spec', 'color'])).toEqual({
      type: 'string',
      description: 'The colour.',
    });
    expect(fieldOf(document, schema, ['spec', 'port'])).toMatchObject({ 'x-kubernetes-int-or-string': true });
    expect(supportsFieldValidation(document, Widget)).toBe(true);
    for (const path of [
      '/apis/widgets.example.com/v1/namespaces/{namespace}/widgets/{name}',
      '/apis/widgets.example.com/v1/namespaces/{namespace}/widgets/{name}/status',
    ]) {
      expect(patchMediaTypes(document, path)).toEqual([
        'application/apply-patch+yaml',
        'application/json-patch+json',
        'application/merge-patch+json',
      ]);
    }
    // The built-in documents are unchanged by the custom group.
    expect(buildOpenApiV3GroupVersion(custom, '', 'v1')?.hash).toBe(
      buildOpenApiV3GroupVersion(registry, '', 'v1')?.hash,
    );
  });

  it('computes each document once per registry generation', () => {
    const fresh = createBuiltinRegistry();
    const first = buildOpenApiV3GroupVersion(fresh, 'apps', 'v1');
    expect(buildOpenApiV3GroupVersion(fresh, 'apps', 'v1')).toBe(first);
    expect(Object.isFrozen(first?.body.components.schemas)).toBe(true);
  });
});
