import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createBuiltinRegistry, defineResource, type ResourceRegistry } from '@capstan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildAggregatedDiscovery } from '../discovery/aggregated-discovery.js';
import { negotiateDiscovery } from '../discovery/discovery-negotiation.js';
import {
  buildApiGroup,
  buildApiGroupList,
  buildApiResourceList,
  buildApiVersions,
} from '../discovery/legacy-discovery.js';
import { negotiateOpenApiV2, negotiateOpenApiV3 } from './openapi-negotiation.js';
import { buildOpenApiV2 } from './openapi-v2.js';
import { buildOpenApiV2Protobuf } from './openapi-v2-protobuf.js';
import { buildOpenApiV3GroupVersion, buildOpenApiV3Index, parseOpenApiV3Path } from './openapi-v3.js';

// Real kubectl against a throwaway server that serves only these documents (and 404 for every
// object): explain, api-resources, and client-side apply with validation on. kubectl is installed
// on CI, so the test is skipped only outside CI when the binary is missing.

function findKubectl(): string | undefined {
  try {
    const dispatcher = execFileSync('which', ['kubectl'], { encoding: 'utf8' }).trim();
    const binary = join(dirname(realpathSync(dispatcher)), 'kubectl.1.33');
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const kubectl = findKubectl();
if (kubectl === undefined && process.env.CI === 'true') {
  throw new Error('kubectl.1.33 is required on CI, next to the kubectl on the PATH');
}

interface Document {
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

/** documentFor is the document served at `path` for a request accepting `accept`, if any. */
function documentFor(
  registry: ResourceRegistry,
  path: string,
  accept: string | undefined,
): Document | undefined {
  const json = (document: { json: string } | undefined) =>
    document === undefined ? undefined : { contentType: 'application/json', body: document.json };
  if (path === '/api' || path === '/apis') {
    const negotiated = negotiateDiscovery(accept);
    if (negotiated.form === 'aggregated') {
      const root = path === '/api' ? 'legacy' : 'apis';
      return {
        contentType: negotiated.contentType,
        body: buildAggregatedDiscovery(registry, root, negotiated.version).json,
      };
    }
    if (negotiated.form === 'not-acceptable') return undefined;
    return json(path === '/api' ? buildApiVersions(registry) : buildApiGroupList(registry));
  }
  const core = /^\/api\/([^/]+)$/.exec(path);
  if (core?.[1] !== undefined) return json(buildApiResourceList(registry, '', core[1]));
  const group = /^\/apis\/([^/]+)$/.exec(path);
  if (group?.[1] !== undefined) return json(buildApiGroup(registry, group[1]));
  const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
  if (groupVersion?.[1] !== undefined && groupVersion[2] !== undefined) {
    return json(buildApiResourceList(registry, groupVersion[1], groupVersion[2]));
  }
  if (path === '/openapi/v2') {
    const negotiated = negotiateOpenApiV2(accept);
    if (negotiated.form === 'protobuf') {
      return { contentType: negotiated.contentType, body: buildOpenApiV2Protobuf(registry).bytes };
    }
    return negotiated.form === 'json' ? json(buildOpenApiV2(registry)) : undefined;
  }
  if (negotiateOpenApiV3(accept).form !== 'json') return undefined;
  if (path === '/openapi/v3') return json(buildOpenApiV3Index(registry));
  const gv = path.startsWith('/openapi/v3/')
    ? parseOpenApiV3Path(path.slice('/openapi/v3/'.length))
    : undefined;
  return gv === undefined ? undefined : json(buildOpenApiV3GroupVersion(registry, gv.group, gv.version));
}

function serveDocuments(registry: ResourceRegistry, requests: string[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${req.method} ${path} ${req.headers.accept ?? ''}`);
    const document = documentFor(registry, path, req.headers.accept);
    if (document !== undefined) {
      res.writeHead(200, { 'content-type': document.contentType, vary: 'Accept' });
      res.end(document.body);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      }),
    );
  };
}

describe.skipIf(kubectl === undefined)('kubectl 1.33 against the discovery and OpenAPI documents', () => {
  const registry = createBuiltinRegistry();
  registry.register(
    defineResource({
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      namespaced: true,
      shortNames: ['wd'],
      schema: z.object({
        spec: z
          .looseObject({ color: z.string().describe('The colour of the widget.') })
          .describe('What the widget should be.'),
      }),
      description: 'Widget is a thing that is made.',
    }),
  );
  const requests: string[] = [];
  const server: Server = createServer(serveDocuments(registry, requests));
  const home = mkdtempSync(join(tmpdir(), 'capstan-kubectl-'));
  let address = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(home, { recursive: true, force: true });
  });

  function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        kubectl as string,
        [...args, '--server', address, '--cache-dir', join(home, 'cache')],
        {
          env: { PATH: process.env.PATH ?? '', HOME: home, KUBECONFIG: join(home, 'none') },
          timeout: 20_000,
        },
        (error, stdout, stderr) =>
          resolve({ code: error === null ? 0 : ((error.code as number) ?? 1), stdout, stderr }),
      );
    });
  }

  it('explains pods.spec.containers with the documentation of the zod schemas', async () => {
    const { code, stdout, stderr } = await run('explain', 'pods.spec.containers');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('FIELD: containers <[]Container>');
    expect(stdout).toContain('The containers of the pod; at least one.');
    expect(stdout).toMatch(
      /name\s+<string> -required-\n\s+Name of the container, a DNS label unique within the pod\./,
    );
    expect(stdout).toMatch(/ports\s+<\[\]ContainerPort>/);
    expect(requests).toContainEqual(expect.stringMatching(/^GET \/openapi\/v3\/api\/v1 application\/json$/));
  });

  it('explains a type defined with defineResource', async () => {
    const { code, stdout } = await run('explain', 'widgets.spec');
    expect(code).toBe(0);
    expect(stdout).toContain('GROUP:      example.com');
    expect(stdout).toContain('What the widget should be.');
    expect(stdout).toMatch(/color\s+<string> -required-\n\s+The colour of the widget\./);
  });

  it('lists every resource with its short names through aggregated discovery', async () => {
    const { code, stdout } = await run('api-resources', '--no-headers');
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/));
    expect(rows).toContainEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    expect(rows).toContainEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    expect(rows).toContainEqual([
      'customresourcedefinitions',
      'crd,crds',
      'apiextensions.k8s.io/v1',
      'false',
      'CustomResourceDefinition',
    ]);
    expect(rows).toContainEqual(['widgets', 'wd', 'example.com/v1', 'true', 'Widget']);
    expect(rows).toHaveLength(registry.list().length);
    expect(requests).toContainEqual(
      expect.stringMatching(/^GET \/apis application\/json;g=apidiscovery\.k8s\.io;v=v2;/),
    );
  });

  it('validates a manifest with the server (fieldValidation found in OpenAPI v3), never rejecting fields itself', async () => {
    const manifest = join(home, 'pod.yaml');
    writeFileSync(
      manifest,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: default}\nspec:\n' +
        '  containers: [{name: web, image: nginx, unmodelled: true}]\n  securityContext: {seccompProfile: {type: RuntimeDefault}}\n',
    );
    requests.length = 0;
    const { code, stdout, stderr } = await run('apply', '--dry-run=client', '-f', manifest);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('pod/web created (dry run)');
    expect(requests.filter((r) => r.startsWith('GET /openapi/v2'))).toEqual([]);
  });

  it('validates a kind: List file against the protobuf OpenAPI v2 document', async () => {
    const manifest = join(home, 'list.yaml');
    writeFileSync(
      manifest,
      'apiVersion: v1\nkind: List\nitems:\n' +
        '- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings, namespace: default}\n  data: {a: b}\n' +
        '- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: web, namespace: default}\n  spec:\n' +
        '    selector: {matchLabels: {app: web}}\n    template:\n      metadata: {labels: {app: web}}\n' +
        '      spec: {containers: [{name: web, image: nginx, unmodelled: 1}]}\n',
    );
    requests.length = 0;
    const { code, stdout, stderr } = await run('apply', '--dry-run=client', '-f', manifest);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('configmap/settings created (dry run)');
    expect(stdout).toContain('deployment.apps/web created (dry run)');
    expect(requests).toContain('GET /openapi/v2 application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
  });
});
