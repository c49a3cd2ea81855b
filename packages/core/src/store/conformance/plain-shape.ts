import type { KeyValue, StoreEvent } from '../store.js';

/**
 * plainKeyValue copies the contract fields of a {@link KeyValue}, so that comparisons ignore
 * anything extra a backend attaches (and `undefined` compares equal to `undefined`).
 */
export function plainKeyValue(kv: KeyValue | undefined): KeyValue | undefined {
  if (kv === undefined) return undefined;
  return { key: kv.key, value: kv.value, createRevision: kv.createRevision, modRevision: kv.modRevision };
}

/** plainEvent copies the contract fields of a {@link StoreEvent}, dropping an absent `prevKv`. */
export function plainEvent(event: StoreEvent): StoreEvent {
  if (event.type === 'progress') return { type: 'progress', revision: event.revision };
  const kv = plainKeyValue(event.kv)!;
  if (event.type === 'delete') return { type: 'delete', kv, prevKv: plainKeyValue(event.prevKv)! };
  return event.prevKv === undefined
    ? { type: 'put', kv }
    : { type: 'put', kv, prevKv: plainKeyValue(event.prevKv)! };
}

/** sameKeyValue tells whether two versions agree on every contract field. */
export function sameKeyValue(a: KeyValue | undefined, b: KeyValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.key === b.key &&
    a.value === b.value &&
    a.createRevision === b.createRevision &&
    a.modRevision === b.modRevision
  );
}

/** describeKeyValue renders a version briefly (values shortened) for assertion messages. */
export function describeKeyValue(kv: KeyValue | undefined): string {
  if (kv === undefined) return 'nothing';
  const value = kv.value.length > 40 ? `${kv.value.slice(0, 40)}…(${kv.value.length} chars)` : kv.value;
  return `${kv.key}=${JSON.stringify(value)}@${kv.createRevision}/${kv.modRevision}`;
}

/** describeEvent renders an event briefly for assertion messages. */
export function describeEvent(event: StoreEvent): string {
  if (event.type === 'progress') return `progress@${event.revision}`;
  const prev = event.prevKv === undefined ? '' : ` (prev ${describeKeyValue(event.prevKv)})`;
  return `${event.type} ${describeKeyValue(event.kv)}${prev}`;
}
