/**
 * @packageDocumentation
 * `@capstan/apiserver` serves the Kubernetes REST API over any Capstan `Store`.
 */

export {
  BUILTIN_PATCH_KINDS,
  BUILTIN_PATCH_STRUCTS,
  builtinPatchStrategyLookup,
  hasStrategicMergeSupport,
  patchKindKey,
} from './patch/builtin-patch-strategies.js';
// Patch engines (JSON patch, JSON merge patch, strategic merge patch)
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
// Protobuf wire format (application/vnd.kubernetes.protobuf bodies, responses and watch frames)
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
// Table output for `kubectl get` (as=Table): printers, conversion and Accept negotiation
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
