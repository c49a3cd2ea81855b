import type { IOptions } from 'etcd3';

type FaultHandling = NonNullable<IOptions['faultHandling']>;
/** The shape etcd3 expects for its per-host and global fault-handling policies (cockatiel's IPolicy). */
type Policy = NonNullable<FaultHandling['global']>;
type PolicyContext = Parameters<Parameters<Policy['execute']>[0]>[0];

const NEVER_ABORTED: PolicyContext = { signal: new AbortController().signal };
const NO_SUBSCRIPTION = { dispose(): void {} };

/**
 * HostCoolingDownError is thrown, without contacting the host, for a call routed to a host
 * that failed with `UNAVAILABLE` moments ago. The request was never sent, so any call
 * (a write too) may safely be retried on another host or later.
 */
export class HostCoolingDownError extends Error {
  override readonly name = 'HostCoolingDownError';
}

/**
 * HostCooldownPolicy is the per-host fault policy EtcdStore gives the etcd3 client in place of
 * its default circuit breaker (which opens for five seconds after three failures of any
 * "recoverable" kind, including a request that was merely too large, and so stalls every
 * later call). This one reacts only to `UNAVAILABLE` — the host is down, unreachable or has no
 * leader — and then skips the host for `cooldownMs`, so calls go to the other members; after
 * that the next call tries the host again. Other failures never affect other calls.
 */
export class HostCooldownPolicy implements Policy {
  declare readonly _altReturn: never;
  readonly onSuccess: Policy['onSuccess'] = () => NO_SUBSCRIPTION;
  readonly onFailure: Policy['onFailure'] = () => NO_SUBSCRIPTION;
  private skipUntil = 0;

  constructor(
    private readonly host: string,
    private readonly cooldownMs: number,
  ) {}

  async execute<T>(fn: (context: PolicyContext) => PromiseLike<T> | T): Promise<T> {
    if (Date.now() < this.skipUntil) {
      throw new HostCoolingDownError(`etcd host ${this.host} failed moments ago; the request was not sent`);
    }
    try {
      return await fn(NEVER_ABORTED);
    } catch (err) {
      if (grpcStatusOf(err) === 14) this.skipUntil = Date.now() + this.cooldownMs;
      throw err;
    }
  }
}

/** PASS_THROUGH_POLICY is the global fault policy: no retries, since EtcdStore decides itself what is safe to retry. */
export const PASS_THROUGH_POLICY: Policy = {
  _altReturn: undefined as never,
  onSuccess: () => NO_SUBSCRIPTION,
  onFailure: () => NO_SUBSCRIPTION,
  execute: async (fn) => fn(NEVER_ABORTED),
};

/**
 * grpcStatusOf reads the gRPC status code of an error from the etcd3 client: either a raw
 * gRPC error with a numeric `code`, or one of etcd3's typed errors, whose message starts with
 * the code (`14 UNAVAILABLE: …`).
 */
export function grpcStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'number') return code;
  if (typeof message !== 'string') return undefined;
  const match = /^(?:\w+: )?(\d{1,2}) [A-Z_]+: /.exec(message);
  return match ? Number(match[1]) : undefined;
}
