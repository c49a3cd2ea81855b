import assert from 'node:assert/strict';
import type { Store } from '../store.js';
import { CASE_TIMEOUT_MS, type ConformanceCase } from './conformance-case.js';
import { expectStoreError } from './expect-store-error.js';
import { plainKeyValue } from './plain-shape.js';

/** expectCompacted asserts that a list at `revision` fails with `Compacted` naming a revision above it. */
async function expectCompacted(store: Store, prefix: string, revision: number): Promise<void> {
  const err = await expectStoreError('Compacted', `list at compacted revision ${revision}`, () =>
    store.list(prefix, { revision }),
  );
  if (err.revision !== undefined) {
    assert.ok(err.revision > revision, `Compacted names revision ${err.revision}, not above ${revision}`);
  }
}

/** compactionCases prove what compaction removes and what it must keep. */
export const compactionCases: ConformanceCase[] = [
  {
    name: 'compact makes older revisions unreadable and keeps the state at and after it',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const a1 = await store.create(key('a'), 'a1');
      await store.create(key('b'), 'b1');
      const a2 = await store.update(key('a'), 'a2', a1.modRevision);
      await store.delete(key('b'));
      const c1 = await store.create(key('c'), 'c1');
      const compactAt = c1.modRevision;
      const a3 = await store.update(key('a'), 'a3', a2.modRevision);
      const d1 = await store.create(key('d'), 'd1');
      const before = await store.list(key(''), { revision: compactAt });

      await store.compact(compactAt);

      await expectCompacted(store, key(''), compactAt - 1);
      await expectCompacted(store, key(''), a1.modRevision);
      await ctx.watch(key(''), compactAt - 1).expectError('Compacted');
      await ctx.watch(key(''), a1.modRevision).expectError('Compacted');

      const atCompaction = await store.list(key(''), { revision: compactAt });
      assert.equal(atCompaction.revision, compactAt);
      assert.deepEqual(atCompaction.items.map(plainKeyValue), before.items.map(plainKeyValue));
      assert.deepEqual((await store.list(key(''))).items.map(plainKeyValue), [a3, c1, d1].map(plainKeyValue));
      assert.deepEqual(plainKeyValue(await store.get(key('a'))), plainKeyValue(a3));
      assert.equal(await store.get(key('b')), undefined);

      const replay = ctx.watch(key(''), compactAt);
      await replay.untilRevision(d1.modRevision);
      assert.deepEqual(
        replay.changes.map((event) => event.kv.modRevision),
        [a3.modRevision, d1.modRevision],
      );

      await store.compact(compactAt - 1);
      await store.compact(compactAt);
      assert.deepEqual(
        (await store.list(key(''), { revision: compactAt })).items.map(plainKeyValue),
        before.items.map(plainKeyValue),
        'compacting again to the same or a lower revision changed nothing',
      );
      const a4 = await store.update(key('a'), 'a4', a3.modRevision);
      await replay.untilRevision(a4.modRevision);
    },
  },
  {
    name: 'compaction leaves open watches running and deleted keys can be created again',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const recorder = ctx.watch(key(''), start);
      const gone = await store.create(key('gone'), 'v1');
      await store.delete(key('gone'));
      const kept = await store.create(key('kept'), 'v1');
      await recorder.untilRevision(kept.modRevision);
      const current = await store.currentRevision();

      await store.compact(current);

      await expectCompacted(store, key(''), current - 1);
      assert.deepEqual((await store.list(key(''), { revision: current })).items.map(plainKeyValue), [
        plainKeyValue(kept),
      ]);
      const again = await store.create(key('gone'), 'v2');
      assert.ok(again.createRevision > gone.createRevision);
      const updated = await store.update(key('kept'), 'v2', kept.modRevision);
      await recorder.untilRevision(updated.modRevision);
      assert.deepEqual(
        recorder.changes.map((event) => [event.type, event.kv.key]),
        [
          ['put', key('gone')],
          ['delete', key('gone')],
          ['put', key('kept')],
          ['put', key('gone')],
          ['put', key('kept')],
        ],
      );
      await ctx.watch(key(''), current).untilRevision(updated.modRevision);
    },
  },
];
