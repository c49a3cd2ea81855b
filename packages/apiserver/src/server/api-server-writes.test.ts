import { ApiError, createBuiltinRegistry, defineResource, type ResourceType } from '@capstan/core';
import { MemoryStore } from '@capstan/store';
import { ContainerModule } from 'inversify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type AdmissionAttributes,
  VALIDATING_ADMISSION,
  type ValidatingAdmission,
} from '../pipeline/contracts.js';
import { decodeKubernetesProtobuf, encodeKubernetesProtobuf } from '../protobuf/kubernetes-protobuf.js';
import type { ApiServerOptions } from './api-server.js';
import { startTestServer, type TestServer } from './test-kit.js';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(options: Partial<ApiServerOptions> = {}): Promise<TestServer> {
  const s = await startTestServer(new MemoryStore({ compaction: false, progressIntervalMs: 50 }), options);
  servers.push(s);
  return s;
}

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';

/** The body of Kubernetes' own field-validation integration test (test/integration/apiserver/field_validation_test.go). */
const invalidDeploymentJson = `{
  "apiVersion": "apps/v1",
  "kind": "Deployment",
  "metadata": { "name": "dupename", "name": "web", "labels": {"app": "nginx"}, "unknownMeta": "metaVal" },
  "spec": {
    "unknown1": "val1",
    "unknownDupe": "valDupe",
    "unknownDupe": "valDupe2",
    "paused": true,
    "paused": false,
    "selector": { "matchLabels": { "app": "nginx" } },
    "template": {
      "metadata": { "labels": { "app": "nginx" } },
      "spec": {
        "containers": [{
          "name": "nginx",
          "image": "nginx:latest",
          "unknownNested": "val1",
          "imagePullPolicy": "Always",
          "imagePullPolicy": "Never"
        }]
      }
    }
  }
}`;

const kubernetesFindings = [
  'duplicate field "metadata.name"',
  'unknown field "metadata.unknownMeta"',
  'unknown field "spec.unknown1"',
  'unknown field "spec.unknownDupe"',
  'duplicate field "spec.paused"',
  'unknown field "spec.template.spec.containers[0].unknownNested"',
  'duplicate field "spec.template.spec.containers[0].imagePullPolicy"',
];

const warningsOf = (header: string | undefined) =>
  (header ?? '')
    .split(/, (?=299 )/)
    .filter((w) => w !== '')
    .map((w) => JSON.parse(w.slice('299 - '.length)) as string);

