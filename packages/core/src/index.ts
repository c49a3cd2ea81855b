/**
 * @packageDocumentation
 * `@capstan/core` is what client-go is to Kubernetes: the resource model, the Store contract
 * and its conformance suite, selectors, quantities and API errors.
 */

export type { KeyValue, ListOptions, ListResult, Store, StoreEvent } from './store/store.js';
export { MAX_VALUE_BYTES } from './store/store.js';
export type { StoreErrorCode, StoreErrorDetails } from './store/store-error.js';
export { StoreError } from './store/store-error.js';
export { assertStoreKey, assertStoreValue } from './store/validate.js';
