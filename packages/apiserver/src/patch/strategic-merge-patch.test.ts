import { describe, expect, it } from 'vitest';
import { builtinPatchStrategyLookup } from './builtin-patch-strategies.js';
import type { JsonObject } from './json-value.js';
import { MAX_JSON_DEPTH, PatchError, type PatchErrorCode } from './patch-error.js';
import { createPatchStrategyLookup, type PatchStrategyLookup } from './patch-strategy.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

interface Case {
  name: string;
  original: JsonObject;
  patch: JsonObject;
  result?: JsonObject;
  error?: PatchErrorCode;
}

function run(lookup: PatchStrategyLookup, { original, patch, result, error }: Case): void {
  const before = { original: structuredClone(original), patch: structuredClone(patch) };
  if (error === undefined) {
    const patched = applyStrategicMergePatch(original, patch, lookup);
    expect(patched).toEqual(result);
    // Directives never reach the result, unless the original had such keys.
    if (!JSON.stringify(original).includes('"$')) expect(JSON.stringify(patched)).not.toMatch(/"\$/);
  } else {
    let thrown: unknown;
    try {
      applyStrategicMergePatch(original, patch, lookup);
    } catch (err) {
      thrown = err;
    }
    expect(PatchError.is(thrown)).toBe(true);
    expect((thrown as PatchError).code).toBe(error);
  }
  expect({ original, patch }).toEqual(before);
}

// The test schema of k8s.io/apimachinery/pkg/util/strategicpatch (its MergeItem and
// RetainKeysMergeItem structs), as a Capstan strategy table.
const mergeItem = createPatchStrategyLookup(
  { structs: { '': 'MergeItem' } },
  {
    MergeItem: {
      fields: {
        mergingList: { strategy: 'merge', mergeKey: 'name' },
        mergingIntList: { strategy: 'merge' },
        replacingItem: { strategy: 'replace' },
        retainKeysMap: { retainKeys: true },
        retainKeysMergingList: { strategy: 'merge', mergeKey: 'name', retainKeys: true },
      },
      structs: {
        'mergingList[]': 'MergeItem',
        'nonMergingList[]': 'MergeItem',
        retainKeysMap: 'RetainKeysMergeItem',
        'retainKeysMergingList[]': 'MergeItem',
      },
    },
    RetainKeysMergeItem: {
      fields: { mergingIntList: { strategy: 'merge' }, mergingList: { strategy: 'merge', mergeKey: 'name' } },
      structs: { 'mergingList[]': 'MergeItem' },
    },
  },
);

// Cases from the strategicpatch package's tests (custom, create and raw test cases), restated.
const packageCases: Case[] = [
  {
    name: 'unique scalars when merging lists',
    original: { mergingIntList: [1, 2] },
    patch: { mergingIntList: [2, 3] },
    result: { mergingIntList: [1, 2, 3] },
  },
  {
    name: 'delete map from nested map',
    original: { simpleMap: { key1: 1, key2: 1 } },
    patch: { simpleMap: { $patch: 'delete' } },
    result: { simpleMap: {} },
  },
  {
    name: 'delete all items from merging list',
    original: { mergingList: [{ name: 1 }, { name: 2 }] },
    patch: { mergingList: [{ $patch: 'replace' }] },
    result: { mergingList: [] },
  },
  {
    name: 'merge empty merging lists',
    original: { mergingList: [] },
    patch: { mergingList: [] },
    result: { mergingList: [] },
  },
  {
    name: 'delete all keys from map',
    original: { name: 1, value: 1 },
    patch: { $patch: 'replace' },
    result: {},
  },
  {
    name: 'add key and delete all keys from map',
    original: { name: 1, value: 1 },
    patch: { other: 'a', $patch: 'replace' },
    result: { other: 'a' },
  },
  {
    name: 'delete all duplicate entries in a merging list',
    original: { mergingList: [{ name: 1 }, { name: 1 }, { name: 2, value: 'a' }, { name: 3 }, { name: 3 }] },
    patch: {
      mergingList: [
        { name: 1, $patch: 'delete' },
        { name: 3, $patch: 'delete' },
      ],
    },
    result: { mergingList: [{ name: 2, value: 'a' }] },
  },
  {
    name: 'retainKeys map can add a field without a retainKeys directive',
    original: { retainKeysMap: { name: 'foo' } },
    patch: { retainKeysMap: { value: 'bar' } },
    result: { retainKeysMap: { name: 'foo', value: 'bar' } },
  },
  {
    name: 'retainKeys map can delete a field without a retainKeys directive',
    original: { retainKeysMap: { name: 'foo', value: 'a' } },
    patch: { retainKeysMap: { value: null } },
    result: { retainKeysMap: { name: 'foo' } },
  },
  {
    name: 'retainKeys map merges an empty map',
    original: { retainKeysMap: { name: 'foo', value: 'a' } },
    patch: { retainKeysMap: {} },
    result: { retainKeysMap: { name: 'foo', value: 'a' } },
  },
  {
    name: 'retainKeys list can change a field without a retainKeys directive',
    original: { retainKeysMergingList: [{ name: 'bar' }, { name: 'foo', value: 'a' }] },
    patch: { retainKeysMergingList: [{ name: 'foo', value: 'b' }] },
    result: { retainKeysMergingList: [{ name: 'bar' }, { name: 'foo', value: 'b' }] },
  },
  {
    name: 'retainKeys clears the keys it does not list',
    original: { retainKeysMap: { name: 'foo', value: 'a', other: 'x' } },
    patch: { retainKeysMap: { $retainKeys: ['name', 'simpleMap'], simpleMap: { k: 'v' } } },
    result: { retainKeysMap: { name: 'foo', simpleMap: { k: 'v' } } },
  },
  {
    name: 'preserve the order from the patch in a merging list',
    original: { mergingList: [{ name: 1 }, { name: 2, value: 'b' }, { name: 3 }] },
    patch: {
      mergingList: [
        { name: 3, value: 'c' },
        { name: 1, value: 'a' },
        { name: 2, other: 'x' },
      ],
    },
    result: {
      mergingList: [
        { name: 3, value: 'c' },
        { name: 1, value: 'a' },
        { name: 2, value: 'b', other: 'x' },
      ],
    },
  },
  {
    name: 'preserve the order from the patch in a merging list, server-only items interleaved',
    original: { mergingList: [{ name: 1 }, { name: 2, value: 'b' }, { name: 3 }] },
    patch: {
      mergingList: [
        { name: 3, value: 'c' },
        { name: 1, value: 'a' },
      ],
    },
    result: {
      mergingList: [
        { name: 2, value: 'b' },
        { name: 3, value: 'c' },
        { name: 1, value: 'a' },
      ],
    },
  },
  {
    name: 'preserve the order from the patch in a merging int list',
    original: { mergingIntList: [1, 2, 3] },
    patch: { mergingIntList: [3, 1, 2] },
    result: { mergingIntList: [3, 1, 2] },
  },
  {
    name: 'preserve the order from the patch in a merging int list, server-only items interleaved',
    original: { mergingIntList: [1, 2, 3] },
    patch: { mergingIntList: [3, 1] },
    result: { mergingIntList: [2, 3, 1] },
  },
  {
    name: '$setElementOrder names an item the list does not have',
    original: { mergingList: [{ name: 1 }, { name: 3 }] },
    patch: {
      '$setElementOrder/mergingList': [{ name: 3 }, { name: 2 }, { name: 1 }],
      mergingList: [
        { name: 3, value: 3 },
        { name: 1, value: 1 },
      ],
    },
    result: {
      mergingList: [
        { name: 3, value: 3 },
        { name: 1, value: 1 },
      ],
    },
  },
  {
    name: '$setElementOrder names an int the list does not have',
    original: { mergingIntList: [1, 3] },
    patch: { '$setElementOrder/mergingIntList': [3, 2, 1] },
    result: { mergingIntList: [3, 1] },
  },
  {
    name: '$setElementOrder whose order contradicts the patch list',
    original: { mergingList: [{ name: 1 }, { name: 3 }, { name: 2 }] },
    patch: {
      '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }, { name: 3 }],
      mergingList: [
        { name: 3, value: 3 },
        { name: 1, value: 1 },
      ],
    },
    error: 'InvalidPatch',
  },
  {
    name: '$setElementOrder whose order contradicts the patch int list',
    original: { mergingIntList: [1, 3, 2] },
    patch: { '$setElementOrder/mergingIntList': [1, 2, 3], mergingIntList: [3, 1] },
    error: 'InvalidPatch',
  },
  {
    name: 'a missing merge key',
    original: { mergingList: [{ name: 1, value: 'a' }] },
    patch: { mergingList: [{ value: 'b' }] },
    error: 'InvalidPatch',
  },
  {
    name: 'delete items in lists of scalars',
    original: { mergingIntList: [1, 2, 3, 4] },
    patch: { '$setElementOrder/mergingIntList': [1, 2], '$deleteFromPrimitiveList/mergingIntList': [3] },
    result: { mergingIntList: [1, 2, 4] },
  },
  {
    name: 'delete all duplicate items in lists of scalars',
    original: { mergingIntList: [1, 2, 3, 3, 4] },
    patch: { '$setElementOrder/mergingIntList': [1, 2], '$deleteFromPrimitiveList/mergingIntList': [3] },
    result: { mergingIntList: [1, 2, 4] },
  },
  {
    name: 'add and delete items in lists of scalars',
    original: { mergingIntList: [1, 2, 3, 4] },
    patch: {
      '$setElementOrder/mergingIntList': [1, 2, 4],
      '$deleteFromPrimitiveList/mergingIntList': [3],
      mergingIntList: [4],
    },
    result: { mergingIntList: [1, 2, 4] },
  },
  {
    name: 'merge lists of maps',
    original: {
      mergingList: [
        { name: 1, other: 'a' },
        { name: 2, value: 2, other: 'b' },
      ],
    },
    patch: {
      '$setElementOrder/mergingList': [{ name: 4 }, { name: 1 }, { name: 2 }, { name: 3 }],
      mergingList: [
        { name: 4, value: 4 },
        { name: 3, value: 3 },
      ],
    },
    result: {
      mergingList: [
        { name: 4, value: 4 },
        { name: 1, other: 'a' },
        { name: 2, value: 2, other: 'b' },
        { name: 3, value: 3 },
      ],
    },
  },
  {
    name: 'merge lists of maps with conflict',
    original: {
      mergingList: [
        { name: 1, other: 'a' },
        { name: 2, value: 3, other: 'b' },
      ],
    },
    patch: {
      '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }, { name: 3 }],
      mergingList: [
        { name: 2, value: 2 },
        { name: 3, value: 3 },
      ],
    },
    result: {
      mergingList: [
        { name: 1, other: 'a' },
        { name: 2, value: 2, other: 'b' },
        { name: 3, value: 3 },
      ],
    },
  },
  {
    name: 'add field to map in merging list',
    original: {
      mergingList: [
        { name: 1, other: 'a' },
        { name: 2, value: 2, other: 'b' },
      ],
    },
    patch: {
      '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }],
      mergingList: [{ name: 1, value: 1 }],
    },
    result: {
      mergingList: [
        { name: 1, value: 1, other: 'a' },
        { name: 2, value: 2, other: 'b' },
      ],
    },
  },
  {
    name: 'add field and delete field from map',
    original: { name: 1, other: 'a' },
    patch: { name: null, value: 1 },
    result: { other: 'a', value: 1 },
  },
  {
    name: 'delete field from nested map',
    original: { simpleMap: { key1: 1, key2: 1, other: 'a' } },
    patch: { simpleMap: { key2: null } },
    result: { simpleMap: { key1: 1, other: 'a' } },
  },
  {
    name: 'replace list of scalars',
    original: { nonMergingIntList: [1, 2] },
    patch: { nonMergingIntList: [2, 3] },
    result: { nonMergingIntList: [2, 3] },
  },
  {
    name: 'delete all maps from merging list',
    original: { mergingList: [{ name: 1 }, { name: 2 }] },
    patch: {
      mergingList: [
        { name: 1, $patch: 'delete' },
        { name: 2, $patch: 'delete' },
      ],
    },
    result: { mergingList: [] },
  },
  {
    name: 'delete all maps from empty merging list',
    original: { mergingList: [] },
    patch: { mergingList: [{ name: 1, $patch: 'delete' }] },
    result: { mergingList: [] },
  },
  {
    name: 'null values remove current fields',
    original: { name: 'a', other: 'a' },
    patch: { name: 1, value: 1, other: null },
    result: { name: 1, value: 1 },
  },
  {
    name: 'nested merging lists merge too',
    original: { mergingList: [{ name: 1, mergingList: [{ name: 'x', value: 1 }] }] },
    patch: { mergingList: [{ name: 1, mergingList: [{ name: 'x', other: 2 }] }] },
    result: { mergingList: [{ name: 1, mergingList: [{ name: 'x', value: 1, other: 2 }] }] },
  },
  {
    name: 'a merging list nested in a non-merging list is replaced',
    original: { nonMergingList: [{ name: 1, mergingList: [{ name: 'x' }] }] },
    patch: { nonMergingList: [{ name: 1, mergingList: [{ name: 'y' }] }] },
    result: { nonMergingList: [{ name: 1, mergingList: [{ name: 'y' }] }] },
  },
  {
    name: 'a replace-strategy map is replaced whole',
    original: { replacingItem: { a: 1, b: 2 } },
    patch: { replacingItem: { c: 3 } },
    result: { replacingItem: { c: 3 } },
  },
  {
    name: 'a value of another type replaces the old one',
    original: { mergingList: [{ name: 1 }] },
    patch: { mergingList: { name: 2 } },
    result: { mergingList: { name: 2 } },
  },
  {
    name: '$patch: merge on a map is the default spelled out',
    original: { simpleMap: { a: 1 } },
    patch: { simpleMap: { $patch: 'merge', b: 2 } },
    result: { simpleMap: { a: 1, b: 2 } },
  },
];

describe('applyStrategicMergePatch: strategicpatch package cases', () => {
  it.each(packageCases)('$name', (c) => run(mergeItem, c));
});

const deployment = builtinPatchStrategyLookup('apps/v1/Deployment');
const pod = builtinPatchStrategyLookup('v1/Pod');

const patchDemo: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'patch-demo' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [{ name: 'patch-demo-ctr', image: 'nginx' }],
        tolerations: [{ effect: 'NoSchedule', key: 'dedicated', value: 'test-team' }],
      },
    },
  },
};

