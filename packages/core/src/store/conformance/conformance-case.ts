import type { CaseContext } from './case-context.js';

/** CASE_TIMEOUT_MS is the timeout of an ordinary case: generous enough for etcd over loopback. */
export const CASE_TIMEOUT_MS = 20_000;

/** ConformanceCase is one named check of the Store contract. */
export interface ConformanceCase {
  /** The test name, phrased as the rule it proves. */
  name: string;
  /** The case's timeout, for a slow backend. */
  timeoutMs: number;
  /** Whether the case needs progress events (it is left out unless the backend offers them). */
  needsProgress?: boolean;
  /** Whether the case needs `Store.requestProgress` (run only with `options.requestProgress`). */
  needsRequestProgress?: boolean;
  /** run performs the case against a fresh context and fails with an assertion error. */
  run(ctx: CaseContext): Promise<void>;
}
