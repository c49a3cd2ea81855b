import {
  type KeyValue,
  type ListOptions,
  type ListResult,
  type ResourceRegistry,
  type Store,
  StoreError,
} from '@capstan/core';
import type { ApiServerMetrics, StorageResource } from '../metrics/api-server-metrics.js';
import { ResourceKeys } from '../registry/resource-keys.js';

/** Outcomes that answer the call as designed rather than fail it. */
const EXPECTED_CODES: ReadonlySet<string> = new Set(['KeyExists', 'Conflict', 'NotFound']);
const UNKNOWN_RESOURCE: StorageResource = Object.freeze({ group: '', resource: '' });

/**
 * instrumentedStore wraps a Store so that every get, list, create, update and delete is observed
 * in `etcd_request_duration_seconds`, `etcd_requests_total` and (for failures other than
 * KeyExists, Conflict and NotFound) `etcd_request_errors_total`, labelled with the resource the
 * key belongs to (found by the key prefixes of the registry's types, the longest match winning).
 * Watches, progress requests, compaction and close pass through. The wrapper changes no result.
 */
export function instrumentedStore(
  store: Store,
  metrics: ApiServerMetrics,
  registry: ResourceRegistry,
): Store {
  const resourceOf = resourceLookup(registry);
  const observe = async <T>(operation: string, key: string, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    let failed = false;
    try {
      return await call();
    } catch (err) {
      failed = !(StoreError.is(err) && EXPECTED_CODES.has(err.code));
      throw err;
    } finally {
      metrics.recordStorageRequest(operation, resourceOf(key), (performance.now() - started) / 1000, failed);
    }
  };
  const wrapped: Store = {
    get: (key: string): Promise<KeyValue | undefined> => observe('get', key, () => store.get(key)),
    list: (prefix: string, opts?: ListOptions): Promise<ListResult> =>
      observe('list', prefix, () => store.list(prefix, opts)),
    create: (key: string, value: string) => observe('create', key, () => store.create(key, value)),
    update: (key: string, value: string, expected: number) =>
      observe('update', key, () => store.update(key, value, expected)),
    delete: (key: string, expected?: number) => observe('delete', key, () => store.delete(key, expected)),
    watch: (prefix, afterRevision) => store.watch(prefix, afterRevision),
    currentRevision: () => store.currentRevision(),
    compact: (revision) => store.compact(revision),
    close: () => store.close(),
  };
  if (store.requestProgress !== undefined) {
    const requestProgress = store.requestProgress.bind(store);
    return { ...wrapped, requestProgress };
  }
  return wrapped;
}

/** resourceLookup maps keys to resources by the key roots of the registry's types, recomputed when the registry changes. */
function resourceLookup(registry: ResourceRegistry): (key: string) => StorageResource {
  let types = registry.list();
  let roots = rootsOf(types);
  return (key) => {
    const current = registry.list();
    if (current.length !== types.length || current.some((t, i) => t !== types[i])) {
      types = current;
      roots = rootsOf(types);
    }
    for (const [root, resource] of roots) if (key.startsWith(root)) return resource;
    return UNKNOWN_RESOURCE;
  };
}

function rootsOf(types: ReturnType<ResourceRegistry['list']>): [string, StorageResource][] {
  const roots = new Map<string, StorageResource>();
  for (const type of types) {
    roots.set(new ResourceKeys(type).root, { group: type.group, resource: type.plural });
  }
  return [...roots].sort((a, b) => b[0].length - a[0].length);
}
