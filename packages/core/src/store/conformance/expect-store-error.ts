import assert from 'node:assert/strict';
import { StoreError, type StoreErrorCode } from '../store-error.js';

/**
 * expectStoreError runs `action` and asserts that it fails with a {@link StoreError} of
 * `code`; it returns that error. A synchronous throw counts as a failure too, since an
 * `await` sees both the same way. `what` names the operation in the assertion message.
 */
export async function expectStoreError(
  code: StoreErrorCode,
  what: string,
  action: () => Promise<unknown>,
): Promise<StoreError> {
  let result: unknown;
  try {
    result = await action();
  } catch (err) {
    if (StoreError.is(err, code)) return err;
    assert.fail(`${what}: expected StoreError ${code}, got ${describeError(err)}`);
  }
  assert.fail(`${what}: expected StoreError ${code}, but it succeeded with ${JSON.stringify(result)}`);
}

/** describeError renders an unknown thrown value for an assertion message. */
export function describeError(err: unknown): string {
  if (StoreError.is(err)) return `StoreError ${err.code} (${err.message})`;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return JSON.stringify(err) ?? String(err);
}
