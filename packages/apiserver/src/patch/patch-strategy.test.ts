import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PATCH_KINDS,
  BUILTIN_PATCH_STRUCTS,
  builtinPatchStrategyLookup,
  hasStrategicMergeSupport,
  patchKindKey,
} from './builtin-patch-strategies.js';
import { PatchError } from './patch-error.js';
import { createPatchStrategyLookup, type FieldPatchStrategy, LIST_ITEM } from './patch-strategy.js';

/** at turns `spec.containers[].ports` into a lookup path. */
function at(path: string): string[] {
  return path
    .split('.')
    .flatMap((part) => (part.endsWith(LIST_ITEM) ? [part.slice(0, -2), LIST_ITEM] : [part]));
}

const byName: FieldPatchStrategy = { strategy: 'merge', mergeKey: 'name' };
const byType: FieldPatchStrategy = { strategy: 'merge', mergeKey: 'type' };
const set: FieldPatchStrategy = { strategy: 'merge' };
const podTemplate = 'spec.template.spec';

// kind, path, strategy (undefined: none, so lists replace and maps merge).
const builtinCases: [string, string, FieldPatchStrategy | undefined][] = [
  ['v1/Pod', 'metadata.finalizers', set],
  ['v1/Pod', 'metadata.ownerReferences', { strategy: 'merge', mergeKey: 'uid' }],
  ['v1/Pod', 'metadata.labels', undefined],
  ['v1/Pod', 'spec.containers', byName],
  ['v1/Pod', 'spec.initContainers', byName],
  ['v1/Pod', 'spec.ephemeralContainers', byName],
  ['v1/Pod', 'spec.containers[].ports', { strategy: 'merge', mergeKey: 'containerPort' }],
  ['v1/Pod', 'spec.containers[].env', byName],
  ['v1/Pod', 'spec.initContainers[].volumeMounts', { strategy: 'merge', mergeKey: 'mountPath' }],
  ['v1/Pod', 'spec.ephemeralContainers[].volumeDevices', { strategy: 'merge', mergeKey: 'devicePath' }],
  ['v1/Pod', 'spec.containers[].envFrom', undefined],
  ['v1/Pod', 'spec.containers[].args', undefined],
  ['v1/Pod', 'spec.volumes', { strategy: 'merge', mergeKey: 'name', retainKeys: true }],
  ['v1/Pod', 'spec.imagePullSecrets', byName],
  ['v1/Pod', 'spec.hostAliases', { strategy: 'merge', mergeKey: 'ip' }],
  ['v1/Pod', 'spec.topologySpreadConstraints', { strategy: 'merge', mergeKey: 'topologyKey' }],
  ['v1/Pod', 'spec.schedulingGates', byName],
  ['v1/Pod', 'spec.resourceClaims', { strategy: 'merge', mergeKey: 'name', retainKeys: true }],
  ['v1/Pod', 'spec.tolerations', undefined],
  ['v1/Pod', 'spec.readinessGates', undefined],
  ['v1/Pod', 'status.conditions', byType],
  ['v1/Pod', 'status.podIPs', { strategy: 'merge', mergeKey: 'ip' }],
  ['v1/Pod', 'status.hostIPs', { strategy: 'merge', mergeKey: 'ip' }],
  ['v1/Pod', 'status.containerStatuses', undefined],
  ['v1/Node', 'spec.taints', undefined],
  ['v1/Node', 'spec.podCIDRs', set],
  ['v1/Node', 'status.conditions', byType],
  ['v1/Node', 'status.addresses', byType],
  ['v1/Node', 'status.images', undefined],
  ['v1/Service', 'spec.ports', { strategy: 'merge', mergeKey: 'port' }],
  ['v1/Service', 'status.conditions', byType],
  ['v1/ServiceAccount', 'secrets', byName],
  ['v1/ServiceAccount', 'imagePullSecrets', undefined],
  ['v1/Endpoints', 'subsets', undefined],
  ['v1/Endpoints', 'subsets[].addresses', undefined],
  ['v1/Namespace', 'status.conditions', byType],
  ['v1/Namespace', 'spec.finalizers', undefined],
  ['v1/PersistentVolumeClaim', 'status.conditions', byType],
  ['apps/v1/Deployment', 'metadata.finalizers', set],
  ['apps/v1/Deployment', 'spec.strategy', { retainKeys: true }],
  ['apps/v1/Deployment', 'spec.template.metadata.finalizers', set],
  ['apps/v1/Deployment', `${podTemplate}.containers`, byName],
  [
    'apps/v1/Deployment',
    `${podTemplate}.containers[].ports`,
    { strategy: 'merge', mergeKey: 'containerPort' },
  ],
  ['apps/v1/Deployment', `${podTemplate}.volumes`, { strategy: 'merge', mergeKey: 'name', retainKeys: true }],
  ['apps/v1/Deployment', `${podTemplate}.tolerations`, undefined],
  ['apps/v1/Deployment', 'status.conditions', byType],
  ['apps/v1/ReplicaSet', `${podTemplate}.initContainers[].env`, byName],
  ['apps/v1/ReplicaSet', 'status.conditions', byType],
  ['apps/v1/StatefulSet', `${podTemplate}.containers`, byName],
  ['apps/v1/StatefulSet', 'spec.volumeClaimTemplates', undefined],
  ['apps/v1/StatefulSet', 'spec.updateStrategy', undefined],
  ['apps/v1/StatefulSet', 'status.conditions', byType],
  ['apps/v1/DaemonSet', `${podTemplate}.hostAliases`, { strategy: 'merge', mergeKey: 'ip' }],
  ['apps/v1/DaemonSet', 'spec.updateStrategy', undefined],
  ['apps/v1/DaemonSet', 'status.conditions', byType],
  ['batch/v1/Job', `${podTemplate}.containers`, byName],
  ['batch/v1/Job', 'status.conditions', byType],
  ['batch/v1/CronJob', 'spec.jobTemplate.metadata.finalizers', set],
  ['batch/v1/CronJob', 'spec.jobTemplate.spec.template.spec.containers[].env', byName],
  ['batch/v1/CronJob', 'status.active', undefined],
  ['discovery.k8s.io/v1/EndpointSlice', 'endpoints', undefined],
  ['rbac.authorization.k8s.io/v1/Role', 'rules', undefined],
  ['apiextensions.k8s.io/v1/CustomResourceDefinition', 'status.conditions', undefined],
];

