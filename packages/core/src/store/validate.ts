import { MAX_VALUE_BYTES } from './store.js';
import { StoreError } from './store-error.js';

/**
 * assertStoreKey throws `InvalidKey` unless `key` is a string starting with `/` with no NUL
 * character (Kubernetes keys are paths of names; NUL would be cut off by some SQLite bindings).
 * Backends call it (and {@link assertStoreValue}) before they send or write anything.
 */
export function assertStoreKey(key: string, what = 'key'): void {
  if (typeof key !== 'string' || !key.startsWith('/')) {
    throw new StoreError('InvalidKey', `${what} ${JSON.stringify(key)} must start with "/"`, { key });
  }
  if (key.includes('\0')) {
    throw new StoreError('InvalidKey', `${what} ${JSON.stringify(key)} must not contain a NUL character`, {
      key,
    });
  }
}

/** assertStoreValue throws `TooLarge` when `value` is over {@link MAX_VALUE_BYTES} bytes of UTF-8. */
export function assertStoreValue(key: string, value: string): void {
  if (typeof value !== 'string') {
    throw new TypeError(`value for ${key} must be a string`);
  }
  // A UTF-8 byte is at least one UTF-16 unit and at most three per unit: skip the count when it cannot exceed.
  if (value.length * 3 <= MAX_VALUE_BYTES) return;
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw new StoreError(
      'TooLarge',
      `value for ${key} is ${bytes} bytes, over the limit of ${MAX_VALUE_BYTES} bytes`,
      { key },
    );
  }
}
