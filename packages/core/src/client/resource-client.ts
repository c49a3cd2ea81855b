import { Observable } from 'rxjs';
import { isResourceExpired } from '../errors/api-error.js';
import type { Status } from '../errors/status.js';
import type { ResourceObject, ResourceObjectList, ResourceType } from '../resources/resource-type.js';
import { readText } from './body-text.js';
import { jsonLines } from './json-lines.js';
import type {
  ClientListOptions,
  DeleteCollectionOptions,
  DeleteOptions,
  GetOptions,
  PatchOptions,
  PatchType,
  SelectorOptions,
  WatchOptions,
  WriteOptions,
} from './request-options.js';
import { type QueryValue, resourcePath, withQuery } from './resource-path.js';
import { responseError } from './response-error.js';
import type { Transport } from './transport.js';
import { toWatchEvent, type WatchEvent } from './watch-event.js';

/**
 * ResourceClient is the typed handle on one resource type that `client.resource(Pod)` returns;
 * `.namespace(ns)` narrows it to a namespace. Every method is one request (except
 * {@link listAll}), and every non-2xx answer rejects with an `ApiError` built from the server's
 * Status (check it with `isNotFound(err)`, `isConflict(err)` …).
 *
 * Scope: on a namespaced type without `.namespace(ns)`, `list`, `listAll` and `watch` span all
 * namespaces, and `create`, `update` and `updateStatus` use the object's `metadata.namespace`;
 * every other call rejects with a `TypeError` (and `watch` throws one). `.namespace(ns)` on a
 * cluster-scoped type throws a `TypeError`.
 *
 * Objects are sent with `apiVersion` and `kind` filled in when missing; list items come back with
 * them filled in too. Nothing is validated on the client: the server decides.
 */
export interface ResourceClient<T extends ResourceType> {
  /** The resource type this handle serves. */
  readonly type: T;
  /** namespace returns a handle on the objects of one namespace. */
  namespace(namespace: string): ResourceClient<T>;
  /** get reads one object. */
  get(name: string, options?: GetOptions): Promise<ResourceObject<T>>;
  /** list reads one page of objects (all of them unless `limit` is set). */
  list(options?: ClientListOptions): Promise<ResourceObjectList<T>>;
  /**
   * listAll reads every page (`limit` is the page size, 500 by default) and returns one list at
   * the revision of the first page. When a continue token has expired (410) it falls back to a
   * single unpaginated list, as client-go's pager does.
   */
  listAll(options?: ClientListOptions): Promise<ResourceObjectList<T>>;
  /**
   * watch returns a cold Observable of the watch's events: each subscription opens one watch
   * request and unsubscribing aborts it. It completes when the server ends the stream; an ERROR
   * event is delivered like any other event. It errors with an `ApiError` when the watch is
   * refused (non-2xx), a `SyntaxError` when an event cannot be decoded, or the transport's error.
   */
  watch(options?: WatchOptions): Observable<WatchEvent<ResourceObject<T>>>;
  /** create creates an object; `metadata.generateName` lets the server pick the name. */
  create(object: ResourceObject<T>, options?: WriteOptions): Promise<ResourceObject<T>>;
  /** update replaces an object (409 Conflict when its `resourceVersion` is stale); status is ignored. */
  update(object: ResourceObject<T>, options?: WriteOptions): Promise<ResourceObject<T>>;
  /** updateStatus replaces the object's status through the `status` subresource. */
  updateStatus(object: ResourceObject<T>, options?: WriteOptions): Promise<ResourceObject<T>>;
  /**
   * patch applies `patch` in the format `options.type` names. A string is sent as it is (e.g. YAML
   * for `apply`); anything else is sent as JSON.
   */
  patch(name: string, patch: unknown, options: PatchOptions): Promise<ResourceObject<T>>;
  /**
   * delete deletes an object. It resolves to the object while it is still being deleted (finalizers,
   * graceful deletion) and to a `Success` Status when it is gone, as the server answers.
   */
  delete(name: string, options?: DeleteOptions): Promise<ResourceObject<T> | Status>;
  /** deleteCollection deletes every selected object (in one namespace for namespaced types). */
  deleteCollection(options?: DeleteCollectionOptions): Promise<ResourceObjectList<T> | Status>;
  /** getSubresource reads a subresource such as `scale`. */
  getSubresource<R = unknown>(name: string, subresource: string, options?: GetOptions): Promise<R>;
  /** createSubresource posts to a subresource such as `binding` or `eviction`. */
  createSubresource<R = unknown>(
    name: string,
    subresource: string,
    body: unknown,
    options?: WriteOptions,
  ): Promise<R>;
  /** updateSubresource replaces a subresource such as `scale`. */
  updateSubresource<R = unknown>(
    name: string,
    subresource: string,
    body: unknown,
    options?: WriteOptions,
  ): Promise<R>;
}

