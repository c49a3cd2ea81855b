import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** KubeconfigCluster is one `clusters[].cluster` entry; file paths are absolute. */
export interface KubeconfigCluster {
  readonly server?: string;
  /** Path of a PEM file of certificate authorities (`certificate-authority`). */
  readonly certificateAuthority?: string;
  /** Base64 of PEM certificate authorities (`certificate-authority-data`); wins over the file. */
  readonly certificateAuthorityData?: string;
  readonly insecureSkipTLSVerify?: boolean;
  readonly tlsServerName?: string;
  readonly proxyUrl?: string;
}

/** KubeconfigUser is one `users[].user` entry; file paths are absolute. */
export interface KubeconfigUser {
  readonly token?: string;
  /** Path of a file holding the token (`tokenFile`); `token` wins over it. */
  readonly tokenFile?: string;
  /** Path of a PEM client certificate (`client-certificate`). */
  readonly clientCertificate?: string;
  /** Base64 of a PEM client certificate (`client-certificate-data`); wins over the file. */
  readonly clientCertificateData?: string;
  /** Path of the PEM key of the client certificate (`client-key`). */
  readonly clientKey?: string;
  /** Base64 of the PEM key (`client-key-data`); wins over the file. */
  readonly clientKeyData?: string;
  readonly username?: string;
  readonly password?: string;
  /** An exec credential plugin, kept only to be refused clearly. */
  readonly exec?: unknown;
  /** An auth-provider plugin, kept only to be refused clearly. */
  readonly authProvider?: unknown;
}

/** KubeconfigContext is one `contexts[].context` entry. */
export interface KubeconfigContext {
  readonly cluster: string;
  readonly user?: string;
  readonly namespace?: string;
}

/**
 * Kubeconfig is a kubeconfig (one file, or several merged as kubectl merges them), with its
 * clusters, users and contexts by name and the files it came from.
 */
export interface Kubeconfig {
  readonly currentContext?: string;
  readonly clusters: ReadonlyMap<string, KubeconfigCluster>;
  readonly users: ReadonlyMap<string, KubeconfigUser>;
  readonly contexts: ReadonlyMap<string, KubeconfigContext>;
  /** The files it was read from, highest precedence first; empty when parsed from text. */
  readonly sources: readonly string[];
}

const text = z.string().nullish();
const named = <S extends z.ZodType>(field: string, schema: S) =>
  z.array(z.looseObject({ name: z.string(), [field]: schema.nullish() })).nullish();

const KubeconfigFile = z.looseObject({
  'current-context': text,
  clusters: named(
    'cluster',
    z.looseObject({
      server: text,
      'certificate-authority': text,
      'certificate-authority-data': text,
      'insecure-skip-tls-verify': z.boolean().nullish(),
      'tls-server-name': text,
      'proxy-url': text,
    }),
  ),
  users: named(
    'user',
    z.looseObject({
      token: text,
      tokenFile: text,
      'client-certificate': text,
      'client-certificate-data': text,
      'client-key': text,
      'client-key-data': text,
      username: text,
      password: text,
      exec: z.unknown().optional(),
      'auth-provider': z.unknown().optional(),
    }),
  ),
  contexts: named('context', z.looseObject({ cluster: text, user: text, namespace: text })),
});

type Entry = Record<string, unknown>;

/**
 * parseKubeconfig reads the YAML (or JSON) text of one kubeconfig. Relative file paths are
 * resolved against the directory of `source` (the current directory without one); empty fields
 * count as unset. It throws an `Error` naming `source` for invalid YAML, a field of the wrong
 * type, or a name used twice in one list.
 */
