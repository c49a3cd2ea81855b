import { z } from 'zod';
import { defineResource } from './define-resource.js';
import type { ResourceObject } from './resource-type.js';

// The scheduling.k8s.io/v1 API group: PriorityClasses.

/**
 * PriorityClass is the scheduling.k8s.io/v1 PriorityClass resource (cluster-scoped, short name
 * `pc`): a name mapped to a pod priority `value`, which is required.
 */
export const PriorityClass = defineResource({
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  namespaced: false,
  shortNames: ['pc'],
  schema: z.object({
    value: z.number().int().describe('The priority of pods that name this class; higher is more important.'),
    globalDefault: z
      .boolean()
      .optional()
      .describe('Use this class for pods without a priorityClassName; at most one may be set.'),
    description: z.string().optional(),
    preemptionPolicy: z
      .enum(['PreemptLowerPriority', 'Never'])
      .optional()
      .describe('PreemptLowerPriority or Never; defaults to PreemptLowerPriority.'),
  }),
  description: 'PriorityClass maps a priority class name to a priority value.',
});
/** PriorityClass is a scheduling.k8s.io/v1 PriorityClass object. */
export type PriorityClass = ResourceObject<typeof PriorityClass>;