const PATCH_CONTENT_TYPES: Readonly<Record<PatchType, string>> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

const DEFAULT_PAGE_SIZE = 500;

interface Call {
  readonly method: string;
  readonly path: string;
  readonly name?: string | undefined;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly signal?: AbortSignal | undefined;
}

type AnyObject = { apiVersion?: string; kind?: string; metadata?: { name?: string; namespace?: string } };

/** TypedResourceClient implements {@link ResourceClient} on a {@link Transport}. */
export class TypedResourceClient<T extends ResourceType> implements ResourceClient<T> {
  readonly #transport: Transport;
  readonly #userAgent: string;
  readonly #namespace: string | undefined;

  constructor(
    transport: Transport,
    userAgent: string,
    readonly type: T,
    namespace?: string,
  ) {
    this.#transport = transport;
    this.#userAgent = userAgent;
    this.#namespace = namespace;
  }

  namespace(namespace: string): ResourceClient<T> {
    if (!this.type.namespaced) {
      throw new TypeError(`${this.#resourceName()} is cluster-scoped: it has no namespaces`);
    }
    resourcePath(this.type, { namespace }); // rejects a namespace no path could carry
    return new TypedResourceClient(this.#transport, this.#userAgent, this.type, namespace);
  }

  async get(name: string, options: GetOptions = {}): Promise<ResourceObject<T>> {
    const path = this.#path('get', { name });
    return this.#call({
      method: 'GET',
      path: withQuery(path, { resourceVersion: options.resourceVersion }),
      name,
      signal: options.signal,
    }) as Promise<ResourceObject<T>>;
  }

  async list(options: ClientListOptions = {}): Promise<ResourceObjectList<T>> {
    const list = (await this.#call({
      method: 'GET',
      path: withQuery(this.#collectionPath(), {
        ...selectorQuery(options),
        limit: options.limit,
        continue: options.continue,
        resourceVersion: options.resourceVersion,
        resourceVersionMatch: options.resourceVersionMatch,
      }),
      signal: options.signal,
    })) as { items?: AnyObject[] | null };
    // Be lenient with servers that encode an empty list as `items: null`.
    list.items ??= [];
    for (const item of list.items) {
      item.apiVersion ??= this.type.apiVersion;
      item.kind ??= this.type.kind;
    }
    return list as ResourceObjectList<T>;
  }

  async listAll(options: ClientListOptions = {}): Promise<ResourceObjectList<T>> {
    const pageOptions = { ...options, limit: options.limit ?? DEFAULT_PAGE_SIZE };
    const first = await this.list(pageOptions);
    const items = [...first.items];
    let token = first.metadata.continue;
    while (token !== undefined && token !== '') {
      let page: ResourceObjectList<T>;
      try {
        // The token carries the revision; resourceVersion may not be sent beside it.
        const { resourceVersion: _rv, resourceVersionMatch: _match, ...rest } = pageOptions;
        page = await this.list({ ...rest, continue: token });
      } catch (err) {
        if (!isResourceExpired(err)) throw err;
        const { limit: _limit, continue: _continue, ...unpaginated } = options;
        return this.list(unpaginated);
      }
      items.push(...page.items);
      token = page.metadata.continue;
    }
    const { continue: _continue, remainingItemCount: _remaining, ...metadata } = first.metadata;
    return { ...first, metadata, items };
  }

  watch(options: WatchOptions = {}): Observable<WatchEvent<ResourceObject<T>>> {
    const path = withQuery(this.#collectionPath(), {
      watch: true,
      ...selectorQuery(options),
      resourceVersion: options.resourceVersion,
      resourceVersionMatch: options.resourceVersionMatch,
      allowWatchBookmarks: options.allowWatchBookmarks,
      sendInitialEvents: options.sendInitialEvents,
      timeoutSeconds: options.timeoutSeconds,
    });
    return new Observable<WatchEvent<ResourceObject<T>>>((subscriber) => {
      const abort = new AbortController();
      let finished = false;
      const stream = async () => {
        const res = await this.#transport.request({
          method: 'GET',
          path,
          headers: this.#headers(),
          signal: abort.signal,
        });
        if (res.status < 200 || res.status > 299) {
          const text = await readText(res.body);
          throw responseError(res.status, res.headers, text, this.#failedRequest('GET'));
        }
        for await (const value of jsonLines(res.body)) {
          subscriber.next(toWatchEvent(value));
          // Unsubscribed during next: leaving the loop ends the body too.
          if (abort.signal.aborted) return;
        }
        finished = true;
        subscriber.complete();
      };
      stream().catch((err: unknown) => {
        finished = true;
        if (!abort.signal.aborted) subscriber.error(err);
      });
      return () => {
        if (!finished) abort.abort();
      };
    });
  }

  async create(object: ResourceObject<T>, options: WriteOptions = {}): Promise<ResourceObject<T>> {
    const namespace = this.#namespaceOf('create', object);
    return this.#call({
      method: 'POST',
      path: withQuery(resourcePath(this.type, { namespace }), writeQuery(options)),
      name: nameOf(object),
      body: this.#withTypeMeta(object),
      signal: options.signal,
    }) as Promise<ResourceObject<T>>;
  }

  async update(object: ResourceObject<T>, options: WriteOptions = {}): Promise<ResourceObject<T>> {
    return this.#put('update', object, undefined, options);
  }

  async updateStatus(object: ResourceObject<T>, options: WriteOptions = {}): Promise<ResourceObject<T>> {
    return this.#put('updateStatus', object, 'status', options);
  }

  async patch(name: string, patch: unknown, options: PatchOptions): Promise<ResourceObject<T>> {
    const path = this.#path('patch', { name, subresource: options.subresource });
    return this.#call({
      method: 'PATCH',
      path: withQuery(path, { ...writeQuery(options), force: options.force }),
      name,
      body: typeof patch === 'string' ? new TextEncoder().encode(patch) : patch,
      contentType: PATCH_CONTENT_TYPES[options.type],
      signal: options.signal,
    }) as Promise<ResourceObject<T>>;
  }

  async delete(name: string, options: DeleteOptions = {}): Promise<ResourceObject<T> | Status> {
    return this.#call({
      method: 'DELETE',
      path: this.#path('delete', { name }),
      name,
      body: deleteOptionsBody(options),
      signal: options.signal,
    }) as Promise<ResourceObject<T> | Status>;
  }

  async deleteCollection(options: DeleteCollectionOptions = {}): Promise<ResourceObjectList<T> | Status> {
    return this.#call({
      method: 'DELETE',
      path: withQuery(this.#path('deleteCollection', {}), selectorQuery(options)),
      body: deleteOptionsBody(options),
      signal: options.signal,
    }) as Promise<ResourceObjectList<T> | Status>;
  }

  async getSubresource<R = unknown>(name: string, subresource: string, options: GetOptions = {}): Promise<R> {
    const path = this.#path('getSubresource', { name, subresource });
    return this.#call({
      method: 'GET',
      path: withQuery(path, { resourceVersion: options.resourceVersion }),
      name,
      signal: options.signal,
    }) as Promise<R>;
  }

  async createSubresource<R = unknown>(
    name: string,
    subresource: string,
    body: unknown,
    options: WriteOptions = {},
  ): Promise<R> {
    const path = this.#path('createSubresource', { name, subresource });
    return this.#call({
      method: 'POST',
      path: withQuery(path, writeQuery(options)),
      name,
      body,
      signal: options.signal,
    }) as Promise<R>;
  }

  async updateSubresource<R = unknown>(
    name: string,
    subresource: string,
    body: unknown,
    options: WriteOptions = {},
  ): Promise<R> {
    const path = this.#path('updateSubresource', { name, subresource });
    return this.#call({
      method: 'PUT',
      path: withQuery(path, writeQuery(options)),
      name,
      body,
      signal: options.signal,
    }) as Promise<R>;
  }

  async #put(
    operation: string,
    object: ResourceObject<T>,
    subresource: string | undefined,
    options: WriteOptions,
  ): Promise<ResourceObject<T>> {
    const name = nameOf(object);
    if (name === undefined || name === '') {
      throw new TypeError(`${operation} ${this.#resourceName()}: the object has no metadata.name`);
    }
    const path = resourcePath(this.type, {
      namespace: this.#namespaceOf(operation, object),
      name,
      subresource,
    });
    return this.#call({
      method: 'PUT',
      path: withQuery(path, writeQuery(options)),
      name,
      body: this.#withTypeMeta(object),
      signal: options.signal,
    }) as Promise<ResourceObject<T>>;
  }

  async #call(call: Call): Promise<unknown> {
    let body: Uint8Array | undefined;
    if (call.body instanceof Uint8Array) body = call.body;
    else if (call.body !== undefined) body = new TextEncoder().encode(JSON.stringify(call.body));
    const headers = this.#headers(body === undefined ? undefined : (call.contentType ?? 'application/json'));
    const res = await this.#transport.request({
      method: call.method,
      path: call.path,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(call.signal === undefined ? {} : { signal: call.signal }),
    });
    const text = await readText(res.body);
    if (res.status < 200 || res.status > 299) {
      throw responseError(res.status, res.headers, text, this.#failedRequest(call.method, call.name));
    }
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new SyntaxError(
        `${call.method} ${call.path}: the server answered ${res.status} with a body that is not JSON: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  #headers(contentType?: string): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.#userAgent };
    if (contentType !== undefined) headers['content-type'] = contentType;
    return headers;
  }

  #failedRequest(method: string, name?: string) {
    return {
      method,
      resource: { group: this.type.group, resource: this.type.plural },
      ...(name === undefined ? {} : { name }),
    };
  }

  #withTypeMeta(object: ResourceObject<T>): unknown {
    return { apiVersion: this.type.apiVersion, kind: this.type.kind, ...(object as object) };
  }

  /** The path of a namespaced operation that needs this handle's namespace. */
  #path(operation: string, parts: { name?: string; subresource?: string | undefined }): string {
    return resourcePath(this.type, { ...parts, namespace: this.#namespaceOf(operation) });
  }

  #collectionPath(): string {
    return resourcePath(this.type, { namespace: this.type.namespaced ? this.#namespace : undefined });
  }

  #namespaceOf(operation: string, object?: ResourceObject<T>): string | undefined {
    if (!this.type.namespaced) return undefined;
    const namespace = this.#namespace ?? (object as AnyObject | undefined)?.metadata?.namespace;
    if (namespace === undefined || namespace === '') {
      throw new TypeError(
        `${operation} ${this.#resourceName()}: ${this.type.plural} are namespaced; call .namespace(ns) first`,
      );
    }
    return namespace;
  }

  #resourceName(): string {
    return this.type.group === '' ? this.type.plural : `${this.type.plural}.${this.type.group}`;
  }
}

function nameOf(object: unknown): string | undefined {
  return (object as AnyObject).metadata?.name;
}

function selectorQuery(options: SelectorOptions): Record<string, QueryValue> {
  return {
    labelSelector: options.labelSelector === undefined ? undefined : String(options.labelSelector),
    fieldSelector: options.fieldSelector === undefined ? undefined : String(options.fieldSelector),
  };
}

function writeQuery(options: WriteOptions): Record<string, QueryValue> {
  return {
    dryRun: options.dryRun === true ? 'All' : undefined,
    fieldManager: options.fieldManager,
    fieldValidation: options.fieldValidation,
  };
}

function deleteOptionsBody(options: DeleteOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  if (options.propagationPolicy !== undefined) body.propagationPolicy = options.propagationPolicy;
  if (options.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = options.gracePeriodSeconds;
  if (options.preconditions !== undefined) body.preconditions = options.preconditions;
  if (options.dryRun === true) body.dryRun = ['All'];
  return body;
}