function podSpec(result: JsonObject): JsonObject {
  return ((result.spec as JsonObject).template as JsonObject).spec as JsonObject;
}

describe('applyStrategicMergePatch: the kubectl patch docs', () => {
  it('merges containers by name; the new container comes first, as kubectl shows', () => {
    const patch = {
      spec: { template: { spec: { containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }] } } },
    };
    expect(podSpec(applyStrategicMergePatch(patchDemo, patch, deployment)).containers).toEqual([
      { name: 'patch-demo-ctr-2', image: 'redis' },
      { name: 'patch-demo-ctr', image: 'nginx' },
    ]);
  });

  it('replaces tolerations, which have no patch strategy', () => {
    const patch = {
      spec: {
        template: { spec: { tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }] } },
      },
    };
    const spec = podSpec(applyStrategicMergePatch(patchDemo, patch, deployment));
    expect(spec.tolerations).toEqual([{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }]);
    expect(spec.containers).toEqual([{ name: 'patch-demo-ctr', image: 'nginx' }]);
  });

  it('clears the rolling update parameters with $retainKeys', () => {
    const retainKeysDemo: JsonObject = {
      metadata: { name: 'retainkeys-demo' },
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '30%' } } },
    };
    const plain = applyStrategicMergePatch(
      retainKeysDemo,
      { spec: { strategy: { type: 'Recreate' } } },
      deployment,
    );
    expect((plain.spec as JsonObject).strategy).toEqual({
      type: 'Recreate',
      rollingUpdate: { maxSurge: '30%' },
    });
    const retained = applyStrategicMergePatch(
      retainKeysDemo,
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      deployment,
    );
    expect(retained).toEqual({
      metadata: { name: 'retainkeys-demo' },
      spec: { strategy: { type: 'Recreate' } },
    });
  });
});

