import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ObjectMeta } from '../meta/object-meta.js';
import { Pod } from './core-v1.js';
import { defineResource } from './define-resource.js';
import type { ResourceObject, ResourceObjectList } from './resource-type.js';
import { selectableFieldValues } from './selectable-fields.js';

const Widget = defineResource({
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: true,
  shortNames: ['wd'],
  categories: ['all', 'toys'],
  schema: z.object({
    spec: z.looseObject({
      color: z.string().describe('Paint color.'),
      size: z.number().int().optional(),
      replicas: z.number().int().optional(),
    }),
    status: z
      .looseObject({ replicas: z.number().int().optional(), selector: z.string().optional() })
      .optional(),
  }),
  subresources: {
    status: true,
    scale: {
      specReplicasPath: '.spec.replicas',
      statusReplicasPath: '.status.replicas',
      labelSelectorPath: '.status.selector',
    },
  },
  selectableFields: { 'spec.color': (w) => w.spec.color },
  description: 'Widget is an example custom resource.',
});
type Widget = ResourceObject<typeof Widget>;

const widget = {
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w1', namespace: 'toys', labels: { team: 'a' } },
  spec: { color: 'red', size: 3, sparkle: { level: 'max' } },
  status: { replicas: 1 },
  extra: ['kept'],
};

describe('defineResource', () => {
  it('describes a custom resource with the same metadata a built-in has', () => {
    expect(Widget).toMatchObject({
      group: 'example.com',
      version: 'v1',
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      listKind: 'WidgetList',
      plural: 'widgets',
      singular: 'widget',
      namespaced: true,
      shortNames: ['wd'],
      categories: ['all', 'toys'],
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      subresources: {
        status: true,
        scale: {
          specReplicasPath: '.spec.replicas',
          statusReplicasPath: '.status.replicas',
          labelSelectorPath: '.status.selector',
        },
      },
      description: 'Widget is an example custom resource.',
    });
    expect(Object.keys(Widget.selectableFields)).toEqual([
      'metadata.name',
      'metadata.namespace',
      'spec.color',
    ]);
    expect(Object.keys(Pod.selectableFields).slice(0, 2)).toEqual(['metadata.name', 'metadata.namespace']);
  });

  it('uses the core-group apiVersion form and leaves scale out when not served', () => {
    const Gadget = defineResource({
      group: '',
      version: 'v1',
      kind: 'Gadget',
      plural: 'gadgets',
      namespaced: false,
      schema: z.object({}),
    });
    expect(Gadget.apiVersion).toBe('v1');
    expect(Gadget.subresources).toStrictEqual({ status: false });
    expect(Object.keys(Gadget.selectableFields)).toEqual(['metadata.name']);
    expect(Gadget.objectSchema.parse({ metadata: { name: 'g' } })).toStrictEqual({ metadata: { name: 'g' } });
  });

  it('parses objects: literals for apiVersion and kind, metadata required, unknown fields kept', () => {
    expect(Widget.objectSchema.parse(structuredClone(widget))).toStrictEqual(widget);
    const { apiVersion: _a, kind: _k, ...bare } = widget;
    expect(Widget.objectSchema.parse(structuredClone(bare))).toStrictEqual(bare);

    const wrongKind = Widget.objectSchema.safeParse({ ...widget, kind: 'Gadget' });
    expect(wrongKind.error?.issues[0]?.path).toEqual(['kind']);
    const wrongVersion = Widget.objectSchema.safeParse({ ...widget, apiVersion: 'example.com/v2' });
    expect(wrongVersion.error?.issues[0]?.path).toEqual(['apiVersion']);
    const noMetadata = Widget.objectSchema.safeParse({ spec: widget.spec });
    expect(noMetadata.error?.issues[0]?.path).toEqual(['metadata']);
    const noColor = Widget.objectSchema.safeParse({ ...widget, spec: { size: 1 } });
    expect(noColor.error?.issues[0]?.path).toEqual(['spec', 'color']);
  });

  it('parses lists of objects', () => {
    const list = {
      apiVersion: 'example.com/v1',
      kind: 'WidgetList',
      metadata: { resourceVersion: '42', continue: '' },
      items: [widget, { metadata: { name: 'w2' }, spec: { color: 'blue' } }],
    };
    expect(Widget.listSchema.parse(structuredClone(list))).toStrictEqual(list);
    expect(Widget.listSchema.safeParse({ ...list, kind: 'Widget' }).success).toBe(false);
    const badItem = Widget.listSchema.safeParse({ ...list, items: [{ metadata: {}, spec: {} }] });
    expect(badItem.error?.issues[0]?.path).toEqual(['items', 0, 'spec', 'color']);
  });

  it('types objects and lists from the definition', () => {
    const w: Widget = Widget.objectSchema.parse(widget);
    expectTypeOf(w.kind).toEqualTypeOf<'Widget' | undefined>();
    expectTypeOf(w.apiVersion).toEqualTypeOf<'example.com/v1' | undefined>();
    expectTypeOf(w.metadata).toEqualTypeOf<ObjectMeta>();
    expectTypeOf(w.spec.color).toEqualTypeOf<string>();
    expectTypeOf(w.spec.size).toEqualTypeOf<number | undefined>();
    const list: ResourceObjectList<typeof Widget> = { metadata: {}, items: [w] };
    expectTypeOf(list.items[0]).toEqualTypeOf<Widget | undefined>();
    // @ts-expect-error spec.color is a string
    const bad: Widget = { metadata: {}, spec: { color: 1 } };
    expect(bad).toBeDefined();
  });

  it('returns frozen descriptors', () => {
    expect(Object.isFrozen(Widget)).toBe(true);
    expect(Object.isFrozen(Widget.shortNames)).toBe(true);
    expect(Object.isFrozen(Widget.selectableFields)).toBe(true);
    expect(Object.isFrozen(Widget.subresources.scale)).toBe(true);
    expect(() => (Widget.shortNames as string[]).push('x')).toThrow(TypeError);
  });

  it('serves its selectable fields like a built-in', () => {
    expect(selectableFieldValues(Widget, Widget.objectSchema.parse(widget))).toStrictEqual({
      'metadata.name': 'w1',
      'metadata.namespace': 'toys',
      'spec.color': 'red',
    });
  });

  it('keeps descriptions and shapes introspectable for OpenAPI', () => {
    const json = z.toJSONSchema(Widget.objectSchema) as {
      description?: string;
      required?: string[];
      properties: Record<string, { properties?: Record<string, { description?: string }> }>;
    };
    expect(json.description).toBe('Widget is an example custom resource.');
    expect(json.required).toEqual(['metadata', 'spec']);
    expect(json.properties.spec?.properties?.color?.description).toBe('Paint color.');
  });
});

