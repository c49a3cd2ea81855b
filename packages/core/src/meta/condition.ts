import { z } from 'zod';
import { Time } from './time.js';

/**
 * ConditionStatus is the status of a condition: `True`, `False` or `Unknown`, the only values
 * Kubernetes accepts in a {@link Condition}.
 */
export const ConditionStatus = z.enum(['True', 'False', 'Unknown']);
/** ConditionStatus is the type of a {@link ConditionStatus} value. */
export type ConditionStatus = z.infer<typeof ConditionStatus>;

/**
 * Condition is `metav1.Condition`, the standard condition of custom resources and newer built-in
 * kinds. `type`, `status`, `lastTransitionTime` and `reason` are required, as Kubernetes requires
 * them; `message` may be omitted. Older built-in kinds (Pods, Nodes, Deployments …) have their own
 * condition shapes with optional fields; see their schemas.
 */
export const Condition = z
  .looseObject({
    type: z.string().describe('Type of condition in CamelCase, e.g. Ready or Available.'),
    status: ConditionStatus.describe('Status of the condition: True, False or Unknown.'),
    observedGeneration: z
      .number()
      .int()
      .optional()
      .describe('The metadata.generation the condition was set from.'),
    lastTransitionTime: Time.describe('When the condition last changed from one status to another.'),
    reason: z.string().describe("Programmatic identifier for the condition's last transition, in CamelCase."),
    message: z.string().optional().describe('Human-readable details about the transition.'),
  })
  .describe('Details for one aspect of the current state of an object.');
/** Condition is the type of a {@link Condition} value. */
export type Condition = z.infer<typeof Condition>;