describe('the built-in strategy table', () => {
  it.each(builtinCases)('%s %s', (kindKey, path, strategy) => {
    expect(builtinPatchStrategyLookup(kindKey).strategyFor(at(path))).toEqual(strategy);
  });

  it('compiles every built-in kind', () => {
    for (const kindKey of Object.keys(BUILTIN_PATCH_KINDS)) {
      expect(hasStrategicMergeSupport(kindKey)).toBe(true);
      expect(builtinPatchStrategyLookup(kindKey).strategyFor(at('metadata.finalizers'))).toEqual(set);
    }
    expect(Object.keys(BUILTIN_PATCH_STRUCTS)).toContain('PodSpec');
  });

  it('builds kind keys from apiVersion and kind', () => {
    expect(patchKindKey('apps/v1', 'Deployment')).toBe('apps/v1/Deployment');
    expect(patchKindKey('v1', 'Pod')).toBe('v1/Pod');
  });

  it('has no table for custom resources, and says 415', () => {
    for (const kindKey of ['example.com/v1/Widget', 'v1/Widget', 'toString', '__proto__']) {
      expect(hasStrategicMergeSupport(kindKey)).toBe(false);
      expect(() => builtinPatchStrategyLookup(kindKey)).toThrow(
        expect.objectContaining({
          code: 'UnsupportedMediaType',
          status: 415,
          reason: 'UnsupportedMediaType',
        }),
      );
    }
    expect(PatchError.is(captured(() => builtinPatchStrategyLookup('example.com/v1/Widget')))).toBe(true);
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('createPatchStrategyLookup', () => {
  it('follows recursive structs and inline embedding', () => {
    const lookup = createPatchStrategyLookup(
      { structs: { '': 'Node', 'extra[][]': 'Node' }, fields: { extra: { strategy: 'replace' } } },
      {
        Node: { fields: { children: byName }, structs: { 'children[]': 'Node', '': 'Named' } },
        Named: { fields: { tags: set } },
      },
    );
    expect(lookup.strategyFor(at('children[].children[].children'))).toEqual(byName);
    expect(lookup.strategyFor(at('children[].tags'))).toEqual(set);
    expect(lookup.strategyFor(at('extra'))).toEqual({ strategy: 'replace' });
    expect(lookup.strategyFor(['extra', LIST_ITEM, LIST_ITEM, 'children'])).toEqual(byName);
    expect(lookup.strategyFor(at('children[].missing.children'))).toBeUndefined();
    expect(lookup.strategyFor([])).toBeUndefined();
  });

  it('lets a schema override what a struct it embeds says', () => {
    const lookup = createPatchStrategyLookup(
      { structs: { spec: 'Spec' }, fields: { 'spec.items': { strategy: 'replace' } } },
      { Spec: { fields: { items: byName, other: set } } },
    );
    expect(lookup.strategyFor(at('spec.items'))).toEqual({ strategy: 'replace' });
    expect(lookup.strategyFor(at('spec.other'))).toEqual(set);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'an unknown struct',
      () => createPatchStrategyLookup({ structs: { spec: 'Missing' } }),
      /unknown struct Missing/,
    ],
    [
      'a merge key without merge',
      () => createPatchStrategyLookup({ fields: { a: { mergeKey: 'name' } } }),
      /mergeKey/,
    ],
    [
      'an empty merge key',
      () => createPatchStrategyLookup({ fields: { a: { strategy: 'merge', mergeKey: '' } } }),
      /mergeKey/,
    ],
    ['an empty field name', () => createPatchStrategyLookup({ fields: { 'a..b': set } }), /empty field name/],
    ['a strategy on the root', () => createPatchStrategyLookup({ fields: { '': set } }), /own root/],
    [
      'an inline embedding cycle',
      () => createPatchStrategyLookup({}, { A: { structs: { '': 'B' } }, B: { structs: { '': 'A' } } }),
      /embeds itself/,
    ],
  ])('refuses %s when it is created', (_name, create, message) => {
    expect(create).toThrow(message);
  });
});
