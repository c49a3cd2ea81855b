import { ApiError, type Namespace } from '@capstan/core';
import type { NamespaceLookup, NamespaceState } from '../plugins/namespace-lookup.js';
import type { NamespaceEnsurer } from '../plugins/system-namespaces.js';
import type { ResourceStorage } from '../registry/resource-storage.js';

/**
 * storageNamespaces gives admission plugins and bootstrappers access to namespaces through the
 * namespaces storage: `get` reads the store itself (never the watch cache), so a namespace created
 * a moment ago is found; `ensureNamespace` creates an `Active` namespace unless one of that name
 * exists, past admission, counting a concurrent creation as success.
 */
export function storageNamespaces(storage: ResourceStorage): NamespaceLookup & NamespaceEnsurer {
  return {
    async get(name: string): Promise<NamespaceState | undefined> {
      try {
        const namespace = (await storage.get(undefined, name)) as Namespace;
        return {
          ...(namespace.status?.phase === undefined ? {} : { phase: namespace.status.phase }),
          ...(namespace.metadata.deletionTimestamp == null
            ? {}
            : { deletionTimestamp: namespace.metadata.deletionTimestamp }),
        };
      } catch (err) {
        if (ApiError.is(err, 'NotFound')) return undefined;
        throw err;
      }
    },
    async ensureNamespace(name: string): Promise<void> {
      try {
        await storage.create(undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      } catch (err) {
        if (!ApiError.is(err, 'AlreadyExists')) throw err;
      }
    },
  };
}
