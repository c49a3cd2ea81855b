import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../patch/json-value.js';
import { readKubectlFixtures } from './fixtures/kubectl-fixtures.js';
import {
  decodeKubernetesProtobuf,
  encodeKubernetesProtobuf,
  KUBERNETES_PROTOBUF_MAGIC,
  supportsKubernetesProtobuf,
} from './kubernetes-protobuf.js';
import type { ProtobufErrorCode } from './protobuf-error.js';
import { ProtobufError } from './protobuf-error.js';
import { WireType } from './wire-reader.js';
import { WireWriter } from './wire-writer.js';

/** Part is one hand-written protobuf field. */
type Part = Uint8Array;

function bytesOf(write: (w: WireWriter) => void): Uint8Array {
  const w = new WireWriter();
  write(w);
  return Uint8Array.from(w.finish());
}

const pb = {
  varint: (field: number, value: number): Part =>
    bytesOf((w) => {
      w.tag(field, WireType.Varint);
      w.int64(value);
    }),
  str: (field: number, value: string): Part =>
    bytesOf((w) => {
      w.tag(field, WireType.LengthDelimited);
      w.string(value);
    }),
  bytes: (field: number, value: Uint8Array): Part =>
    bytesOf((w) => {
      w.tag(field, WireType.LengthDelimited);
      w.bytes(value);
    }),
  msg: (field: number, ...parts: Part[]): Part => pb.bytes(field, Buffer.concat(parts)),
};

function envelope(apiVersion: string, kind: string, ...raw: Part[]): Uint8Array {
  return Buffer.concat([
    KUBERNETES_PROTOBUF_MAGIC,
    pb.msg(1, pb.str(1, apiVersion), pb.str(2, kind)),
    pb.msg(2, ...raw),
    pb.str(3, ''),
    pb.str(4, ''),
  ]);
}

function errorOf(run: () => unknown): ProtobufError {
  try {
    run();
  } catch (err) {
    if (ProtobufError.is(err)) return err;
    throw err;
  }
  throw new Error('expected a ProtobufError');
}

describe('bodies captured from kubectl 1.33', () => {
  it.each(readKubectlFixtures().map((f) => [f.name, f] as const))(
    '%s decodes to kubectl’s JSON',
    (_name, fixture) => {
      const body = Buffer.from(fixture.body, 'base64');
      const decoded = decodeKubernetesProtobuf(body);
      expect(decoded.object).toEqual(fixture.json);
      expect(decoded.unknownFields).toEqual([]);
      expect(Buffer.from(encodeKubernetesProtobuf(decoded.object)).equals(body)).toBe(true);
    },
  );
});

