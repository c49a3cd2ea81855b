import { type Store, StoreError } from '@capstan/core';
import { EtcdStore, type EtcdStoreOptions } from './etcd/etcd-store.js';
import { MemoryStore, type MemoryStoreOptions } from './memory/memory-store.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';

/** OpenStoreOptions passes options through {@link openStore} to the backend the URL picks. */
export interface OpenStoreOptions {
  memory?: MemoryStoreOptions;
  sqlite?: SqliteStoreOptions;
  etcd?: EtcdStoreOptions;
}

/** StoreTarget is what a store URL names (see {@link parseStoreUrl}). */
export type StoreTarget =
  | { backend: 'memory' }
  | { backend: 'sqlite'; path: string }
  | { backend: 'etcd'; endpoints: string[] };

/** DEFAULT_SQLITE_PATH is the file `sqlite:` with no path opens, relative to the working directory. */
export const DEFAULT_SQLITE_PATH = './.capstan/state.db';

const URL_FORMS = 'memory:, sqlite:<path> or etcd://host:port[,host:port…]';

/**
 * openStore opens the {@link Store} a URL names:
 *
 * - `memory:` — a new {@link MemoryStore};
 * - `sqlite:<path>` — {@link SqliteStore.open} on `<path>` (`sqlite:` alone opens
 *   `./.capstan/state.db`; `sqlite:///abs/file.db` is the same as `sqlite:/abs/file.db`);
 * - `etcd://host:port[,host:port…]` — {@link EtcdStore.connect} to `http://host:port` of each member.
 *
 * Every failure — a URL it cannot parse, an unknown scheme, an unreachable etcd, a locked or
 * corrupt SQLite file — is a {@link StoreError} whose message starts with the URL (`Unavailable`
 * unless the backend reported a more specific code).
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  try {
    switch (target.backend) {
      case 'memory':
        return new MemoryStore(options.memory);
      case 'sqlite':
        return await SqliteStore.open(target.path, options.sqlite);
      case 'etcd':
        return await EtcdStore.connect(target.endpoints, options.etcd);
    }
  } catch (err) {
    const code = StoreError.is(err) ? err.code : 'Unavailable';
    const reason = err instanceof Error ? err.message : String(err);
    throw new StoreError(code, `cannot open store ${JSON.stringify(url)}: ${reason}`, { cause: err });
  }
}

/**
 * parseStoreUrl reads a store URL into the {@link StoreTarget} it names, or throws
 * `StoreError('Unavailable')` naming the URL and the accepted forms.
 */
export function parseStoreUrl(url: string): StoreTarget {
  if (typeof url !== 'string') throw badUrl(String(url), 'it is not a string');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  const rest = scheme === undefined ? '' : url.slice(scheme.length + 1);
  switch (scheme) {
    case 'memory':
      if (rest !== '' && rest !== '//') throw badUrl(url, 'memory: takes nothing after the colon');
      return { backend: 'memory' };
    case 'sqlite': {
      const path = rest.startsWith('//') ? rest.slice(2) : rest;
      return { backend: 'sqlite', path: path === '' ? DEFAULT_SQLITE_PATH : path };
    }
    case 'etcd':
      return { backend: 'etcd', endpoints: parseEtcdHosts(url, rest) };
    default:
      throw badUrl(url, scheme === undefined ? 'it has no scheme' : `the scheme ${scheme}: is not supported`);
  }
}

/** parseEtcdHosts reads the `//host:port[,host:port…]` part of an etcd URL into client URLs. */
function parseEtcdHosts(url: string, rest: string): string[] {
  if (!rest.startsWith('//')) throw badUrl(url, 'an etcd URL starts with etcd://');
  const hosts = rest.slice(2).replace(/\/$/, '');
  if (hosts === '') throw badUrl(url, 'it names no etcd host');
  return hosts.split(',').map((hostPort) => {
    const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?):(\d{1,5})$/i.exec(hostPort);
    if (match === null) throw badUrl(url, `${JSON.stringify(hostPort)} is not host:port`);
    const port = Number(match[2]);
    if (port < 1 || port > 65_535) throw badUrl(url, `port ${match[2]} is not between 1 and 65535`);
    return `http://${match[1]}:${port}`;
  });
}

function badUrl(url: string, reason: string): StoreError {
  return new StoreError(
    'Unavailable',
    `cannot open store ${JSON.stringify(url)}: ${reason}; use ${URL_FORMS}`,
  );
}
