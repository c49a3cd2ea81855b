import type { Status } from '../errors/status.js';

/** WatchEventType is the `type` of a watch event, as Kubernetes streams it. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * WatchBookmark is the object of a BOOKMARK event: only `metadata.resourceVersion` is meaningful
 * (every change up to it has been sent), plus the `k8s.io/initial-events-end` annotation on the
 * bookmark that ends the initial events of a `sendInitialEvents` watch.
 */
export interface WatchBookmark {
  readonly kind?: string;
  readonly apiVersion?: string;
  readonly metadata: {
    readonly resourceVersion: string;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}

/**
 * WatchEvent is one event of a watch: ADDED, MODIFIED and DELETED carry the object (a DELETED
 * object is its last state); BOOKMARK carries a {@link WatchBookmark}; ERROR carries the Status
 * the server ended the watch with (410 Expired means: list again).
 */
export type WatchEvent<T> =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly object: T }
  | { readonly type: 'BOOKMARK'; readonly object: WatchBookmark }
  | { readonly type: 'ERROR'; readonly object: Status };

const EVENT_TYPES: ReadonlySet<string> = new Set<WatchEventType>([
  'ADDED',
  'MODIFIED',
  'DELETED',
  'BOOKMARK',
  'ERROR',
]);

/**
 * toWatchEvent checks that a decoded value is a watch event (a known `type` and an object) and
 * returns it as one; otherwise it throws a `SyntaxError` saying what is wrong.
 */
export function toWatchEvent<T>(value: unknown): WatchEvent<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyntaxError('a watch event must be a JSON object');
  }
  const { type, object } = value as { type?: unknown; object?: unknown };
  if (typeof type !== 'string' || !EVENT_TYPES.has(type)) {
    throw new SyntaxError(`got invalid watch event type: ${JSON.stringify(type)}`);
  }
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw new SyntaxError(`watch event ${type} has no object`);
  }
  return value as WatchEvent<T>;
}