describe('fieldValidation', () => {
  it('Strict refuses unknown and duplicate fields with Kubernetes message, and writes nothing', async () => {
    const s = await start();
    const before = await s.store.currentRevision();
    const reply = await s.call('POST', `${DEPLOYMENTS}?fieldValidation=Strict`, {
      body: invalidDeploymentJson,
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({
      reason: 'BadRequest',
      message: `strict decoding error: ${kubernetesFindings.join(', ')}`,
    });
    expect(await s.store.currentRevision()).toBe(before);
  });

  it('Warn (the default) sends one Warning header per finding; Ignore sends none', async () => {
    const s = await start();
    const warned = await s.call('POST', DEPLOYMENTS, { body: invalidDeploymentJson });
    expect(warned.status).toBe(201);
    expect(warningsOf(warned.headers.warning)).toEqual(kubernetesFindings);
    expect(warned.json.spec.paused).toBe(false);
    const ignored = await s.call('PUT', `${DEPLOYMENTS}/web?fieldValidation=Ignore`, {
      body: invalidDeploymentJson,
    });
    expect(ignored.status).toBe(200);
    expect(ignored.headers.warning).toBeUndefined();
  });

  it('reports YAML duplicate keys by line, then unknown fields', async () => {
    const s = await start();
    const yaml =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n  name: y\nbogus: 1\ndata:\n  a: "1"\n';
    const strict = await s.call('POST', `${CONFIGMAPS}?fieldValidation=Strict`, {
      body: yaml,
      contentType: 'application/yaml',
    });
    expect(strict.status).toBe(400);
    expect(strict.json.message).toBe(
      'strict decoding error: yaml: unmarshal errors:\n  line 5: key "name" already set in map, unknown field "bogus"',
    );
    const warned = await s.call('POST', CONFIGMAPS, { body: yaml, contentType: 'application/yaml' });
    expect(warned.status).toBe(201);
    expect(warningsOf(warned.headers.warning)).toEqual([
      'line 5: key "name" already set in map',
      'unknown field "bogus"',
    ]);
  });

  it('checks patches: duplicates in the patch and new unknown fields in the result', async () => {
    const s = await start();
    await s.call('POST', CONFIGMAPS, { body: { metadata: { name: 'cm' }, data: { a: '1' } } });
    const merge = await s.call('PATCH', `${CONFIGMAPS}/cm?fieldValidation=Strict`, {
      body: '{"data": {"b": "2", "b": "3"}, "extra": 1}',
      contentType: 'application/merge-patch+json',
    });
    expect(merge.json.message).toBe('strict decoding error: duplicate field "data.b", unknown field "extra"');
    const jsonPatch = await s.call('PATCH', `${CONFIGMAPS}/cm?fieldValidation=Strict`, {
      body: '[{"op": "add", "path": "/data/c", "value": "3", "foo": "bar"}]',
      contentType: 'application/json-patch+json',
    });
    expect(jsonPatch.json.message).toBe('strict decoding error: json patch unknown field "[0].foo"');
  });

  it('does not apply to protobuf bodies, as Kubernetes', async () => {
    const s = await start();
    const body = encodeKubernetesProtobuf({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'pb', namespace: 'default' },
      data: { a: '1' },
    });
    const reply = await s.call('POST', `${CONFIGMAPS}?fieldValidation=Strict`, {
      body,
      contentType: 'application/vnd.kubernetes.protobuf',
      headers: { accept: 'application/vnd.kubernetes.protobuf' },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers['content-type']).toBe('application/vnd.kubernetes.protobuf');
    expect(decodeKubernetesProtobuf(reply.bytes).object).toMatchObject({
      kind: 'ConfigMap',
      data: { a: '1' },
    });
  });
});

describe('PATCH', () => {
  it('applies JSON patch, merge patch and strategic merge patch', async () => {
    const s = await start();
    const labels = { app: 'web' };
    await s.call('POST', DEPLOYMENTS, {
      body: {
        metadata: { name: 'web' },
        spec: {
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                { name: 'a', image: 'nginx' },
                { name: 'b', image: 'redis' },
              ],
            },
          },
        },
      },
    });
    const strategic = await s.call('PATCH', `${DEPLOYMENTS}/web`, {
      body: { spec: { template: { spec: { containers: [{ name: 'b', image: 'redis:7' }] } } } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(strategic.status).toBe(200);
    expect(strategic.json.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual([
      'nginx',
      'redis:7',
    ]);
    expect(strategic.json.metadata.generation).toBe(2);
    const merge = await s.call('PATCH', `${DEPLOYMENTS}/web`, {
      body: { spec: { template: { spec: { containers: [{ name: 'only', image: 'busybox' }] } } } },
      contentType: 'application/merge-patch+json',
    });
    expect(merge.json.spec.template.spec.containers).toHaveLength(1);
    const json = await s.call('PATCH', `${DEPLOYMENTS}/web`, {
      body: [
        { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'only' },
        { op: 'add', path: '/spec/replicas', value: 4 },
      ],
      contentType: 'application/json-patch+json',
    });
    expect(json.json.spec.replicas).toBe(4);
    const failedTest = await s.call('PATCH', `${DEPLOYMENTS}/web`, {
      body: [{ op: 'test', path: '/spec/replicas', value: 1 }],
      contentType: 'application/json-patch+json',
    });
    expect(failedTest.status).toBe(422);
  });

  it('refuses server-side apply and unknown patch types with 415, strategic merge for custom kinds too', async () => {
    const s = await start();
    await s.call('POST', CONFIGMAPS, { body: { metadata: { name: 'cm' } } });
    const apply = await s.call('PATCH', `${CONFIGMAPS}/cm?fieldManager=me`, {
      body: 'data: {a: "1"}',
      contentType: 'application/apply-patch+yaml',
    });
    expect(apply.status).toBe(415);
    expect(apply.json.message).toContain('server-side apply');
    const other = await s.call('PATCH', `${CONFIGMAPS}/cm`, { body: '{}', contentType: 'text/plain' });
    expect(other.status).toBe(415);
    expect(other.json.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json',
    );
  });

  it('serves custom kinds JSON and merge patches, and refuses strategic merge patch with 415', async () => {
    const registry = createBuiltinRegistry();
    registry.register(
      defineResource({
        group: 'example.com',
        version: 'v1',
        kind: 'Widget',
        plural: 'widgets',
        namespaced: true,
        schema: z.object({ spec: z.looseObject({ color: z.string() }) }),
      }),
    );
    const s = await start({ registry });
    const widgets = '/apis/example.com/v1/namespaces/default/widgets';
    expect(
      (await s.call('POST', widgets, { body: { metadata: { name: 'w' }, spec: { color: 'red' } } })).status,
    ).toBe(201);
    const merged = await s.call('PATCH', `${widgets}/w`, {
      body: { spec: { color: 'blue' } },
      contentType: 'application/merge-patch+json',
    });
    expect(merged.json.spec.color).toBe('blue');
    const strategic = await s.call('PATCH', `${widgets}/w`, {
      body: { spec: { color: 'green' } },
      contentType: 'application/strategic-merge-patch+json',
    });
    expect(strategic.status).toBe(415);
    expect(strategic.json.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json',
    );
  });

  it('makes a resourceVersion in the patch a precondition', async () => {
    const s = await start();
    await s.call('POST', CONFIGMAPS, { body: { metadata: { name: 'cm' } } });
    const stale = await s.call('PATCH', `${CONFIGMAPS}/cm`, {
      body: { metadata: { resourceVersion: '1' }, data: { a: '1' } },
      contentType: 'application/merge-patch+json',
    });
    expect(stale.status).toBe(409);
  });
});

describe('dryRun and write options', () => {
  it('runs every step but the write', async () => {
    const s = await start();
    const before = await s.store.currentRevision();
    const created = await s.call('POST', `${CONFIGMAPS}?dryRun=All`, { body: { metadata: { name: 'dry' } } });
    expect(created.status).toBe(201);
    expect(created.json.metadata.resourceVersion).toBeUndefined();
    expect(await s.store.currentRevision()).toBe(before);
    const invalid = await s.call('POST', `${CONFIGMAPS}?dryRun=Some`, {
      body: { metadata: { name: 'dry' } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.message).toContain(
      'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value',
    );
  });

  it('validates fieldManager and fieldValidation', async () => {
    const s = await start();
    const long = await s.call('POST', `${CONFIGMAPS}?fieldManager=${'m'.repeat(129)}`, {
      body: { metadata: { name: 'cm' } },
    });
    expect(long.status).toBe(422);
    expect(long.json.message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes',
    );
    const mode = await s.call('POST', `${CONFIGMAPS}?fieldValidation=Loose`, {
      body: { metadata: { name: 'cm' } },
    });
    expect(mode.json.message).toBe(
      'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "Ignore", "Warn", "Strict"',
    );
  });

  it('takes DeleteOptions from the query and from a body', async () => {
    const s = await start();
    await s.call('POST', CONFIGMAPS, { body: { metadata: { name: 'cm' } } });
    const orphaned = await s.call('DELETE', `${CONFIGMAPS}/cm`, {
      body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Orphan' },
    });
    expect(orphaned.status).toBe(200);
    expect(orphaned.json.metadata.finalizers).toEqual(['orphan']);
    const badPolicy = await s.call('DELETE', `${CONFIGMAPS}/cm?propagationPolicy=Sideways`);
    expect(badPolicy.status).toBe(422);
    const wrongUid = await s.call('DELETE', `${CONFIGMAPS}/cm`, { body: { preconditions: { uid: 'nope' } } });
    expect(wrongUid.status).toBe(409);
  });

  it('deletes collections by selector', async () => {
    const s = await start();
    for (const name of ['a', 'b', 'c']) {
      await s.call('POST', CONFIGMAPS, {
        body: { metadata: { name, labels: { keep: String(name === 'c') } } },
      });
    }
    const deleted = await s.call('DELETE', `${CONFIGMAPS}?labelSelector=keep%3Dfalse`);
    expect(deleted.status).toBe(200);
    expect(deleted.json.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual([
      'a',
      'b',
    ]);
    const left = await s.call('GET', CONFIGMAPS);
    expect(left.json.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['c']);
  });
});

describe('admission', () => {
  it('runs validating admission after validation, with the final object, and a refusal writes nothing', async () => {
    const seen: AdmissionAttributes[] = [];
    const refuser: ValidatingAdmission = {
      handles: (_operation, type: ResourceType) => type.kind === 'ConfigMap',
      async validate(attributes) {
        seen.push(attributes);
        const data = (attributes.object?.data ?? {}) as Record<string, string>;
        if (data.forbidden !== undefined)
          throw ApiError.forbidden({ resource: 'configmaps' }, attributes.name, 'no');
      },
    };
    const module = new ContainerModule(({ bind }) => {
      bind<ValidatingAdmission>(VALIDATING_ADMISSION).toConstantValue(refuser);
    });
    const s = await start({ modules: [module] });
    const generated = await s.call('POST', CONFIGMAPS, { body: { metadata: { generateName: 'cm-' } } });
    expect(generated.status).toBe(201);
    expect(seen[0]).toMatchObject({
      operation: 'CREATE',
      name: generated.json.metadata.name,
      namespace: 'default',
    });
    expect(seen[0]?.object?.metadata).toMatchObject({ uid: generated.json.metadata.uid });

    const before = await s.store.currentRevision();
    const refused = await s.call('POST', CONFIGMAPS, {
      body: { metadata: { name: 'x' }, data: { forbidden: '1' } },
    });
    expect(refused.status).toBe(403);
    expect(await s.store.currentRevision()).toBe(before);

    const missingNamespace = await s.call('POST', '/api/v1/namespaces/nowhere/configmaps', {
      body: { metadata: { name: 'x' } },
    });
    expect(missingNamespace.status).toBe(404);
    expect(missingNamespace.json.message).toBe('namespaces "nowhere" not found');
  });

  it('refuses deleting the default namespace', async () => {
    const s = await start();
    const reply = await s.call('DELETE', '/api/v1/namespaces/default');
    expect(reply.status).toBe(403);
    expect(reply.json.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});