const podCases: Case[] = [
  {
    name: 'delete a container by its merge key (strategic-merge-patch.md)',
    original: {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx-0.9' },
          { name: 'log-tailer', image: 'tail' },
        ],
      },
    },
    patch: {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx-1.0' },
          { $patch: 'delete', name: 'log-tailer' },
        ],
      },
    },
    result: { spec: { containers: [{ name: 'nginx', image: 'nginx-1.0' }] } },
  },
  {
    name: 'replace the container list with a $patch: replace item',
    original: {
      spec: {
        containers: [{ name: 'nginx', image: 'nginx-0.9', ports: [{ containerPort: 80 }] }, { name: 'b' }],
      },
    },
    patch: { spec: { containers: [{ name: 'nginx', image: 'nginx-1.0' }, { $patch: 'replace' }] } },
    result: { spec: { containers: [{ name: 'nginx', image: 'nginx-1.0' }] } },
  },
  {
    name: 'replace a map with $patch: replace',
    original: { spec: { securityContext: { runAsUser: 1, runAsGroup: 2 } } },
    patch: { spec: { securityContext: { $patch: 'replace', fsGroup: 3 } } },
    result: { spec: { securityContext: { fsGroup: 3 } } },
  },
  {
    name: '$patch: delete on a map leaves an empty map, as Kubernetes does; null removes the field',
    original: { spec: { securityContext: { runAsUser: 1 }, dnsConfig: { nameservers: ['1.1.1.1'] } } },
    patch: { spec: { securityContext: { $patch: 'delete' }, dnsConfig: null } },
    result: { spec: { securityContext: {} } },
  },
  {
    name: 'finalizers merge as a set; new ones first',
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['b', 'c'] } },
    result: { metadata: { finalizers: ['a', 'b', 'c'] } },
  },
  {
    name: 'a new finalizer goes before the existing ones',
    original: { metadata: { finalizers: ['a'] } },
    patch: { metadata: { finalizers: ['z'] } },
    result: { metadata: { finalizers: ['z', 'a'] } },
  },
  {
    name: '$deleteFromPrimitiveList removes finalizers (strategic-merge-patch.md)',
    original: { metadata: { finalizers: ['a', 'b', 'c'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'c'] } },
    result: { metadata: { finalizers: ['a'] } },
  },
  {
    name: '$deleteFromPrimitiveList and additions together: additions first',
    original: { metadata: { finalizers: ['a', 'b'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a', 'c'], finalizers: ['c'] } },
    result: { metadata: { finalizers: ['b'] } },
  },
  {
    name: '$deleteFromPrimitiveList on an absent list leaves it absent',
    original: { metadata: { name: 'p' } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } },
    result: { metadata: { name: 'p' } },
  },
  {
    name: '$setElementOrder reorders finalizers (strategic-merge-patch.md)',
    original: { metadata: { finalizers: ['a', 'b', 'c'] } },
    patch: { metadata: { '$setElementOrder/finalizers': ['b', 'c', 'a'] } },
    result: { metadata: { finalizers: ['b', 'c', 'a'] } },
  },
  {
    name: '$setElementOrder reorders containers (strategic-merge-patch.md)',
    original: {
      spec: {
        containers: [
          { name: 'a', image: '1' },
          { name: 'b', image: '2' },
          { name: 'c', image: '3' },
        ],
      },
    },
    patch: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'c' }, { name: 'a' }] } },
    result: {
      spec: {
        containers: [
          { name: 'b', image: '2' },
          { name: 'c', image: '3' },
          { name: 'a', image: '1' },
        ],
      },
    },
  },
  {
    name: 'the patch kubectl apply sends to drop a container and change another',
    original: {
      spec: {
        containers: [
          { name: 'a', image: '1' },
          { name: 'x', image: '9' },
          { name: 'b', image: '2' },
        ],
      },
    },
    patch: {
      spec: {
        '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
        containers: [
          { name: 'b', image: '3' },
          { name: 'x', $patch: 'delete' },
        ],
      },
    },
    result: {
      spec: {
        containers: [
          { name: 'a', image: '1' },
          { name: 'b', image: '3' },
        ],
      },
    },
  },
  {
    name: 'env by name and ports by containerPort inside a container',
    original: {
      spec: {
        containers: [
          {
            name: 'app',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 80, name: 'http' }],
          },
        ],
      },
    },
    patch: {
      spec: {
        containers: [
          { name: 'app', env: [{ name: 'B', value: '3' }], ports: [{ containerPort: 80, protocol: 'TCP' }] },
        ],
      },
    },
    result: {
      spec: {
        containers: [
          {
            name: 'app',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '3' },
            ],
            ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
          },
        ],
      },
    },
  },
  {
    name: 'volumes merge by name with $retainKeys switching the volume source',
    original: {
      spec: {
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'conf', configMap: { name: 'c' } },
        ],
      },
    },
    patch: {
      spec: { volumes: [{ name: 'data', $retainKeys: ['name', 'hostPath'], hostPath: { path: '/srv' } }] },
    },
    result: {
      spec: {
        volumes: [
          { name: 'data', hostPath: { path: '/srv' } },
          { name: 'conf', configMap: { name: 'c' } },
        ],
      },
    },
  },
  {
    name: 'conditions by type and ownerReferences by uid',
    original: {
      metadata: { ownerReferences: [{ uid: 'u1', name: 'rs-1' }] },
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    },
    patch: {
      metadata: { ownerReferences: [{ uid: 'u1', controller: true }] },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    },
    result: {
      metadata: { ownerReferences: [{ uid: 'u1', name: 'rs-1', controller: true }] },
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'PodScheduled', status: 'True' },
        ],
      },
    },
  },
  {
    name: 'directives inside a field the object lacks apply to nothing and disappear',
    original: { spec: { containers: [{ name: 'app' }] } },
    patch: {
      spec: {
        initContainers: [
          {
            name: 'init',
            env: [
              { name: 'A', value: null },
              { name: 'B', $patch: 'delete' },
            ],
            '$setElementOrder/env': [{ name: 'A' }],
          },
          { $patch: 'delete', name: 'gone' },
        ],
        securityContext: { $patch: 'replace', runAsUser: 1, fsGroup: null },
        affinity: { $retainKeys: ['nodeAffinity'], nodeAffinity: {} },
      },
    },
    result: {
      spec: {
        containers: [{ name: 'app' }],
        initContainers: [{ name: 'init', env: [{ name: 'A' }] }],
        securityContext: { runAsUser: 1 },
        affinity: { nodeAffinity: {} },
      },
    },
  },
  {
    name: 'items of a replace-strategy list lose nulls and directives',
    original: { spec: { tolerations: [{ key: 'a' }] } },
    patch: { spec: { tolerations: [{ key: 'b', value: null, $patch: 'merge' }] } },
    result: { spec: { tolerations: [{ key: 'b' }] } },
  },
];

