import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** EtcdAvailability tells whether tests can start etcd here, and why not when they cannot. */
export interface EtcdAvailability {
  available: boolean;
  reason?: string;
}

/** StartEtcdOptions shapes the cluster {@link startEtcd} starts. */
export interface StartEtcdOptions {
  /** How many members the cluster has (default 1). */
  members?: 1 | 3;
  /** etcd's `--max-request-bytes` (default 2 MiB, see {@link DEFAULT_MAX_REQUEST_BYTES}). */
  maxRequestBytes?: number;
}

/**
 * EtcdProcess is a throwaway etcd cluster on loopback, started by {@link startEtcd} for tests.
 * Members are numbered from 0 in the order of `endpoints`.
 */
export interface EtcdProcess {
  /** The client URLs, one per member, like `http://127.0.0.1:40123`. */
  readonly endpoints: string[];
  /** The temporary directory with every member's data (`m0`, `m1`, …) and log (`m0.log`, …). */
  readonly directory: string;
  /** stop ends every member (SIGTERM, then SIGKILL after a bound) and removes the data directories. */
  stop(): Promise<void>;
  /** kill ends one member at once with SIGKILL, as a crash would; its data stays for {@link restart}. */
  kill(member: number): Promise<void>;
  /** restart starts a member again on its ports and data (killing it first if it runs) and waits until it is healthy. */
  restart(member: number): Promise<void>;
  /** leader returns the index of the member that currently leads the cluster. */
  leader(): Promise<number>;
  /** healthy waits until every running member reports healthy (it has a leader and serves reads). */
  healthy(): Promise<void>;
}

/**
 * DEFAULT_MAX_REQUEST_BYTES is the request limit the test servers run with unless told
 * otherwise. etcd's own default (`--max-request-bytes` 1572864) is exactly `MAX_VALUE_BYTES`,
 * so a write of a value at the Store's limit would not fit once its key and the transaction
 * around it are added.
 */
const DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;
/** How often etcd sends a progress notification to an idle watch (etcd's default is 10 minutes). */
const PROGRESS_NOTIFY_INTERVAL = '500ms';
const HEALTHY_TIMEOUT_MS = 20_000;
// Short: a member of a cluster whose peers stop at the same moment waits out a leader transfer that cannot happen.
const STOP_GRACE_MS = 1000;
const PORT_ATTEMPTS = 3;
/**
 * The watchdog beside each etcd process, run as `sh -c WATCHDOG_SCRIPT etcd-watchdog <pid> <dir>`:
 * once its stdin reaches end of file it kills the etcd pid, waits (at most five seconds) for it
 * to be gone, and removes the cluster directory.
 */
const WATCHDOG_SCRIPT =
  'read -r _; kill -KILL "$1" 2>/dev/null; i=0; ' +
  'while kill -0 "$1" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done; rm -rf "$2"';

/** Every etcd and watchdog process this module started that may still run, for the exit handler. */
const running = new Set<ChildProcess>();
/** Every cluster directory not yet removed, for the exit handler. */
const directories = new Set<string>();
let exitHandlerInstalled = false;

/**
 * etcdAvailability tells whether an `etcd` binary is on PATH. When it is missing and
 * `CI=true`, it throws instead of answering, so that etcd tests fail in CI rather than skip.
 */
export function etcdAvailability(): EtcdAvailability {
  if (findEtcd() !== undefined) return { available: true };
  const reason = 'no etcd binary on PATH (on Debian or Ubuntu: apt-get install etcd-server)';
  if (process.env.CI === 'true') throw new Error(`etcd is required when CI=true: ${reason}`);
  return { available: false, reason };
}

/**
 * startEtcd starts a fresh etcd cluster of `members` members on free 127.0.0.1 ports (trying
 * new ports when one was taken meanwhile), each with its own temporary data directory and
 * settings for fast tests: short heartbeat and election timeouts, progress notifications every
 * 500 ms, a 2 MiB request limit by default. It resolves once every member reports healthy, or
 * fails within 20 s with the end of the member's log. Its processes never outlive this
 * process: an exit handler kills them, and a watchdog beside each member kills it and removes
 * the directory when this process ends in any other way (even by SIGKILL).
 */
