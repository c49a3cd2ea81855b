/**
 * bench/store.ts — `npm run bench:store`.
 *
 * Measures every Store backend and, in the same run, the anchors they are judged against:
 * raw etcd3 puts on the same etcd server, and raw node:sqlite inserts with the same
 * durability (WAL, synchronous=FULL). Prints a Markdown table for docs/benchmarks.md.
 *
 * Flags: --quick (small counts, for a smoke run), --only=memory,sqlite,etcd,anchors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Store } from '@capstan/core';
import { EtcdStore, MemoryStore, SqliteStore } from '@capstan/store';
import { Etcd3 } from 'etcd3';
import { etcdAvailability, startEtcd } from '../packages/store/src/internal/etcd-process.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = [...args]
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wants = (name: string) => !only || only.includes(name);

const CONCURRENCY = 64;
const VALUE = JSON.stringify({ kind: 'Pod', apiVersion: 'v1', pad: 'x'.repeat(440) }); // ≈ 500 bytes, a small Pod
/** Each phase stops at whichever comes first: its operation count or its time budget. */
const BUDGET_MS = quick ? 1_000 : 5_000;

interface Row {
  subject: string;
  seqWrites?: number;
  concWrites?: number;
  reads?: number;
  watchP50?: number;
  watchP99?: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `op(i)` from `workers` concurrent loops until `count` ops or the time budget; returns ops/s. */
async function rate(count: number, workers: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const deadline = start + BUDGET_MS;
  const loop = async () => {
    while (next < count && performance.now() < deadline) await op(next++);
  };
  await Promise.all(Array.from({ length: workers }, loop));
  return next / ((performance.now() - start) / 1000);
}

let runId = 0;
async function measureStore(subject: string, store: Store, scale: number): Promise<Row> {
  const base = `/bench/${process.pid}-${++runId}`;
  const n = (full: number) => Math.max(100, Math.floor((quick ? full / 20 : full) * scale));

  const seqWrites = await rate(n(5_000), 1, (i) => store.create(`${base}/seq/${i}`, VALUE));

  // Concurrent writes, with one watcher measuring the delay from issuing a write to receiving its event.
  const issued = new Map<string, number>();
  const delays: number[] = [];
  const sub = store.watch(`${base}/conc/`, await store.currentRevision()).subscribe((ev) => {
    if (ev.type !== 'put') return;
    const t = issued.get(ev.kv.key);
    if (t !== undefined) delays.push(performance.now() - t);
  });
  const concWrites = await rate(n(200_000), CONCURRENCY, (i) => {
    const key = `${base}/conc/${i}`;
    issued.set(key, performance.now());
    return store.create(key, VALUE);
  });
  const waitUntil = performance.now() + 5_000;
  while (delays.length < issued.size && performance.now() < waitUntil)
    await new Promise((r) => setTimeout(r, 10));
  sub.unsubscribe();
  delays.sort((a, b) => a - b);

  const written = Math.max(1, issued.size);
  const reads = await rate(n(100_000), CONCURRENCY, (i) => store.get(`${base}/conc/${i % written}`));
  return {
    subject,
    seqWrites,
    concWrites,
    reads,
    watchP50: percentile(delays, 50),
    watchP99: percentile(delays, 99),
  };
}

function rawSqlite(dir: string): Row {
  const db = new DatabaseSync(join(dir, 'raw.db'));
  db.exec('PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
  const count = quick ? 500 : 5_000;
  let done = 0;
  const start = performance.now();
  while (done < count && performance.now() - start < BUDGET_MS) insert.run(`/raw/${done++}`, VALUE);
  const seqWrites = done / ((performance.now() - start) / 1000);
  db.close();
  return { subject: 'anchor: raw node:sqlite inserts (autocommit, WAL, synchronous=FULL)', seqWrites };
}

/**
 * etcdPairs measures EtcdStore creates against raw etcd3 puts on the same server in alternating
 * rounds (store, raw, store, raw …) and keeps the median of each, so that load from elsewhere on a
 * shared machine falls on both sides of the ratio alike.
 */
async function etcdPairs(endpoints: string[]): Promise<{ store: Row; raw: Row }> {
  const client = new Etcd3({ hosts: endpoints });
  const store = await EtcdStore.connect(endpoints);
  const rounds = quick ? 1 : 5;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const samples = {
    storeSeq: [] as number[],
    rawSeq: [] as number[],
    storeConc: [] as number[],
    rawConc: [] as number[],
  };
  try {
    for (let r = 0; r < rounds; r++) {
      const base = `/pairs/${process.pid}/${r}`;
      samples.storeSeq.push(
        await rate(quick ? 200 : 1_500, 1, (i) => store.create(`${base}/s-seq/${i}`, VALUE)),
      );
      samples.rawSeq.push(
        await rate(quick ? 200 : 1_500, 1, (i) => client.put(`${base}/r-seq/${i}`).value(VALUE).exec()),
      );
      samples.storeConc.push(
        await rate(quick ? 1_000 : 8_000, CONCURRENCY, (i) => store.create(`${base}/s-conc/${i}`, VALUE)),
      );
      samples.rawConc.push(
        await rate(quick ? 1_000 : 8_000, CONCURRENCY, (i) =>
          client.put(`${base}/r-conc/${i}`).value(VALUE).exec(),
        ),
      );
    }
  } finally {
    await store.close();
    client.close();
  }
  return {
    store: {
      subject: `EtcdStore creates, median of ${rounds} alternating rounds`,
      seqWrites: median(samples.storeSeq),
      concWrites: median(samples.storeConc),
    },
    raw: {
      subject: `anchor: raw etcd3 puts, same etcd, median of ${rounds} alternating rounds`,
      seqWrites: median(samples.rawSeq),
      concWrites: median(samples.rawConc),
    },
  };
}

const fmt = (v: number | undefined, digits = 0) =>
  v === undefined || Number.isNaN(v) ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits });

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-bench-'));
  const rows: Row[] = [];
  try {
    if (wants('memory')) {
      const store = new MemoryStore({ compaction: false });
      rows.push(await measureStore('MemoryStore', store, 1));
      await store.close();
    }
    if (wants('sqlite')) {
      const store = await SqliteStore.open(join(dir, 'state.db'), { compaction: false });
      rows.push(await measureStore('SqliteStore', store, 1));
      await store.close();
    }
    if (wants('anchors') || wants('sqlite')) rows.push(rawSqlite(dir));
    const etcdMissing = etcdAvailability().reason;
    if (etcdMissing !== undefined && (wants('etcd') || wants('anchors'))) {
      console.log(`skipping EtcdStore and the raw etcd anchor: ${etcdMissing}`);
    } else if (wants('etcd') || wants('anchors')) {
      const etcd = await startEtcd();
      try {
        if (wants('etcd')) {
          const store = await EtcdStore.connect(etcd.endpoints);
          rows.push(await measureStore('EtcdStore (all phases)', store, 0.25));
          await store.close();
        }
        const pairs = await etcdPairs(etcd.endpoints);
        rows.push(pairs.store, pairs.raw);
      } finally {
        await etcd.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `\nnode ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${quick ? 'quick' : 'full'} run, ${new Date().toISOString()}\n`,
  );
  console.log(
    '| subject | writes/s sequential | writes/s 64 writers | reads/s 64 readers | watch p50 ms | watch p99 ms |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.subject} | ${fmt(r.seqWrites)} | ${fmt(r.concWrites)} | ${fmt(r.reads)} | ${fmt(r.watchP50, 2)} | ${fmt(r.watchP99, 2)} |`,
    );
  }
  const get = (s: string) => rows.find((r) => r.subject.startsWith(s));
  const sqlite = get('SqliteStore');
  const etcdStore = get('EtcdStore creates');
  const raw = get('anchor: raw etcd3');
  const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
  console.log('\nratios:');
  console.log(
    `- SqliteStore 64 writers / raw etcd3 puts 64 writers: ${ratio(sqlite?.concWrites, raw?.concWrites)}`,
  );
  console.log(
    `- SqliteStore 64 writers / raw etcd3 puts sequential: ${ratio(sqlite?.concWrites, raw?.seqWrites)}`,
  );
  console.log(
    `- raw etcd3 puts / EtcdStore creates, sequential: ${ratio(raw?.seqWrites, etcdStore?.seqWrites)}`,
  );
  console.log(
    `- raw etcd3 puts / EtcdStore creates, 64 writers: ${ratio(raw?.concWrites, etcdStore?.concWrites)}`,
  );
}

await main();