describe('applyStrategicMergePatch: built-in Pod table', () => {
  it.each(podCases)('$name', (c) => run(pod, c));
});

const errorCases: Case[] = [
  {
    name: 'an unknown $patch value on a map',
    original: {},
    patch: { spec: { $patch: 'remove' } },
    error: 'MalformedPatch',
  },
  {
    name: 'an unknown $patch value in a list',
    original: { spec: { containers: [] } },
    patch: { spec: { containers: [{ name: 'a', $patch: 'remove' }] } },
    error: 'MalformedPatch',
  },
  {
    name: '$patch: merge in a list',
    original: { spec: { containers: [{ name: 'a' }] } },
    patch: { spec: { containers: [{ $patch: 'merge' }] } },
    error: 'InvalidPatch',
  },
  {
    name: '$patch: delete without the merge key',
    original: { spec: { containers: [{ name: 'a' }] } },
    patch: { spec: { containers: [{ $patch: 'delete' }] } },
    error: 'InvalidPatch',
  },
  {
    name: '$retainKeys that is not a list',
    original: {},
    patch: { spec: { $retainKeys: 'a' } },
    error: 'MalformedPatch',
  },
  {
    name: '$retainKeys that leaves out a key the patch sets',
    original: {},
    patch: { spec: { $retainKeys: ['a'], b: 1 } },
    error: 'MalformedPatch',
  },
  {
    name: '$setElementOrder that is not a list',
    original: {},
    patch: { metadata: { '$setElementOrder/finalizers': 'a' } },
    error: 'MalformedPatch',
  },
  {
    name: 'a directive prefix without a field',
    original: {},
    patch: { metadata: { $setElementOrderfinalizers: ['a'] } },
    error: 'MalformedPatch',
  },
  {
    name: '$deleteFromPrimitiveList that is not a list',
    original: { metadata: { finalizers: ['a'] } },
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': 'a' } },
    error: 'MalformedPatch',
  },
  {
    name: '$deleteFromPrimitiveList on a replace-strategy list',
    original: { spec: { nodeSelector: {}, tolerations: ['a'] } },
    patch: { spec: { '$deleteFromPrimitiveList/tolerations': ['a'] } },
    error: 'InvalidPatch',
  },
  {
    name: '$deleteFromPrimitiveList on a list of objects',
    original: { spec: { containers: [{ name: 'a' }] } },
    patch: { spec: { '$deleteFromPrimitiveList/containers': ['a'] } },
    error: 'InvalidPatch',
  },
  {
    name: '$setElementOrder on a field that is not a list',
    original: { metadata: { finalizers: 'a' } },
    patch: { metadata: { '$setElementOrder/finalizers': ['a'] } },
    error: 'InvalidPatch',
  },
  {
    name: 'a list of lists',
    original: { metadata: { finalizers: [['a']] } },
    patch: { metadata: { finalizers: [['b']] } },
    error: 'InvalidPatch',
  },
  {
    name: 'list items of different types',
    original: { metadata: { finalizers: ['a'] } },
    patch: { metadata: { finalizers: [1] } },
    error: 'InvalidPatch',
  },
  {
    name: 'an object item in a set',
    original: { metadata: { finalizers: [{ name: 'a' }] } },
    patch: { metadata: { finalizers: [{ name: 'b' }] } },
    error: 'InvalidPatch',
  },
];

