import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { Namespace } from '../resources/core-v1.js';
import { createClient } from './client.js';
import { parseKubeconfig } from './kubeconfig.js';
import { resolveKubeconfig, transportFromKubeconfig } from './kubeconfig-connection.js';
import { createTestCertificates } from './test-certificates.js';

const dir = mkdtempSync(join(tmpdir(), 'capstan-kubeconfig-connection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

file('ca.crt', 'FILE-CA');
file('user.crt', 'FILE-CERT');
file('user.key', 'FILE-KEY');
file('token', '  file-token\n');
file('empty-token', '\n');

/** config builds a kubeconfig in `dir` with one context `c` from a cluster and a user section. */
function config(cluster: string, user?: string, context = '{ cluster: k, user: u }') {
  return parseKubeconfig(
    `current-context: c
clusters: [{ name: k, cluster: ${cluster} }]
users: [{ name: u, user: ${user ?? '{}'} }]
contexts:
- { name: c, context: ${context} }
- { name: other, context: { cluster: k, namespace: team-b } }
`,
    join(dir, 'config'),
  );
}

describe('resolveKubeconfig', () => {
  it.each([
    ['a bare server', '{ server: "http://127.0.0.1:8080" }', undefined, { server: 'http://127.0.0.1:8080' }],
    [
      'files',
      '{ server: "https://s", certificate-authority: ca.crt, tls-server-name: api }',
      '{ client-certificate: user.crt, client-key: user.key, tokenFile: token }',
      {
        server: 'https://s',
        ca: 'FILE-CA',
        tlsServerName: 'api',
        clientCert: 'FILE-CERT',
        clientKey: 'FILE-KEY',
        token: 'file-token',
      },
    ],
    [
      'data fields, which win over files',
      `{ server: "https://s", certificate-authority: ca.crt, certificate-authority-data: "${b64('DATA-CA')}" }`,
      `{ client-certificate: missing.crt, client-certificate-data: "${b64('DATA-CERT')}",
         client-key: user.key, client-key-data: "${b64('DATA-KEY').replace(/(.{4})/, '$1\\n ')}" }`,
      { server: 'https://s', ca: 'DATA-CA', clientCert: 'DATA-CERT', clientKey: 'DATA-KEY' },
    ],
    [
      'a token, which wins over tokenFile',
      '{ server: "https://s", insecure-skip-tls-verify: true }',
      '{ token: direct, tokenFile: missing }',
      { server: 'https://s', insecureSkipTLSVerify: true, token: 'direct' },
    ],
  ])('reads %s', (_, cluster, user, transport) => {
    expect(resolveKubeconfig(config(cluster, user))).toEqual({
      context: 'c',
      namespace: 'default',
      transport,
    });
  });

  it("uses the named context and the context's namespace", () => {
    expect(resolveKubeconfig(config('{ server: "https://s" }'), { context: 'other' })).toEqual({
      context: 'other',
      namespace: 'team-b',
      transport: { server: 'https://s' },
    });
  });

  const from = join(dir, 'config');
  it.each([
    [
      'no current context',
      parseKubeconfig(''),
      undefined,
      'no current-context is set in the kubeconfig; name a context',
    ],
    ['an unknown context', config('{ server: s }'), 'nope', `context "nope" not found in ${from}`],
    [
      'an unknown cluster',
      config('{ server: s }', '{}', '{ cluster: x }'),
      undefined,
      `cluster "x" of context "c" not found in ${from}`,
    ],
    [
      'an unknown user',
      config('{ server: s }', '{}', '{ cluster: k, user: x }'),
      undefined,
      `user "x" of context "c" not found in ${from}`,
    ],
    ['no server', config('{}'), undefined, 'cluster "k" has no server'],
    [
      'a proxy',
      config('{ server: s, proxy-url: "http://p" }'),
      undefined,
      'cluster "k": proxy-url is not supported',
    ],
    [
      'a CA with insecure-skip-tls-verify',
      config('{ server: s, certificate-authority: ca.crt, insecure-skip-tls-verify: true }'),
      undefined,
      'cluster "k": specifying a root certificates file with the insecure flag is not allowed',
    ],
    [
      'an exec plugin',
      config('{ server: s }', '{ exec: { command: aws } }'),
      undefined,
      'user "u": exec credential plugins are not supported; use a token, tokenFile or client certificate',
    ],
    [
      'an auth-provider',
      config('{ server: s }', '{ auth-provider: { name: oidc } }'),
      undefined,
      'user "u": auth-provider plugins are not supported; use a token, tokenFile or client certificate',
    ],
    [
      'basic authentication',
      config('{ server: s }', '{ username: a, password: b }'),
      undefined,
      'user "u": basic authentication (username/password) is not supported',
    ],
    [
      'a certificate without a key',
      config('{ server: s }', '{ client-certificate: user.crt }'),
      undefined,
      'user "u": client-key-data or client-key must be specified to use the clientCert authentication method',
    ],
    [
      'a key without a certificate',
      config('{ server: s }', '{ client-key: user.key }'),
      undefined,
      'user "u": client-cert-data or client-cert must be specified to use the clientCert authentication method',
    ],
    [
      'invalid base64',
      config('{ server: s, certificate-authority-data: "not*base64" }'),
      undefined,
      'cluster "k": certificate-authority-data is not valid base64',
    ],
    [
      'an empty tokenFile',
      config('{ server: s }', '{ tokenFile: empty-token }'),
      undefined,
      `user "u": tokenFile ${join(dir, 'empty-token')} is empty`,
    ],
  ])('refuses %s', (_, kubeconfig, context, message) => {
    expect(() => resolveKubeconfig(kubeconfig, context === undefined ? {} : { context })).toThrow(message);
  });

  it('names a file it cannot read', () => {
    expect(() => resolveKubeconfig(config('{ server: s }', '{ tokenFile: missing }'))).toThrow(
      new RegExp(`^user "u": cannot read tokenFile ${join(dir, 'missing')}: ENOENT`),
    );
  });
});

describe('transportFromKubeconfig', () => {
  it('reaches an HTTPS server with the CA and client certificate of the kubeconfig', async (ctx) => {
    const certs = createTestCertificates();
    if (typeof certs === 'string') return ctx.skip(certs);
    const server = https.createServer(
      {
        key: certs.serverKey,
        cert: certs.serverCert,
        ca: certs.ca,
        requestCert: true,
        rejectUnauthorized: true,
      },
      (req, res) => {
        const user = (req.socket as TLSSocket).getPeerCertificate().subject?.CN;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: user, uid: req.url } }),
        );
      },
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const kubeconfig = parseKubeconfig(`
current-context: tls
clusters: [{ name: local, cluster: { server: "https://localhost:${port}", certificate-authority-data: "${b64(certs.ca)}" } }]
users: [{ name: alice, user: { client-certificate: ${certs.files.clientCert}, client-key-data: "${b64(certs.clientKey)}" } }]
contexts: [{ name: tls, context: { cluster: local, user: alice } }]
`);
    const transport = transportFromKubeconfig(kubeconfig, { userAgent: 'test' });
    try {
      const ns = await createClient({ transport }).resource(Namespace).get('kube-system');
      expect(ns.metadata).toEqual({ name: 'alice', uid: '/api/v1/namespaces/kube-system' });
    } finally {
      transport.close();
      server.closeAllConnections();
      server.close();
      certs.remove();
    }
  });
});
