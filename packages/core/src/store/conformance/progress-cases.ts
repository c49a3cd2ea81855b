import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConformanceCase } from './conformance-case.js';

/** How long a case waits for a progress event: a backend may send them only every few seconds. */
const PROGRESS_WAIT_MS = 20_000;

/**
 * progressCases prove that progress events arrive on idle watches and never run ahead of
 * changes. (Every watch in every case also checks that nothing arrives behind a progress
 * event, whether or not the backend offers them.)
 */
export const progressCases: ConformanceCase[] = [
  {
    name: 'an idle watch receives a progress event covering a write under another prefix',
    timeoutMs: 30_000,
    needsProgress: true,
    async run(ctx) {
      const { store, key } = ctx;
      const idle = ctx.watch(key('idle/'), await store.currentRevision());
      const elsewhere = await store.create(key('busy/x'), 'v');
      await idle.untilProgress(elsewhere.modRevision, PROGRESS_WAIT_MS);
      assert.deepEqual(idle.changes, []);
      const own = await store.create(key('idle/x'), 'v');
      await idle.untilRevision(own.modRevision);
    },
  },
  {
    name: 'progress events never run ahead of changes still to be delivered',
    timeoutMs: 30_000,
    needsProgress: true,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const a = ctx.watch(key('a/'), start);
      const all = ctx.watch(key(''), start);
      const aRevisions: number[] = [];
      let last = start;
      for (let i = 0; i < 40; i++) {
        const dir = i % 3 === 1 ? 'a' : 'b';
        last = (await store.create(key(`${dir}/${i}`), `${i}`)).modRevision;
        if (dir === 'a') aRevisions.push(last);
        if (i % 4 === 3) await sleep(5);
      }
      await a.untilProgress(last, PROGRESS_WAIT_MS);
      await all.untilRevision(last);
      assert.deepEqual(
        a.changes.map((event) => event.kv.modRevision),
        aRevisions,
      );
      assert.equal(all.changes.length, 40);
    },
  },
  {
    name: 'requestProgress delivers a progress event to every open watch before it resolves',
    timeoutMs: 20_000,
    needsRequestProgress: true,
    async run(ctx) {
      const { store, key } = ctx;
      assert.equal(typeof store.requestProgress, 'function', 'the store has no requestProgress method');
      const start = await store.currentRevision();
      const idle = ctx.watch(key('idle/'), start);
      const busy = ctx.watch(key('busy/'), start);
      const elsewhere = await store.create(key('busy/x'), 'v');
      await busy.untilRevision(elsewhere.modRevision);
      await store.requestProgress!();
      assert.ok(
        idle.progress.some((p) => p >= elsewhere.modRevision),
        `no progress at or above ${elsewhere.modRevision} on the idle watch when requestProgress resolved (got ${JSON.stringify(idle.progress)})`,
      );
      const own = await store.create(key('idle/x'), 'v');
      await idle.untilRevision(own.modRevision);
    },
  },
];
