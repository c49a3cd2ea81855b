/**
 * WatchBackpressure lets a watch consumer say when it cannot take more events (an HTTP response
 * whose socket buffer is full, say): `{ ready: () => !res.writableNeedDrain, onReady: (l) => {
 * res.on('drain', l); return () => res.off('drain', l); } }`.
 *
 * While the consumer is not ready, the watch cache keeps the watcher's events in its bounded
 * buffer; when the buffer overflows, the watch ends (completes), as Kubernetes closes an
 * unresponsive watcher, and the client re-watches from the last resourceVersion it saw. Other
 * watchers are never delayed by a slow one.
 */
export interface WatchBackpressure {
  /** ready tells whether the consumer can take another event now. */
  ready(): boolean;
  /** onReady registers `listener` for when the consumer becomes ready again; it returns the unregistration. */
  onReady(listener: () => void): () => void;
}
