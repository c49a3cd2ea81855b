import { z } from 'zod';

/**
 * Time is a Kubernetes `metav1.Time` on the wire: an RFC 3339 timestamp with second precision
 * (`2024-05-01T12:00:00Z`). The schema checks only that it is a string, so timestamps written by
 * any Kubernetes version round-trip unchanged.
 *
 * Go serialises an unset `metav1.Time` as `null` (for example `creationTimestamp: null` in
 * `kubectl create --dry-run -o yaml` output), so optional time fields elsewhere are declared
 * `Time.nullish()`.
 */
export const Time = z
  .string()
  .describe('An RFC 3339 timestamp with second precision, e.g. 2024-05-01T12:00:00Z.');
/** Time is the type of a {@link Time} value. */
export type Time = z.infer<typeof Time>;

/**
 * MicroTime is a Kubernetes `metav1.MicroTime` on the wire: an RFC 3339 timestamp with
 * microsecond precision (`2024-05-01T12:00:00.123456Z`), used by Leases and Events.
 */
export const MicroTime = z
  .string()
  .describe('An RFC 3339 timestamp with microsecond precision, e.g. 2024-05-01T12:00:00.123456Z.');
/** MicroTime is the type of a {@link MicroTime} value. */
export type MicroTime = z.infer<typeof MicroTime>;
