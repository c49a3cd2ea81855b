/**
 * sqlite-child is the child process of the SQLite integration tests
 * (`sqlite-store.int.test.ts`), run with tsx: `sqlite-child.ts <path> hold | write <prefix>`.
 *
 * - `hold` opens the store, prints `ready`, and keeps it open until stdin ends.
 * - `write` runs 64 concurrent writers under `<prefix>` and prints one line per
 *   acknowledged write, `<modRevision> <key> <value>`, until it is killed.
 *
 * Both give up after 30 seconds, so a child whose parent died never lingers.
 */
import type { KeyValue } from '@capstan/core';
import { SqliteStore } from './sqlite-store.js';

const LIFETIME_MS = 30_000;
const WRITERS = 64;

const [path, mode, prefix] = process.argv.slice(2);
if (
  path === undefined ||
  (mode !== 'hold' && mode !== 'write') ||
  (mode === 'write' && prefix === undefined)
) {
  throw new Error('usage: sqlite-child.ts <path> hold | write <prefix>');
}
const store = await SqliteStore.open(path, { compaction: false, progressIntervalMs: 0 });
const deadline = Date.now() + LIFETIME_MS;

if (mode === 'hold') {
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    process.stdin.on('end', resolve).resume();
    setTimeout(resolve, LIFETIME_MS).unref();
  });
} else {
  const writer = async (w: number): Promise<void> => {
    let last: KeyValue | undefined;
    for (let i = 0; Date.now() < deadline; i++) {
      const value = `${w}.${i}.${'x'.repeat(200)}`;
      // Every third write updates the writer's previous key; the others create new keys.
      const kv =
        last !== undefined && i % 3 === 2
          ? await store.update(last.key, value, last.modRevision)
          : await store.create(`${prefix}${w}/${i}`, value);
      // Writes to a pipe are synchronous on Linux: the line is out before the next write starts.
      process.stdout.write(`${kv.modRevision} ${kv.key} ${kv.value}\n`);
      last = kv;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}
await store.close();
