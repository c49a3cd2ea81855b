import assert from 'node:assert/strict';
import { CASE_TIMEOUT_MS, type ConformanceCase } from './conformance-case.js';
import { expectStoreError } from './expect-store-error.js';

/** lifecycleCases prove key validation and what closing a store does. */
export const lifecycleCases: ConformanceCase[] = [
  {
    name: 'keys and prefixes that do not start with "/" or hold a NUL fail with InvalidKey',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const live = await store.create(key('a'), 'v');
      for (const bad of ['', 'a', 'registry/pods/default/web', ' /x', `${key('nul')}\0x`]) {
        const calls: Array<[string, () => Promise<unknown>]> = [
          ['get', () => store.get(bad)],
          ['list', () => store.list(bad)],
          ['create', () => store.create(bad, 'v')],
          ['update', () => store.update(bad, 'v', live.modRevision)],
          ['delete', () => store.delete(bad)],
          ['delete with a revision', () => store.delete(bad, live.modRevision)],
        ];
        for (const [what, call] of calls) {
          await expectStoreError('InvalidKey', `${what}(${JSON.stringify(bad)})`, call);
        }
        await ctx.watch(bad, live.modRevision).expectError('InvalidKey');
      }
      assert.equal(await store.currentRevision(), live.modRevision, 'a rejected write took a revision');
    },
  },
  {
    name: 'close completes open watches and every later call fails with Closed',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const live = await store.create(key('a'), 'v');
      const open = ctx.watch(key(''), live.modRevision - 1);
      await open.untilRevision(live.modRevision);

      await ctx.closeStore();
      await open.untilComplete();

      const calls: Array<[string, () => Promise<unknown>]> = [
        ['get', () => store.get(key('a'))],
        ['list', () => store.list(key(''))],
        ['create', () => store.create(key('b'), 'v')],
        ['update', () => store.update(key('a'), 'v2', live.modRevision)],
        ['delete', () => store.delete(key('a'))],
        ['currentRevision', () => store.currentRevision()],
        ['compact', () => store.compact(live.modRevision)],
      ];
      for (const [what, call] of calls) await expectStoreError('Closed', what, call);
      await ctx.watch(key(''), live.modRevision).expectError('Closed');
    },
  },
];
