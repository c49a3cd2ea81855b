import { execFile } from 'node:child_process';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../patch/json-value.js';
import type { KubectlFixture } from './fixtures/kubectl-fixtures.js';
import { KUBECTL_FIXTURES_URL, readKubectlFixtures, withoutNulls } from './fixtures/kubectl-fixtures.js';
import { decodeKubernetesProtobuf, encodeKubernetesProtobuf } from './kubernetes-protobuf.js';

// Drives the real kubectl 1.33 against a throwaway loopback server that records the protobuf bodies
// of typed `create` commands, and checks each against kubectl's own JSON for the same command.
// Skipped where kubectl.1.33 is absent, except in CI, which has it.
// UPDATE_PROTOBUF_FIXTURES=1 rewrites fixtures/kubectl-1.33.json from the capture.

const run = promisify(execFile);

function findKubectl(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'kubectl.1.33');
    if (dir !== '' && existsSync(candidate)) return candidate;
    const dispatcher = join(dir, 'kubectl');
    if (dir !== '' && existsSync(dispatcher)) {
      const beside = join(dirname(realpathSync(dispatcher)), 'kubectl.1.33');
      if (existsSync(beside)) return beside;
    }
  }
  return undefined;
}

interface Command {
  readonly name: string;
  readonly args: readonly string[];
  /** expected is the decoded object for commands without `--dry-run=client -o json`. */
  readonly expected?: JsonObject;
}

