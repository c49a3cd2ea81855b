/**
 * @packageDocumentation
 * `@capstan/store` holds Capstan's storage backends behind the one `Store` contract of
 * `@capstan/core`: in memory, embedded SQLite (`node:sqlite`) and etcd.
 */

// etcd backend
export type { EtcdStoreOptions } from './etcd/etcd-store.js';
export { EtcdStore } from './etcd/etcd-store.js';

// Memory backend
export type { MemoryCompactionOptions, MemoryStoreOptions } from './memory/memory-store.js';
export { MemoryStore } from './memory/memory-store.js';

// Store URLs (memory:, sqlite:<path>, etcd://host:port,…)
export type { OpenStoreOptions } from './open-store.js';
export { openStore } from './open-store.js';

// SQLite backend
export type { SqliteCompactionOptions, SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { SqliteStore } from './sqlite/sqlite-store.js';
