import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { etcdAvailability, startEtcd } from './etcd-process.js';

const etcd = etcdAvailability();

/** answers tells whether an etcd client URL answers /health at all. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** eventually polls `check` every 50 ms until it holds, for at most `timeoutMs`. */
async function eventually(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('etcdAvailability', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['finds an executable etcd on PATH', { executable: true, ci: undefined }, { available: true }],
    ['skips with a reason when etcd is missing', { executable: false, ci: undefined }, { available: false }],
    ['skips when CI is set to something else', { executable: false, ci: '1' }, { available: false }],
    [
      'does not count a file that cannot be executed',
      { executable: 'not-executable', ci: undefined },
      { available: false },
    ],
  ] as const)('%s', (_what, setup, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'capstan-path-'));
    dirs.push(dir);
    if (setup.executable !== false) {
      writeFileSync(join(dir, 'etcd'), '#!/bin/sh\n');
      chmodSync(join(dir, 'etcd'), setup.executable === true ? 0o755 : 0o644);
    }
    vi.stubEnv('PATH', dir);
    vi.stubEnv('CI', setup.ci);
    const availability = etcdAvailability();
    expect(availability.available).toBe(expected.available);
    if (!availability.available) expect(availability.reason).toMatch(/etcd/);
  });

  it('throws when etcd is missing and CI=true, so that etcd tests fail instead of skipping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'capstan-path-'));
    dirs.push(dir);
    vi.stubEnv('PATH', dir);
    vi.stubEnv('CI', 'true');
    expect(() => etcdAvailability()).toThrow(/etcd is required when CI=true/);
  });
});

describe.skipIf(!etcd.available)(`startEtcd${etcd.available ? '' : ` (skipped: ${etcd.reason})`}`, () => {
  it('starts a healthy member on loopback, and stop ends it and removes its directory', async () => {
    const server = await startEtcd();
    expect(server.endpoints).toHaveLength(1);
    expect(server.endpoints[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(existsSync(join(server.directory, 'm0'))).toBe(true);
    expect(await answers(server.endpoints[0]!)).toBe(true);
    await server.stop();
    expect(await answers(server.endpoints[0]!)).toBe(false);
    expect(existsSync(server.directory)).toBe(false);
  });

  it('kills and restarts one member of three, which rejoins on the same port', async () => {
    const cluster = await startEtcd({ members: 3 });
    try {
      expect(new Set(cluster.endpoints).size).toBe(3);
      expect([0, 1, 2]).toContain(await cluster.leader());
      await cluster.kill(2);
      expect(await answers(cluster.endpoints[2]!)).toBe(false);
      await cluster.healthy();
      await cluster.restart(2);
      expect(await answers(cluster.endpoints[2]!)).toBe(true);
    } finally {
      await cluster.stop();
    }
  });

  it('ends etcd and removes its directory when the process that started it is killed', async () => {
    const harness = fileURLToPath(new URL('./etcd-process.ts', import.meta.url));
    const script =
      `const { startEtcd } = await import(${JSON.stringify(harness)});` +
      'const e = await startEtcd({ members: 3 });' +
      'console.log(JSON.stringify({ endpoints: e.endpoints, directory: e.directory }));' +
      'setInterval(() => {}, 1000);';
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const started = await new Promise<{ endpoints: string[]; directory: string }>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('\n')) resolve(JSON.parse(output));
        });
        child.once('exit', (code) => reject(new Error(`the child exited with ${code} before starting etcd`)));
      });
      expect(await answers(started.endpoints[0]!)).toBe(true);
      child.kill('SIGKILL');
      for (const endpoint of started.endpoints) {
        await eventually(`${endpoint} stops answering`, async () => !(await answers(endpoint)));
      }
      await eventually(`${started.directory} is removed`, () => !existsSync(started.directory));
    } finally {
      child.kill('SIGKILL');
    }
  });
});
