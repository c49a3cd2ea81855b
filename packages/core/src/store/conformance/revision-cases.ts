import assert from 'node:assert/strict';
import { type KeyValue, MAX_VALUE_BYTES } from '../store.js';
import type { StoreErrorCode } from '../store-error.js';
import { CASE_TIMEOUT_MS, type ConformanceCase } from './conformance-case.js';
import { expectStoreError } from './expect-store-error.js';

/** revisionCases prove that every write takes exactly the next revision and a failed one takes none. */
export const revisionCases: ConformanceCase[] = [
  {
    name: 'every successful write takes the next revision and currentRevision reports it',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      let revision = await store.currentRevision();
      const step = async <T extends KeyValue | undefined>(
        what: string,
        write: () => Promise<T>,
      ): Promise<T> => {
        const kv = await write();
        const current = await store.currentRevision();
        assert.equal(current, revision + 1, `${what}: currentRevision after the write`);
        if (kv !== undefined) assert.equal(kv.modRevision, current, `${what}: the write's modRevision`);
        revision = current;
        return kv;
      };
      const a = await step('create a', () => store.create(key('a'), '1'));
      await step('create b', () => store.create(key('b'), '1'));
      await step('update a', () => store.update(key('a'), '2', a.modRevision));
      await step('delete b', async () => void (await store.delete(key('b'))));
      const b = await step('create b again', () => store.create(key('b'), '2'));
      await step('update b', () => store.update(key('b'), '3', b.modRevision));
      await step('delete a', async () => void (await store.delete(key('a'))));
    },
  },
  {
    name: 'a failed write takes no revision',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const live = await store.create(key('live'), 'v1');
      const failures: Array<[StoreErrorCode, string, () => Promise<unknown>]> = [
        ['KeyExists', 'create of a live key', () => store.create(key('live'), 'v')],
        [
          'Conflict',
          'update with a stale revision',
          () => store.update(key('live'), 'v', live.modRevision - 1),
        ],
        ['NotFound', 'update of a missing key', () => store.update(key('missing'), 'v', live.modRevision)],
        ['Conflict', 'delete with a stale revision', () => store.delete(key('live'), live.modRevision + 1)],
        ['NotFound', 'delete of a missing key', () => store.delete(key('missing'))],
        [
          'TooLarge',
          'create of a value over the limit',
          () => store.create(key('big'), 'x'.repeat(MAX_VALUE_BYTES + 1)),
        ],
        ['InvalidKey', 'create of a key without a leading slash', () => store.create('no-slash', 'v')],
      ];
      for (const [code, what, action] of failures) {
        await expectStoreError(code, what, action);
        assert.equal(await store.currentRevision(), live.modRevision, `${what} took a revision`);
      }
      const next = await store.create(key('next'), 'v');
      assert.equal(next.modRevision, live.modRevision + 1, 'the next successful write skipped a revision');
    },
  },
  {
    name: 'list without a revision reports the current revision, also for an empty prefix',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      await store.create(key('a'), 'v');
      const current = await store.currentRevision();
      assert.equal((await store.list(key(''))).revision, current);
      assert.equal((await store.list(key('nothing-here/'))).revision, current);
      assert.equal((await store.list(key(''), { revision: 0 })).revision, current);
    },
  },
];