const valid = {
  group: 'example.com',
  version: 'v1',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: true,
  schema: z.object({ spec: z.object({}) }),
} as const;

describe('defineResource rejects invalid definitions', () => {
  it.each([
    ['an uppercase plural', { plural: 'Widgets' }, 'plural "Widgets": a DNS-1035 label'],
    ['a plural starting with a digit', { plural: '1widgets' }, 'plural "1widgets"'],
    ['a plural with dots', { plural: 'widgets.example' }, 'plural "widgets.example"'],
    ['a lowercase kind', { kind: 'widget' }, 'kind "widget" must be PascalCase'],
    ['a kind with a dash', { kind: 'My-Widget' }, 'kind "My-Widget" must be PascalCase'],
    [
      'a group that is not a DNS subdomain',
      { group: 'Example_com' },
      'group "Example_com": a lowercase RFC 1123 subdomain',
    ],
    ['a bad version', { version: 'V1' }, 'version "V1"'],
    ['a bad singular', { singular: 'Widget' }, 'singular "Widget"'],
    ['a bad short name', { shortNames: ['w_d'] }, 'shortNames[0] "w_d"'],
    ['a duplicate short name', { shortNames: ['wd', 'wd'] }, 'shortNames lists "wd" more than once'],
    ['a bad category', { categories: ['All'] }, 'categories[0] "All"'],
    ['a listKind equal to kind', { listKind: 'Widget' }, 'listKind must differ from kind'],
    ['an unknown verb', { verbs: ['get', 'explode'] }, 'verbs: "explode" is not one of'],
    ['no verbs', { verbs: [] }, 'verbs must be a non-empty array'],
    [
      'a schema declaring metadata',
      { schema: z.object({ metadata: z.object({}) }) },
      'schema must not declare metadata',
    ],
    ['a schema declaring kind', { schema: z.object({ kind: z.string() }) }, 'schema must not declare kind'],
    ['a schema that is not an object', { schema: z.string() }, 'schema must be a zod object schema'],
    [
      'a scale path outside spec',
      {
        subresources: {
          scale: { specReplicasPath: '.status.replicas', statusReplicasPath: '.status.replicas' },
        },
      },
      'subresources.scale.specReplicasPath ".status.replicas" must be a simple JSON path under .spec.',
    ],
    [
      'a scale path without a leading dot',
      {
        subresources: {
          scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: 'status.replicas' },
        },
      },
      'subresources.scale.statusReplicasPath "status.replicas"',
    ],
    [
      'a scale selector path with an index',
      {
        subresources: {
          scale: {
            specReplicasPath: '.spec.replicas',
            statusReplicasPath: '.status.replicas',
            labelSelectorPath: '.status.selectors[0]',
          },
        },
      },
      'subresources.scale.labelSelectorPath ".status.selectors[0]"',
    ],
    [
      'a selectable metadata.name',
      { selectableFields: { 'metadata.name': () => '' } },
      'metadata.name is always included',
    ],
    [
      'a malformed field path',
      { selectableFields: { 'spec..color': () => '' } },
      '"spec..color" is not a dotted field path',
    ],
    [
      'a getter that is not a function',
      { selectableFields: { 'spec.color': 'spec.color' } },
      'must be a function',
    ],
    [
      'metadata.namespace on a cluster-scoped kind',
      { namespaced: false, selectableFields: { 'metadata.namespace': () => '' } },
      'metadata.namespace is not selectable on a cluster-scoped kind',
    ],
    ['a non-boolean namespaced', { namespaced: 'yes' }, 'namespaced must be true or false'],
  ])('rejects %s', (_name, change, message) => {
    const definition = { ...valid, ...change } as unknown as Parameters<typeof defineResource>[0];
    expect(() => defineResource(definition)).toThrow(TypeError);
    expect(() => defineResource(definition)).toThrow(message);
  });

  it('lists every problem at once and names the resource', () => {
    const definition = { ...valid, plural: 'Widgets', kind: 'widget' } as unknown as Parameters<
      typeof defineResource
    >[0];
    let error: unknown;
    try {
      defineResource(definition);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TypeError);
    const message = (error as Error).message;
    expect(message).toMatch(/^defineResource\(example\.com\/v1 widget\): invalid definition:\n/);
    expect(message).toContain('kind "widget" must be PascalCase');
    expect(message).toContain('plural "Widgets"');
  });
});
