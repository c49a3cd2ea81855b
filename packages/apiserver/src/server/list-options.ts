import type { ResourceListOptions, ResourceWatchOptions } from '../registry/storage-options.js';
import type { QueryParameters } from './query-parameters.js';

/**
 * listOptions reads `metav1.ListOptions` for a list from the query: selectors, `limit`,
 * `continue`, `resourceVersion`, `resourceVersionMatch` and `sendInitialEvents` (which the storage
 * refuses for lists, as Kubernetes). Integers that do not parse are 400s.
 */
export function listOptions(query: QueryParameters): ResourceListOptions {
  return {
    labelSelector: query.string('labelSelector'),
    fieldSelector: query.string('fieldSelector'),
    limit: query.integer('limit'),
    continue: query.string('continue'),
    resourceVersion: query.string('resourceVersion'),
    resourceVersionMatch: query.string('resourceVersionMatch'),
    sendInitialEvents: query.boolean('sendInitialEvents'),
  };
}

/**
 * watchOptions reads `metav1.ListOptions` for a watch from the query: selectors,
 * `resourceVersion`, `resourceVersionMatch`, `sendInitialEvents`, `allowWatchBookmarks` and
 * `timeoutSeconds`; without a positive `timeoutSeconds` the watch ends after `defaultTimeout`
 * seconds.
 */
export function watchOptions(query: QueryParameters, defaultTimeout: number): ResourceWatchOptions {
  const timeout = query.integer('timeoutSeconds');
  return {
    labelSelector: query.string('labelSelector'),
    fieldSelector: query.string('fieldSelector'),
    resourceVersion: query.string('resourceVersion'),
    resourceVersionMatch: query.string('resourceVersionMatch'),
    sendInitialEvents: query.boolean('sendInitialEvents'),
    allowWatchBookmarks: query.boolean('allowWatchBookmarks'),
    timeoutSeconds: timeout !== undefined && timeout > 0 ? timeout : defaultTimeout,
  };
}