describe('applyStrategicMergePatch: errors', () => {
  it.each(errorCases)('$name', (c) => run(pod, c));

  it('refuses a patch that is not an object, what JSON cannot hold, and hostile nesting', () => {
    const deep = (n: number): JsonObject => (n === 1 ? {} : { a: deep(n - 1) });
    for (const [patch, code] of [
      [[{ a: 1 }], 'MalformedPatch'],
      [null, 'MalformedPatch'],
      [{ a: undefined }, 'MalformedPatch'],
      [deep(MAX_JSON_DEPTH + 1), 'TooDeep'],
    ] as const) {
      expect(() => applyStrategicMergePatch({}, patch, pod)).toThrow(expect.objectContaining({ code }));
    }
    expect(applyStrategicMergePatch({}, deep(MAX_JSON_DEPTH), pod)).toEqual(deep(MAX_JSON_DEPTH));
  });

  it('names the field path in its errors', () => {
    try {
      applyStrategicMergePatch(
        { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }] } },
        { spec: { containers: [{ name: 'a', ports: [{ name: 'x' }] }] } },
        pod,
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({
        code: 'InvalidPatch',
        status: 422,
        reason: 'Invalid',
        path: 'spec.containers[].ports',
      });
    }
  });
});

describe('applyStrategicMergePatch: inputs', () => {
  it('shares nothing with its inputs and treats __proto__ as data', () => {
    const original: JsonObject = { spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }] }] } };
    const patch = JSON.parse(
      '{"spec":{"containers":[{"name":"b","args":["x"]}]},"__proto__":{"polluted":true}}',
    ) as JsonObject;
    const result = applyStrategicMergePatch(original, patch, pod);
    const containers = (result.spec as JsonObject).containers as JsonObject[];
    const patchContainer = ((patch.spec as JsonObject).containers as JsonObject[])[0] as JsonObject;
    expect(containers[0]?.args).toEqual(['x']);
    expect(containers[0]?.args).not.toBe(patchContainer.args);
    expect(containers[1]).not.toBe(((original.spec as JsonObject).containers as JsonObject[])[0]);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toContain('"__proto__":{"polluted":true}');
  });

  it('merges a long set in linearithmic time', () => {
    const finalizers = Array.from({ length: 50_000 }, (_, i) => `f${i}`);
    const started = performance.now();
    const result = applyStrategicMergePatch(
      { metadata: { finalizers } },
      { metadata: { finalizers: finalizers.slice(25_000).concat('new') } },
      pod,
    );
    expect(((result.metadata as JsonObject).finalizers as string[]).length).toBe(50_001);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
