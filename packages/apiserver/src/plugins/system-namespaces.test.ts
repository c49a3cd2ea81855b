import { describe, expect, it } from 'vitest';
import { type NamespaceEnsurer, SYSTEM_NAMESPACES, SystemNamespaces } from './system-namespaces.js';

/** An ensurer over a set, recording each call; `fail` names a namespace whose creation fails. */
function ensurer(existing: Set<string>, calls: string[], fail?: string): NamespaceEnsurer {
  return {
    async ensureNamespace(name) {
      calls.push(name);
      if (name === fail) throw new Error(`cannot create ${name}`);
      existing.add(name);
    },
  };
}

describe('SystemNamespaces', () => {
  it('ensures default, kube-system, kube-public and kube-node-lease, in that order', async () => {
    const existing = new Set<string>();
    const calls: string[] = [];
    await new SystemNamespaces(ensurer(existing, calls)).bootstrap();
    expect(calls).toEqual(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
    expect([...existing]).toEqual([...SYSTEM_NAMESPACES]);
  });

  it('can run again and leaves the same namespaces', async () => {
    const existing = new Set<string>(['kube-system']);
    const calls: string[] = [];
    const bootstrapper = new SystemNamespaces(ensurer(existing, calls));
    await bootstrapper.bootstrap();
    await bootstrapper.bootstrap();
    expect(existing).toEqual(new Set(SYSTEM_NAMESPACES));
    expect(calls).toHaveLength(8);
  });

  it('stops at the first namespace it cannot create, with that error', async () => {
    const calls: string[] = [];
    const bootstrapper = new SystemNamespaces(ensurer(new Set(), calls, 'kube-public'));
    await expect(bootstrapper.bootstrap()).rejects.toThrow('cannot create kube-public');
    expect(calls).toEqual(['default', 'kube-system', 'kube-public']);
  });
});
