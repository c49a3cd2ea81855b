import type { ApiError, ResourceType, Status } from '@capstan/core';
import type { ApiObject } from '../registry/api-object.js';

/**
 * INITIAL_EVENTS_END_ANNOTATION marks the bookmark that ends the initial events of a watch with
 * `sendInitialEvents=true`: its object carries `metadata.annotations["k8s.io/initial-events-end"] = "true"`.
 */
export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end';

/** WatchEventType is the `type` of a watch event, as Kubernetes sends it. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * BookmarkObject is the object of a BOOKMARK event: the watched kind, and in metadata only the
 * resourceVersion every earlier event is at or below (plus the initial-events-end annotation on
 * the bookmark that ends the initial events).
 */
export interface BookmarkObject {
  readonly kind: string;
  readonly apiVersion: string;
  readonly metadata: {
    readonly resourceVersion: string;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}

/**
 * WatchEvent is one event of a watch, exactly as Kubernetes streams it: ADDED, MODIFIED and
 * DELETED carry the object (a DELETED object is the last state, stamped with the resourceVersion
 * of the deletion); BOOKMARK carries a {@link BookmarkObject}; ERROR carries a Status, after which
 * the watch ends. Events handed out by the watch cache are deeply frozen and shared between
 * watchers: copy an object before changing it.
 */
export type WatchEvent<O = ApiObject> =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly object: O }
  | { readonly type: 'BOOKMARK'; readonly object: BookmarkObject }
  | { readonly type: 'ERROR'; readonly object: Status };

/** bookmarkEvent builds the frozen BOOKMARK event of `type` at `revision`. */
export function bookmarkEvent(type: ResourceType, revision: number, initialEventsEnd = false): WatchEvent {
  const metadata = initialEventsEnd
    ? {
        resourceVersion: String(revision),
        annotations: Object.freeze({ [INITIAL_EVENTS_END_ANNOTATION]: 'true' }),
      }
    : { resourceVersion: String(revision) };
  return Object.freeze({
    type: 'BOOKMARK',
    object: Object.freeze({
      kind: type.kind,
      apiVersion: type.apiVersion,
      metadata: Object.freeze(metadata),
    }),
  });
}

/** errorEvent builds the ERROR event that reports `error` to a watcher. */
export function errorEvent(error: ApiError): WatchEvent {
  return Object.freeze({ type: 'ERROR', object: error.toStatus() });
}

const encoded = new WeakMap<object, string>();

/**
 * encodeWatchEvent returns the JSON line a watch stream sends for `event` (without the newline).
 * The text is remembered per event object, so an event fanned out to a thousand watchers is
 * serialized once.
 */
export function encodeWatchEvent(event: WatchEvent<unknown>): string {
  let text = encoded.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    encoded.set(event, text);
  }
  return text;
}
