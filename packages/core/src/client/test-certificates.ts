import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * TestCertificates are a throwaway CA, a server certificate for `127.0.0.1`/`localhost` and a
 * client certificate for `alice` (group `devs`) signed by it, for tests of TLS transports: the
 * PEM texts and the files they were written to.
 */
export interface TestCertificates {
  readonly dir: string;
  readonly ca: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  readonly files: { readonly ca: string; readonly clientCert: string; readonly clientKey: string };
  /** remove deletes the directory. */
  remove(): void;
}

/**
 * createTestCertificates generates {@link TestCertificates} with the `openssl` command (P-256 keys,
 * valid for a day) in a new temporary directory. Without `openssl` it returns the reason as a
 * string so a test can skip, except under `CI=true`, where it throws: CI must run these tests.
 */
export function createTestCertificates(): TestCertificates | string {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.error !== undefined || probe.status !== 0) {
    const reason = `openssl is not available (${probe.error?.message ?? probe.stderr.trim()})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI must run the TLS tests`);
    return reason;
  }
  const dir = mkdtempSync(join(tmpdir(), 'capstan-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 20_000 });
  const key = (name: string) =>
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file(name));
  const sign = (name: string, subject: string, extensions: string) => {
    key(`${name}.key`);
    openssl('req', '-new', '-key', file(`${name}.key`), '-subj', subject, '-out', file(`${name}.csr`));
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file('ca.crt'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      file(`${name}.ext`),
      '-out',
      file(`${name}.crt`),
    );
  };
  key('ca.key');
  openssl(
    'req',
    '-x509',
    '-new',
    '-key',
    file('ca.key'),
    '-subj',
    '/CN=capstan-test-ca',
    '-days',
    '1',
    '-out',
    file('ca.crt'),
  );
  sign('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  sign('client', '/O=devs/CN=alice', 'extendedKeyUsage=clientAuth\n');
  const read = (name: string) => readFileSync(file(name), 'utf8');
  return {
    dir,
    ca: read('ca.crt'),
    serverCert: read('server.crt'),
    serverKey: read('server.key'),
    clientCert: read('client.crt'),
    clientKey: read('client.key'),
    files: { ca: file('ca.crt'), clientCert: file('client.crt'), clientKey: file('client.key') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