describe('decoding follows Go’s JSON field rules', () => {
  it('fills in non-pointer structs the body leaves out', () => {
    expect(decodeKubernetesProtobuf(envelope('v1', 'Pod')).object).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {},
      spec: {},
      status: {},
    });
  });

  it('keeps a zero pointer, drops a zero omitempty value and keeps a zero field without omitempty', () => {
    const raw = [
      pb.msg(
        2,
        pb.varint(1, 0),
        pb.varint(5, 0),
        pb.varint(7, 0),
        pb.msg(3, pb.msg(2, pb.msg(2, pb.str(1, 'c'), pb.msg(6, pb.str(1, 'http'))))),
      ),
    ];
    const object = decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', ...raw)).object;
    expect(object.spec).toEqual({
      replicas: 0,
      template: {
        metadata: {},
        spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 0 }], resources: {} }] },
      },
      strategy: {},
    });
  });

  it('gives value quantities and int-or-strings their zero, and omits an unset time', () => {
    const env = pb.msg(7, pb.str(1, 'LIMIT'), pb.msg(3, pb.msg(2, pb.str(2, 'limits.cpu'))));
    const probe = pb.msg(10, pb.msg(1, pb.msg(2, pb.str(1, '/healthz'))));
    const raw = [pb.msg(1, pb.msg(8)), pb.msg(2, pb.msg(2, pb.str(1, 'c'), env, probe))];
    const pod = decodeKubernetesProtobuf(envelope('v1', 'Pod', ...raw)).object as {
      metadata: JsonObject;
      spec: { containers: JsonObject[] };
    };
    expect(pod.metadata).toEqual({});
    expect(pod.spec.containers[0]).toEqual({
      name: 'c',
      env: [{ name: 'LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } }],
      resources: {},
      livenessProbe: { httpGet: { path: '/healthz', port: 0 } },
    });
  });

  it('writes times, micro times, int-or-strings, bytes and RawExtensions in their JSON forms', () => {
    const lease = decodeKubernetesProtobuf(
      envelope(
        'coordination.k8s.io/v1',
        'Lease',
        pb.msg(1, pb.msg(8, pb.varint(1, 1714564800), pb.varint(2, 5))),
        pb.msg(2, pb.msg(4, pb.varint(1, 1714564800), pb.varint(2, 123456789))),
      ),
    ).object;
    expect(lease).toEqual({
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: { creationTimestamp: '2024-05-01T12:00:00Z' },
      spec: { renewTime: '2024-05-01T12:00:00.123456Z' },
    });
    const strategy = pb.msg(
      4,
      pb.msg(2, pb.msg(1, pb.varint(1, 1), pb.str(3, '25%')), pb.msg(2, pb.varint(2, 2))),
    );
    const deployment = decodeKubernetesProtobuf(
      envelope('apps/v1', 'Deployment', pb.msg(2, strategy)),
    ).object;
    expect((deployment.spec as JsonObject).strategy).toEqual({
      rollingUpdate: { maxUnavailable: '25%', maxSurge: 2 },
    });
    const secret = decodeKubernetesProtobuf(
      envelope(
        'v1',
        'Secret',
        pb.msg(2, pb.str(1, 'k'), pb.bytes(2, Uint8Array.of(0, 255, 10))),
        pb.msg(2, pb.str(1, 'e')),
      ),
    ).object;
    expect(secret.data).toEqual({ e: '', k: 'AP8K' });
    const revision = decodeKubernetesProtobuf(
      envelope(
        'apps/v1',
        'ControllerRevision',
        pb.msg(2, pb.str(1, '{"spec":{"x":[1,true,null]}}')),
        pb.varint(3, 7),
      ),
    ).object;
    expect(revision).toMatchObject({ data: { spec: { x: [1, true, null] } }, revision: 7 });
  });

  it('merges repeated occurrences of a message field, keeps the last scalar and reads packed numbers', () => {
    const raw = [
      pb.msg(1, pb.str(1, 'first'), pb.str(3, 'ns')),
      pb.msg(1, pb.str(1, 'second'), pb.msg(11, pb.str(1, 'a'), pb.str(2, '1'))),
      pb.msg(1, pb.msg(11, pb.str(1, 'b'), pb.str(2, '2'))),
    ];
    expect(decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', ...raw)).object.metadata).toEqual({
      name: 'second',
      namespace: 'ns',
      labels: { a: '1', b: '2' },
    });
    const packed = pb.bytes(3, Uint8Array.of(1, 2, 0x7f));
    const rule = pb.msg(1, pb.str(1, 'FailJob'), pb.msg(2, pb.str(2, 'In'), packed, pb.varint(3, 9)));
    const job = decodeKubernetesProtobuf(envelope('batch/v1', 'Job', pb.msg(2, pb.msg(11, rule)))).object;
    expect((job.spec as JsonObject).podFailurePolicy).toEqual({
      rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1, 2, 127, 9] } }],
    });
  });

  it('skips unknown fields and reports where they were', () => {
    const container = pb.msg(2, pb.str(1, 'c'), pb.varint(77, 1));
    const raw = [
      pb.msg(1, pb.str(1, 'web'), pb.bytes(50, Uint8Array.of(1, 2))),
      pb.msg(2, pb.msg(3, pb.msg(2, container))),
      pb.varint(99, 5),
    ];
    const decoded = decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', ...raw));
    expect((decoded.object.metadata as JsonObject).name).toBe('web');
    expect(decoded.unknownFields).toEqual([
      { path: '', fieldNumber: 99, wireType: WireType.Varint },
      { path: 'metadata', fieldNumber: 50, wireType: WireType.LengthDelimited },
      { path: 'spec.template.spec.containers[0]', fieldNumber: 77, wireType: WireType.Varint },
    ]);
  });

  it('uses the caller’s kind and apiVersion when the envelope leaves them out', () => {
    const body = envelope('', '', pb.msg(1, pb.str(1, 'demo')));
    const decoded = decodeKubernetesProtobuf(body, { defaultApiVersion: 'v1', defaultKind: 'Namespace' });
    expect(decoded).toMatchObject({
      apiVersion: 'v1',
      kind: 'Namespace',
      object: { metadata: { name: 'demo' } },
    });
  });
});

