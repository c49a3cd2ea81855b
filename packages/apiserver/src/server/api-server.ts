import {
  ApiError,
  createBuiltinRegistry,
  Namespace,
  type ResourceRegistry,
  type ResourceType,
  type Store,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '@capstan/core';
import { Container, type ContainerModule } from 'inversify';
import { ApiServerMetrics } from '../metrics/api-server-metrics.js';
import { requestMetricLabels } from '../metrics/request-metric-labels.js';
import { BOOTSTRAPPER, type Bootstrapper } from '../pipeline/bootstrapper.js';
import type { RequestAttributes } from '../pipeline/contracts.js';
import { type ApiServerDefaultsOptions, apiServerDefaultsModule } from '../pipeline/defaults-module.js';
import { requestAttributesFor } from '../pipeline/request-attributes.js';
import { RequestPipeline } from '../pipeline/request-pipeline.js';
import { NAMESPACE_LOOKUP } from '../plugins/namespace-lookup.js';
import { NAMESPACE_ENSURER } from '../plugins/system-namespaces.js';
import type { ApiObject } from '../registry/api-object.js';
import type { ResourceStorage, ResourceStorageOptions } from '../registry/resource-storage.js';
import { serveDiscovery, serveOpenApiV2, serveOpenApiV3 } from './discovery-handler.js';
import { errorResponse } from './error-response.js';
import type { HandlerContext } from './handler-context.js';
import { type HealthChecks, serveHealth } from './health-checks.js';
import { type HttpListener, type ListenOptions, listenHttp } from './http-listener.js';
import { instrumentedStore } from './instrumented-store.js';
import { storageNamespaces } from './namespace-access.js';
import { QueryParameters } from './query-parameters.js';
import { handleResource } from './resource-handler.js';
import { parseRoute, type Route } from './route.js';
import { methodNotAllowed, notFound } from './route-errors.js';
import { type ServerRequest, serverRequest } from './server-request.js';
import { bytesResponse, type ServerResponse } from './server-response.js';
import { StorageSet } from './storage-set.js';
import { versionInfo } from './version-info.js';

/** MAX_REQUEST_BODY_BYTES is the largest request body the API server reads, as Kubernetes: 3 MiB. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** DEFAULT_MIN_REQUEST_TIMEOUT_SECONDS is Kubernetes' `--min-request-timeout` default: watches last 30–60 minutes. */
export const DEFAULT_MIN_REQUEST_TIMEOUT_SECONDS = 1800;

/** ApiServerOptions configure {@link createApiServer}. */
export interface ApiServerOptions {
  /** The Store every resource lives in; the server never closes it. */
  readonly store: Store;
  /** The resource types served; the built-in kinds by default. */
  readonly registry?: ResourceRegistry;
  /**
   * The inversify container the request pipeline and bootstrappers come from. Without one, the
   * server makes one with `apiServerDefaultsModule(defaults)` and `modules`. The server binds
   * `NAMESPACE_LOOKUP` and `NAMESPACE_ENSURER` (over its storage) and the `RequestPipeline` into
   * it unless they are bound already.
   */
  readonly container?: Container;
  /** Modules loaded after the defaults (or into `container`): plugins of users. */
  readonly modules?: readonly ContainerModule[];
  /** Options of the default plugins (anonymous authentication, AlwaysAllow), when no container is given. */
  readonly defaults?: ApiServerDefaultsOptions;
  /** Where metrics are recorded and `/metrics` reads them; a new instance by default. */
  readonly metrics?: ApiServerMetrics;
  /** Options of each resource's watch cache. */
  readonly watchCache?: ResourceStorageOptions['watchCache'];
  /** The clock for timestamps and Table ages (the system clock by default). */
  readonly clock?: () => Date;
  /** Watches without `timeoutSeconds` end after between this and twice this (default 1800 s). */
  readonly minRequestTimeoutSeconds?: number;
  /** The largest request body accepted (default {@link MAX_REQUEST_BODY_BYTES}). */
  readonly maxRequestBodyBytes?: number;
}

/**
 * ApiServer serves the Kubernetes REST API over a Store. It is a `Transport`: `request()` runs a
 * request through the whole handler chain in-process (the typed client uses it with no sockets),
 * and {@link ApiServer.listen} serves the same handler over HTTP.
 *
 * Every request goes authenticate → authorize → route → decode → mutating admission → storage
 * (validation, validating admission, write) → response, and is recorded in the metrics. Every
 * failure is a Kubernetes `Status` with the right code; an unexpected exception is a 500 and the
 * server keeps serving. Resource requests wait until the bootstrappers (the system namespaces)
 * have run; `/livez`, `/readyz` and `/healthz` answer at once.
 */
export class ApiServer implements Transport {
  /** The resource types served. */
  readonly registry: ResourceRegistry;
  /** The metrics `/metrics` serves. */
  readonly metrics: ApiServerMetrics;
  /** Resolves once the bootstrappers have run; rejects with their error. */
  readonly ready: Promise<void>;
  readonly #store: Store;
  readonly #storages: StorageSet;
  readonly #context: HandlerContext;
  readonly #health: HealthChecks;
  readonly #maxBodyBytes: number;
  readonly #listeners: HttpListener[] = [];
  #bootstrapped: 'pending' | 'done' | 'failed' = 'pending';
  #closing = false;

  constructor(options: ApiServerOptions) {
    this.registry = options.registry ?? createBuiltinRegistry();
    this.metrics = options.metrics ?? new ApiServerMetrics();
    this.#store = options.store;
    this.#maxBodyBytes = options.maxRequestBodyBytes ?? MAX_REQUEST_BODY_BYTES;
    this.#storages = new StorageSet({
      store: instrumentedStore(options.store, this.metrics, this.registry),
      ...(options.watchCache === undefined ? {} : { watchCache: options.watchCache }),
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    const container = pipelineContainer(options, this.#storages.for(namespaceType(this.registry)));
    this.#context = {
      registry: this.registry,
      storages: this.#storages,
      pipeline: container.get(RequestPipeline),
      clock: options.clock ?? (() => new Date()),
      minRequestTimeoutSeconds: options.minRequestTimeoutSeconds ?? DEFAULT_MIN_REQUEST_TIMEOUT_SECONDS,
    };
    const bootstrappers = container.getAll<Bootstrapper>(BOOTSTRAPPER, { optional: true });
    this.ready = runBootstrappers(bootstrappers).then(
      () => {
        this.#bootstrapped = 'done';
      },
      (err: unknown) => {
        this.#bootstrapped = 'failed';
        throw err;
      },
    );
    // A failed bootstrap is reported by /readyz and by every resource request, never unhandled.
    this.ready.catch(() => undefined);
    this.#health = this.#healthChecks();
  }

  /**
   * request serves one request in-process (the `Transport` contract): it resolves with the status
   * and headers once they are known (a non-2xx answer is a response, not a rejection), the body
   * streamed for watches. Repeated headers (`Warning`) are joined with `, `. It rejects only when
   * the request's signal is already aborted; a body read after the signal aborts ends early.
   */
  async request(request: TransportRequest): Promise<TransportResponse> {
    request.signal?.throwIfAborted();
    const response = await this.handle(serverRequest(request));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = response.body;
    const signal = request.signal;
    return {
      status: response.status,
      headers,
      body: body instanceof Uint8Array ? once(body, signal) : body,
    };
  }

  /**
   * handle serves one request and never rejects: every failure becomes a `Status` response. The
   * request is recorded in the metrics when its response is complete (a watch: when it ends).
   */
  async handle(request: ServerRequest): Promise<ServerResponse> {
    const started = performance.now();
    let attributes: RequestAttributes | undefined;
    let route: Route | undefined;
    let response: ServerResponse;
    try {
      const { pipeline } = this.#context;
      const user = await pipeline.authenticate({
        method: request.method,
        path: request.url,
        headers: request.headers,
        ...(request.peerCertificate === undefined ? {} : { peerCertificate: request.peerCertificate }),
      });
      attributes = requestAttributesFor(request.method, request.path, request.query, user);
      await pipeline.authorize(attributes);
      if (request.body.length > this.#maxBodyBytes) {
        throw ApiError.requestEntityTooLarge(`limit is ${this.#maxBodyBytes}`);
      }
      route = parseRoute(request.path, this.registry);
      response = await this.#dispatch(route, { ...request, user });
    } catch (err) {
      response = errorResponse(err, request.headers.accept);
    }
    return this.#recorded(request, attributes, route, response, started);
  }

  /** listen serves the API over HTTP on `host:port` (127.0.0.1 and a free port by default) once {@link ready}. */
  async listen(options: ListenOptions = {}): Promise<HttpListener> {
    await this.ready;
    const listener = await listenHttp({
      ...options,
      handler: (request) => this.handle(request),
      maxRequestBodyBytes: this.#maxBodyBytes,
    });
    this.#listeners.push(listener);
    return listener;
  }

  /** storage returns the storage of a registered type, for components that share the server's process. */
  storage<O extends ApiObject = ApiObject>(type: ResourceType): ResourceStorage<O> {
    return this.#storages.for<O>(type);
  }

  /**
   * close ends every watch, closes every storage and HTTP listener (waiting for open requests),
   * and reports not ready from then on. The Store is left open. Calling it again does nothing more.
   */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    this.#storages.close();
    await Promise.all(this.#listeners.map((listener) => listener.close()));
  }

  async #dispatch(
    route: Route,
    request: ServerRequest & { user: RequestAttributes['user'] },
  ): Promise<ServerResponse> {
    if (route.kind === 'resource') {
      if (this.#closing) throw ApiError.serviceUnavailable('the API server is shutting down');
      await this.ready.catch((err: unknown) => {
        throw ApiError.serviceUnavailable(`the API server failed to start: ${(err as Error).message}`);
      });
      return handleResource({
        context: this.#context,
        request,
        route,
        query: new QueryParameters(request.query),
      });
    }
    if (route.kind === 'not-found') throw notFound();
    if (request.method !== 'GET') throw methodNotAllowed();
    switch (route.kind) {
      case 'discovery':
        return serveDiscovery(route, request, this.registry);
      case 'openapi-v2':
        return serveOpenApiV2(request, this.registry);
      case 'openapi-v3':
        return serveOpenApiV3(route, request, this.registry);
      case 'version':
        return bytesResponse(200, 'application/json', `${JSON.stringify(versionInfo(), null, 2)}\n`);
      case 'metrics': {
        const page = await this.metrics.render();
        return bytesResponse(200, page.contentType, page.body);
      }
      case 'health':
        return serveHealth(route.endpoint, this.#health[route.endpoint], request.query, route.check);
    }
  }

  /** recorded counts the request in the metrics, at once or (for a stream) when the stream ends. */
  #recorded(
    request: ServerRequest,
    attributes: RequestAttributes | undefined,
    route: Route | undefined,
    response: ServerResponse,
    started: number,
  ): ServerResponse {
    const labels = requestMetricLabels(
      attributes ??
        requestAttributesFor(request.method, request.path, request.query, { username: '', groups: [] }),
      { method: request.method, query: request.query, contentType: request.headers['content-type'] ?? '' },
    );
    const record = () =>
      this.metrics.recordRequest(labels, response.status, (performance.now() - started) / 1000);
    const body = response.body;
    if (body instanceof Uint8Array) {
      record();
      return response;
    }
    const finished = this.metrics.startLongRunning(labels);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      finished();
      record();
    };
    // A client that goes away before reading the stream ends it too.
    request.signal.addEventListener('abort', end, { once: true });
    const type = route?.kind === 'resource' ? route.type : undefined;
    return { ...response, body: counted(body, this.metrics, type, end) };
  }

  #healthChecks(): HealthChecks {
    const ping = { name: 'ping', check: async () => undefined };
    const store = {
      name: 'store',
      check: async () => {
        await this.#store.currentRevision();
      },
    };
    const bootstrap = {
      name: 'poststarthook/bootstrap',
      check: async () => {
        if (this.#bootstrapped !== 'done') throw new Error(`bootstrap ${this.#bootstrapped}`);
      },
    };
    const shutdown = {
      name: 'shutdown',
      check: async () => {
        if (this.#closing) throw new Error('the API server is shutting down');
      },
    };
    return {
      livez: [ping, store],
      readyz: [ping, store, bootstrap, shutdown],
      healthz: [ping, store, bootstrap],
    };
  }
}

/** createApiServer returns an {@link ApiServer} over `options.store`; see {@link ApiServerOptions}. */
export function createApiServer(options: ApiServerOptions): ApiServer {
  return new ApiServer(options);
}

function pipelineContainer(options: ApiServerOptions, namespaces: ResourceStorage): Container {
  let container = options.container;
  if (container === undefined) {
    container = new Container();
    container.load(apiServerDefaultsModule(options.defaults), ...(options.modules ?? []));
  } else if (options.modules !== undefined && options.modules.length > 0) {
    container.load(...options.modules);
  }
  const access = storageNamespaces(namespaces);
  if (!container.isBound(NAMESPACE_LOOKUP)) container.bind(NAMESPACE_LOOKUP).toConstantValue(access);
  if (!container.isBound(NAMESPACE_ENSURER)) container.bind(NAMESPACE_ENSURER).toConstantValue(access);
  if (!container.isBound(RequestPipeline)) container.bind(RequestPipeline).toSelf().inSingletonScope();
  return container;
}

/** namespaceType is the registry's core/v1 Namespace type, or the built-in one when the registry has none. */
function namespaceType(registry: ResourceRegistry): ResourceType {
  return registry.forKind({ group: '', version: 'v1', kind: 'Namespace' }) ?? Namespace;
}

async function runBootstrappers(bootstrappers: readonly Bootstrapper[]): Promise<void> {
  for (const bootstrapper of bootstrappers) await bootstrapper.bootstrap();
}

/** once streams a complete body as one chunk, or nothing once `signal` has aborted. */
async function* once(body: Uint8Array, signal: AbortSignal | undefined): AsyncGenerator<Uint8Array> {
  if (body.length > 0 && signal?.aborted !== true) yield body;
}

/** counted passes a streamed body through, counting each chunk as a watch event and calling `done` once when it ends. */
async function* counted(
  body: AsyncIterable<Uint8Array>,
  metrics: ApiServerMetrics,
  type: ResourceType | undefined,
  done: () => void,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body) {
      if (type !== undefined)
        metrics.recordWatchEvents({ group: type.group, version: type.version, kind: type.kind });
      yield chunk;
    }
  } finally {
    done();
  }
}
