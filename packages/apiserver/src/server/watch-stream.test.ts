import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { WatchEvent } from '../watch-cache/watch-event.js';
import { WatchStream } from './watch-stream.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function event(name: string): WatchEvent {
  return { type: 'ADDED', object: { metadata: { name } } };
}

function setup(highWaterMark = 2) {
  const events = new Subject<WatchEvent>();
  const controller = new AbortController();
  const stream = new WatchStream({
    encode: (e) => encoder.encode(`${e.type}:${(e.object.metadata as { name?: string }).name ?? ''}`),
    signal: controller.signal,
    highWaterMark,
  });
  stream.attach(events, () => ({
    type: 'ERROR',
    object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 500 },
  }));
  return { events, controller, stream, iterator: stream[Symbol.asyncIterator]() };
}

async function read(iterator: AsyncIterator<Uint8Array>): Promise<string | undefined> {
  const step = await iterator.next();
  return step.done ? undefined : decoder.decode(step.value);
}

describe('WatchStream', () => {
  it('yields one chunk per event in order, then ends when the watch completes', async () => {
    const { events, iterator } = setup();
    events.next(event('a'));
    const pending = read(iterator);
    expect(await pending).toBe('ADDED:a');
    const waiting = read(iterator);
    events.next(event('b'));
    expect(await waiting).toBe('ADDED:b');
    events.complete();
    expect(await read(iterator)).toBeUndefined();
  });

  it('writes an ERROR event when the watch fails', async () => {
    const { events, iterator } = setup();
    events.error(new Error('broken'));
    expect(await read(iterator)).toBe('ERROR:');
    expect(await read(iterator)).toBeUndefined();
  });

  it('reports backpressure at the high-water mark and readiness once the reader catches up', async () => {
    const { events, stream, iterator } = setup(2);
    let readies = 0;
    stream.backpressure.onReady(() => readies++);
    events.next(event('a'));
    expect(stream.backpressure.ready()).toBe(true);
    events.next(event('b'));
    expect(stream.backpressure.ready()).toBe(false);
    await read(iterator);
    expect(stream.backpressure.ready()).toBe(true);
    expect(readies).toBe(1);
  });

  it('ends and unsubscribes when the signal aborts or the reader stops', async () => {
    const aborted = setup();
    const waiting = read(aborted.iterator);
    aborted.controller.abort();
    expect(await waiting).toBeUndefined();
    expect(aborted.events.observed).toBe(false);

    const stopped = setup();
    stopped.events.next(event('a'));
    await read(stopped.iterator);
    await stopped.iterator.return?.();
    expect(stopped.events.observed).toBe(false);
  });
});
