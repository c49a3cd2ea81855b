import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError, type StoreEvent } from '@capstan/core';
import { filter, firstValueFrom, takeWhile, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const childScript = fileURLToPath(new URL('./sqlite-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'capstan-sqlite-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** ChangeEvent is a put or delete event. */
type ChangeEvent = Exclude<StoreEvent, { type: 'progress' }>;

/** Child is a running sqlite-child process and the complete lines it has printed so far. */
interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves once the process has exited and its output is closed, with the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** startChild runs sqlite-child.ts with tsx; `onLine` sees every complete line of its stdout. */
function startChild(args: string[], onLine: (line: string, child: Child) => void): Child {
  const proc = spawn(
    process.execPath,
    [
      // Carry --experimental-sqlite over on Node versions that still need it.
      ...process.execArgv.filter((flag) => flag === '--experimental-sqlite'),
      '--import',
      'tsx',
      '--conditions=@capstan/source',
      childScript,
      ...args,
    ],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  let partial = '';
  const child: Child = {
    process: proc,
    lines: [],
    exited: new Promise((resolve) => {
      proc.on('close', (code, signal) => resolve({ code, signal, stderr }));
    }),
  };
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    // A line cut short by SIGKILL has no newline and is never counted.
    const pieces = (partial + chunk).split('\n');
    partial = pieces.pop()!;
    for (const line of pieces) {
      child.lines.push(line);
      onLine(line, child);
    }
  });
  return child;
}

/** Ack is one write the child reported as acknowledged. */
interface Ack {
  revision: number;
  key: string;
  value: string;
}

function parseAck(line: string): Ack {
  const [revision, key, value] = line.split(' ');
  return { revision: Number(revision), key: key!, value: value! };
}

/** history returns the changes under `prefix` in `(after, upto]`, read through a watch. */
function history(store: SqliteStore, prefix: string, after: number, upto: number): Promise<ChangeEvent[]> {
  return firstValueFrom(
    store.watch(prefix, after).pipe(
      filter((event): event is ChangeEvent => event.type !== 'progress'),
      takeWhile((event) => event.kv.modRevision < upto, true),
      toArray(),
    ),
  );
}

describe('SqliteStore across processes', () => {
  it('keeps every acknowledged write when the writing process is killed mid-stream', async () => {
    const path = join(dir, 'crash', 'state.db');
    let start = 0;
    for (let run = 0; run < 5; run++) {
      const prefix = `/crash/${run}/`;
      const killAfter = 50 + Math.floor(Math.random() * 3000);
      const child = startChild([path, 'write', prefix], (_, c) => {
        if (c.lines.length === killAfter) c.process.kill('SIGKILL');
      });
      const { signal, stderr } = await child.exited;
      expect(signal, `run ${run}: the child ended on its own: ${stderr}`).toBe('SIGKILL');
      const acks = child.lines.map(parseAck);
      expect(acks.length).toBeGreaterThanOrEqual(killAfter);

      const store = await SqliteStore.open(path, { compaction: false });
      const current = await store.currentRevision();
      const events = await history(store, prefix, start, current);
      // The history is there, contiguous: every revision since the run started, once, in order.
      expect(events.map((e) => e.kv.modRevision)).toEqual(
        Array.from({ length: current - start }, (_, i) => start + 1 + i),
      );
      const byRevision = new Map(events.map((e) => [e.kv.modRevision, e]));
      expect(new Set(acks.map((a) => a.revision)).size).toBe(acks.length);
      for (const ack of acks) {
        const event = byRevision.get(ack.revision);
        expect(event?.type === 'put' && [event.kv.key, event.kv.value]).toEqual([ack.key, ack.value]);
      }
      // The live state is where the history leads, and the store takes new writes above it.
      const state = new Map<string, string>();
      for (const event of events) if (event.type === 'put') state.set(event.kv.key, event.kv.value);
      const listed = await store.list(prefix);
      expect(new Map(listed.items.map((kv) => [kv.key, kv.value]))).toEqual(state);
      const next = await store.create(`${prefix}after`, 'v');
      expect(next.modRevision).toBe(current + 1);
      await store.close();
      start = next.modRevision;
    }
  }, 60_000);

  it('refuses to open a file another process holds, and opens it once that process closes it', async () => {
    const path = join(dir, 'held', 'state.db');
    let ready: () => void = () => {};
    const isReady = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const holder = startChild([path, 'hold'], (line) => {
      if (line === 'ready') ready();
    });
    await Promise.race([isReady, holder.exited.then(({ stderr }) => Promise.reject(new Error(stderr)))]);

    const err = await SqliteStore.open(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(StoreError.is(err, 'Unavailable')).toBe(true);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toContain('locked by another process');

    holder.process.stdin!.end();
    expect((await holder.exited).code).toBe(0);
    const store = await SqliteStore.open(path);
    await store.create('/after', 'v');
    await store.close();
  }, 30_000);
});
