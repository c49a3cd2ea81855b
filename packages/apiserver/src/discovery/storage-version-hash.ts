import { createHash } from 'node:crypto';

/**
 * storageVersionHash is the `storageVersionHash` Kubernetes publishes in discovery for a resource
 * stored as `group/version/kind`: the base64 of the first 8 bytes of the SHA-256 of
 * `<group>/<version>/<kind>` (`/v1/Pod` → `xPOwRZ+Yhw8=`). Clients only compare it for equality,
 * to notice that a resource's storage version changed.
 */
export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256')
    .update(`${group}/${version}/${kind}`)
    .digest()
    .subarray(0, 8)
    .toString('base64');
}
