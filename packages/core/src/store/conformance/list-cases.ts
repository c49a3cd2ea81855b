import assert from 'node:assert/strict';
import type { KeyValue, ListOptions, Store } from '../store.js';
import { CASE_TIMEOUT_MS, type ConformanceCase } from './conformance-case.js';
import { expectStoreError } from './expect-store-error.js';
import { plainKeyValue } from './plain-shape.js';

/** listKeys lists `prefix` and returns just the keys. */
async function listKeys(store: Store, prefix: string, opts?: ListOptions): Promise<string[]> {
  const page = await store.list(prefix, opts);
  return page.items.map((kv) => kv.key);
}

/** plainItems strips a page's items down to their contract fields. */
function plainItems(items: KeyValue[]): Array<KeyValue | undefined> {
  return items.map(plainKeyValue);
}

/** listCases prove key order, prefix isolation, paging, and reads at past revisions. */
export const listCases: ConformanceCase[] = [
  {
    name: 'list returns the live keys under the prefix in ascending key order, as whole versions',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const names = ['b', 'a', 'a/b', 'a-', 'A', 'z', '\u00e9', '~', 'ab', 'a/a', '0', 'a.b'];
      const created = new Map<string, KeyValue>();
      for (const name of names) created.set(key(name), await store.create(key(name), `value of ${name}`));
      const page = await store.list(key(''));
      const sorted = [...created.keys()].sort();
      assert.deepEqual(
        page.items.map((kv) => kv.key),
        sorted,
      );
      assert.deepEqual(
        plainItems(page.items),
        sorted.map((k) => plainKeyValue(created.get(k))),
      );
      assert.equal(page.more, false);
      assert.equal(page.revision, await store.currentRevision());
    },
  },
  {
    name: 'list sees only keys that start with the prefix',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      for (const name of ['a', 'a/1', 'a/2', 'ab', 'ab/1', 'b']) await store.create(key(name), name);
      const table: Array<[string, string[]]> = [
        ['a/', ['a/1', 'a/2']],
        ['a', ['a', 'a/1', 'a/2', 'ab', 'ab/1']],
        ['ab/', ['ab/1']],
        ['a/1', ['a/1']],
        ['c/', []],
      ];
      for (const [prefix, expected] of table) {
        assert.deepEqual(await listKeys(store, key(prefix)), expected.map(key), `list of ${prefix}`);
      }
    },
  },
  {
    name: 'list leaves out deleted keys',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      for (const name of ['a', 'b', 'c']) await store.create(key(name), name);
      await store.delete(key('b'));
      assert.deepEqual(await listKeys(store, key('')), [key('a'), key('c')]);
    },
  },
  {
    name: 'list pages with limit, startAfter and more',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const names = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
      for (const name of names) await store.create(key(name), name);
      const all = names.map(key);

      const seen: string[] = [];
      const pages: Array<{ count: number; more: boolean }> = [];
      let startAfter: string | undefined;
      let revision: number | undefined;
      for (let i = 0; i < names.length; i++) {
        const opts: ListOptions = { limit: 3 };
        if (startAfter !== undefined) opts.startAfter = startAfter;
        if (revision !== undefined) opts.revision = revision;
        const page = await store.list(key(''), opts);
        if (revision !== undefined) assert.equal(page.revision, revision, 'a page at a fixed revision');
        revision = page.revision;
        seen.push(...page.items.map((kv) => kv.key));
        pages.push({ count: page.items.length, more: page.more });
        if (!page.more) break;
        startAfter = page.items.at(-1)?.key;
      }
      assert.deepEqual(pages, [
        { count: 3, more: true },
        { count: 3, more: true },
        { count: 1, more: false },
      ]);
      assert.deepEqual(seen, all);

      const table: Array<[string, ListOptions, string[], boolean]> = [
        ['limit equal to the count', { limit: 7 }, all, false],
        ['limit one below the count', { limit: 6 }, all.slice(0, 6), true],
        ['limit above the count', { limit: 100 }, all, false],
        ['limit 0 means no limit', { limit: 0 }, all, false],
        ['startAfter a key that does not exist', { startAfter: key('k2x') }, all.slice(3), false],
        [
          'startAfter with a limit that reaches the end',
          { startAfter: key('k3'), limit: 3 },
          all.slice(4),
          false,
        ],
        ['startAfter the last key', { startAfter: key('k6') }, [], false],
        [
          'startAfter a key before the prefix',
          { startAfter: key('').slice(0, -1), limit: 2 },
          all.slice(0, 2),
          true,
        ],
      ];
      for (const [what, opts, keys, more] of table) {
        const page = await store.list(key(''), opts);
        assert.deepEqual(
          page.items.map((kv) => kv.key),
          keys,
          what,
        );
        assert.equal(page.more, more, `${what}: more`);
      }
    },
  },
  {
    name: 'paging at a fixed revision ignores writes made between pages',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const created = new Map<string, KeyValue>();
      for (const name of ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'])
        created.set(name, await store.create(key(name), name));
      const first = await store.list(key(''), { limit: 3 });
      assert.deepEqual(
        first.items.map((kv) => kv.key),
        ['k0', 'k1', 'k2'].map(key),
      );
      assert.equal(first.more, true);

      await store.update(key('k3'), 'changed', created.get('k3')!.modRevision);
      await store.delete(key('k4'));
      await store.create(key('k3a'), 'new');
      await store.create(key('k6'), 'new');
      await store.delete(key('k1'));

      const second = await store.list(key(''), { limit: 3, startAfter: key('k2'), revision: first.revision });
      assert.equal(second.revision, first.revision);
      assert.deepEqual(
        plainItems(second.items),
        ['k3', 'k4', 'k5'].map((name) => plainKeyValue(created.get(name))),
      );
      assert.equal(second.more, false);

      assert.deepEqual(await listKeys(store, key('')), ['k0', 'k2', 'k3', 'k3a', 'k5', 'k6'].map(key));
    },
  },
  {
    name: 'list at a past revision returns the state at that revision',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      const a1 = await store.create(key('a'), 'a1');
      const b1 = await store.create(key('b'), 'b1');
      const past = await store.currentRevision();
      await store.update(key('a'), 'a2', a1.modRevision);
      await store.delete(key('b'));
      await store.create(key('c'), 'c1');
      await store.create(key('b'), 'b2');

      const page = await store.list(key(''), { revision: past });
      assert.equal(page.revision, past);
      assert.deepEqual(plainItems(page.items), [plainKeyValue(a1), plainKeyValue(b1)]);
      assert.equal(page.more, false);

      assert.deepEqual(plainItems((await store.list(key(''), { revision: a1.modRevision })).items), [
        plainKeyValue(a1),
      ]);
      const paged = await store.list(key(''), { revision: past, limit: 1 });
      assert.deepEqual(plainItems(paged.items), [plainKeyValue(a1)]);
      assert.equal(paged.more, true, 'more at a past revision counts the keys live then');
      const rest = await store.list(key(''), { revision: past, startAfter: key('a') });
      assert.deepEqual(plainItems(rest.items), [plainKeyValue(b1)]);

      const now = await store.list(key(''));
      assert.deepEqual(
        now.items.map((kv) => [kv.key, kv.value]),
        [
          [key('a'), 'a2'],
          [key('b'), 'b2'],
          [key('c'), 'c1'],
        ],
      );
    },
  },
  {
    name: 'list above the current revision fails with FutureRevision',
    timeoutMs: CASE_TIMEOUT_MS,
    async run({ store, key }) {
      await store.create(key('a'), 'v');
      const current = await store.currentRevision();
      const err = await expectStoreError('FutureRevision', 'list at currentRevision + 1', () =>
        store.list(key(''), { revision: current + 1 }),
      );
      if (err.revision !== undefined) {
        assert.ok(err.revision >= current, `FutureRevision names revision ${err.revision}, below ${current}`);
      }
      assert.deepEqual(await listKeys(store, key(''), { revision: current }), [key('a')]);
    },
  },
];
