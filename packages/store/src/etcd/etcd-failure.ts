import { MAX_VALUE_BYTES, StoreError, type StoreErrorDetails } from '@capstan/core';
import { ClientClosedError } from 'etcd3';
import { grpcStatusOf, HostCoolingDownError } from './fault-policy.js';

const UNAVAILABLE = 14;
const RESOURCE_EXHAUSTED = 8;

/**
 * EtcdFailure classifies a failed etcd call: whether it may be retried, and as what
 * {@link StoreError} it surfaces. `endpoints` names the cluster in messages.
 */
export class EtcdFailure {
  constructor(private readonly endpoints: readonly string[]) {}

  /**
   * wasNotSent tells whether the request certainly never reached etcd (no connection, a host
   * in cooldown, or etcd refusing it before proposing), so that even a write may be retried.
   */
  wasNotSent(err: unknown): boolean {
    if (err instanceof HostCoolingDownError) return true;
    const message = messageOf(err);
    if (grpcStatusOf(err) === UNAVAILABLE && message.includes('No connection established')) return true;
    return message.includes('etcdserver: too many requests');
  }

  /** isTransient tells whether a read may be retried: etcd or the way to it is briefly unavailable. */
  isTransient(err: unknown): boolean {
    return this.wasNotSent(err) || grpcStatusOf(err) === UNAVAILABLE;
  }

  /**
   * translate turns an etcd3 client error into the {@link StoreError} the contract names.
   * Programming errors (TypeError, RangeError) pass through unchanged. `write` marks a write
   * whose outcome is unknown when the connection failed after it was sent.
   */
  translate(err: unknown, key: string | undefined, write = false): unknown {
    if (StoreError.is(err) || err instanceof TypeError || err instanceof RangeError) return err;
    const details: StoreErrorDetails = { cause: err };
    if (key !== undefined) details.key = key;
    if (err instanceof ClientClosedError)
      return new StoreError('Closed', 'the etcd store is closed', details);
    const message = messageOf(err);
    if (message.includes('required revision has been compacted')) {
      return new StoreError('Compacted', 'the requested revision has been compacted in etcd', details);
    }
    if (message.includes('required revision is a future revision')) {
      return new StoreError(
        'FutureRevision',
        'the requested revision is above etcd’s current revision',
        details,
      );
    }
    if (
      message.includes('etcdserver: request is too large') ||
      (grpcStatusOf(err) === RESOURCE_EXHAUSTED && message.includes('larger than max'))
    ) {
      return new StoreError(
        'TooLarge',
        `etcd rejected the request${key === undefined ? '' : ` for ${key}`} as too large: its --max-request-bytes ` +
          `must exceed ${MAX_VALUE_BYTES} bytes plus the key to hold every value the Store accepts (${message})`,
        details,
      );
    }
    const outcome = write && !this.wasNotSent(err) ? ' (the write may or may not have been applied)' : '';
    return new StoreError(
      'Unavailable',
      `etcd at ${this.endpoints.join(', ')} is unavailable${outcome}: ${message}`,
      details,
    );
  }
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