const COMMANDS: readonly Command[] = [
  { name: 'namespace', args: ['create', 'namespace', 'demo'] },
  {
    name: 'configmap',
    args: ['create', 'configmap', 'settings', '--from-literal=color=blue', '--from-literal=size=L'],
  },
  {
    name: 'secret',
    args: ['create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=pw=s3cr3t'],
  },
  { name: 'serviceaccount', args: ['create', 'serviceaccount', 'robot'] },
  { name: 'deployment', args: ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80'] },
  { name: 'job', args: ['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hi'] },
  {
    name: 'cronjob',
    args: ['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date'],
  },
  { name: 'role', args: ['create', 'role', 'reader', '--verb=get,list', '--resource=pods,configmaps'] },
  { name: 'clusterrole', args: ['create', 'clusterrole', 'viewer', '--verb=get', '--resource=nodes'] },
  {
    name: 'rolebinding',
    args: ['create', 'rolebinding', 'read', '--role=reader', '--user=bob', '--serviceaccount=default:robot'],
  },
  {
    name: 'clusterrolebinding',
    args: ['create', 'clusterrolebinding', 'view', '--clusterrole=viewer', '--group=devs'],
  },
  {
    name: 'priorityclass',
    args: [
      'create',
      'priorityclass',
      'high',
      '--value=1000',
      '--description=important',
      '--preemption-policy=Never',
    ],
  },
  { name: 'quota', args: ['create', 'quota', 'limits', '--hard=pods=10,cpu=2,memory=1Gi'] },
  { name: 'service', args: ['create', 'service', 'nodeport', 'front', '--tcp=80:8080'] },
  {
    name: 'selfsubjectaccessreview',
    args: ['auth', 'can-i', 'create', 'pods', '--namespace=default'],
    expected: {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
      status: { allowed: false },
    },
  },
  {
    name: 'tokenrequest',
    args: ['create', 'token', 'robot', '--duration=1h'],
    expected: {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: {},
      spec: { expirationSeconds: 3600 },
      status: { token: '' },
    },
  },
];

const RESOURCES: Record<string, [string, string, boolean][]> = {
  v1: [
    ['namespaces', 'Namespace', false],
    ['configmaps', 'ConfigMap', true],
    ['secrets', 'Secret', true],
    ['serviceaccounts', 'ServiceAccount', true],
    ['services', 'Service', true],
    ['pods', 'Pod', true],
    ['nodes', 'Node', false],
    ['resourcequotas', 'ResourceQuota', true],
  ],
  'apps/v1': [['deployments', 'Deployment', true]],
  'batch/v1': [
    ['jobs', 'Job', true],
    ['cronjobs', 'CronJob', true],
  ],
  'rbac.authorization.k8s.io/v1': [
    ['roles', 'Role', true],
    ['clusterroles', 'ClusterRole', false],
    ['rolebindings', 'RoleBinding', true],
    ['clusterrolebindings', 'ClusterRoleBinding', false],
  ],
  'scheduling.k8s.io/v1': [['priorityclasses', 'PriorityClass', false]],
  'authorization.k8s.io/v1': [['selfsubjectaccessreviews', 'SelfSubjectAccessReview', false]],
};

interface Captured {
  readonly path: string;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

/** startCaptureServer serves just enough discovery for kubectl and records every POST body. */
async function startCaptureServer(): Promise<{ server: http.Server; url: string; posts: Captured[] }> {
  const posts: Captured[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (code: number, body: unknown): void => {
        res.writeHead(code, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method === 'POST') {
        posts.push({ path, contentType: req.headers['content-type'], body: Buffer.concat(chunks) });
        send(201, { kind: 'Status', apiVersion: 'v1', status: 'Success', code: 201 });
        return;
      }
      if (path === '/api') {
        send(200, { kind: 'APIVersions', versions: ['v1'] });
        return;
      }
      if (path === '/apis') {
        const groups = Object.keys(RESOURCES)
          .filter((gv) => gv !== 'v1')
          .map((gv) => {
            const version = { groupVersion: gv, version: 'v1' };
            return { name: gv.split('/')[0], versions: [version], preferredVersion: version };
          });
        send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
        return;
      }
      const match = /^\/(?:api|apis\/([^/]+))\/v1$/.exec(path);
      const groupVersion = match === null ? undefined : match[1] === undefined ? 'v1' : `${match[1]}/v1`;
      if (groupVersion !== undefined && RESOURCES[groupVersion] !== undefined) {
        const resources = RESOURCES[groupVersion].map(([name, kind, namespaced]) => ({
          name,
          singularName: '',
          namespaced,
          kind,
          verbs: ['create', 'get', 'list', 'delete'],
        }));
        send(200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources });
        return;
      }
      send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, posts };
}

async function kubectl(binary: string, server: string, args: readonly string[]): Promise<string> {
  const options = { timeout: 20_000, env: { ...process.env, KUBECONFIG: '/dev/null' } };
  try {
    return (await run(binary, [`--server=${server}`, ...args], options)).stdout;
  } catch (err) {
    // `auth can-i` answers "no" with exit code 1 and `create token` fails on our canned reply:
    // the request was made all the same.
    return (err as { stdout?: string }).stdout ?? '';
  }
}

/** dryRun asks the same command for its JSON, flags placed before any `--` that starts the container command. */
function dryRun(args: readonly string[]): string[] {
  const flags = ['--dry-run=client', '-o', 'json'];
  const split = args.indexOf('--');
  return split < 0 ? [...args, ...flags] : [...args.slice(0, split), ...flags, ...args.slice(split)];
}

const binary = findKubectl();
const inCi = process.env.CI === 'true';

describe.skipIf(binary === undefined && !inCi)('protobuf bodies from the real kubectl 1.33', () => {
  let capture: Awaited<ReturnType<typeof startCaptureServer>>;

  beforeAll(async () => {
    capture = await startCaptureServer();
  });

  afterAll(async () => {
    await new Promise((resolve) => capture.server.close(resolve));
  });

  it('finds kubectl.1.33', () => {
    expect(binary, 'kubectl.1.33 is on PATH or beside the kubectl dispatcher').toBeDefined();
  });

  it('decodes every typed create to kubectl’s own JSON and re-encodes it byte for byte', async () => {
    if (binary === undefined) return;
    const fixtures: KubectlFixture[] = [];
    for (const command of COMMANDS) {
      const before = capture.posts.length;
      await kubectl(binary, capture.url, command.args);
      expect(capture.posts.length, command.name).toBe(before + 1);
      const post = capture.posts[before] as Captured;
      expect(post.contentType, command.name).toBe('application/vnd.kubernetes.protobuf');
      const json =
        command.expected ??
        (withoutNulls(JSON.parse(await kubectl(binary, capture.url, dryRun(command.args)))) as JsonObject);
      const decoded = decodeKubernetesProtobuf(post.body);
      expect(decoded.object, command.name).toEqual(json);
      expect(decoded.unknownFields, command.name).toEqual([]);
      expect(Buffer.from(encodeKubernetesProtobuf(decoded.object)).toString('base64'), command.name).toBe(
        post.body.toString('base64'),
      );
      fixtures.push({
        name: command.name,
        args: command.args,
        path: post.path,
        body: post.body.toString('base64'),
        json,
      });
    }
    if (process.env.UPDATE_PROTOBUF_FIXTURES === '1') {
      writeFileSync(KUBECTL_FIXTURES_URL, `${JSON.stringify(fixtures, null, 2)}\n`);
    }
    expect(fixtures.map(({ name, body }) => ({ name, body }))).toEqual(
      readKubectlFixtures().map(({ name, body }) => ({ name, body })),
    );
  }, 120_000);
});
