import assert from 'node:assert/strict';
import type { Subscription } from 'rxjs';
import type { KeyValue, Store, StoreEvent } from '../store.js';
import { StoreError, type StoreErrorCode } from '../store-error.js';
import { describeError } from './expect-store-error.js';
import { describeEvent, describeKeyValue, plainEvent, sameKeyValue } from './plain-shape.js';

/** ChangeEvent is a {@link StoreEvent} that reports a write (`put` or `delete`). */
export type ChangeEvent = Exclude<StoreEvent, { type: 'progress' }>;

/** DEFAULT_WAIT_MS bounds every wait for a watch, well inside a case's own timeout. */
export const DEFAULT_WAIT_MS = 10_000;

/**
 * WatchRecorder subscribes to one watch and records what it delivers, checking every event
 * as it arrives against the rules that hold for any watch:
 *
 * - keys are under the watched prefix;
 * - change revisions are above `afterRevision`, strictly increasing, and above every
 *   progress revision already delivered (nothing arrives "behind" a bookmark);
 * - progress revisions never fall below what was already delivered;
 * - `put`/`delete` events have the agreed shape (a create has no `prevKv`, an update and a
 *   delete carry the replaced version, a delete repeats its last value and createRevision);
 * - each `prevKv` is exactly the version this watch delivered last for that key, so a
 *   dropped or reordered event shows up as a broken chain.
 *
 * Broken rules are collected in `violations`; every wait fails as soon as there is one.
 */
export class WatchRecorder {
  /** The put and delete events, in delivery order. */
  readonly changes: ChangeEvent[] = [];
  /** The revisions of the progress events, in delivery order. */
  readonly progress: number[] = [];
  /** The broken rules, in the order they were seen. */
  readonly violations: string[] = [];
  /** The error the watch ended with, if it ended with one. */
  error: unknown;
  /** Whether the watch ended with an error. */
  failed = false;
  /** Whether the watch completed. */
  completed = false;

  private delivered: number;
  private readonly lastSeen = new Map<string, KeyValue | null>();
  private readonly listeners = new Set<() => void>();
  private readonly subscription: Subscription | undefined;

  constructor(
    store: Store,
    readonly prefix: string,
    readonly afterRevision: number,
  ) {
    this.delivered = afterRevision;
    try {
      const observable = store.watch(prefix, afterRevision);
      this.subscription = observable.subscribe({
        next: (event) => this.onEvent(event),
        error: (err: unknown) => {
          this.failed = true;
          this.error = err;
          this.notify();
        },
        complete: () => {
          this.completed = true;
          this.notify();
        },
      });
    } catch (err) {
      this.violations.push(
        `${this.name()} threw synchronously (${describeError(err)}); errors must come through the Observable`,
      );
      this.failed = true;
      this.error = err;
    }
  }

  /** plainChanges returns the recorded changes with only their contract fields. */
  plainChanges(): StoreEvent[] {
    return this.changes.map(plainEvent);
  }

  /** lastChangeRevision is the revision of the last recorded change, or `afterRevision`. */
  lastChangeRevision(): number {
    return this.changes.at(-1)?.kv.modRevision ?? this.afterRevision;
  }

  /** untilRevision waits until a change at or above `revision` has arrived. */
  untilRevision(revision: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitFor(
      `a change at revision ${revision}`,
      () => this.lastChangeRevision() >= revision,
      timeoutMs,
    );
  }

  /** untilProgress waits until a progress event at or above `revision` has arrived. */
  untilProgress(revision: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return this.waitFor(
      `a progress event at revision ${revision} or later`,
      () => this.progress.some((p) => p >= revision),
      timeoutMs,
    );
  }

  /** untilComplete waits until the watch completes, and fails if it errors instead. */
  async untilComplete(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.waitFor('the watch to complete', () => this.completed, timeoutMs);
  }

  /** expectError waits until the watch errors and asserts a {@link StoreError} of `code`. */
  async expectError(code: StoreErrorCode, timeoutMs = DEFAULT_WAIT_MS): Promise<StoreError> {
    await this.waitFor(`the watch to fail with ${code}`, () => this.failed || this.completed, timeoutMs);
    if (this.completed) assert.fail(`${this.name()} completed, expected it to fail with ${code}`);
    if (!StoreError.is(this.error, code)) {
      assert.fail(`${this.name()} failed with ${describeError(this.error)}, expected StoreError ${code}`);
    }
    return this.error;
  }

