import {
  builtinResourceTypes,
  createBuiltinRegistry,
  defineResource,
  type ResourceType,
} from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kindDefinitionName } from './definition-names.js';
import { buildOpenApiV2, type OpenApiV2Document } from './openapi-v2.js';
import type { JsonSchema } from './schema-converter.js';

const Widget = defineResource({
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: false,
  schema: z.object({ spec: z.object({ size: z.number().int() }) }),
});
const registry = createBuiltinRegistry();
registry.register(Widget);
const document: OpenApiV2Document = buildOpenApiV2(registry).body;

function walk(value: unknown, visit: (key: string, child: unknown) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      walk(child, visit);
    }
  }
}

/** patchOperations returns the PATCH operations of a kind, found as kubectl's v2 verifier finds them. */
function patchOperations(type: Pick<ResourceType, 'group' | 'version' | 'kind'>): JsonSchema[] {
  return Object.values(document.paths).flatMap((item) => {
    const patch = item.patch as JsonSchema | undefined;
    const gvk = patch?.['x-kubernetes-group-version-kind'] as Record<string, string> | undefined;
    return gvk?.group === type.group && gvk.version === type.version && gvk.kind === type.kind
      ? [patch!]
      : [];
  });
}

describe('buildOpenApiV2', () => {
  it('is a Swagger 2.0 document whose references all resolve to definitions', () => {
    expect(document.swagger).toBe('2.0');
    expect(document.info).toEqual({ title: 'Kubernetes', version: 'unversioned' });
    let refs = 0;
    walk(document, (key, child) => {
      if (key !== '$ref') return;
      refs++;
      expect(child).toMatch(/^#\/definitions\//);
      expect(document.definitions).toHaveProperty([(child as string).slice('#/definitions/'.length)]);
    });
    expect(refs).toBeGreaterThan(100);
  });

  it('uses no keyword Swagger 2.0 lacks', () => {
    const found = new Set<string>();
    walk(document.definitions, (key) => {
      if (['nullable', 'oneOf', 'anyOf'].includes(key)) found.add(key);
    });
    expect([...found]).toEqual([]);
  });

  it.each([...builtinResourceTypes, Widget].map((t) => [`${t.apiVersion} ${t.kind}`, t] as const))(
    '%s: kind and list definitions with their GVK, and field validation on every PATCH',
    (_name, type) => {
      const kind = document.definitions[kindDefinitionName(type)];
      expect(kind?.['x-kubernetes-group-version-kind']).toEqual([
        { group: type.group, kind: type.kind, version: type.version },
      ]);
      const list = document.definitions[kindDefinitionName({ ...type, kind: type.listKind })];
      expect(list?.['x-kubernetes-group-version-kind']).toEqual([
        { group: type.group, kind: type.listKind, version: type.version },
      ]);
      const patches = patchOperations(type);
      expect(patches.length).toBe(type.verbs.includes('patch') ? (type.subresources.status ? 2 : 1) : 0);
      for (const patch of patches) {
        expect(patch.parameters).toContainEqual(
          expect.objectContaining({ name: 'fieldValidation', in: 'query' }),
        );
        expect(patch.consumes).toContain('application/merge-patch+json');
        expect((patch.consumes as string[]).includes('application/strategic-merge-patch+json')).toBe(
          type !== Widget,
        );
      }
    },
  );

  it('publishes objects that keep unknown fields without properties, so kubectl accepts every field', () => {
    const pod = document.definitions['io.k8s.api.core.v1.Pod'];
    expect(pod).toMatchObject({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
    expect(pod).not.toHaveProperty('properties');
    expect(pod).not.toHaveProperty('required');
  });

  it('publishes IntOrString and Quantity as strings, as Kubernetes does', () => {
    expect(document.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({
      type: 'string',
      format: 'int-or-string',
    });
    expect(document.definitions['io.k8s.apimachinery.pkg.api.resource.Quantity']).toMatchObject({
      type: 'string',
    });
  });

  it('describes operations with body, path and query parameters', () => {
    const item = document.paths['/api/v1/namespaces/{namespace}/pods/{name}'];
    expect(item?.parameters).toEqual([
      expect.objectContaining({ name: 'name', in: 'path', required: true, type: 'string' }),
      expect.objectContaining({ name: 'namespace', in: 'path', required: true, type: 'string' }),
      expect.objectContaining({ name: 'pretty', in: 'query', type: 'string' }),
    ]);
    expect(item?.put).toMatchObject({
      operationId: 'replaceCoreV1NamespacedPod',
      consumes: ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'],
      parameters: expect.arrayContaining([
        {
          name: 'body',
          in: 'body',
          required: true,
          schema: { $ref: '#/definitions/io.k8s.api.core.v1.Pod' },
        },
      ]),
      responses: {
        '200': { description: 'OK', schema: { $ref: '#/definitions/io.k8s.api.core.v1.Pod' } },
        '201': { description: 'Created', schema: { $ref: '#/definitions/io.k8s.api.core.v1.Pod' } },
        '401': { description: 'Unauthorized' },
      },
      'x-kubernetes-action': 'put',
      'x-kubernetes-group-version-kind': { group: '', kind: 'Pod', version: 'v1' },
    });
    expect((item?.delete as JsonSchema | undefined)?.parameters).toContainEqual({
      name: 'body',
      in: 'body',
      schema: { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions' },
    });
    expect(document.paths['/apis/example.com/v1/widgets/{name}']?.get).toMatchObject({
      operationId: 'readExampleComV1Widget',
    });
  });
});