describe('bad bodies', () => {
  const magic = Buffer.from(KUBERNETES_PROTOBUF_MAGIC);
  it.each<[string, Uint8Array, ProtobufErrorCode]>([
    ['no bytes', new Uint8Array(0), 'EmptyBody'],
    ['only the magic', magic, 'EmptyBody'],
    ['JSON', Buffer.from('{"kind":"Pod"}'), 'BadMagic'],
    ['a short prefix', Buffer.from('k8s'), 'BadMagic'],
    ['no kind', envelope('v1', ''), 'MissingKind'],
    ['no apiVersion', envelope('', 'Pod'), 'MissingKind'],
    ['a custom resource', envelope('example.com/v1', 'Widget'), 'UnsupportedKind'],
    ['a kind of another version', envelope('apps/v1beta1', 'Deployment'), 'UnsupportedKind'],
    ['a raw field sent as a varint', Buffer.concat([magic, pb.varint(2, 1)]), 'Malformed'],
    ['a typeMeta field sent as a varint', Buffer.concat([magic, pb.msg(1, pb.varint(2, 1))]), 'Malformed'],
    ['a length past the end', Buffer.concat([magic, Uint8Array.of(0x12, 0x10, 0x0a)]), 'Truncated'],
    [
      'a 2^60 length',
      Buffer.concat([magic, Uint8Array.of(0x12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10)]),
      'Truncated',
    ],
    ['a truncated tag', Buffer.concat([magic, Uint8Array.of(0x80)]), 'Truncated'],
    ['a string sent as a varint', envelope('v1', 'Pod', pb.msg(1, pb.varint(1, 3))), 'Malformed'],
    ['a message sent as a varint', envelope('v1', 'Pod', pb.varint(2, 3)), 'Malformed'],
    [
      'an empty quantity',
      envelope('v1', 'ResourceQuota', pb.msg(2, pb.msg(1, pb.str(1, 'cpu'), pb.msg(2)))),
      'InvalidValue',
    ],
    [
      'an int-or-string of type 2',
      envelope('policy/v1', 'PodDisruptionBudget', pb.msg(2, pb.msg(1, pb.varint(1, 2)))),
      'InvalidValue',
    ],
    [
      'a time in the year 10000',
      envelope('v1', 'Pod', pb.msg(1, pb.msg(8, pb.varint(1, 253402300800)))),
      'InvalidValue',
    ],
    [
      '3000 empty daemon sets',
      envelope('apps/v1', 'DaemonSetList', ...Array<Part>(3000).fill(pb.msg(2))),
      'TooLarge',
    ],
    [
      'a RawExtension that is not JSON',
      envelope('apps/v1', 'ControllerRevision', pb.msg(2, pb.str(1, '{'))),
      'InvalidValue',
    ],
    [
      'JSON nested 200 deep',
      envelope('apps/v1', 'ControllerRevision', pb.msg(2, pb.str(1, '['.repeat(200) + ']'.repeat(200)))),
      'TooDeep',
    ],
  ])('refuses %s', (_name, body, code) => {
    const err = errorOf(() => decodeKubernetesProtobuf(body));
    expect(err.code, err.message).toBe(code);
  });

  it('refuses envelopes nested past the depth limit', () => {
    let body = envelope('apps/v1', 'ControllerRevision');
    for (let i = 0; i < 120; i++)
      body = envelope('apps/v1', 'ControllerRevision', pb.msg(2, pb.bytes(1, body)));
    expect(errorOf(() => decodeKubernetesProtobuf(body)).code).toBe('TooDeep');
  });

  it('answers 400, 413 for a body that expands too far, or 415 for a kind without a schema', () => {
    expect(errorOf(() => decodeKubernetesProtobuf(Buffer.from('{}'))).status).toBe(400);
    const huge = envelope('apps/v1', 'DaemonSetList', ...Array<Part>(3000).fill(pb.msg(2)));
    expect(errorOf(() => decodeKubernetesProtobuf(huge)).status).toBe(413);
    expect(errorOf(() => decodeKubernetesProtobuf(envelope('example.com/v1', 'Widget'))).status).toBe(415);
  });
});

