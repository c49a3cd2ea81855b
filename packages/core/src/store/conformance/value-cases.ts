import assert from 'node:assert/strict';
import { MAX_VALUE_BYTES } from '../store.js';
import { CASE_TIMEOUT_MS, type ConformanceCase } from './conformance-case.js';
import { expectStoreError } from './expect-store-error.js';

/** A value of exactly {@link MAX_VALUE_BYTES} bytes of UTF-8 made of three-byte characters. */
const maxMultiByteValue = '\u20ac'.repeat(MAX_VALUE_BYTES / 3);

/** valueCases prove that values round-trip unchanged and that the size limit is exact. */
export const valueCases: ConformanceCase[] = [
  {
    name: 'values round-trip unchanged through create, update, get, list and watch',
    timeoutMs: CASE_TIMEOUT_MS,
    async run(ctx) {
      const { store, key } = ctx;
      const table: Array<[string, string]> = [
        ['empty', ''],
        ['ASCII', 'hello'],
        ['non-ASCII', 'h\u00e9llo w\u00f6rld \u2014 \u65e5\u672c\u8a9e \u2713 \u{1f600}'],
        ['control characters and quotes', 'a\u0000b\n\tc"d\\e\'f\r\n'],
        ['JSON', JSON.stringify({ kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web' } } })],
        ['whitespace only', '   '],
      ];
      const start = await store.currentRevision();
      const recorder = ctx.watch(key(''), start);
      let last = start;
      for (const [what, value] of table) {
        const created = await store.create(key(what), value);
        assert.equal(created.value, value, `${what}: create result`);
        assert.equal((await store.get(key(what)))?.value, value, `${what}: get after create`);
        const updated = await store.update(key(what), `${value}${value}`, created.modRevision);
        assert.equal(updated.value, `${value}${value}`, `${what}: update result`);
        const restored = await store.update(key(what), value, updated.modRevision);
        last = restored.modRevision;
      }
      const listed = await store.list(key(''));
      for (const [what, value] of table) {
        assert.equal(listed.items.find((kv) => kv.key === key(what))?.value, value, `${what}: list`);
      }
      await recorder.untilRevision(last);
      for (const [what, value] of table) {
        const values = recorder.changes
          .filter((event) => event.kv.key === key(what))
          .map((event) => event.kv.value);
        assert.deepEqual(values, [value, `${value}${value}`, value], `${what}: watch`);
      }
    },
  },
  {
    name: 'a value of exactly MAX_VALUE_BYTES round-trips',
    timeoutMs: 30_000,
    async run(ctx) {
      const { store, key } = ctx;
      const start = await store.currentRevision();
      const recorder = ctx.watch(key(''), start);
      const ascii = 'x'.repeat(MAX_VALUE_BYTES);
      const created = await store.create(key('big'), ascii);
      assert.equal((await store.get(key('big')))?.value, ascii);
      const updated = await store.update(key('big'), maxMultiByteValue, created.modRevision);
      assert.equal((await store.get(key('big')))?.value, maxMultiByteValue);
      assert.equal((await store.list(key(''))).items[0]?.value, maxMultiByteValue);
      await recorder.untilRevision(updated.modRevision, 20_000);
      assert.equal(recorder.changes[0]?.kv.value, ascii);
      assert.equal(recorder.changes[1]?.kv.value, maxMultiByteValue);
    },
  },
  {
    name: 'a value one byte over MAX_VALUE_BYTES fails with TooLarge and writes nothing',
    timeoutMs: 30_000,
    async run(ctx) {
      const { store, key } = ctx;
      const before = await store.currentRevision();
      await expectStoreError('TooLarge', 'create of MAX_VALUE_BYTES + 1 ASCII bytes', () =>
        store.create(key('big'), 'x'.repeat(MAX_VALUE_BYTES + 1)),
      );
      assert.equal(await store.get(key('big')), undefined);
      assert.equal(await store.currentRevision(), before, 'the rejected create took a revision');

      const small = await store.create(key('small'), 'v');
      await expectStoreError('TooLarge', 'update to MAX_VALUE_BYTES + 1 bytes of multi-byte text', () =>
        store.update(key('small'), `${maxMultiByteValue}x`, small.modRevision),
      );
      assert.equal((await store.get(key('small')))?.value, 'v');
      assert.equal(await store.currentRevision(), small.modRevision, 'the rejected update took a revision');
    },
  },
];
