import { readFileSync } from 'node:fs';
import { type HttpTransport, type HttpTransportOptions, httpTransport } from './http-transport.js';
import type { Kubeconfig, KubeconfigUser } from './kubeconfig.js';

/** KubeconfigConnection is what one context of a kubeconfig resolves to. */
export interface KubeconfigConnection {
  /** Name of the context used. */
  readonly context: string;
  /** The context's namespace, `default` when it names none. */
  readonly namespace: string;
  /** Server, credentials and TLS settings, with every file already read. */
  readonly transport: HttpTransportOptions;
}

/** KubeconfigContextOptions choose a context instead of the current one. */
export interface KubeconfigContextOptions {
  readonly context?: string;
}

/**
 * resolveKubeconfig resolves a context of `config` (the current context unless one is named) into
 * what an {@link httpTransport} needs, reading the referenced certificate, key and token files.
 * As kubectl does, `-data` fields win over files and `token` over `tokenFile`. It throws an
 * `Error` naming the context, cluster or user at fault when one is missing, a file cannot be
 * read, a certificate comes without its key, a CA is combined with `insecure-skip-tls-verify`, or
 * the user needs what this client does not support: exec and auth-provider plugins, basic
 * authentication, and proxies.
 */
export function resolveKubeconfig(
  config: Kubeconfig,
  options: KubeconfigContextOptions = {},
): KubeconfigConnection {
  const from = config.sources.length === 0 ? 'the kubeconfig' : config.sources.join(', ');
  const contextName = options.context ?? config.currentContext;
  if (contextName === undefined) throw new Error(`no current-context is set in ${from}; name a context`);
  const context = config.contexts.get(contextName);
  if (context === undefined) throw new Error(`context "${contextName}" not found in ${from}`);
  const cluster = config.clusters.get(context.cluster);
  if (cluster === undefined) {
    throw new Error(`cluster "${context.cluster}" of context "${contextName}" not found in ${from}`);
  }
  const clusterLabel = `cluster "${context.cluster}"`;
  if (cluster.server === undefined) throw new Error(`${clusterLabel} has no server`);
  if (cluster.proxyUrl !== undefined) throw new Error(`${clusterLabel}: proxy-url is not supported`);

  const transport: Writable<HttpTransportOptions> = { server: cluster.server };
  const ca = pemOf(
    clusterLabel,
    'certificate-authority',
    cluster.certificateAuthorityData,
    cluster.certificateAuthority,
  );
  if (cluster.insecureSkipTLSVerify === true) {
    if (ca !== undefined) {
      throw new Error(
        `${clusterLabel}: specifying a root certificates file with the insecure flag is not allowed`,
      );
    }
    transport.insecureSkipTLSVerify = true;
  }
  if (ca !== undefined) transport.ca = ca;
  if (cluster.tlsServerName !== undefined) transport.tlsServerName = cluster.tlsServerName;

  if (context.user !== undefined) {
    const user = config.users.get(context.user);
    if (user === undefined)
      throw new Error(`user "${context.user}" of context "${contextName}" not found in ${from}`);
    Object.assign(transport, credentials(`user "${context.user}"`, user));
  }
  return { context: contextName, namespace: context.namespace ?? 'default', transport };
}

/**
 * transportFromKubeconfig returns an {@link httpTransport} for a context of `config` (the current
 * context unless one is named), as {@link resolveKubeconfig} resolves it.
 */
export function transportFromKubeconfig(
  config: Kubeconfig,
  options: KubeconfigContextOptions & { readonly userAgent?: string } = {},
): HttpTransport {
  const { transport } = resolveKubeconfig(config, options);
  return httpTransport(
    options.userAgent === undefined ? transport : { ...transport, userAgent: options.userAgent },
  );
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function credentials(label: string, user: KubeconfigUser): Partial<Writable<HttpTransportOptions>> {
  if (user.exec !== undefined) {
    throw new Error(
      `${label}: exec credential plugins are not supported; use a token, tokenFile or client certificate`,
    );
  }
  if (user.authProvider !== undefined) {
    throw new Error(
      `${label}: auth-provider plugins are not supported; use a token, tokenFile or client certificate`,
    );
  }
  if (user.username !== undefined || user.password !== undefined) {
    throw new Error(`${label}: basic authentication (username/password) is not supported`);
  }
  const found: Partial<Writable<HttpTransportOptions>> = {};
  const cert = pemOf(label, 'client-certificate', user.clientCertificateData, user.clientCertificate);
  const key = pemOf(label, 'client-key', user.clientKeyData, user.clientKey);
  if (cert !== undefined && key === undefined) {
    throw new Error(
      `${label}: client-key-data or client-key must be specified to use the clientCert authentication method`,
    );
  }
  if (key !== undefined && cert === undefined) {
    throw new Error(
      `${label}: client-cert-data or client-cert must be specified to use the clientCert authentication method`,
    );
  }
  if (cert !== undefined && key !== undefined) {
    found.clientCert = cert;
    found.clientKey = key;
  }
  if (user.token !== undefined) found.token = user.token;
  else if (user.tokenFile !== undefined) {
    const token = readFile(label, 'tokenFile', user.tokenFile).trim();
    if (token === '') throw new Error(`${label}: tokenFile ${user.tokenFile} is empty`);
    found.token = token;
  }
  return found;
}

/** pemOf returns the PEM text of a `-data` field (base64) or else of the file field, or `undefined`. */
function pemOf(
  label: string,
  field: string,
  data: string | undefined,
  file: string | undefined,
): string | undefined {
  if (data !== undefined) {
    const compact = data.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
      throw new Error(`${label}: ${field}-data is not valid base64`);
    }
    return Buffer.from(compact, 'base64').toString('utf8');
  }
  return file === undefined ? undefined : readFile(label, field, file);
}

function readFile(label: string, field: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${label}: cannot read ${field} ${path}: ${(err as Error).message}`, { cause: err });
  }
}
