import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKubeconfig, parseKubeconfig } from './kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'capstan-kubeconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('parseKubeconfig', () => {
  it('reads clusters, users and contexts, resolving relative paths against the file', () => {
    const config = parseKubeconfig(
      `
apiVersion: v1
kind: Config
preferences: {}
current-context: dev
clusters:
- name: local
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority: certs/ca.crt
    tls-server-name: api.local
- name: remote
  cluster:
    server: https://example.test
    certificate-authority-data: Q0E=
    insecure-skip-tls-verify: false
    proxy-url: ""
users:
- name: alice
  user:
    client-certificate: /abs/alice.crt
    client-key: ../alice.key
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
- name: bot
  user:
    token: abc
    tokenFile: token.txt
- name: nobody
contexts:
- name: dev
  context: { cluster: local, user: alice, namespace: team-a }
- name: ops
  context:
    cluster: remote
    user: bot
`,
      join(dir, 'sub', 'config'),
    );
    expect(config).toEqual({
      currentContext: 'dev',
      clusters: new Map([
        [
          'local',
          {
            server: 'https://127.0.0.1:6443',
            certificateAuthority: join(dir, 'sub', 'certs', 'ca.crt'),
            tlsServerName: 'api.local',
          },
        ],
        [
          'remote',
          { server: 'https://example.test', certificateAuthorityData: 'Q0E=', insecureSkipTLSVerify: false },
        ],
      ]),
      users: new Map([
        [
          'alice',
          {
            clientCertificate: '/abs/alice.crt',
            clientKey: join(dir, 'alice.key'),
            clientCertificateData: 'Q0VSVA==',
            clientKeyData: 'S0VZ',
          },
        ],
        ['bot', { token: 'abc', tokenFile: join(dir, 'sub', 'token.txt') }],
        ['nobody', {}],
      ]),
      contexts: new Map([
        ['dev', { cluster: 'local', user: 'alice', namespace: 'team-a' }],
        ['ops', { cluster: 'remote', user: 'bot' }],
      ]),
      sources: [join(dir, 'sub', 'config')],
    });
  });

  it('keeps exec and auth-provider sections so they can be refused', () => {
    const config = parseKubeconfig(`
users:
- name: cloud
  user:
    exec: { command: gke-gcloud-auth-plugin, apiVersion: client.authentication.k8s.io/v1 }
- name: old
  user:
    auth-provider: { name: oidc }
`);
    expect(config.users.get('cloud')?.exec).toEqual({
      command: 'gke-gcloud-auth-plugin',
      apiVersion: 'client.authentication.k8s.io/v1',
    });
    expect(config.users.get('old')?.authProvider).toEqual({ name: 'oidc' });
  });

  it.each([
    ['an empty file', ''],
    ['an empty object', '{}'],
    ['null lists', 'clusters:\nusers:\ncontexts:\ncurrent-context:\n'],
    ['JSON', '{"clusters":[],"users":[],"contexts":[],"current-context":""}'],
  ])('reads %s as an empty config', (_, text) => {
    expect(parseKubeconfig(text)).toEqual({
      clusters: new Map(),
      users: new Map(),
      contexts: new Map(),
      sources: [],
    });
  });

  it.each([
    ['invalid YAML', 'clusters: [', /^k: invalid YAML: /],
    ['a list of the wrong type', 'clusters: 5', /^k: invalid kubeconfig: clusters: /],
    [
      'a field of the wrong type',
      'clusters:\n- name: a\n  cluster: { server: 5 }',
      /^k: invalid kubeconfig: clusters\.0\.cluster\.server: /,
    ],
    ['an entry without a name', 'users:\n- user: { token: x }', /^k: invalid kubeconfig: users\.0\.name: /],
    [
      'a duplicate name',
      'contexts:\n- name: a\n  context: {cluster: x}\n- name: a\n  context: {cluster: y}',
      /^k: invalid kubeconfig: duplicate context name "a"$/,
    ],
  ])('refuses %s, naming the source', (_, text, message) => {
    expect(() => parseKubeconfig(text, 'k')).toThrow(message);
  });
});

describe('loadKubeconfig', () => {
  const first = write(
    'merge/first',
    `
clusters:
- name: shared
  cluster: { server: https://first }
users:
- name: u1
  user: { token: t1 }
contexts:
- name: c1
  context: { cluster: shared, user: u1 }
`,
  );
  const second = write(
    'merge/second',
    `
current-context: c2
clusters:
- name: shared
  cluster: { server: https://second, insecure-skip-tls-verify: true }
- name: only-second
  cluster: { server: https://only-second }
contexts:
- name: c1
  context: { cluster: only-second }
- name: c2
  context: { cluster: shared, namespace: ns2 }
`,
  );
  const third = write('merge/third', 'current-context: c3\n');

  it('reads the file it is given', () => {
    expect(loadKubeconfig(first, {}).contexts.get('c1')).toEqual({ cluster: 'shared', user: 'u1' });
  });

  it('merges the KUBECONFIG files as kubectl does: the first to set a name or the current context wins', () => {
    const missing = join(dir, 'merge', 'missing');
    const config = loadKubeconfig(undefined, {
      KUBECONFIG: ['', first, missing, second, first, third].join(':'),
    });
    expect(config).toEqual({
      currentContext: 'c2',
      clusters: new Map([
        ['shared', { server: 'https://first' }],
        ['only-second', { server: 'https://only-second' }],
      ]),
      users: new Map([['u1', { token: 't1' }]]),
      contexts: new Map([
        ['c1', { cluster: 'shared', user: 'u1' }],
        ['c2', { cluster: 'shared', namespace: 'ns2' }],
      ]),
      sources: [first, second, third],
    });
  });

  it('reads ~/.kube/config when KUBECONFIG is unset or empty', () => {
    const home = join(dir, 'home');
    write('home/.kube/config', 'current-context: from-home\n');
    expect(loadKubeconfig(undefined, { HOME: home }).currentContext).toBe('from-home');
    expect(loadKubeconfig(undefined, { HOME: home, KUBECONFIG: '' }).currentContext).toBe('from-home');
  });

  it('says which files it looked for when there is none', () => {
    const nowhere = join(dir, 'nowhere');
    expect(() => loadKubeconfig(undefined, { HOME: nowhere })).toThrow(
      `no kubeconfig: KUBECONFIG is not set and ${join(nowhere, '.kube', 'config')} does not exist`,
    );
    expect(() => loadKubeconfig(undefined, { KUBECONFIG: `${nowhere}/a:${nowhere}/b` })).toThrow(
      `no kubeconfig: none of the KUBECONFIG files exist (${nowhere}/a, ${nowhere}/b)`,
    );
    expect(() => loadKubeconfig(`${nowhere}/c`, {})).toThrow(
      new RegExp(`^cannot read kubeconfig ${nowhere}/c: ENOENT`),
    );
  });

  it('names the file that does not parse', () => {
    const bad = write('bad', 'clusters: 5\n');
    expect(() => loadKubeconfig(undefined, { KUBECONFIG: `${first}:${bad}` })).toThrow(
      new RegExp(`^${bad}: invalid kubeconfig: clusters: `),
    );
  });
});
