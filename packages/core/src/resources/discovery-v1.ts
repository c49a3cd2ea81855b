import { z } from 'zod';
import { defineResource } from './define-resource.js';
import { ObjectReference } from './object-reference.js';
import { Protocol } from './pod-spec.js';
import type { ResourceObject } from './resource-type.js';

// The discovery.k8s.io/v1 API group: EndpointSlices.

/** Endpoint is discovery.k8s.io/v1 `Endpoint`: one backend of an EndpointSlice. */
export const Endpoint = z.looseObject({
  addresses: z
    .array(z.string())
    .nullable()
    .describe('Addresses of this endpoint, of the slice’s addressType.'),
  conditions: z
    .looseObject({
      ready: z.boolean().optional().describe('The endpoint is ready to receive traffic.'),
      serving: z.boolean().optional(),
      terminating: z.boolean().optional(),
    })
    .optional(),
  hostname: z.string().optional(),
  targetRef: ObjectReference.optional(),
  deprecatedTopology: z.record(z.string(), z.string()).optional(),
  nodeName: z.string().optional(),
  zone: z.string().optional(),
  hints: z
    .looseObject({
      forZones: z.array(z.looseObject({ name: z.string() })).optional(),
      forNodes: z.array(z.looseObject({ name: z.string() })).optional(),
    })
    .optional(),
});
/** Endpoint is the type of an {@link Endpoint} value. */
export type Endpoint = z.infer<typeof Endpoint>;

/** EndpointPort is discovery.k8s.io/v1 `EndpointPort`. */
export const EndpointPort = z.looseObject({
  name: z.string().optional(),
  protocol: Protocol.optional(),
  port: z.number().int().optional(),
  appProtocol: z.string().optional(),
});
/** EndpointPort is the type of an {@link EndpointPort} value. */
export type EndpointPort = z.infer<typeof EndpointPort>;

/**
 * EndpointSlice is the discovery.k8s.io/v1 EndpointSlice resource. Its fields are top-level (no
 * spec); `addressType` and `endpoints` are required, and `endpoints` and `ports` may be `null` as
 * Kubernetes writes them.
 */
export const EndpointSlice = defineResource({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  schema: z.object({
    addressType: z.enum(['IPv4', 'IPv6', 'FQDN']).describe('IPv4, IPv6 or FQDN.'),
    endpoints: z.array(Endpoint).nullable().describe('The endpoints of this slice.'),
    ports: z.array(EndpointPort).nullish().describe('Ports exposed by every endpoint of this slice.'),
  }),
  description: 'EndpointSlice represents a subset of the endpoints that implement a service.',
});
/** EndpointSlice is a discovery.k8s.io/v1 EndpointSlice object. */
export type EndpointSlice = ResourceObject<typeof EndpointSlice>;
