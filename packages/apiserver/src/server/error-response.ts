import { ApiError, type StatusReason } from '@capstan/core';
import { parseAccept } from '../discovery/media-range.js';
import type { JsonObject } from '../patch/json-value.js';
import { PatchError } from '../patch/patch-error.js';
import { encodeKubernetesProtobuf, KUBERNETES_PROTOBUF_MEDIA_TYPE } from '../protobuf/kubernetes-protobuf.js';
import { ProtobufError } from '../protobuf/protobuf-error.js';
import { bytesResponse, type ServerResponse } from './server-response.js';

/**
 * toApiError turns anything a handler threw into the {@link ApiError} to answer with: an ApiError
 * as is; a `PatchError` or `ProtobufError` with the status, reason and message the engine
 * assigned it (a 422 also carries the message as its one cause); a selector `ParseError` as a 400
 * BadRequest; anything else as a 500 InternalError.
 */
export function toApiError(err: unknown): ApiError {
  if (ApiError.is(err)) return err;
  if (PatchError.is(err)) {
    return new ApiError({
      reason: err.reason,
      code: err.status,
      message: err.message,
      ...(err.reason === 'Invalid' ? { details: { causes: [{ message: err.message }] } } : {}),
    });
  }
  if (ProtobufError.is(err)) {
    return new ApiError({ reason: err.reason as StatusReason, code: err.status, message: err.message });
  }
  return ApiError.from(err);
}

/**
 * errorResponse answers with `err` as a Kubernetes `Status` (see {@link toApiError}): as protobuf
 * when the request's Accept header asks for protobuf and for nothing JSON can satisfy, as JSON
 * otherwise.
 */
export function errorResponse(err: unknown, accept: string | undefined): ServerResponse {
  const error = toApiError(err);
  const status = error.toStatus();
  if (acceptsOnlyProtobuf(accept)) {
    return bytesResponse(
      error.code,
      KUBERNETES_PROTOBUF_MEDIA_TYPE,
      encodeKubernetesProtobuf(status as unknown as JsonObject),
    );
  }
  return bytesResponse(error.code, 'application/json', `${JSON.stringify(status)}\n`);
}

function acceptsOnlyProtobuf(accept: string | undefined): boolean {
  const ranges = parseAccept(accept);
  return (
    ranges.length > 0 &&
    ranges.every((range) => range.type === KUBERNETES_PROTOBUF_MEDIA_TYPE) &&
    ranges.some((range) => !range.params.has('as'))
  );
}
