import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinResourceTypes, createBuiltinRegistry } from './builtin-resources.js';
import { Pod } from './core-v1.js';
import { defineResource } from './define-resource.js';
import { ResourceRegistry } from './resource-registry.js';

const widget = (
  version: string,
  overrides: Partial<{ kind: string; namespaced: boolean; shortNames: string[]; plural: string }> = {},
) =>
  defineResource({
    group: 'example.com',
    version,
    kind: overrides.kind ?? 'Widget',
    plural: overrides.plural ?? 'widgets',
    namespaced: overrides.namespaced ?? true,
    shortNames: overrides.shortNames ?? ['wd'],
    schema: z.object({ spec: z.looseObject({}).optional() }),
  });

describe('ResourceRegistry', () => {
  it('finds built-ins by group/version/kind, group/version/plural, group/plural and short name', () => {
    const registry = createBuiltinRegistry();
    expect(registry.forKind({ group: '', version: 'v1', kind: 'Pod' })).toBe(Pod);
    expect(registry.forResource({ group: '', version: 'v1', resource: 'pods' })).toBe(Pod);
    expect(registry.forGroupResource({ group: '', resource: 'pods' })).toBe(Pod);
    expect(registry.forShortName('po')).toBe(Pod);
    expect(registry.forKind({ group: 'apps', version: 'v1', kind: 'Deployment' })?.plural).toBe(
      'deployments',
    );
    expect(registry.forShortName('deploy')?.kind).toBe('Deployment');
    expect(registry.forShortName('crds')?.kind).toBe('CustomResourceDefinition');
    expect(
      registry.forResource({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles' })
        ?.kind,
    ).toBe('ClusterRole');
  });

  it.each([
    [
      'a kind in the wrong group',
      (r: ResourceRegistry) => r.forKind({ group: 'apps', version: 'v1', kind: 'Pod' }),
    ],
    [
      'a kind in the wrong version',
      (r: ResourceRegistry) => r.forKind({ group: '', version: 'v2', kind: 'Pod' }),
    ],
    ['a kind by its plural', (r: ResourceRegistry) => r.forKind({ group: '', version: 'v1', kind: 'pods' })],
    [
      'a plural by its kind',
      (r: ResourceRegistry) => r.forResource({ group: '', version: 'v1', resource: 'Pod' }),
    ],
    [
      'an unknown group resource',
      (r: ResourceRegistry) => r.forGroupResource({ group: 'apps', resource: 'pods' }),
    ],
    ['an unknown short name', (r: ResourceRegistry) => r.forShortName('pods')],
  ])('finds nothing for %s', (_name, lookup) => {
    expect(lookup(createBuiltinRegistry())).toBeUndefined();
  });

  it('lists every built-in in registration order', () => {
    const registry = createBuiltinRegistry();
    expect(registry.list()).toEqual(builtinResourceTypes);
    expect(registry.list().length).toBe(24);
  });

  it('registers a custom resource exactly like a built-in', () => {
    const registry = createBuiltinRegistry();
    const Widget = widget('v1');
    registry.register(Widget);
    expect(registry.forKind({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBe(Widget);
    expect(registry.forResource({ group: 'example.com', version: 'v1', resource: 'widgets' })).toBe(Widget);
    expect(registry.forShortName('wd')).toBe(Widget);
    expect(registry.list().at(-1)).toBe(Widget);
  });

  it('keeps registries independent', () => {
    const one = createBuiltinRegistry();
    one.register(widget('v1'));
    const two = createBuiltinRegistry();
    expect(two.forShortName('wd')).toBeUndefined();
    expect(two.list().length).toBe(builtinResourceTypes.length);
    expect(Object.isFrozen(builtinResourceTypes)).toBe(true);
  });

  it('prefers the first registered version of a group/plural', () => {
    const v1 = widget('v1');
    const v2 = widget('v2');
    const registry = new ResourceRegistry([v1, v2]);
    expect(registry.forGroupResource({ group: 'example.com', resource: 'widgets' })).toBe(v1);
    expect(registry.forResource({ group: 'example.com', version: 'v2', resource: 'widgets' })).toBe(v2);
    expect(registry.forShortName('wd')).toBe(v1);
  });

  it('resolves a short name used in two groups to the first registered', () => {
    const Gauge = defineResource({
      group: 'metrics.example.com',
      version: 'v1',
      kind: 'Gauge',
      plural: 'gauges',
      namespaced: true,
      shortNames: ['po'],
      schema: z.object({}),
    });
    const registry = createBuiltinRegistry();
    registry.register(Gauge);
    expect(registry.forShortName('po')).toBe(Pod);
  });

  it.each([
    [
      'the same type twice',
      [widget('v1'), widget('v1')],
      'kind Widget is already registered by example.com/v1 Widget (widgets.example.com)',
    ],
    [
      'another plural for the same kind',
      [widget('v1'), widget('v1', { plural: 'widgetz', shortNames: [] })],
      'kind Widget is already registered',
    ],
    [
      'another kind for the same plural',
      [widget('v1'), widget('v1', { kind: 'Gizmo', shortNames: [] })],
      'resource widgets is already registered by example.com/v1 Widget',
    ],
    [
      'a version that changes the kind',
      [widget('v1'), widget('v2', { kind: 'Gizmo' })],
      'version v1 of widgets.example.com is namespaced kind Widget, every version must agree on kind and scope',
    ],
    [
      'a version that changes the scope',
      [widget('v1'), widget('v2', { namespaced: false })],
      'every version must agree on kind and scope',
    ],
    [
      'a short name taken in the same group',
      [widget('v1'), widget('v1', { kind: 'Gizmo', plural: 'gizmos' })],
      'short name wd already belongs to example.com/v1 Widget (widgets.example.com)',
    ],
  ])('rejects %s', (_name, types, message) => {
    const [first, second] = types;
    const registry = new ResourceRegistry([first!]);
    expect(() => registry.register(second!)).toThrow(message);
    expect(registry.list()).toEqual([first]);
  });

  it('rejects a duplicate built-in', () => {
    expect(() => createBuiltinRegistry().register(Pod)).toThrow(
      'cannot register v1 Pod (pods): kind Pod is already registered by v1 Pod (pods)',
    );
  });
});