  /**
   * waitFor resolves once `done()` holds, checking after every delivery. It rejects when a
   * rule is broken, when the watch ends first, or after `timeoutMs`.
   */
  waitFor(what: string, done: () => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const check = (): void => {
        if (this.violations.length > 0) {
          finish();
          reject(this.violationError());
        } else if (done()) {
          finish();
          resolve();
        } else if (this.failed || this.completed) {
          finish();
          const end = this.failed ? `failed with ${describeError(this.error)}` : 'completed';
          reject(new assert.AssertionError({ message: `${this.name()} ${end} while waiting for ${what}` }));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new assert.AssertionError({
            message: `${this.name()}: timed out after ${timeoutMs} ms waiting for ${what}; ${this.summary()}`,
          }),
        );
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** stop unsubscribes; the recorder keeps what it recorded. */
  stop(): void {
    this.subscription?.unsubscribe();
  }

  /** assertHealthy fails with every broken rule recorded so far. */
  assertHealthy(): void {
    if (this.violations.length > 0) throw this.violationError();
  }

  private onEvent(event: StoreEvent): void {
    if (this.failed || this.completed) this.violate(`delivered ${describeEvent(event)} after it ended`);
    if (event.type === 'progress') {
      if (!Number.isSafeInteger(event.revision) || event.revision < this.delivered) {
        this.violate(`delivered progress@${event.revision} after revision ${this.delivered}`);
      } else {
        this.delivered = event.revision;
      }
      this.progress.push(event.revision);
    } else if (event.type === 'put' || event.type === 'delete') {
      this.checkChange(event);
      this.changes.push(event);
      this.delivered = Math.max(this.delivered, event.kv.modRevision);
    } else {
      this.violate(`delivered an event of unknown type: ${JSON.stringify(event)}`);
    }
    this.notify();
  }

  private checkChange(event: ChangeEvent): void {
    const { kv, prevKv } = event;
    const text = describeEvent(event);
    if (!kv.key.startsWith(this.prefix)) this.violate(`delivered ${text}, which is outside the prefix`);
    if (!(kv.modRevision > this.delivered)) {
      this.violate(
        `delivered ${text} after revision ${this.delivered} had been delivered (duplicate, out of order, or behind a progress event)`,
      );
    }
    if (!(kv.createRevision >= 1 && kv.createRevision <= kv.modRevision)) {
      this.violate(`delivered ${text}, whose createRevision is not in [1, modRevision]`);
    }
    const isCreate = event.type === 'put' && kv.createRevision === kv.modRevision;
    if (isCreate) {
      if (prevKv !== undefined) this.violate(`delivered the create ${text} with a prevKv`);
    } else if (prevKv === undefined) {
      this.violate(`delivered ${text} without the prevKv it replaced`);
    } else {
      if (prevKv.key !== kv.key || prevKv.createRevision !== kv.createRevision) {
        this.violate(`delivered ${text}, whose prevKv is not an earlier version of the same key`);
      }
      if (!(prevKv.modRevision < kv.modRevision))
        this.violate(`delivered ${text}, whose prevKv is not older`);
      if (event.type === 'delete' && kv.value !== prevKv.value) {
        this.violate(`delivered ${text}, a delete whose value is not the last value of the key`);
      }
    }
    this.checkChain(event, text, isCreate);
  }

  /** checkChain compares an event with the last version this watch delivered for its key. */
  private checkChain(event: ChangeEvent, text: string, isCreate: boolean): void {
    const { kv, prevKv } = event;
    const seen = this.lastSeen.get(kv.key);
    if (isCreate) {
      if (seen) this.violate(`delivered the create ${text} while ${describeKeyValue(seen)} was live`);
    } else if (seen === null) {
      this.violate(`delivered ${text} after delivering the delete of that key`);
    } else if (seen !== undefined && !sameKeyValue(seen, prevKv)) {
      this.violate(
        `delivered ${text}, but the version it last delivered for that key is ${describeKeyValue(seen)}: a change was lost or reordered`,
      );
    } else if (seen === undefined && prevKv !== undefined && prevKv.modRevision > this.afterRevision) {
      this.violate(`delivered ${text}, but never delivered the write of its prevKv: a change was lost`);
    }
    this.lastSeen.set(kv.key, event.type === 'put' ? kv : null);
  }

  private violate(message: string): void {
    this.violations.push(`${this.name()} ${message}`);
  }

  private violationError(): assert.AssertionError {
    return new assert.AssertionError({ message: this.violations.join('\n') });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private name(): string {
    return `watch(${JSON.stringify(this.prefix)}, ${this.afterRevision})`;
  }

  private summary(): string {
    const recent = this.changes.slice(-5).map(describeEvent);
    const lastProgress = this.progress.at(-1);
    return (
      `${this.changes.length} changes recorded${recent.length > 0 ? `, last: ${recent.join('; ')}` : ''}` +
      (lastProgress === undefined ? '' : `; last progress@${lastProgress}`)
    );
  }
}
