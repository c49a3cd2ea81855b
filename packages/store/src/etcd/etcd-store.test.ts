import { runStoreConformance } from '@capstan/core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type EtcdProcess, etcdAvailability, startEtcd } from '../internal/etcd-process.js';
import { EtcdStore } from './etcd-store.js';

const etcd = etcdAvailability();

describe.skipIf(!etcd.available)(
  `EtcdStore conformance${etcd.available ? '' : ` (skipped: ${etcd.reason})`}`,
  () => {
    let server: EtcdProcess | undefined;
    beforeAll(async () => {
      server = await startEtcd();
    });
    afterAll(async () => {
      await server?.stop();
    });

    // One etcd for the whole file; every case gets a store of its own on it. The test server
    // sends progress notifications every 500 ms, so the progress cases run too.
    runStoreConformance({ open: () => EtcdStore.connect(server!.endpoints), test: it, progress: true });
  },
);
