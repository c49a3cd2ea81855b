import type { Store } from '../store.js';
import { CaseContext } from './case-context.js';
import { compactionCases } from './compaction-cases.js';
import { concurrencyCases } from './concurrency-cases.js';
import type { ConformanceCase } from './conformance-case.js';
import { crudCases } from './crud-cases.js';
import { lifecycleCases } from './lifecycle-cases.js';
import { listCases } from './list-cases.js';
import { progressCases } from './progress-cases.js';
import { revisionCases } from './revision-cases.js';
import { valueCases } from './value-cases.js';
import { watchCases } from './watch-cases.js';

/** StoreConformanceOptions tells {@link runStoreConformance} how to reach the backend under test. */
export interface StoreConformanceOptions {
  /**
   * open returns a new {@link Store} instance for one case. The instances may share their
   * data (an etcd cluster used by earlier cases) and need not be empty: every case works
   * under a key prefix of its own and only asserts revisions relative to what it observed.
   * The suite closes every store it opened.
   */
  open: () => Promise<Store>;
  /** test registers one case with the test framework, e.g. vitest's `it` or `node:test`'s `test`. */
  test: (name: string, fn: () => Promise<void>, timeoutMs?: number) => void;
  /** Whether the backend emits progress events on idle watches; enables the cases that need them. */
  progress?: boolean;
  /** Whether the backend implements `Store.requestProgress`; enables the case that proves it. */
  requestProgress?: boolean;
}

const allCases: readonly ConformanceCase[] = [
  ...crudCases,
  ...revisionCases,
  ...listCases,
  ...watchCases,
  ...concurrencyCases,
  ...compactionCases,
  ...valueCases,
  ...lifecycleCases,
  ...progressCases,
];

/**
 * runStoreConformance registers, through `options.test`, the cases that prove a backend
 * keeps the {@link Store} contract: create/get/update/delete and each of their failures;
 * one revision per successful write and none per failed one; list order, prefix isolation,
 * paging at a fixed revision and reads at past revisions; watches that deliver every change
 * exactly once and in order (also replayed from the past, also under eight concurrent
 * writers); compaction; the exact value size limit; key validation; close; and, when
 * `options.progress` is set, progress events.
 *
 * Every watch opened by any case also checks, event by event, that keys stay under its
 * prefix, revisions strictly increase, each `prevKv` is the version delivered before it,
 * and nothing arrives at or below the revision of a progress event already delivered.
 *
 * What the suite expects of the environment: nothing else writes to the store while a case
 * runs (cases count revisions exactly), and cases run one at a time. What it expects of the
 * backend beyond the interface: watch errors (`Compacted`, `FutureRevision`, `InvalidKey`,
 * `Closed`) arrive through the Observable rather than being thrown by `watch()`; a value of
 * exactly `MAX_VALUE_BYTES` bytes is accepted (an etcd server needs `--max-request-bytes`
 * above 1.5 MiB for it). Assertions use `node:assert/strict`, so any test framework works:
 *
 * ```ts
 * describe('MyStore', () => runStoreConformance({ open: async () => new MyStore(), test: it }));
 * ```
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  for (const conformanceCase of allCases) {
    if (conformanceCase.needsProgress && !options.progress) continue;
    if (conformanceCase.needsRequestProgress && !options.requestProgress) continue;
    options.test(
      conformanceCase.name,
      async () => {
        const ctx = new CaseContext(await options.open());
        let passed = false;
        try {
          await conformanceCase.run(ctx);
          passed = true;
        } finally {
          await ctx.finish(passed);
        }
      },
      conformanceCase.timeoutMs,
    );
  }
}
