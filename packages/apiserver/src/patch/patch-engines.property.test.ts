import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPatchStrategyLookup } from './builtin-patch-strategies.js';
import { applyJsonPatch } from './json-patch.js';
import type { JsonObject, JsonValue } from './json-value.js';
import { applyMergePatch } from './merge-patch.js';
import { PatchError } from './patch-error.js';
import { createPatchStrategyLookup } from './patch-strategy.js';
import { applyStrategicMergePatch } from './strategic-merge-patch.js';

const RUNS = { numRuns: 300, seed: 20_240_601 };

/** deepFreeze freezes a JSON value, so that any write to it, or any alias of it, shows. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** sharesNothing tells whether no object or array inside `value` is frozen (came from an input). */
function sharesNothing(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return !Object.isFrozen(value) && Object.values(value).every(sharesNothing);
}

/**
 * outcome applies an engine to deep-frozen copies of its inputs and checks the contract: it
 * returns a value sharing nothing with them or throws a PatchError, and leaves them as they were.
 */
function outcome(
  apply: (target: JsonValue, patch: JsonValue) => JsonValue,
  target: JsonValue,
  patch: JsonValue,
): void {
  const frozen = deepFreeze(structuredClone({ target, patch }));
  let result: JsonValue | undefined;
  try {
    result = apply(frozen.target, frozen.patch);
  } catch (err) {
    if (!PatchError.is(err)) throw err;
  }
  if (result !== undefined) expect(sharesNothing(result)).toBe(true);
  expect(frozen).toEqual({ target, patch });
}

// A small vocabulary of keys and values makes random patches meet the object they patch, and
// reach the fields and directives the strategic merge patch treats specially.
const keys = [
  'metadata',
  'spec',
  'status',
  'finalizers',
  'containers',
  'initContainers',
  'tolerations',
  'conditions',
  'env',
  'ports',
  'volumes',
  'name',
  'type',
  'containerPort',
  'image',
  'value',
  'emptyDir',
  '__proto__',
  '$patch',
  '$retainKeys',
  '$setElementOrder/containers',
  '$setElementOrder/finalizers',
  '$setElementOrder/env',
  '$deleteFromPrimitiveList/finalizers',
  '$deleteFromPrimitiveList/tolerations',
  '$setElementOrder',
];
const scalars = fc.oneof(
  fc.constantFrom<JsonValue>(
    'delete',
    'replace',
    'merge',
    'a',
    'b',
    'x',
    'name',
    'image',
    0,
    1,
    80,
    true,
    null,
  ),
  fc.string({ maxLength: 3 }),
);
const { tree } = fc.letrec<{ tree: JsonValue }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalars,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...keys), tie('tree'), { maxKeys: 5 }),
  ),
}));
const object = fc.dictionary(fc.constantFrom(...keys), tree, { maxKeys: 6 }) as fc.Arbitrary<JsonObject>;

const token = fc.constantFrom(
  'metadata',
  'spec',
  'finalizers',
  'containers',
  'name',
  '0',
  '1',
  '2',
  '-',
  '01',
  '~0',
  '~1',
  '~',
  '',
);
const pointer = fc.oneof(
  fc.array(token, { maxLength: 4 }).map((tokens) => tokens.map((t) => `/${t}`).join('')),
  fc.constantFrom('spec', '/a~2'),
);
const operation = fc.record(
  {
    op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'bogus'),
    path: pointer,
    from: pointer,
    value: tree,
  },
  { requiredKeys: ['op'] },
);
const jsonPatch = fc.oneof(
  { weight: 5, arbitrary: fc.array(operation, { maxLength: 6 }) },
  { weight: 1, arbitrary: tree },
);

const podLookup = builtinPatchStrategyLookup('v1/Pod');
const deploymentLookup = builtinPatchStrategyLookup('apps/v1/Deployment');

describe('every engine returns a value or throws PatchError, and never touches its inputs', () => {
  it('JSON patch', () => {
    fc.assert(
      fc.property(tree, jsonPatch, (target, patch) => {
        outcome((t, p) => applyJsonPatch(t, p, { maxCopyBytes: 10_000 }), target, patch as JsonValue);
      }),
      RUNS,
    );
  });

  it('merge patch', () => {
    fc.assert(
      fc.property(tree, tree, (target, patch) => {
        outcome(applyMergePatch, target, patch);
      }),
      RUNS,
    );
  });

  it('strategic merge patch', () => {
    fc.assert(
      fc.property(object, tree, fc.boolean(), (target, patch, onDeployment) => {
        const lookup = onDeployment ? deploymentLookup : podLookup;
        outcome((t, p) => applyStrategicMergePatch(t as JsonObject, p, lookup), target, patch);
      }),
      RUNS,
    );
  });

  it('strategic merge patch on pod-shaped objects', () => {
    const container = fc.record(
      {
        name: fc.constantFrom('a', 'b', 'c'),
        image: fc.constantFrom('nginx', 'redis'),
        env: fc.array(
          fc.record({ name: fc.constantFrom('A', 'B'), value: scalars }, { requiredKeys: ['name'] }),
          { maxLength: 3 },
        ),
        $patch: fc.constantFrom('delete', 'replace', 'merge', 'bogus'),
      },
      { requiredKeys: [] },
    );
    const pod = fc.record(
      {
        metadata: fc.record({ finalizers: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 4 }) }),
        spec: fc.record(
          {
            containers: fc.array(container, { maxLength: 4 }),
            '$setElementOrder/containers': fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'c') }), {
              maxLength: 4,
            }),
            tolerations: fc.array(tree, { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(pod, pod, (target, patch) => {
        outcome(
          (t, p) => applyStrategicMergePatch(t as JsonObject, p, podLookup),
          target as JsonValue,
          patch as JsonValue,
        );
      }),
      RUNS,
    );
  });
});

describe('algebraic properties', () => {
  it('merge patch is idempotent', () => {
    fc.assert(
      fc.property(tree, tree, (target, patch) => {
        const once = applyMergePatch(target, patch);
        expect(applyMergePatch(once, patch)).toEqual(once);
      }),
      RUNS,
    );
  });

  it('without strategies or directives, strategic merge patch is merge patch', () => {
    const plainKeys = fc.constantFrom('a', 'b', 'c', 'd');
    const { plain } = fc.letrec<{ plain: JsonValue }>((tie) => ({
      plain: fc.oneof(
        { depthSize: 'small' },
        scalars,
        fc.array(scalars, { maxLength: 3 }),
        fc.dictionary(plainKeys, tie('plain'), { maxKeys: 4 }),
      ),
    }));
    const plainObject = fc.dictionary(plainKeys, plain, { maxKeys: 4 }) as fc.Arbitrary<JsonObject>;
    const none = createPatchStrategyLookup({});
    fc.assert(
      fc.property(plainObject, plainObject, (target, patch) => {
        expect(applyStrategicMergePatch(target, patch, none)).toEqual(applyMergePatch(target, patch));
      }),
      RUNS,
    );
  });

  it('an empty JSON patch, or one that only tests the whole document, returns an equal copy', () => {
    fc.assert(
      fc.property(tree, (target) => {
        expect(applyJsonPatch(target, [])).toEqual(target);
        expect(applyJsonPatch(target, [{ op: 'test', path: '', value: target }])).toEqual(target);
      }),
      RUNS,
    );
  });
});
