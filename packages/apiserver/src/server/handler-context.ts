import type { ResourceRegistry } from '@capstan/core';
import type { RequestPipeline } from '../pipeline/request-pipeline.js';
import type { QueryParameters } from './query-parameters.js';
import type { ResourceRoute } from './route.js';
import type { AuthenticatedRequest } from './server-request.js';
import type { StorageSet } from './storage-set.js';

/** HandlerContext is what every request handler of one API server shares. */
export interface HandlerContext {
  readonly registry: ResourceRegistry;
  readonly storages: StorageSet;
  readonly pipeline: RequestPipeline;
  /** The clock Table ages are measured with. */
  readonly clock: () => Date;
  /** A watch without `timeoutSeconds` ends after between this and twice this many seconds, as Kubernetes' `--min-request-timeout`. */
  readonly minRequestTimeoutSeconds: number;
}

/** ResourceRequest is one request to a resource path, routed and authorized, with its query read. */
export interface ResourceRequest {
  readonly context: HandlerContext;
  readonly request: AuthenticatedRequest;
  readonly route: ResourceRoute;
  readonly query: QueryParameters;
}