export function parseKubeconfig(yamlText: string, source?: string): Kubeconfig {
  const where = source ?? 'kubeconfig';
  let document: unknown;
  try {
    document = parseYaml(yamlText);
  } catch (err) {
    throw new Error(`${where}: invalid YAML: ${(err as Error).message}`, { cause: err });
  }
  const parsed = KubeconfigFile.safeParse(document ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: invalid kubeconfig: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const file = parsed.data;
  const base = source === undefined ? process.cwd() : dirname(resolve(source));
  const path = (value: unknown) => {
    const v = present(value);
    return v === undefined ? undefined : resolve(base, v);
  };
  const clusters = byName(where, 'cluster', file.clusters, (c) =>
    defined<KubeconfigCluster>({
      server: present(c.server),
      certificateAuthority: path(c['certificate-authority']),
      certificateAuthorityData: present(c['certificate-authority-data']),
      insecureSkipTLSVerify:
        typeof c['insecure-skip-tls-verify'] === 'boolean' ? c['insecure-skip-tls-verify'] : undefined,
      tlsServerName: present(c['tls-server-name']),
      proxyUrl: present(c['proxy-url']),
    }),
  );
  const users = byName(where, 'user', file.users, (u) =>
    defined<KubeconfigUser>({
      token: present(u.token),
      tokenFile: path(u.tokenFile),
      clientCertificate: path(u['client-certificate']),
      clientCertificateData: present(u['client-certificate-data']),
      clientKey: path(u['client-key']),
      clientKeyData: present(u['client-key-data']),
      username: present(u.username),
      password: present(u.password),
      exec: u.exec ?? undefined,
      authProvider: u['auth-provider'] ?? undefined,
    }),
  );
  const contexts = byName(where, 'context', file.contexts, (c) =>
    defined<KubeconfigContext>({
      cluster: present(c.cluster) ?? '',
      user: present(c.user),
      namespace: present(c.namespace),
    }),
  );
  return defined<Kubeconfig>({
    currentContext: present(file['current-context']),
    clusters,
    users,
    contexts,
    sources: source === undefined ? [] : [resolve(source)],
  });
}

/**
 * mergeKubeconfigs merges configs as kubectl merges the files of `KUBECONFIG`: the first config
 * to name a cluster, user or context wins (entries are never merged field by field), and so does
 * the first to set `currentContext`.
 */
export function mergeKubeconfigs(configs: readonly Kubeconfig[]): Kubeconfig {
  const firstWins = <V>(pick: (c: Kubeconfig) => ReadonlyMap<string, V>) => {
    const merged = new Map<string, V>();
    for (const config of configs) {
      for (const [name, value] of pick(config)) if (!merged.has(name)) merged.set(name, value);
    }
    return merged;
  };
  return defined<Kubeconfig>({
    currentContext: configs.find((c) => c.currentContext !== undefined)?.currentContext,
    clusters: firstWins((c) => c.clusters),
    users: firstWins((c) => c.users),
    contexts: firstWins((c) => c.contexts),
    sources: configs.flatMap((c) => c.sources),
  });
}

/** KubeconfigEnvironment is where {@link loadKubeconfig} looks: the `KUBECONFIG` and `HOME` variables. */
export interface KubeconfigEnvironment {
  readonly KUBECONFIG?: string | undefined;
  readonly HOME?: string | undefined;
}

/**
 * loadKubeconfig reads the kubeconfig kubectl would use: the file at `path` when one is given;
 * else every file listed in `KUBECONFIG` (separated by `:`, `;` on Windows; files that do not
 * exist are skipped) merged by {@link mergeKubeconfigs}; else `~/.kube/config`. It throws an
 * `Error` naming the file when a file cannot be read or parsed, and when there is no file at all.
 */
export function loadKubeconfig(path?: string, env: KubeconfigEnvironment = process.env): Kubeconfig {
  if (path !== undefined) return readKubeconfig(path);
  const listed = env.KUBECONFIG?.split(delimiter).filter((p) => p !== '') ?? [];
  if (listed.length > 0) {
    const files = [...new Set(listed.map((p) => resolve(p)))];
    const existing = files.filter((f) => existsSync(f));
    if (existing.length === 0)
      throw new Error(`no kubeconfig: none of the KUBECONFIG files exist (${files.join(', ')})`);
    return mergeKubeconfigs(existing.map(readKubeconfig));
  }
  const defaultPath = join(env.HOME ?? homedir(), '.kube', 'config');
  if (!existsSync(defaultPath))
    throw new Error(`no kubeconfig: KUBECONFIG is not set and ${defaultPath} does not exist`);
  return readKubeconfig(defaultPath);
}

function readKubeconfig(path: string): Kubeconfig {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read kubeconfig ${path}: ${(err as Error).message}`, { cause: err });
  }
  return parseKubeconfig(content, path);
}

function byName<V>(
  where: string,
  what: string,
  entries: readonly Entry[] | null | undefined,
  convert: (entry: Entry) => V,
): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const entry of entries ?? []) {
    const name = entry.name as string;
    if (map.has(name))
      throw new Error(`${where}: invalid kubeconfig: duplicate ${what} name ${JSON.stringify(name)}`);
    map.set(name, convert((entry[what] ?? {}) as Entry));
  }
  return map;
}

function present(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** defined drops the properties whose value is `undefined`, as optional properties want. */
function defined<T>(object: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
