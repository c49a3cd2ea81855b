import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestMetricLabels } from './request-metric-labels.js';

/** REQUEST_DURATION_BUCKETS are Kubernetes' buckets for request and storage latencies, in seconds. */
export const REQUEST_DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60,
]);

const REQUEST_LABELS = [
  'verb',
  'dry_run',
  'group',
  'version',
  'resource',
  'subresource',
  'scope',
  'component',
] as const;
const LONG_RUNNING_LABELS = [
  'verb',
  'group',
  'version',
  'resource',
  'subresource',
  'scope',
  'component',
] as const;
const STORAGE_LABELS = ['operation', 'group', 'resource'] as const;

/** StorageResource names the resource a storage request was for; `group` is `''` for the core group. */
export interface StorageResource {
  readonly group: string;
  readonly resource: string;
}

/** MetricsPage is the `/metrics` response: the Prometheus text format and its content type. */
export interface MetricsPage {
  readonly contentType: string;
  readonly body: string;
}

/**
 * ApiServerMetrics holds an API server's Prometheus metrics under the names and labels Kubernetes
 * uses, so existing dashboards and alerts work unchanged:
 *
 * - `apiserver_request_total{verb,dry_run,group,version,resource,subresource,scope,component,code}`
 * - `apiserver_request_duration_seconds{verb,dry_run,group,version,resource,subresource,scope,component}`
 * - `apiserver_longrunning_requests{verb,group,version,resource,subresource,scope,component}`, the
 *   open watches (verb `WATCH`) and other long-running requests
 * - `apiserver_watch_events_total{group,version,kind}`, events sent to watchers
 * - `etcd_request_duration_seconds{operation,group,resource}`, `etcd_requests_total` and
 *   `etcd_request_errors_total`, the latency and count of calls into the Store whatever its backend
 *
 * Each instance has its own registry (never prom-client's global one), so any number of API servers
 * can run in one process. Add process metrics with prom-client's
 * `collectDefaultMetrics({ register: metrics.registry })` if wanted.
 */
export class ApiServerMetrics {
  /** registry is where these metrics live; register further metrics here to serve them on `/metrics`. */
  readonly registry: Registry;
  private readonly requests: Counter<(typeof REQUEST_LABELS)[number] | 'code'>;
  private readonly requestDurations: Histogram<(typeof REQUEST_LABELS)[number]>;
  private readonly longRunning: Gauge<(typeof LONG_RUNNING_LABELS)[number]>;
  private readonly watchEvents: Counter<'group' | 'version' | 'kind'>;
  private readonly storageDurations: Histogram<(typeof STORAGE_LABELS)[number]>;
  private readonly storageRequests: Counter<(typeof STORAGE_LABELS)[number]>;
  private readonly storageErrors: Counter<(typeof STORAGE_LABELS)[number]>;

  constructor(registry: Registry = new Registry()) {
    this.registry = registry;
    const registers = [registry];
    this.requests = new Counter({
      name: 'apiserver_request_total',
      help: 'Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
      labelNames: [...REQUEST_LABELS, 'code'],
      registers,
    });
    this.requestDurations = new Histogram({
      name: 'apiserver_request_duration_seconds',
      help: 'Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
      labelNames: REQUEST_LABELS,
      buckets: [...REQUEST_DURATION_BUCKETS],
      registers,
    });
    this.longRunning = new Gauge({
      name: 'apiserver_longrunning_requests',
      help: 'Gauge of all active long-running apiserver requests broken out by verb, group, version, resource, scope and component. Not all requests are tracked this way.',
      labelNames: LONG_RUNNING_LABELS,
      registers,
    });
    this.watchEvents = new Counter({
      name: 'apiserver_watch_events_total',
      help: 'Number of events sent in watch clients',
      labelNames: ['group', 'version', 'kind'],
      registers,
    });
    this.storageDurations = new Histogram({
      name: 'etcd_request_duration_seconds',
      help: 'Etcd request latency in seconds for each operation and object type.',
      labelNames: STORAGE_LABELS,
      buckets: [...REQUEST_DURATION_BUCKETS],
      registers,
    });
    this.storageRequests = new Counter({
      name: 'etcd_requests_total',
      help: 'Etcd request counts for each operation and object type.',
      labelNames: STORAGE_LABELS,
      registers,
    });
    this.storageErrors = new Counter({
      name: 'etcd_request_errors_total',
      help: 'Etcd failed request counts for each operation and object type.',
      labelNames: STORAGE_LABELS,
      registers,
    });
  }

  /**
   * recordRequest counts one finished request with its HTTP status code and observes how long it
   * took, in seconds. Call it once per request, when the response is complete (for a watch: when it
   * ends).
   */
  recordRequest(labels: RequestMetricLabels, code: number, durationSeconds: number): void {
    const values = requestLabelValues(labels);
    this.requests.inc({ ...values, code: String(code) });
    this.requestDurations.observe(values, durationSeconds);
  }

  /**
   * startLongRunning counts a long-running request (a watch, a log stream) as open until the
   * returned function is called; calling that function more than once has no further effect.
   */
  startLongRunning(labels: RequestMetricLabels): () => void {
    const values = {
      verb: labels.verb,
      group: labels.group,
      version: labels.version,
      resource: labels.resource,
      subresource: labels.subresource,
      scope: labels.scope,
      component: labels.component,
    };
    this.longRunning.inc(values);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.longRunning.dec(values);
    };
  }

  /** recordWatchEvents counts `count` events (default 1) of a kind sent to watchers. */
  recordWatchEvents(kind: { group: string; version: string; kind: string }, count = 1): void {
    this.watchEvents.inc({ group: kind.group, version: kind.version, kind: kind.kind }, count);
  }

  /**
   * recordStorageRequest observes one call into the Store: the operation (`get`, `list`, `create`,
   * `update`, `delete`, …), the resource it was for, how long it took in seconds, and whether it
   * failed. Expected outcomes such as a conflict or a missing key are not failures.
   */
  recordStorageRequest(
    operation: string,
    resource: StorageResource,
    durationSeconds: number,
    failed = false,
  ): void {
    const values = { operation, group: resource.group, resource: resource.resource };
    this.storageDurations.observe(values, durationSeconds);
    this.storageRequests.inc(values);
    if (failed) this.storageErrors.inc(values);
  }

  /** render returns the current values in the Prometheus text format, for `/metrics`. */
  async render(): Promise<MetricsPage> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

function requestLabelValues(labels: RequestMetricLabels): Record<(typeof REQUEST_LABELS)[number], string> {
  return {
    verb: labels.verb,
    dry_run: labels.dryRun,
    group: labels.group,
    version: labels.version,
    resource: labels.resource,
    subresource: labels.subresource,
    scope: labels.scope,
    component: labels.component,
  };
}