export async function startEtcd(options: StartEtcdOptions = {}): Promise<EtcdProcess> {
  const binary = findEtcd();
  if (binary === undefined) throw new Error('cannot start etcd: no etcd binary on PATH');
  installExitHandler();
  let lastError: unknown;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const cluster = new EtcdCluster(
      binary,
      options.members ?? 1,
      await freePorts(2 * (options.members ?? 1)),
      options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    );
    try {
      await cluster.start();
      return cluster;
    } catch (err) {
      lastError = err;
      await cluster.stop();
      // Another process took a port between picking and binding it: try again with new ports.
      if (!(err instanceof Error && err.message.includes('address already in use'))) break;
    }
  }
  throw lastError;
}

/** findEtcd returns the path of the first executable `etcd` on PATH. */
function findEtcd(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'etcd');
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** freePorts finds `count` distinct free ports on 127.0.0.1 by binding them all at once. */
async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port bound');
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });
}

/** processEnv is this process's environment without ETCD_* variables, which etcd would read as flags. */
function processEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ETCD_')));
}

/** waitForExit resolves once `child` has exited, or with false after `timeoutMs`. */
function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    // The timer is what keeps the event loop alive meanwhile: the child itself is unref'd.
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** memberStatus asks a member (through etcd's JSON gateway) for its own id and the id of the leader it follows. */
async function memberStatus(member: EtcdMember): Promise<{ id: string; leader: string }> {
  const response = await fetch(`${member.endpoint}/v3/maintenance/status`, {
    method: 'POST',
    body: '{}',
    signal: AbortSignal.timeout(2000),
  });
  const body = (await response.json()) as { header?: { member_id?: string }; leader?: string };
  return { id: body.header?.member_id ?? '', leader: body.leader ?? '0' };
}

/** EtcdMember is one etcd process of an {@link EtcdCluster}, with its ports and data. */
class EtcdMember {
  process: ChildProcess | undefined;
  private watchdog: ChildProcess | undefined;

  constructor(
    readonly name: string,
    readonly clientPort: number,
    readonly peerPort: number,
    readonly dataDir: string,
    readonly logFile: string,
    private readonly clusterDir: string,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.clientPort}`;
  }

  get peerUrl(): string {
    return `http://127.0.0.1:${this.peerPort}`;
  }

  /** spawn starts the member; it does not wait for it to become healthy. */
  spawn(binary: string, initialCluster: string, token: string, maxRequestBytes: number): void {
    const log = openSync(this.logFile, 'a');
    try {
      const child = spawn(
        binary,
        [
          `--name=${this.name}`,
          `--data-dir=${this.dataDir}`,
          `--listen-client-urls=${this.endpoint}`,
          `--advertise-client-urls=${this.endpoint}`,
          `--listen-peer-urls=${this.peerUrl}`,
          `--initial-advertise-peer-urls=${this.peerUrl}`,
          `--initial-cluster=${initialCluster}`,
          '--initial-cluster-state=new',
          `--initial-cluster-token=${token}`,
          '--heartbeat-interval=50',
          '--election-timeout=500',
          `--max-request-bytes=${maxRequestBytes}`,
          `--experimental-watch-progress-notify-interval=${PROGRESS_NOTIFY_INTERVAL}`,
          '--logger=zap',
          '--log-outputs=stderr',
          '--log-level=warn',
        ],
        { stdio: ['ignore', log, log], env: processEnv() },
      );
      this.track(child);
      // The watchdog kills etcd and removes the cluster directory when our end of its stdin
      // closes, which happens when this process exits in any way, even by SIGKILL. (Node opens
      // child pipes close-on-exec, so etcd does not hold that pipe open itself.)
      const watchdog = spawn(
        '/bin/sh',
        ['-c', WATCHDOG_SCRIPT, 'etcd-watchdog', String(child.pid), this.clusterDir],
        {
          stdio: ['pipe', 'ignore', 'ignore'],
        },
      );
      this.track(watchdog);
      (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
      this.process = child;
      this.watchdog = watchdog;
    } finally {
      closeSync(log);
    }
  }

  /** exited tells whether the member's process has ended (or never started). */
  exited(): boolean {
    return this.process === undefined || this.process.exitCode !== null || this.process.signalCode !== null;
  }

  /** end stops the member with `signal`, escalating to SIGKILL after {@link STOP_GRACE_MS}. */
  async end(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (child !== undefined && !this.exited()) {
      child.kill(signal);
      if (!(await waitForExit(child, STOP_GRACE_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_GRACE_MS);
      }
    }
    // etcd is gone: end the watchdog without letting it signal the now stale pid.
    const watchdog = this.watchdog;
    if (watchdog !== undefined) {
      watchdog.kill('SIGKILL');
      await waitForExit(watchdog, STOP_GRACE_MS);
    }
    this.process = undefined;
    this.watchdog = undefined;
  }

  /** logTail returns the end of the member's log, for error messages. */
  logTail(): string {
    try {
      const text = readFileSync(this.logFile, 'utf8');
      return text.slice(-2000);
    } catch {
      return '(no log)';
    }
  }

  private track(child: ChildProcess): void {
    child.unref();
    running.add(child);
    child.once('exit', () => running.delete(child));
  }
}

/** EtcdCluster implements {@link EtcdProcess}. */
class EtcdCluster implements EtcdProcess {
  readonly endpoints: string[];
  readonly directory: string;
  private readonly members: EtcdMember[];
  private readonly token = `capstan-test-${randomUUID()}`;
  private readonly initialCluster: string;

  constructor(
    private readonly binary: string,
    size: number,
    ports: number[],
    private readonly maxRequestBytes: number,
  ) {
    this.directory = mkdtempSync(join(tmpdir(), 'capstan-etcd-'));
    directories.add(this.directory);
    this.members = Array.from({ length: size }, (_, i) => {
      const dataDir = join(this.directory, `m${i}`);
      mkdirSync(dataDir, { mode: 0o700 });
      const log = join(this.directory, `m${i}.log`);
      return new EtcdMember(`m${i}`, ports[2 * i]!, ports[2 * i + 1]!, dataDir, log, this.directory);
    });
    this.endpoints = this.members.map((m) => m.endpoint);
    this.initialCluster = this.members.map((m) => `${m.name}=${m.peerUrl}`).join(',');
  }

  async start(): Promise<void> {
    for (const member of this.members)
      member.spawn(this.binary, this.initialCluster, this.token, this.maxRequestBytes);
    await Promise.all(this.members.map((m) => this.waitHealthy(m)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.members.map((m) => m.end('SIGTERM')));
    rmSync(this.directory, { recursive: true, force: true });
    directories.delete(this.directory);
  }

  async kill(member: number): Promise<void> {
    await this.member(member).end('SIGKILL');
  }

  async restart(member: number): Promise<void> {
    const m = this.member(member);
    await m.end('SIGKILL');
    m.spawn(this.binary, this.initialCluster, this.token, this.maxRequestBytes);
    await this.waitHealthy(m);
  }

  async leader(): Promise<number> {
    const statuses = await Promise.all(
      this.members.map(async (member, index) =>
        member.exited() ? undefined : { index, ...(await memberStatus(member)) },
      ),
    );
    const running = statuses.filter((status) => status !== undefined);
    const leaderId = running.find((status) => status.leader !== '0')?.leader;
    const leader = running.find((status) => status.id === leaderId);
    if (leader === undefined) throw new Error('the etcd cluster has no leader among its running members');
    return leader.index;
  }

  async healthy(): Promise<void> {
    await Promise.all(this.members.filter((m) => !m.exited()).map((m) => this.waitHealthy(m)));
  }

  private member(index: number): EtcdMember {
    const member = this.members[index];
    if (member === undefined)
      throw new RangeError(`no etcd member ${index} (the cluster has ${this.members.length})`);
    return member;
  }

  /** waitHealthy polls the member's /health until it reports healthy, it exits, or the bound passes. */
  private async waitHealthy(member: EtcdMember): Promise<void> {
    const deadline = Date.now() + HEALTHY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (member.exited()) {
        throw new Error(`etcd member ${member.name} exited while starting:\n${member.logTail()}`);
      }
      try {
        const response = await fetch(`${member.endpoint}/health`, { signal: AbortSignal.timeout(1000) });
        const body = (await response.json()) as { health?: unknown };
        if (body.health === 'true' || body.health === true) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error(
      `etcd member ${member.name} was not healthy within ${HEALTHY_TIMEOUT_MS} ms:\n${member.logTail()}`,
    );
  }
}
