import { randomUUID } from 'node:crypto';
import type { Store } from '../store.js';
import { WatchRecorder } from './watch-recorder.js';

/**
 * CaseContext is what one conformance case works with: a store from the backend under test
 * and a key prefix of its own (`/conformance/<uuid>/`), so that cases can share a store
 * that already holds data. It tracks the watches the case opens and closes the store once.
 */
export class CaseContext {
  /** The prefix every key of this case lives under; it ends with `/`. */
  readonly prefix = `/conformance/${randomUUID()}/`;
  private readonly recorders: WatchRecorder[] = [];
  private closing: Promise<void> | undefined;

  constructor(readonly store: Store) {}

  /** key returns `name` under the case's prefix (an arrow, so it can be destructured). */
  readonly key = (name: string): string => this.prefix + name;

  /** watch opens a {@link WatchRecorder} whose rules are asserted when the case ends. */
  watch(prefix: string, afterRevision: number): WatchRecorder {
    const recorder = new WatchRecorder(this.store, prefix, afterRevision);
    this.recorders.push(recorder);
    return recorder;
  }

  /** closeStore closes the store, once, however often it is called. */
  closeStore(): Promise<void> {
    this.closing ??= this.store.close();
    return this.closing;
  }

  /**
   * finish stops every watch and closes the store. After a passing case it also asserts that
   * no watch broke a rule; after a failing one it only cleans up, keeping the first failure.
   */
  async finish(passed: boolean): Promise<void> {
    for (const recorder of this.recorders) recorder.stop();
    if (!passed) {
      await this.closeStore().catch(() => undefined);
      return;
    }
    await this.closeStore();
    for (const recorder of this.recorders) recorder.assertHealthy();
  }
}
