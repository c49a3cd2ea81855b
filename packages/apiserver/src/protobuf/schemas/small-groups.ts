import type { MessageTable } from '../message-schema.js';

/**
 * SMALL_GROUP_MESSAGES are the messages of the API groups with one or two kinds: autoscaling/v1
 * Scale, coordination.k8s.io/v1 Lease, policy/v1 Eviction and PodDisruptionBudget,
 * scheduling.k8s.io/v1 PriorityClass and discovery.k8s.io/v1 EndpointSlice, with the field numbers
 * of each group's `generated.proto`.
 */
export const SMALL_GROUP_MESSAGES: MessageTable = {
  Scale: '1 metadata ObjectMeta; 2 spec ScaleSpec; 3 status ScaleStatus',
  ScaleSpec: '1 replicas int32',
  ScaleStatus: '1 replicas int32!; 2 selector string',

  Lease: '1 metadata ObjectMeta; 2 spec LeaseSpec',
  LeaseSpec: `1 holderIdentity *string; 2 leaseDurationSeconds *int32; 3 acquireTime *MicroTime;
    4 renewTime *MicroTime; 5 leaseTransitions *int32; 6 strategy *string; 7 preferredHolder *string`,

  Eviction: '1 metadata ObjectMeta; 2 deleteOptions *DeleteOptions',
  PodDisruptionBudget:
    '1 metadata ObjectMeta; 2 spec PodDisruptionBudgetSpec; 3 status PodDisruptionBudgetStatus',
  PodDisruptionBudgetSpec: `1 minAvailable *IntOrString; 2 selector *LabelSelector; 3 maxUnavailable *IntOrString;
    4 unhealthyPodEvictionPolicy *string`,
  PodDisruptionBudgetStatus: `1 observedGeneration int64; 2 disruptedPods map[string]Time; 3 disruptionsAllowed int32!;
    4 currentHealthy int32!; 5 desiredHealthy int32!; 6 expectedPods int32!; 7 conditions []Condition`,

  PriorityClass:
    '1 metadata ObjectMeta; 2 value int32!; 3 globalDefault bool; 4 description string; 5 preemptionPolicy *string',

  EndpointSlice:
    '1 metadata ObjectMeta; 4 addressType string!; 2 endpoints []Endpoint; 3 ports []DiscoveryEndpointPort',
  Endpoint: `1 addresses []string; 2 conditions EndpointConditions; 3 hostname *string; 4 targetRef *ObjectReference;
    5 deprecatedTopology map[string]string; 6 nodeName *string; 7 zone *string; 8 hints *EndpointHints`,
  EndpointConditions: '1 ready *bool; 2 serving *bool; 3 terminating *bool',
  EndpointHints: '1 forZones []ForZone; 2 forNodes []ForNode',
  ForZone: '1 name string!',
  ForNode: '1 name string!',
  DiscoveryEndpointPort: '1 name *string; 2 protocol *string; 3 port *int32; 4 appProtocol *string',
};
