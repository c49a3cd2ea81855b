import type { ResourceDeleteOptions } from './storage-options.js';

/** FINALIZER_ORPHAN is the finalizer that asks the garbage collector to orphan an object's dependents. */
export const FINALIZER_ORPHAN = 'orphan';
/** FINALIZER_FOREGROUND is the finalizer that asks the garbage collector to delete an object's dependents first. */
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

/**
 * deletionFinalizers decides the garbage-collection finalizers a delete leaves on an object, as
 * Kubernetes' `deletionFinalizersForGarbageCollection` does: an explicit `orphanDependents` or
 * `propagationPolicy` wins (Orphan → `orphan`, Foreground → `foregroundDeletion`, Background →
 * neither), otherwise a finalizer already on the object stays, otherwise none (Background is the
 * default of every kind). It returns the new finalizer list and whether it differs (as a set) from
 * the current one.
 */
export function deletionFinalizers(
  current: readonly string[] | undefined,
  opts: ResourceDeleteOptions,
): { finalizers: string[]; changed: boolean } {
  const existing = current ?? [];
  const orphan = decide(existing, opts, 'Orphan');
  const foreground = decide(existing, opts, 'Foreground');
  const finalizers = existing.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (orphan) finalizers.push(FINALIZER_ORPHAN);
  if (foreground) finalizers.push(FINALIZER_FOREGROUND);
  const before = new Set(existing);
  const after = new Set(finalizers);
  const changed = before.size !== after.size || [...after].some((f) => !before.has(f));
  return { finalizers: changed ? finalizers : [...existing], changed };
}

/** decide tells whether the delete should orphan (`Orphan`) or delete dependents in the foreground (`Foreground`). */
function decide(
  existing: readonly string[],
  opts: ResourceDeleteOptions,
  policy: 'Orphan' | 'Foreground',
): boolean {
  if (opts.orphanDependents !== undefined) return policy === 'Orphan' && opts.orphanDependents;
  if (opts.propagationPolicy !== undefined) return opts.propagationPolicy === policy;
  for (const finalizer of existing) {
    if (finalizer === FINALIZER_ORPHAN) return policy === 'Orphan';
    if (finalizer === FINALIZER_FOREGROUND) return policy === 'Foreground';
  }
  return false;
}
