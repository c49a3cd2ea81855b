import { describe, expect, it } from 'vitest';
import { ApiServerMetrics, REQUEST_DURATION_BUCKETS } from './api-server-metrics.js';
import type { RequestMetricLabels } from './request-metric-labels.js';

const listPods: RequestMetricLabels = {
  verb: 'LIST',
  dryRun: '',
  group: '',
  version: 'v1',
  resource: 'pods',
  subresource: '',
  scope: 'namespace',
  component: 'apiserver',
};
const watchDeployments: RequestMetricLabels = {
  ...listPods,
  verb: 'WATCH',
  group: 'apps',
  resource: 'deployments',
  scope: 'cluster',
};

/** sample finds the value of one sample line of the rendered text, by its full name and labels. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('ApiServerMetrics', () => {
  it('renders request counts and durations with Kubernetes names, labels and buckets', async () => {
    const metrics = new ApiServerMetrics();
    metrics.recordRequest(listPods, 200, 0.003);
    metrics.recordRequest(listPods, 200, 0.03);
    metrics.recordRequest({ ...listPods, verb: 'POST', scope: 'resource', dryRun: 'All' }, 403, 0.001);

    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('# TYPE apiserver_request_total counter');
    expect(body).toContain('# TYPE apiserver_request_duration_seconds histogram');
    const labels =
      'verb="LIST",dry_run="",group="",version="v1",resource="pods",subresource="",scope="namespace",component="apiserver"';
    expect(sample(body, `apiserver_request_total{${labels},code="200"}`)).toBe(2);
    expect(
      sample(
        body,
        'apiserver_request_total{verb="POST",dry_run="All",group="",version="v1",resource="pods",subresource="",scope="resource",component="apiserver",code="403"}',
      ),
    ).toBe(1);
    expect(sample(body, `apiserver_request_duration_seconds_bucket{le="0.005",${labels}}`)).toBe(1);
    expect(sample(body, `apiserver_request_duration_seconds_bucket{le="0.05",${labels}}`)).toBe(2);
    expect(sample(body, `apiserver_request_duration_seconds_count{${labels}}`)).toBe(2);
    const buckets = body
      .split('\n')
      .filter((l) => l.startsWith(`apiserver_request_duration_seconds_bucket{`) && l.includes(labels))
      .map((l) => /le="([^"]+)"/.exec(l)![1]);
    expect(buckets).toEqual([...REQUEST_DURATION_BUCKETS.map(String), '+Inf']);
  });

  it('counts open long-running requests until each one ends, once', async () => {
    const metrics = new ApiServerMetrics();
    const series =
      'apiserver_longrunning_requests{verb="WATCH",group="apps",version="v1",resource="deployments",subresource="",scope="cluster",component="apiserver"}';
    const first = metrics.startLongRunning(watchDeployments);
    const second = metrics.startLongRunning(watchDeployments);
    expect(sample((await metrics.render()).body, series)).toBe(2);
    first();
    first();
    expect(sample((await metrics.render()).body, series)).toBe(1);
    second();
    expect(sample((await metrics.render()).body, series)).toBe(0);
  });

  it('counts watch events and storage calls', async () => {
    const metrics = new ApiServerMetrics();
    metrics.recordWatchEvents({ group: 'apps', version: 'v1', kind: 'Deployment' }, 3);
    metrics.recordWatchEvents({ group: 'apps', version: 'v1', kind: 'Deployment' });
    metrics.recordStorageRequest('create', { group: '', resource: 'pods' }, 0.002);
    metrics.recordStorageRequest('create', { group: '', resource: 'pods' }, 0.3, true);
    metrics.recordStorageRequest('list', { group: 'apps', resource: 'deployments' }, 0.01);

    const { body } = await metrics.render();
    expect(sample(body, 'apiserver_watch_events_total{group="apps",version="v1",kind="Deployment"}')).toBe(4);
    expect(sample(body, 'etcd_requests_total{operation="create",group="",resource="pods"}')).toBe(2);
    expect(sample(body, 'etcd_request_errors_total{operation="create",group="",resource="pods"}')).toBe(1);
    expect(
      sample(
        body,
        'etcd_request_duration_seconds_bucket{le="0.005",operation="create",group="",resource="pods"}',
      ),
    ).toBe(1);
    expect(
      sample(
        body,
        'etcd_request_duration_seconds_count{operation="list",group="apps",resource="deployments"}',
      ),
    ).toBe(1);
    expect(body).not.toContain('etcd_request_errors_total{operation="list"');
  });

  it('keeps each instance separate, so several servers can run in one process', async () => {
    const a = new ApiServerMetrics();
    const b = new ApiServerMetrics();
    a.recordRequest(listPods, 200, 0.01);
    expect(await b.render()).not.toEqual(await a.render());
    expect((await b.render()).body).not.toContain('code="200"');
  });

  it('records requests quickly enough for the hot path', () => {
    const metrics = new ApiServerMetrics();
    const started = performance.now();
    const count = 20_000;
    for (let i = 0; i < count; i++) metrics.recordRequest(listPods, 200, 0.001);
    const microsPerRequest = ((performance.now() - started) * 1000) / count;
    expect(microsPerRequest).toBeLessThan(50);
  });
});
