import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MemoryStore } from '@capstan/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, createApiServer } from './api-server.js';

// The newest kubectl on the machine (kubectl 1.33 sends protobuf bodies from its typed commands),
// against a real listening API server. Skipped when it is missing, except on CI.

function findKubectl(): string | undefined {
  try {
    const dispatcher = execFileSync('which', ['kubectl'], { encoding: 'utf8' }).trim();
    const binary = join(dirname(realpathSync(dispatcher)), 'kubectl.1.33');
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const kubectl = findKubectl();
if (kubectl === undefined && process.env.CI === 'true') {
  throw new Error('kubectl.1.33 is required on CI, next to the kubectl on the PATH');
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: demo
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

describe.skipIf(kubectl === undefined)('kubectl 1.33 against a listening API server', () => {
  const home = mkdtempSync(join(tmpdir(), 'capstan-kubectl-'));
  const store = new MemoryStore({ compaction: false, progressIntervalMs: 100 });
  let server: ApiServer;
  let address = '';

  beforeAll(async () => {
    server = createApiServer({ store });
    address = (await server.listen({ host: '127.0.0.1', port: 0 })).url;
    writeFileSync(join(home, 'deployment.yaml'), DEPLOYMENT);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(home, { recursive: true, force: true });
  });

  function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        kubectl as string,
        [...args, '--server', address, '--cache-dir', join(home, 'cache')],
        {
          env: { PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: join(home, 'none') },
          timeout: 20_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
      );
    });
  }

  it('creates a namespace, applies a deployment with validation, and gets it -o wide', async () => {
    expect(await run('create', 'namespace', 'demo')).toMatchObject({
      code: 0,
      stdout: 'namespace/demo created\n',
    });
    const applied = await run('apply', '-f', join(home, 'deployment.yaml'));
    expect(applied).toMatchObject({ code: 0, stdout: 'deployment.apps/web created\n', stderr: '' });
    const wide = await run('get', 'deployments', '-n', 'demo', '-o', 'wide');
    expect(wide.code).toBe(0);
    expect(wide.stdout).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\n/,
    );
    expect(wide.stdout).toMatch(/\nweb\s+0\/2\s+0\s+0\s+\S+\s+nginx\s+nginx:1\.27\s+app=web\n/);
    const scaled = await run('scale', 'deployment/web', '-n', 'demo', '--replicas=3');
    expect(scaled.stdout).toBe('deployment.apps/web scaled\n');
  });

  it('watches with get -w until the request times out', async () => {
    const watching = run('get', 'configmaps', '-n', 'demo', '-w', '--request-timeout=3s');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await run('create', 'configmap', 'settings', '-n', 'demo', '--from-literal=a=b')).code).toBe(0);
    const { stdout } = await watching;
    expect(stdout).toMatch(/settings\s+1\s+\S+/);
  });

  it('deletes', async () => {
    const deleted = await run('delete', 'deployment', 'web', '-n', 'demo');
    expect(deleted).toMatchObject({ code: 0, stdout: 'deployment.apps "web" deleted\n' });
    const gone = await run('get', 'deployment', 'web', '-n', 'demo');
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toContain('Error from server (NotFound): deployments.apps "web" not found');
  });
});
