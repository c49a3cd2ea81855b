import { z } from 'zod';
import { MicroTime } from '../meta/time.js';
import { defineResource } from './define-resource.js';
import type { ResourceObject } from './resource-type.js';

// The coordination.k8s.io/v1 API group: Leases, used for node heartbeats and leader election.

/** LeaseSpec is coordination.k8s.io/v1 `LeaseSpec`. */
export const LeaseSpec = z.looseObject({
  holderIdentity: z.string().optional().describe('Identity of the current holder.'),
  leaseDurationSeconds: z
    .number()
    .int()
    .optional()
    .describe('Seconds candidates wait after renewTime before they may take the lease.'),
  acquireTime: MicroTime.nullish().describe('When the current holder acquired the lease.'),
  renewTime: MicroTime.nullish().describe('When the current holder last renewed the lease.'),
  leaseTransitions: z.number().int().optional().describe('How many times the lease changed holders.'),
  strategy: z.string().optional(),
  preferredHolder: z.string().optional(),
});
/** LeaseSpec is the type of a {@link LeaseSpec} value. */
export type LeaseSpec = z.infer<typeof LeaseSpec>;

/** Lease is the coordination.k8s.io/v1 Lease resource. */
export const Lease = defineResource({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
  schema: z.object({ spec: LeaseSpec.optional() }),
  description: 'Lease defines a lease concept: a holder and how long it holds.',
});
/** Lease is a coordination.k8s.io/v1 Lease object. */
export type Lease = ResourceObject<typeof Lease>;
