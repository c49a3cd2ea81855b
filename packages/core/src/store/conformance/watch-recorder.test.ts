import { from, Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { KeyValue, Store, StoreEvent } from '../store.js';
import { StoreError } from '../store-error.js';
import { WatchRecorder } from './watch-recorder.js';

/** storeWatching returns a store whose only working method is `watch`, replaying `events`. */
function storeWatching(watch: () => Observable<StoreEvent>): Store {
  const unused = (): never => {
    throw new Error('not used by WatchRecorder');
  };
  return {
    watch,
    get: unused,
    list: unused,
    create: unused,
    update: unused,
    delete: unused,
    currentRevision: unused,
    compact: unused,
    close: unused,
  };
}

const kv = (
  key: string,
  createRevision: number,
  modRevision: number,
  value = `v${modRevision}`,
): KeyValue => ({
  key: `/p/${key}`,
  value,
  createRevision,
  modRevision,
});
const create = (key: string, revision: number): StoreEvent => ({
  type: 'put',
  kv: kv(key, revision, revision),
});
const update = (key: string, created: number, prev: number, revision: number): StoreEvent => ({
  type: 'put',
  kv: kv(key, created, revision),
  prevKv: kv(key, created, prev),
});
const remove = (key: string, created: number, prev: number, revision: number): StoreEvent => ({
  type: 'delete',
  kv: kv(key, created, revision, `v${prev}`),
  prevKv: kv(key, created, prev),
});
const progress = (revision: number): StoreEvent => ({ type: 'progress', revision });

describe('WatchRecorder', () => {
  it('accepts a well-formed stream with progress events', () => {
    const recorder = new WatchRecorder(
      storeWatching(() =>
        from([
          progress(10),
          create('a', 11),
          update('a', 11, 11, 12),
          progress(12),
          progress(13),
          remove('a', 11, 12, 14),
          create('a', 15),
          update('b', 3, 7, 16),
        ]),
      ),
      '/p/',
      10,
    );
    expect(recorder.violations).toEqual([]);
    expect(recorder.changes).toHaveLength(5);
    expect(recorder.progress).toEqual([10, 12, 13]);
    expect(recorder.completed).toBe(true);
  });

  it.each<[string, StoreEvent[], RegExp]>([
    ['a dropped update', [create('a', 11), update('a', 11, 12, 13)], /a change was lost or reordered/],
    ['a dropped create', [update('a', 11, 11, 12)], /never delivered the write of its prevKv/],
    ['two changes swapped', [create('b', 12), create('a', 11)], /out of order/],
    ['a duplicated change', [create('a', 11), create('a', 11)], /duplicate/],
    ['a change behind a progress event', [progress(15), create('a', 14)], /behind a progress event/],
    ['a progress event going back', [create('a', 12), progress(11)], /progress@11 after revision 12/],
    ['a change at or below the start revision', [create('a', 10)], /after revision 10/],
    [
      'a key outside the prefix',
      [{ type: 'put', kv: { ...kv('a', 11, 11), key: '/q/a' } }],
      /outside the prefix/,
    ],
    [
      'a create with a prevKv',
      [{ type: 'put', kv: kv('a', 11, 11), prevKv: kv('a', 5, 5) }],
      /create .* with a prevKv/,
    ],
    ['an update without a prevKv', [{ type: 'put', kv: kv('a', 5, 11) }], /without the prevKv/],
    [
      'a delete that does not repeat the last value',
      [{ type: 'delete', kv: kv('a', 5, 11, 'other'), prevKv: kv('a', 5, 6) }],
      /not the last value/,
    ],
    [
      'a change after a delete without a create',
      [create('a', 11), remove('a', 11, 11, 12), update('a', 11, 11, 13)],
      /after delivering the delete/,
    ],
  ])('flags %s', (_, events, message) => {
    const recorder = new WatchRecorder(
      storeWatching(() => from(events)),
      '/p/',
      10,
    );
    expect(recorder.violations.join('\n')).toMatch(message);
    expect(() => recorder.assertHealthy()).toThrow(message);
  });

  it('flags a watch() that throws instead of erroring the Observable', () => {
    const recorder = new WatchRecorder(
      storeWatching(() => {
        throw new StoreError('Compacted', 'compacted');
      }),
      '/p/',
      1,
    );
    expect(recorder.violations.join()).toMatch(/threw synchronously/);
  });

  it('fails a wait at once when a rule is broken, and on timeout otherwise', async () => {
    const broken = new WatchRecorder(
      storeWatching(() => from([create('b', 12), create('a', 11)])),
      '/p/',
      10,
    );
    await expect(broken.untilRevision(99)).rejects.toThrow(/out of order/);
    const silent = new WatchRecorder(
      storeWatching(() => new Observable<StoreEvent>(() => undefined)),
      '/p/',
      10,
    );
    await expect(silent.untilRevision(11, 20)).rejects.toThrow(/timed out after 20 ms/);
    silent.stop();
  });

  it('reports how a watch ended', async () => {
    const failing = new WatchRecorder(
      storeWatching(
        () =>
          new Observable<StoreEvent>((subscriber) => subscriber.error(new StoreError('Compacted', 'gone'))),
      ),
      '/p/',
      1,
    );
    await expect(failing.expectError('Compacted')).resolves.toBeInstanceOf(StoreError);
    await expect(failing.untilComplete()).rejects.toThrow(/failed with StoreError Compacted/);
    const completing = new WatchRecorder(
      storeWatching(() => from([])),
      '/p/',
      1,
    );
    await expect(completing.expectError('Compacted')).rejects.toThrow(/completed, expected it to fail/);
  });
});
