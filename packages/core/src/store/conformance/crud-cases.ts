import assert from 'node:assert/strict';
import { CASE_TIMEOUT_MS, type ConformanceCase } from './conformance-case.js';
import { expectStoreError } from './expect-store-error.js';
import { plainKeyValue } from './plain-shape.js';

/** crudCases prove create, get, update and delete, including every way they fail. */
export const crudCases: ConformanceCase[] = [
  {
    name: 'create stores a new key at the next revision and get returns it',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const before = await store.currentRevision();
      const created = await store.create(key('a'), 'v1');
      assert.deepEqual(plainKeyValue(created), {
        key: key('a'),
        value: 'v1',
        createRevision: before + 1,
        modRevision: before + 1,
      });
      assert.deepEqual(plainKeyValue(await store.get(key('a'))), plainKeyValue(created));
      assert.equal(await store.currentRevision(), created.modRevision);
    },
  },
  {
    name: 'create of a live key fails with KeyExists and changes nothing',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const created = await store.create(key('a'), 'v1');
      await expectStoreError('KeyExists', 'create of a live key', () => store.create(key('a'), 'v2'));
      assert.deepEqual(plainKeyValue(await store.get(key('a'))), plainKeyValue(created));
      assert.equal(await store.currentRevision(), created.modRevision, 'the failed create took a revision');
    },
  },
  {
    name: 'get of a missing key returns undefined, even when keys with that prefix exist',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      assert.equal(await store.get(key('missing')), undefined);
      await store.create(key('ab'), 'v');
      await store.create(key('a/b'), 'v');
      assert.equal(await store.get(key('a')), undefined);
    },
  },
  {
    name: 'update with the current modRevision replaces the value and keeps createRevision',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const created = await store.create(key('a'), 'v1');
      const updated = await store.update(key('a'), 'v2', created.modRevision);
      assert.deepEqual(plainKeyValue(updated), {
        key: key('a'),
        value: 'v2',
        createRevision: created.createRevision,
        modRevision: created.modRevision + 1,
      });
      assert.deepEqual(plainKeyValue(await store.get(key('a'))), plainKeyValue(updated));
      const again = await store.update(key('a'), 'v2', updated.modRevision);
      assert.equal(
        again.modRevision,
        updated.modRevision + 1,
        'an update to the same value is still a write',
      );
      assert.equal(again.createRevision, created.createRevision);
    },
  },
  {
    name: 'update with a stale or future modRevision fails with Conflict and changes nothing',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const created = await store.create(key('a'), 'v1');
      const updated = await store.update(key('a'), 'v2', created.modRevision);
      for (const expected of [created.modRevision, updated.modRevision + 1000]) {
        await expectStoreError('Conflict', `update expecting revision ${expected}`, () =>
          store.update(key('a'), 'v3', expected),
        );
      }
      assert.deepEqual(plainKeyValue(await store.get(key('a'))), plainKeyValue(updated));
      assert.equal(await store.currentRevision(), updated.modRevision, 'a failed update took a revision');
    },
  },
  {
    name: 'update of a missing or deleted key fails with NotFound and changes nothing',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const before = await store.currentRevision();
      await expectStoreError('NotFound', 'update of a missing key', () =>
        store.update(key('missing'), 'v', Math.max(before, 1)),
      );
      const created = await store.create(key('a'), 'v1');
      await store.delete(key('a'));
      const afterDelete = await store.currentRevision();
      await expectStoreError('NotFound', 'update of a deleted key with its last modRevision', () =>
        store.update(key('a'), 'v2', created.modRevision),
      );
      assert.equal(await store.get(key('a')), undefined);
      assert.equal(await store.currentRevision(), afterDelete, 'a failed update took a revision');
    },
  },
  {
    name: 'delete removes the key at the next revision and returns the version it removed',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const created = await store.create(key('a'), 'v1');
      const updated = await store.update(key('a'), 'v2', created.modRevision);
      const removed = await store.delete(key('a'));
      assert.deepEqual(plainKeyValue(removed), plainKeyValue(updated));
      assert.equal(await store.get(key('a')), undefined);
      assert.equal(await store.currentRevision(), updated.modRevision + 1);

      const other = await store.create(key('b'), 'v1');
      const removedExpected = await store.delete(key('b'), other.modRevision);
      assert.deepEqual(plainKeyValue(removedExpected), plainKeyValue(other));
      assert.equal(await store.get(key('b')), undefined);
      assert.equal(await store.currentRevision(), other.modRevision + 1);
    },
  },
  {
    name: 'delete with a stale modRevision fails with Conflict and keeps the key',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const created = await store.create(key('a'), 'v1');
      const updated = await store.update(key('a'), 'v2', created.modRevision);
      await expectStoreError('Conflict', 'delete expecting a stale revision', () =>
        store.delete(key('a'), created.modRevision),
      );
      assert.deepEqual(plainKeyValue(await store.get(key('a'))), plainKeyValue(updated));
      assert.equal(await store.currentRevision(), updated.modRevision, 'a failed delete took a revision');
    },
  },
  {
    name: 'delete of a missing or already deleted key fails with NotFound',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      await expectStoreError('NotFound', 'delete of a missing key', () => store.delete(key('missing')));
      const created = await store.create(key('a'), 'v1');
      await store.delete(key('a'));
      const afterDelete = await store.currentRevision();
      await expectStoreError('NotFound', 'a second delete', () => store.delete(key('a')));
      await expectStoreError('NotFound', 'a second delete with the removed modRevision', () =>
        store.delete(key('a'), created.modRevision),
      );
      assert.equal(await store.currentRevision(), afterDelete, 'a failed delete took a revision');
    },
  },
  {
    name: 'create after delete starts a new key with a new createRevision',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const first = await store.create(key('a'), 'v1');
      await store.delete(key('a'));
      const deletedAt = await store.currentRevision();
      const second = await store.create(key('a'), 'v2');
      assert.deepEqual(plainKeyValue(second), {
        key: key('a'),
        value: 'v2',
        createRevision: deletedAt + 1,
        modRevision: deletedAt + 1,
      });
      assert.ok(second.createRevision > first.createRevision);
      await expectStoreError('Conflict', 'update expecting the first incarnation', () =>
        store.update(key('a'), 'v3', first.modRevision),
      );
      assert.deepEqual(plainKeyValue(await store.get(key('a'))), plainKeyValue(second));
    },
  },
];
