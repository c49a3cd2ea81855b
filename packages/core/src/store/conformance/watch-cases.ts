import assert from 'node:assert/strict';
import type { KeyValue, StoreEvent } from '../store.js';
import { CASE_TIMEOUT_MS, type ConformanceCase } from './conformance-case.js';
import { plainKeyValue } from './plain-shape.js';
import type { WatchRecorder } from './watch-recorder.js';

/** putEvent is the expected event for a create (no `prevKv`) or an update. */
function putEvent(kv: KeyValue, prevKv?: KeyValue): StoreEvent {
  const event: StoreEvent = { type: 'put', kv: plainKeyValue(kv)! };
  if (prevKv !== undefined) event.prevKv = plainKeyValue(prevKv)!;
  return event;
}

/** revisionsOf lists the revisions of the recorded changes. */
function revisionsOf(recorder: WatchRecorder): number[] {
  return recorder.changes.map((event) => event.kv.modRevision);
}

/** range lists the integers from `from` to `to`, both included. */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** watchCases prove what a single watch delivers, from the present and from the past. */
export const watchCases: ConformanceCase[] = [
  {
    name: 'watch delivers creates, updates and deletes in revision order with prevKv',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const recorder = ctx.watch(key(''), start);
      const a1 = await store.create(key('a'), 'a1');
      const a2 = await store.update(key('a'), 'a2', a1.modRevision);
      const b1 = await store.create(key('b'), 'b1');
      await store.delete(key('a'), a2.modRevision);
      const deletedAt = await store.currentRevision();
      const a3 = await store.create(key('a'), 'a3');
      await recorder.untilRevision(a3.modRevision);
      const deleted: KeyValue = {
        key: key('a'),
        value: 'a2',
        createRevision: a1.createRevision,
        modRevision: deletedAt,
      };
      assert.deepEqual(recorder.plainChanges(), [
        putEvent(a1),
        putEvent(a2, a1),
        putEvent(b1),
        { type: 'delete', kv: deleted, prevKv: plainKeyValue(a2) },
        putEvent(a3),
      ]);
    },
  },
  {
    name: 'watch delivers only keys that start with its prefix',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const all = ctx.watch(key(''), start);
      const aDir = ctx.watch(key('a/'), start);
      const a = ctx.watch(key('a'), start);
      const none = ctx.watch(key('c/'), start);
      const ab = await store.create(key('ab'), 'v');
      await store.create(key('a/1'), 'v');
      await store.create(key('b'), 'v');
      await store.create(key('a'), 'v');
      await store.update(key('ab'), 'v2', ab.modRevision);
      const last = await store.create(key('a/2'), 'v');
      for (const recorder of [all, aDir, a]) await recorder.untilRevision(last.modRevision);
      const keys = (recorder: WatchRecorder): string[] => recorder.changes.map((event) => event.kv.key);
      assert.deepEqual(keys(all), ['ab', 'a/1', 'b', 'a', 'ab', 'a/2'].map(key));
      assert.deepEqual(keys(aDir), ['a/1', 'a/2'].map(key));
      assert.deepEqual(keys(a), ['ab', 'a/1', 'a', 'ab', 'a/2'].map(key));
      assert.deepEqual(keys(none), []);
    },
  },
  {
    name: 'watch from the current revision delivers only later changes',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      await store.create(key('before'), 'v');
      const recorder = ctx.watch(key(''), await store.currentRevision());
      const after = await store.create(key('after'), 'v');
      await recorder.untilRevision(after.modRevision);
      assert.deepEqual(recorder.plainChanges(), [putEvent(after)]);
    },
  },
  {
    name: 'watch from a past revision replays history and continues live without a gap',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const a = await store.create(key('a'), 'a1');
      const b = await store.create(key('b'), 'b1');
      await store.update(key('a'), 'a2', a.modRevision);
      await store.delete(key('b'), b.modRevision);
      const c = await store.create(key('c'), 'c1');

      const full = ctx.watch(key(''), start);
      const fromB = ctx.watch(key(''), b.modRevision);
      const fromC = ctx.watch(key(''), c.modRevision);
      await full.untilRevision(c.modRevision);
      await fromB.untilRevision(c.modRevision);

      await store.update(key('c'), 'c2', c.modRevision);
      const d = await store.create(key('d'), 'd1');
      for (const recorder of [full, fromB, fromC]) await recorder.untilRevision(d.modRevision);

      assert.deepEqual(revisionsOf(full), range(start + 1, d.modRevision));
      assert.deepEqual(fromB.plainChanges(), full.plainChanges().slice(2));
      assert.deepEqual(fromC.plainChanges(), full.plainChanges().slice(5));
    },
  },
  {
    name: 'watch opened from a past revision while writes continue misses none of them',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      let recorder: WatchRecorder | undefined;
      let last = start;
      for (let i = 0; i < 30; i++) {
        last = (await store.create(key(`k${String(i).padStart(2, '0')}`), `${i}`)).modRevision;
        if (i === 10) recorder = ctx.watch(key(''), start);
      }
      assert.ok(recorder);
      await recorder.untilRevision(last);
      assert.deepEqual(revisionsOf(recorder), range(start + 1, last));
    },
  },
  {
    name: 'several watches of one prefix see the same sequence',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const recorders = [ctx.watch(key(''), start), ctx.watch(key(''), start), ctx.watch(key(''), start)];
      const created = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.create(key(`k${i}`), `v${i}`)),
      );
      await Promise.all(created.map((kv) => store.update(kv.key, `${kv.value}+`, kv.modRevision)));
      const last = await store.currentRevision();
      for (const recorder of recorders) await recorder.untilRevision(last);
      const [first, ...others] = recorders.map((recorder) => recorder.plainChanges());
      assert.equal(first?.length, 20);
      for (const other of others) assert.deepEqual(other, first);
    },
  },
  {
    name: 'unsubscribing ends one watch and leaves the others running',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const stopped = ctx.watch(key(''), start);
      const running = ctx.watch(key(''), start);
      const x = await store.create(key('x'), 'v');
      await stopped.untilRevision(x.modRevision);
      await running.untilRevision(x.modRevision);
      stopped.stop();
      const y = await store.create(key('y'), 'v');
      await running.untilRevision(y.modRevision);
      const later = ctx.watch(key(''), y.modRevision);
      const z = await store.create(key('z'), 'v');
      await running.untilRevision(z.modRevision);
      await later.untilRevision(z.modRevision);
      assert.deepEqual(revisionsOf(stopped), [x.modRevision]);
      assert.deepEqual(revisionsOf(running), [x.modRevision, y.modRevision, z.modRevision]);
      assert.deepEqual(revisionsOf(later), [z.modRevision]);
    },
  },
  {
    name: 'watch above the current revision fails with FutureRevision',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      await store.create(key('a'), 'v');
      const current = await store.currentRevision();
      await ctx.watch(key(''), current + 1).expectError('FutureRevision');
    },
  },
];
