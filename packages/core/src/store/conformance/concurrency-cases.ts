import assert from 'node:assert/strict';
import type { KeyValue } from '../store.js';
import { StoreError } from '../store-error.js';
import type { ConformanceCase } from './conformance-case.js';
import { describeKeyValue, plainEvent, sameKeyValue } from './plain-shape.js';
import type { ChangeEvent, WatchRecorder } from './watch-recorder.js';

const WRITERS = 8;
const OPS_PER_WRITER = 40;
const KEYS = 6;
const WAIT_MS = 30_000;

/** Ack is a write the store acknowledged: the version a put produced, or the version a delete removed. */
type Ack = { kind: 'put'; kv: KeyValue } | { kind: 'delete'; removed: KeyValue };

/** pick returns a random element of `items`. */
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** yieldTurn lets other writers and the store's I/O run, so that writes interleave differently each run. */
function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * foldEvents replays a watch's changes from an empty prefix and returns the state they
 * lead to, failing on any change that does not follow from the state before it.
 */
function foldEvents(changes: readonly ChangeEvent[]): Map<string, KeyValue> {
  const state = new Map<string, KeyValue>();
  for (const event of changes) {
    const before = state.get(event.kv.key);
    const isCreate = event.type === 'put' && event.prevKv === undefined;
    if (isCreate) {
      assert.equal(before, undefined, `create of ${describeKeyValue(event.kv)} while the key was live`);
    } else {
      assert.ok(
        sameKeyValue(before, event.prevKv),
        `${event.type} of ${event.kv.key} replaced ${describeKeyValue(event.prevKv)}, but the state held ${describeKeyValue(before)}`,
      );
    }
    if (event.type === 'put') state.set(event.kv.key, event.kv);
    else state.delete(event.kv.key);
  }
  return state;
}

/** concurrencyCases prove that watches lose, duplicate and reorder nothing while many writers race. */
export const concurrencyCases: ConformanceCase[] = [
  {
    name: `watch has no gaps under ${WRITERS} concurrent writers racing on ${KEYS} keys`,
    timeoutMs: 60_000,
    async run(ctx) {
      const { store, key } = ctx;
      const keys = Array.from({ length: KEYS }, (_, i) => key(`k${i}`));
      const start = await store.currentRevision();
      const early = ctx.watch(key(''), start);
      let late: WatchRecorder | undefined;
      const acks: Ack[] = [];
      const failures = new Map<string, number>();

      const attempt = async (writer: number, op: number): Promise<void> => {
        const k = pick(keys);
        const value = `writer ${writer} op ${op}`;
        const current = await store.get(k);
        const roll = Math.random();
        if (current === undefined) {
          acks.push({ kind: 'put', kv: await store.create(k, value) });
        } else if (roll < 0.45) {
          acks.push({ kind: 'put', kv: await store.update(k, value, current.modRevision) });
        } else if (roll < 0.6) {
          await store.update(k, value, current.modRevision - 1);
          assert.fail(`update of ${k} expecting a revision it never had succeeded`);
        } else if (roll < 0.8) {
          acks.push({ kind: 'delete', removed: await store.delete(k, current.modRevision) });
        } else {
          acks.push({ kind: 'delete', removed: await store.delete(k) });
        }
      };
      const writer = async (writer: number): Promise<void> => {
        for (let op = 0; op < OPS_PER_WRITER; op++) {
          if (writer === 0 && op === OPS_PER_WRITER / 2) {
            const now = await store.currentRevision();
            late = ctx.watch(key(''), start + Math.floor((now - start) / 2));
          }
          try {
            await attempt(writer, op);
          } catch (err) {
            if (
              !StoreError.is(err, 'KeyExists') &&
              !StoreError.is(err, 'Conflict') &&
              !StoreError.is(err, 'NotFound')
            ) {
              throw err;
            }
            failures.set(err.code, (failures.get(err.code) ?? 0) + 1);
          }
          if (Math.random() < 0.3) await yieldTurn();
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
      const sentinel = await store.create(key('sentinel'), 'end');
      assert.ok(late, 'the late watch was opened');
      await early.untilRevision(sentinel.modRevision, WAIT_MS);
      await late.untilRevision(sentinel.modRevision, WAIT_MS);

      const changes = early.changes.slice(0, -1);
      assert.deepEqual(
        early.changes.map((event) => event.kv.modRevision),
        Array.from({ length: sentinel.modRevision - start }, (_, i) => start + 1 + i),
        'the watch must deliver every revision between its start and the last write exactly once, in order',
      );
      assert.equal(changes.length, acks.length, 'one change per acknowledged write');
      const byRevision = new Map(changes.map((event) => [event.kv.modRevision, event]));
      const deletes = new Map(
        changes.flatMap((event) =>
          event.type === 'delete' ? [[`${event.kv.key}@${event.prevKv.modRevision}`, event] as const] : [],
        ),
      );
      for (const ack of acks) {
        if (ack.kind === 'put') {
          const event = byRevision.get(ack.kv.modRevision);
          assert.ok(
            event?.type === 'put' && sameKeyValue(event.kv, ack.kv),
            `the acknowledged write ${describeKeyValue(ack.kv)} is not what the watch delivered at its revision`,
          );
        } else {
          const event = deletes.get(`${ack.removed.key}@${ack.removed.modRevision}`);
          assert.ok(
            event && sameKeyValue(event.prevKv, ack.removed),
            `the acknowledged delete of ${describeKeyValue(ack.removed)} was not delivered`,
          );
        }
      }

      const state = foldEvents(early.changes);
      const listed = await store.list(key(''), { revision: sentinel.modRevision });
      assert.deepEqual(
        listed.items.map((kv) => describeKeyValue(kv)),
        [...state.values()].sort((a, b) => (a.key < b.key ? -1 : 1)).map((kv) => describeKeyValue(kv)),
        'the state the watch describes is the state list returns',
      );

      assert.deepEqual(
        late.plainChanges(),
        early.changes.filter((event) => event.kv.modRevision > late!.afterRevision).map(plainEvent),
        'a watch opened mid-way from a past revision sees the same sequence from there',
      );
      const failed = [...failures.values()].reduce((sum, n) => sum + n, 0);
      assert.ok(failed > 0 && acks.length > 0, `writers raced (${acks.length} writes, ${failed} rejected)`);
    },
  },
];
