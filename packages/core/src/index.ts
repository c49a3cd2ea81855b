/**
 * @packageDocumentation
 * `@capstan/core` is what client-go is to Kubernetes: the resource model, the Store contract
 * and its conformance suite, selectors, quantities, API errors and the typed client.
 */

// Typed client: the Client contract, the Transport it runs on, HTTP transport and kubeconfig
export type { Client, ClientOptions } from './client/client.js';
export { createClient } from './client/client.js';
export type { HttpTransport, HttpTransportOptions } from './client/http-transport.js';
export { httpTransport } from './client/http-transport.js';
export type {
  Kubeconfig,
  KubeconfigCluster,
  KubeconfigContext,
  KubeconfigEnvironment,
  KubeconfigUser,
} from './client/kubeconfig.js';
export { loadKubeconfig, mergeKubeconfigs, parseKubeconfig } from './client/kubeconfig.js';
export type { KubeconfigConnection, KubeconfigContextOptions } from './client/kubeconfig-connection.js';
export { resolveKubeconfig, transportFromKubeconfig } from './client/kubeconfig-connection.js';
export type {
  ClientListOptions,
  DeleteCollectionOptions,
  DeleteOptions,
  FieldValidation,
  GetOptions,
  PatchOptions,
  PatchType,
  Preconditions,
  PropagationPolicy,
  RequestOptions,
  ResourceVersionMatch,
  SelectorOptions,
  WatchOptions,
  WriteOptions,
} from './client/request-options.js';
export type { ResourceClient } from './client/resource-client.js';
export type { Transport, TransportRequest, TransportResponse } from './client/transport.js';
export type { WatchBookmark, WatchEvent, WatchEventType } from './client/watch-event.js';
// API errors, selectors, quantities and name validation
export type { ApiErrorInit, GroupKind, GroupResource } from './errors/api-error.js';
export {
  ApiError,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isForbidden,
  isGone,
  isInternalError,
  isInvalid,
  isMethodNotSupported,
  isNotAcceptable,
  isNotFound,
  isRequestEntityTooLarge,
  isResourceExpired,
  isServerTimeout,
  isServiceUnavailable,
  isTimeout,
  isTooManyRequests,
  isUnauthorized,
  isUnsupportedMediaType,
  OPTIMISTIC_LOCK_MESSAGE,
  suggestsClientDelay,
} from './errors/api-error.js';
export type { FieldError, FieldErrorType } from './errors/field-error.js';
export { fieldErrorBody, fieldErrorString, fieldErrors } from './errors/field-error.js';
export type { ParseErrorCode } from './errors/parse-error.js';
export { ParseError } from './errors/parse-error.js';
export type { CauseType, Status, StatusCause, StatusDetails, StatusReason } from './errors/status.js';
export { statusReasonCodes } from './errors/status.js';
// Resource model: meta, defineResource, the type registry and built-in kinds.
// Naming: every wire shape is one name for its zod schema (a value) and its type (`ObjectMeta`,
// `PodSpec`); every kind is one name for its ResourceType (a value) and the type of its objects
// (`Pod`, `Deployment`). Where another module owns the plain name (the `LabelSelector` matcher, the
// `Status` error type), the schema takes a `Schema` suffix (`LabelSelectorSchema`, `StatusSchema`).
export { Condition, ConditionStatus } from './meta/condition.js';
export { IntOrString } from './meta/int-or-string.js';
export { LabelSelectorRequirement, LabelSelectorSchema } from './meta/label-selector.js';
export { ListMeta } from './meta/list-meta.js';
export { ManagedFieldsEntry } from './meta/managed-fields-entry.js';
export { ObjectMeta } from './meta/object-meta.js';
export { OwnerReference } from './meta/owner-reference.js';
export { StatusCauseSchema, StatusDetailsSchema, StatusSchema } from './meta/status.js';
export { MicroTime, Time } from './meta/time.js';
export { TypeMeta } from './meta/type-meta.js';
export type { QuantityFormat } from './quantity/quantity.js';
export { MAX_QUANTITY_EXPONENT, MAX_QUANTITY_LENGTH, Quantity } from './quantity/quantity.js';
export { quantitySchema } from './quantity/quantity-schema.js';
export {
  CustomResourceColumnDefinition,
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionSpec,
  CustomResourceDefinitionStatus,
  CustomResourceDefinitionVersion,
  JSONSchemaProps,
  ValidationRule,
} from './resources/apiextensions-v1.js';
export {
  DaemonSet,
  DaemonSetSpec,
  DaemonSetStatus,
  DaemonSetUpdateStrategy,
  Deployment,
  DeploymentSpec,
  DeploymentStatus,
  DeploymentStrategy,
  ReplicaSet,
  ReplicaSetSpec,
  ReplicaSetStatus,
  RollingUpdateDeployment,
  StatefulSet,
  StatefulSetSpec,
  StatefulSetStatus,
  StatefulSetUpdateStrategy,
  WorkloadCondition,
} from './resources/apps-v1.js';
export {
  CronJob,
  CronJobSpec,
  CronJobStatus,
  Job,
  JobCondition,
  JobSpec,
  JobStatus,
} from './resources/batch-v1.js';
export { builtinResourceTypes, createBuiltinRegistry } from './resources/builtin-resources.js';
export { Lease, LeaseSpec } from './resources/coordination-v1.js';
export {
  Binding,
  ConfigMap,
  ContainerState,
  ContainerStatus,
  EndpointAddress,
  EndpointSubset,
  Endpoints,
  Event,
  Namespace,
  NamespaceSpec,
  NamespaceStatus,
  Node,
  NodeAddress,
  NodeCondition,
  NodeSpec,
  NodeStatus,
  NodeSystemInfo,
  Pod,
  PodCondition,
  PodIP,
  PodStatus,
  Secret,
  Service,
  ServiceAccount,
  ServicePort,
  ServiceSpec,
  ServiceStatus,
  Taint,
} from './resources/core-v1.js';
export type { ResourceDefinition } from './resources/define-resource.js';
export { defineResource } from './resources/define-resource.js';
export { Endpoint, EndpointPort, EndpointSlice } from './resources/discovery-v1.js';
export { LocalObjectReference, ObjectReference } from './resources/object-reference.js';
export {
  Affinity,
  Container,
  ContainerPort,
  EnvFromSource,
  EnvVar,
  EnvVarSource,
  ExecAction,
  GRPCAction,
  HTTPGetAction,
  KeySelector,
  KeyToPath,
  Lifecycle,
  LifecycleHandler,
  NodeAffinity,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  ObjectFieldSelector,
  PodAffinity,
  PodAffinityTerm,
  PodSecurityContext,
  PodSpec,
  PodTemplateSpec,
  PreferredSchedulingTerm,
  Probe,
  Protocol,
  ResourceFieldSelector,
  ResourceRequirements,
  SecurityContext,
  TaintEffect,
  TCPSocketAction,
  Toleration,
  TopologySpreadConstraint,
  Volume,
  VolumeMount,
  WeightedPodAffinityTerm,
} from './resources/pod-spec.js';
export {
  AggregationRule,
  ClusterRole,
  ClusterRoleBinding,
  PolicyRule,
  Role,
  RoleBinding,
  RoleRef,
  Subject,
} from './resources/rbac-v1.js';
export { QuantityValue, ResourceList } from './resources/resource-list.js';
export { ResourceRegistry } from './resources/resource-registry.js';
export type {
  ApiVersionOf,
  GroupVersionKind,
  GroupVersionResource,
  ResourceListSchema,
  ResourceObject,
  ResourceObjectList,
  ResourceObjectSchema,
  ResourceObjectShape,
  ResourceSubresources,
  ResourceType,
  ScaleSubresource,
  SelectableFieldGetter,
  Verb,
} from './resources/resource-type.js';
export { STANDARD_VERBS } from './resources/resource-type.js';
export { PriorityClass } from './resources/scheduling-v1.js';
export { fieldPathGetter, selectableFieldValues } from './resources/selectable-fields.js';
export type { FieldRequirement, FieldSelectorOperator } from './selectors/field-selector.js';
export { escapeFieldSelectorValue, FieldSelector } from './selectors/field-selector.js';
export type {
  LabelRequirement,
  LabelSelectorOperator,
  LabelSelectorRequirementSpec,
  LabelSelectorSpec,
  SelectionOperator,
} from './selectors/label-selector.js';
export { LabelSelector } from './selectors/label-selector.js';
export { MAX_SELECTOR_LENGTH } from './selectors/selector-limits.js';
// Store contract and its conformance suite
export type { StoreConformanceOptions } from './store/conformance/store-conformance.js';
export { runStoreConformance } from './store/conformance/store-conformance.js';
export type { KeyValue, ListOptions, ListResult, Store, StoreEvent } from './store/store.js';
export { MAX_VALUE_BYTES } from './store/store.js';
export type { StoreErrorCode, StoreErrorDetails } from './store/store-error.js';
export { StoreError } from './store/store-error.js';
export { assertStoreKey, assertStoreValue } from './store/validate.js';
export {
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  GENERATED_NAME_RANDOM_LENGTH,
  generateName,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  MAX_GENERATED_NAME_BASE_LENGTH,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
} from './validation/names.js';