describe('encoding', () => {
  it('writes a Status and a list that decode back to the same objects', () => {
    const status: JsonObject = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "web" not found',
      reason: 'NotFound',
      details: { name: 'web', kind: 'pods', causes: [{ reason: 'FieldValueInvalid', field: 'spec' }] },
      code: 404,
    };
    expect(decodeKubernetesProtobuf(encodeKubernetesProtobuf(status)).object).toEqual(status);
    const list: JsonObject = {
      kind: 'ConfigMapList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '42', continue: 'abc', remainingItemCount: 3 },
      items: [
        { metadata: { name: 'a', creationTimestamp: '2024-05-01T12:00:00Z' }, data: { k: 'v' } },
        { metadata: {} },
      ],
    };
    expect(decodeKubernetesProtobuf(encodeKubernetesProtobuf(list)).object).toEqual(list);
  });

  it('drops JSON properties the schema does not know and treats null as unset', () => {
    const object = {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name: 'demo', creationTimestamp: null, extra: 1 },
      spec: null,
      surprise: { a: 1 },
    } as JsonObject;
    expect(decodeKubernetesProtobuf(encodeKubernetesProtobuf(object)).object).toEqual({
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: { name: 'demo' },
      spec: {},
      status: {},
    });
  });

  it.each<[string, JsonObject]>([
    ['no apiVersion', { kind: 'Pod' }],
    ['a custom resource', { kind: 'Widget', apiVersion: 'example.com/v1' }],
    ['a number for a string map', { kind: 'Pod', apiVersion: 'v1', metadata: { labels: { a: 1 } } }],
    ['a string for a number', { kind: 'Deployment', apiVersion: 'apps/v1', spec: { replicas: '3' } }],
    ['a fraction for an integer', { kind: 'Deployment', apiVersion: 'apps/v1', spec: { replicas: 1.5 } }],
    ['a number past int32', { kind: 'Deployment', apiVersion: 'apps/v1', spec: { replicas: 2 ** 31 } }],
    ['a number past int64', { kind: 'Pod', apiVersion: 'v1', metadata: { generation: 2 ** 64 } }],
    ['a bad time', { kind: 'Pod', apiVersion: 'v1', metadata: { creationTimestamp: 'yesterday' } }],
    ['data that is not base64', { kind: 'Secret', apiVersion: 'v1', data: { k: 'not base64!' } }],
    ['an object for a list', { kind: 'Pod', apiVersion: 'v1', spec: { containers: { name: 'c' } } }],
    ['an array for an object', { kind: 'Pod', apiVersion: 'v1', spec: [] }],
    ['a string for a bool', { kind: 'Pod', apiVersion: 'v1', spec: { hostNetwork: 'yes' } }],
    [
      'a bool for an int-or-string',
      { kind: 'Service', apiVersion: 'v1', spec: { ports: [{ targetPort: true }] } },
    ],
  ])('refuses %s', (_name, object) => {
    const err = errorOf(() => encodeKubernetesProtobuf(object));
    expect(err.code).toBe('NotEncodable');
    expect(err.status).toBe(406);
  });

  it('names the field a bad value is in', () => {
    const object = {
      kind: 'Pod',
      apiVersion: 'v1',
      spec: { containers: [{ name: 'c', ports: [{ containerPort: 'x' }] }] },
    };
    expect(errorOf(() => encodeKubernetesProtobuf(object)).message).toBe(
      'spec.containers[0].ports[0].containerPort: expected a 32-bit integer, got string',
    );
  });

  it('tells which kinds it supports', () => {
    expect(supportsKubernetesProtobuf('batch/v1', 'CronJobList')).toBe(true);
    expect(supportsKubernetesProtobuf('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toBe(false);
  });
});
