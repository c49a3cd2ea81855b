/**
 * @packageDocumentation
 * `@capstan/apiserver` serves the Kubernetes REST API over any Capstan `Store`.
 */

export type { DiscoveryRoot } from './discovery/aggregated-discovery.js';
export { buildAggregatedDiscovery } from './discovery/aggregated-discovery.js';
export type { DiscoveryNegotiation } from './discovery/discovery-negotiation.js';
export { aggregatedDiscoveryContentType, negotiateDiscovery } from './discovery/discovery-negotiation.js';
export type {
  APIGroup,
  APIGroupDiscovery,
  APIGroupDiscoveryList,
  APIGroupList,
  APIResource,
  APIResourceDiscovery,
  APIResourceList,
  APISubresourceDiscovery,
  APIVersionDiscovery,
  APIVersions,
  DiscoveryGroupVersionKind,
  DiscoveryVersion,
  GroupVersionForDiscovery,
  ServerAddressByClientCIDR,
} from './discovery/discovery-types.js';
export {
  buildApiGroup,
  buildApiGroupList,
  buildApiResourceList,
  buildApiVersions,
} from './discovery/legacy-discovery.js';
export type { MediaRange } from './discovery/media-range.js';
export { matchesMediaType, parseAccept } from './discovery/media-range.js';
export type { ServedDocument } from './discovery/served-document.js';
export type { ServedSubresource, ServedSubresourceName } from './discovery/served-subresource.js';
export {
  BINDING_KIND,
  EVICTION_KIND,
  SCALE_KIND,
  servedSubresources,
} from './discovery/served-subresource.js';
export { storageVersionHash } from './discovery/storage-version-hash.js';
export type { MetricsPage, StorageResource } from './metrics/api-server-metrics.js';
export { ApiServerMetrics, REQUEST_DURATION_BUCKETS } from './metrics/api-server-metrics.js';
export type { RequestMetricLabels } from './metrics/request-metric-labels.js';
export { APISERVER_COMPONENT, requestMetricLabels } from './metrics/request-metric-labels.js';
export { kindDefinitionName } from './openapi/definition-names.js';
export type { OpenApiNegotiation } from './openapi/openapi-negotiation.js';
export {
  negotiateOpenApiV2,
  negotiateOpenApiV3,
  OPENAPI_V2_PROTOBUF,
} from './openapi/openapi-negotiation.js';
export type { OpenApiV2Document } from './openapi/openapi-v2.js';
export { buildOpenApiV2 } from './openapi/openapi-v2.js';
export type { ServedBytes } from './openapi/openapi-v2-protobuf.js';
export { buildOpenApiV2Protobuf, encodeOpenApiV2 } from './openapi/openapi-v2-protobuf.js';
export type { OpenApiV3Document, OpenApiV3Index } from './openapi/openapi-v3.js';
export {
  buildOpenApiV3GroupVersion,
  buildOpenApiV3Index,
  openApiV3Path,
  parseOpenApiV3Path,
} from './openapi/openapi-v3.js';
export type { JsonSchema } from './openapi/schema-converter.js';
export {
  BUILTIN_PATCH_KINDS,
  BUILTIN_PATCH_STRUCTS,
  builtinPatchStrategyLookup,
  hasStrategicMergeSupport,
  patchKindKey,
} from './patch/builtin-patch-strategies.js';
export type { JsonPatchOperation, JsonPatchOptions } from './patch/json-patch.js';
export { applyJsonPatch, DEFAULT_MAX_COPY_BYTES } from './patch/json-patch.js';
export type { JsonObject, JsonValue } from './patch/json-value.js';
export { applyMergePatch } from './patch/merge-patch.js';
export type { PatchErrorCode, PatchErrorDetails, PatchErrorReason } from './patch/patch-error.js';
export {
  MAX_JSON_DEPTH,
  MAX_JSON_PATCH_OPERATIONS,
  PATCH_ERROR_STATUS,
  PatchError,
} from './patch/patch-error.js';
export type { FieldPatchStrategy, PatchSchema, PatchStrategyLookup } from './patch/patch-strategy.js';
export { createPatchStrategyLookup, LIST_ITEM } from './patch/patch-strategy.js';
export { applyStrategicMergePatch } from './patch/strategic-merge-patch.js';
export { forbiddenError, unauthorizedError } from './pipeline/access-errors.js';
export type { Bootstrapper } from './pipeline/bootstrapper.js';
export { BOOTSTRAPPER } from './pipeline/bootstrapper.js';
export type {
  AdmissionAttributes,
  AdmissionOperation,
  Authenticator,
  AuthorizationDecision,
  Authorizer,
  MutatingAdmission,
  RequestAttributes,
  RequestHead,
  UserInfo,
  ValidatingAdmission,
} from './pipeline/contracts.js';
export { AUTHENTICATOR, AUTHORIZER, MUTATING_ADMISSION, VALIDATING_ADMISSION } from './pipeline/contracts.js';
export type { ApiServerDefaultsOptions } from './pipeline/defaults-module.js';
export { apiServerDefaultsModule } from './pipeline/defaults-module.js';
export { requestAttributesFor } from './pipeline/request-attributes.js';
export { ANONYMOUS_AUTHENTICATOR, RequestPipeline } from './pipeline/request-pipeline.js';
export { AlwaysAllowAuthorizer } from './plugins/always-allow-authorizer.js';
export { ANONYMOUS_USER, AnonymousAuthenticator } from './plugins/anonymous-authenticator.js';
export {
  DEFAULT_TOLERATION_SECONDS,
  DefaultTolerationSeconds,
} from './plugins/default-toleration-seconds.js';
export { imageTag } from './plugins/image-reference.js';
export { IMMORTAL_NAMESPACES, NamespaceLifecycle } from './plugins/namespace-lifecycle.js';
export type { NamespaceLookup, NamespaceState } from './plugins/namespace-lookup.js';
export { NAMESPACE_LOOKUP } from './plugins/namespace-lookup.js';
export { PodDefaults } from './plugins/pod-defaults.js';
export type { NamespaceEnsurer } from './plugins/system-namespaces.js';
export { NAMESPACE_ENSURER, SYSTEM_NAMESPACES, SystemNamespaces } from './plugins/system-namespaces.js';
export type {
  DecodedKubernetesObject,
  DecodeKubernetesProtobufOptions,
} from './protobuf/kubernetes-protobuf.js';
export {
  decodeKubernetesProtobuf,
  encodeKubernetesProtobuf,
  KUBERNETES_PROTOBUF_MAGIC,
  KUBERNETES_PROTOBUF_MEDIA_TYPE,
  KUBERNETES_PROTOBUF_WATCH_MEDIA_TYPE,
  supportsKubernetesProtobuf,
} from './protobuf/kubernetes-protobuf.js';
export type { UnknownProtobufField } from './protobuf/message-decoder.js';
export type { ProtobufErrorCode, ProtobufErrorReason } from './protobuf/protobuf-error.js';
export { MAX_PROTOBUF_DEPTH, PROTOBUF_ERROR_STATUS, ProtobufError } from './protobuf/protobuf-error.js';
export { PROTOBUF_KINDS } from './protobuf/protobuf-kinds.js';
export type { DecodedWatchEvent, ProtobufWatchEvent } from './protobuf/watch-event-frame.js';
export { decodeWatchEventFrame, encodeWatchEventFrame } from './protobuf/watch-event-frame.js';
export type { ApiObject } from './registry/api-object.js';
export { strategyFor } from './registry/builtin-strategies.js';
export { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './registry/deletion-finalizers.js';
export { namespaceStrategy } from './registry/namespace-strategy.js';
export type { FilterableObject, ObjectFilterSpec } from './registry/object-filter.js';
export { ObjectFilter } from './registry/object-filter.js';
export type { NameValidator } from './registry/object-meta-validation.js';
export {
  defaultNameValidator,
  TOTAL_ANNOTATION_SIZE_LIMIT,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './registry/object-meta-validation.js';
export type { PodQOSClass } from './registry/pod-qos.js';
export { computePodQOS } from './registry/pod-qos.js';
export { DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, podStrategy } from './registry/pod-strategy.js';
export { rbacStrategy } from './registry/rbac-strategy.js';
export { ResourceKeys } from './registry/resource-keys.js';
export type { ResourceStorageOptions } from './registry/resource-storage.js';
export { ResourceStorage } from './registry/resource-storage.js';
export type { ResourceStrategy } from './registry/resource-strategy.js';
export { serviceStrategy } from './registry/service-strategy.js';
export type {
  AdmitFunction,
  DeleteResult,
  ObjectList,
  PropagationPolicy,
  ResourceCreateOptions,
  ResourceDeleteOptions,
  ResourceGetOptions,
  ResourceGuaranteedUpdateOptions,
  ResourceListOptions,
  ResourcePreconditions,
  ResourceUpdateOptions,
  ResourceVersionMatch,
  ResourceWatchOptions,
} from './registry/storage-options.js';
export { fieldPath, zodFieldErrors } from './registry/zod-field-errors.js';
export type { ApiServerOptions } from './server/api-server.js';
export {
  ApiServer,
  createApiServer,
  DEFAULT_MIN_REQUEST_TIMEOUT_SECONDS,
  MAX_REQUEST_BODY_BYTES,
} from './server/api-server.js';
export type { HttpListener, ListenOptions } from './server/http-listener.js';
export type { ServerRequest } from './server/server-request.js';
export { serverRequest } from './server/server-request.js';
export type { ResponseHeaders, ServerResponse } from './server/server-response.js';
export type { FieldProblem } from './server/unknown-fields.js';
export { fieldProblems, unknownFieldPaths } from './server/unknown-fields.js';
export type { VersionInfo } from './server/version-info.js';
export { CAPSTAN_VERSION, KUBERNETES_API_VERSION, versionInfo } from './server/version-info.js';
export type { FieldValidation, WriteOptions } from './server/write-options.js';
export { FIELD_MANAGER_MAX_LENGTH } from './server/write-options.js';
export { tablePrinterFor } from './table/builtin-table-printers.js';
export { customColumnsTablePrinter, printerColumnsOrDefault } from './table/custom-columns-printer.js';
export { defaultTablePrinter } from './table/default-table-printer.js';
export { humanDuration } from './table/human-duration.js';
export { JsonPath, jsonPathText } from './table/json-path.js';
export type {
  IncludeObject,
  PartialObjectMetadata,
  Table,
  TableCell,
  TableColumnDefinition,
  TableListMeta,
  TableObject,
  TableRow,
  TableRowCondition,
  TableVersion,
} from './table/table.js';
export type { ColumnOptions } from './table/table-column.js';
export { AGE_COLUMN, column, NAME_COLUMN } from './table/table-column.js';
export type { TableList, TableSource, ToTableOptions } from './table/table-conversion.js';
export { toTable } from './table/table-conversion.js';
export type { TableNegotiationOptions, TableRequest } from './table/table-negotiation.js';
export { negotiateTable } from './table/table-negotiation.js';
export type { PrintedRow, TablePrinter } from './table/table-printer.js';
export { tablePrinterFn } from './table/table-printer.js';
export type { WatchBackpressure } from './watch-cache/watch-backpressure.js';
export type {
  CacheListRequest,
  CacheListResult,
  CacheWatchRequest,
  CacheWatchStart,
  WatchCacheOptions,
  WatchCacheStats,
} from './watch-cache/watch-cache.js';
export { WatchCache } from './watch-cache/watch-cache.js';
export type { BookmarkObject, WatchEvent, WatchEventType } from './watch-cache/watch-event.js';
export { encodeWatchEvent, errorEvent, INITIAL_EVENTS_END_ANNOTATION } from './watch-cache/watch-event.js';
