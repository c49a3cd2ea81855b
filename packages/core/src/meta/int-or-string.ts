import { z } from 'zod';

/**
 * IntOrString is Kubernetes' `intstr.IntOrString` on the wire: an integer or a string, such as a
 * Service `targetPort` (`8080` or `"http"`) or a rolling update's `maxSurge` (`1` or `"25%"`).
 * Either form round-trips unchanged; which strings are meaningful is up to the field.
 */
export const IntOrString = z
  .union([z.number().int(), z.string()])
  .describe('An integer or a string (x-kubernetes-int-or-string).');
/** IntOrString is the type of an {@link IntOrString} value. */
export type IntOrString = z.infer<typeof IntOrString>;
