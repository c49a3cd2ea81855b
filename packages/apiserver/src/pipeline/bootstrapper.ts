/**
 * Bootstrapper puts in place what the API server needs before it serves requests, such as the
 * system namespaces. The server runs every bootstrapper bound under {@link BOOTSTRAPPER}, in binding
 * order, once its storage is ready and before it reports ready; a bootstrapper that throws stops the
 * start-up with its error. `bootstrap` must be idempotent: it runs at every start, against state a
 * previous run may already have written.
 */
export interface Bootstrapper {
  bootstrap(): Promise<void>;
}

/** BOOTSTRAPPER is the inversify token of {@link Bootstrapper}s, multi-injected in binding order. */
export const BOOTSTRAPPER = Symbol.for('@capstan/apiserver/Bootstrapper');
