import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Store, StoreError } from '@capstan/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EtcdStore } from './etcd/etcd-store.js';
import { type EtcdProcess, etcdAvailability, startEtcd } from './internal/etcd-process.js';
import { MemoryStore } from './memory/memory-store.js';
import { DEFAULT_SQLITE_PATH, openStore, parseStoreUrl, type StoreTarget } from './open-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

const etcd = etcdAvailability();

/** expectUnavailable asserts that opening `url` fails with Unavailable and a message naming the URL. */
async function expectUnavailable(url: string, open: () => Promise<unknown>): Promise<StoreError> {
  const err = await open().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(StoreError.is(err, 'Unavailable'), `${url}: ${String(err)}`).toBe(true);
  expect((err as StoreError).message).toContain(JSON.stringify(url));
  return err as StoreError;
}

describe('parseStoreUrl', () => {
  it.each<[string, StoreTarget]>([
    ['memory:', { backend: 'memory' }],
    ['memory://', { backend: 'memory' }],
    ['MEMORY:', { backend: 'memory' }],
    ['sqlite:', { backend: 'sqlite', path: DEFAULT_SQLITE_PATH }],
    ['sqlite:state.db', { backend: 'sqlite', path: 'state.db' }],
    ['sqlite:./data/state.db', { backend: 'sqlite', path: './data/state.db' }],
    ['sqlite:/var/lib/capstan/state.db', { backend: 'sqlite', path: '/var/lib/capstan/state.db' }],
    ['sqlite:///var/lib/capstan/state.db', { backend: 'sqlite', path: '/var/lib/capstan/state.db' }],
    ['etcd://127.0.0.1:2379', { backend: 'etcd', endpoints: ['http://127.0.0.1:2379'] }],
    ['etcd://localhost:2379/', { backend: 'etcd', endpoints: ['http://localhost:2379'] }],
    [
      'etcd://10.0.0.1:2379,etcd-1.example.com:12379,[::1]:2379',
      {
        backend: 'etcd',
        endpoints: ['http://10.0.0.1:2379', 'http://etcd-1.example.com:12379', 'http://[::1]:2379'],
      },
    ],
  ])('%s', (url, target) => {
    expect(parseStoreUrl(url)).toEqual(target);
  });

  it.each([
    ['an unknown scheme', 'mysql://localhost:3306'],
    ['no scheme', 'garbage'],
    ['an empty string', ''],
    ['a Windows path', 'C:\\capstan\\state.db'],
    ['memory: with a path', 'memory:foo'],
    ['etcd without //', 'etcd:127.0.0.1:2379'],
    ['etcd with no host', 'etcd://'],
    ['etcd with only a slash', 'etcd:///'],
    ['etcd without a port', 'etcd://127.0.0.1'],
    ['etcd with port 0', 'etcd://127.0.0.1:0'],
    ['etcd with a port over 65535', 'etcd://127.0.0.1:65536'],
    ['etcd with a port that is not a number', 'etcd://127.0.0.1:http'],
    ['etcd with no host before the port', 'etcd://:2379'],
    ['etcd with an empty entry in the list', 'etcd://a:1,,b:2'],
    ['etcd with a path', 'etcd://127.0.0.1:2379/prefix'],
    ['etcd with credentials', 'etcd://user:pw@127.0.0.1:2379'],
  ])('rejects %s with Unavailable naming the URL', async (_what, url) => {
    await expectUnavailable(url, async () => parseStoreUrl(url));
    await expectUnavailable(url, () => openStore(url));
  });
});

describe('openStore', () => {
  const opened: Store[] = [];
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'capstan-open-store-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('memory: opens a new, empty MemoryStore each time', async () => {
    const first = await openStore('memory:');
    const second = await openStore('memory:', { memory: { progressIntervalMs: 0 } });
    opened.push(first, second);
    expect(first).toBeInstanceOf(MemoryStore);
    await first.create('/a', 'v');
    expect(await second.get('/a')).toBeUndefined();
  });

  it('sqlite:<path> opens a SqliteStore that keeps its data in that file', async () => {
    const path = join(dir, 'nested', 'state.db');
    const store = await openStore(`sqlite:${path}`, { sqlite: { compaction: false } });
    expect(store).toBeInstanceOf(SqliteStore);
    const created = await store.create('/a', 'v');
    await store.close();
    const again = await openStore(`sqlite://${path}`);
    opened.push(again);
    expect(await again.get('/a')).toEqual(created);
  });

  it('sqlite: alone opens ./.capstan/state.db under the working directory', async () => {
    const cwd = process.cwd();
    const work = mkdtempSync(join(dir, 'cwd-'));
    process.chdir(work);
    try {
      opened.push(await openStore('sqlite:'));
      expect(existsSync(join(work, '.capstan', 'state.db'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('sqlite: with a file that is not a database fails with Unavailable naming the URL', async () => {
    const path = join(dir, 'corrupt.db');
    writeFileSync(path, 'this is not a SQLite database, it is a text file long enough to have a header');
    await expectUnavailable(`sqlite:${path}`, () => openStore(`sqlite:${path}`));
  });

  it('etcd:// with nothing listening fails with Unavailable naming the URL within the connect bound', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise((resolve) => server.close(resolve));
    if (address === null || typeof address === 'string') throw new Error('no port');
    const url = `etcd://127.0.0.1:${address.port}`;
    const started = Date.now();
    await expectUnavailable(url, () => openStore(url, { etcd: { connectTimeoutMs: 500 } }));
    expect(Date.now() - started).toBeLessThan(3000);
  });

  describe.skipIf(!etcd.available)(`with etcd${etcd.available ? '' : ` (skipped: ${etcd.reason})`}`, () => {
    let server: EtcdProcess | undefined;
    beforeAll(async () => {
      server = await startEtcd();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('etcd://host:port[,host:port] connects an EtcdStore to those members', async () => {
      const hostPort = server!.endpoints[0]!.replace('http://', '');
      for (const url of [`etcd://${hostPort}`, `etcd://${hostPort},${hostPort}`]) {
        const store = await openStore(url);
        opened.push(store);
        expect(store).toBeInstanceOf(EtcdStore);
        const created = await store.create(`/open-store/${opened.length}`, 'v');
        expect(await store.get(created.key)).toEqual(created);
      }
    });
  });
});
