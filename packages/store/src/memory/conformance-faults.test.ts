import { type KeyValue, runStoreConformance, type Store, StoreError, type StoreEvent } from '@capstan/core';
import { defer, mergeMap, Observable, type OperatorFunction } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from './memory-store.js';

// The conformance suite must not pass vacuously: each fault below, injected into an
// otherwise correct MemoryStore, must make (at least) the named suite cases fail, while the
// same cases pass on the store without a fault.

/** ChangeFault rewrites the events of one watch subscription. */
type ChangeFault = () => OperatorFunction<StoreEvent, StoreEvent>;

/** ChangeEvent is a put or delete event. */
type ChangeEvent = Exclude<StoreEvent, { type: 'progress' }>;

/** eachChange rewrites every change, numbered from 1 per subscription; progress events pass through. */
function eachChange(rewrite: (event: ChangeEvent, n: number) => StoreEvent[]): ChangeFault {
  return () => {
    let n = 0;
    return mergeMap((event) => (event.type === 'progress' ? [event] : rewrite(event, ++n)));
  };
}

/** swapFirstTwo holds the first change back until the second one has been delivered. */
const swapFirstTwo: ChangeFault = () => (source) =>
  new Observable<StoreEvent>((subscriber) => {
    let held: StoreEvent | undefined;
    let n = 0;
    return source.subscribe({
      next: (event) => {
        if (event.type !== 'progress' && ++n === 1) {
          held = event;
          return;
        }
        subscriber.next(event);
        if (held !== undefined) subscriber.next(held);
        held = undefined;
      },
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
  });

/** withWatchFault wraps `inner` so that every watch subscription goes through `fault`. */
function withWatchFault(inner: Store, fault: ChangeFault): Store {
  return withOverrides(inner, {
    watch: (prefix, afterRevision) => defer(() => inner.watch(prefix, afterRevision).pipe(fault())),
  });
}

/** withOverrides is `inner` with some methods replaced. */
function withOverrides(inner: Store, overrides: Partial<Store>): Store {
  return {
    get: (key) => inner.get(key),
    list: (prefix, opts) => inner.list(prefix, opts),
    create: (key, value) => inner.create(key, value),
    update: (key, value, expected) => inner.update(key, value, expected),
    delete: (key, expected) => inner.delete(key, expected),
    watch: (prefix, afterRevision) => inner.watch(prefix, afterRevision),
    currentRevision: () => inner.currentRevision(),
    compact: (revision) => inner.compact(revision),
    close: () => inner.close(),
    ...overrides,
  };
}

/** burnRevisionOnFailure makes every failed create still consume a revision, as a sloppy backend might. */
function burnRevisionOnFailure(inner: Store): Store {
  let burned = 0;
  return withOverrides(inner, {
    create: async (key: string, value: string): Promise<KeyValue> => {
      try {
        return await inner.create(key, value);
      } catch (err) {
        if (StoreError.is(err, 'KeyExists')) await inner.create(`/burned/${++burned}`, '');
        throw err;
      }
    },
  });
}

const WATCH_ORDER = 'watch delivers creates, updates and deletes in revision order';
const NO_GAPS = 'watch has no gaps under';
const REPLAY = 'watch from a past revision replays history';

const faults: Array<[string, (inner: Store) => Store, string[]]> = [
  ['no fault (control)', (inner) => inner, []],
  [
    'drops the first change of every watch',
    (inner) =>
      withWatchFault(
        inner,
        eachChange((event, n) => (n === 1 ? [] : [event])),
      ),
    [WATCH_ORDER, NO_GAPS, REPLAY],
  ],
  [
    'swaps the first two changes',
    (inner) => withWatchFault(inner, swapFirstTwo),
    [WATCH_ORDER, NO_GAPS, REPLAY],
  ],
  [
    'delivers the second change twice',
    (inner) =>
      withWatchFault(
        inner,
        eachChange((event, n) => (n === 2 ? [event, event] : [event])),
      ),
    [WATCH_ORDER, NO_GAPS, REPLAY],
  ],
  [
    'sends a progress event for each change before the change',
    (inner) =>
      withWatchFault(
        inner,
        eachChange((event) => [{ type: 'progress', revision: event.kv.modRevision }, event]),
      ),
    [WATCH_ORDER, NO_GAPS, REPLAY],
  ],
  [
    'lets a failed create take a revision',
    burnRevisionOnFailure,
    ['a failed write takes no revision', NO_GAPS],
  ],
  [
    'ignores the revision of a list',
    (inner) => withOverrides(inner, { list: (prefix, opts) => inner.list(prefix, { ...opts, revision: 0 }) }),
    ['list at a past revision returns the state', 'paging at a fixed revision ignores writes'],
  ],
  [
    'never compacts',
    (inner) => withOverrides(inner, { compact: async () => undefined }),
    ['compact makes older revisions unreadable'],
  ],
];

/** suiteCases collects the conformance cases, to run some of them by hand. */
function suiteCases(open: () => Promise<Store>): Map<string, () => Promise<void>> {
  const cases = new Map<string, () => Promise<void>>();
  runStoreConformance({ open, test: (name, fn) => cases.set(name, fn), progress: true });
  return cases;
}

describe('the conformance suite catches a store that', () => {
  const targets = [...new Set(faults.flatMap(([, , caught]) => caught))];

  it.each(faults)('%s', async (_, inject, caught) => {
    const cases = suiteCases(async () => inject(new MemoryStore({ progressIntervalMs: 0 })));
    const failed: string[] = [];
    for (const target of targets) {
      const entry = [...cases].find(([name]) => name.startsWith(target));
      expect(entry, `a suite case named "${target}…"`).toBeDefined();
      const [name, run] = entry!;
      const outcome = await run().then(
        () => undefined,
        (err: unknown) => err,
      );
      if (outcome !== undefined) {
        expect(outcome, name).toMatchObject({ name: 'AssertionError' });
        failed.push(target);
      }
    }
    if (caught.length === 0) expect(failed).toEqual([]);
    for (const target of caught) expect(failed, 'the suite cases that failed').toContain(target);
  });
});
