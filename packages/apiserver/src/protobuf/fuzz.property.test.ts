import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../patch/json-value.js';
import { canonicalArbitrary } from './fixtures/canonical-arbitrary.js';
import { readKubectlFixtures } from './fixtures/kubectl-fixtures.js';
import {
  decodeKubernetesProtobuf,
  encodeKubernetesProtobuf,
  KUBERNETES_PROTOBUF_MAGIC,
} from './kubernetes-protobuf.js';
import { ProtobufError } from './protobuf-error.js';
import { PROTOBUF_KINDS, protobufSchemas } from './protobuf-kinds.js';
import { decodeWatchEventFrame, encodeWatchEventFrame } from './watch-event-frame.js';

// Hostile input must end in a value or a ProtobufError: never another exception, a hang, or an
// allocation sized by a length read from the input.

function outcome(run: () => unknown): 'value' | 'error' {
  try {
    run();
    return 'value';
  } catch (err) {
    if (ProtobufError.is(err)) return 'error';
    throw err;
  }
}

/** decodeOrReject decodes `bytes`; a decoded object must also encode again. */
function decodeOrReject(bytes: Uint8Array): 'value' | 'error' {
  return outcome(() => {
    const decoded = decodeKubernetesProtobuf(bytes);
    JSON.stringify(decoded.object);
    encodeKubernetesProtobuf(decoded.object);
  });
}

const KINDS = Object.entries(PROTOBUF_KINDS).flatMap(([apiVersion, kinds]) =>
  kinds.map((kind) => [apiVersion, kind] as const),
);

const validBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(...readKubectlFixtures().map((f) => Buffer.from(f.body, 'base64'))),
  fc
    .constantFrom(...KINDS)
    .chain(([apiVersion, kind]) =>
      canonicalArbitrary(protobufSchemas(), kind, 3).map((object) =>
        encodeKubernetesProtobuf({ kind, apiVersion, ...object }),
      ),
    ),
);

type Mutation =
  | { op: 'set'; at: number; byte: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'repeat'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }),
  }),
  fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(body: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = Buffer.from(body);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.op === 'set' && bytes.length > 0) bytes[at] = m.byte;
    if (m.op === 'truncate') bytes = bytes.subarray(0, at);
    if (m.op === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    if (m.op === 'repeat') {
      const slice = bytes.subarray(at, at + m.length);
      bytes = Buffer.concat([bytes.subarray(0, at), slice, slice, bytes.subarray(at)]);
    }
  }
  return bytes;
}

describe('hostile protobuf bodies', () => {
  it('random bytes, with and without the magic, decode or fail with a ProtobufError', () => {
    const body = fc
      .tuple(fc.boolean(), fc.uint8Array({ maxLength: 300 }))
      .map(([magic, rest]) => (magic ? Buffer.concat([KUBERNETES_PROTOBUF_MAGIC, rest]) : rest));
    fc.assert(
      fc.property(body, (bytes) => {
        decodeOrReject(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated valid bodies decode or fail with a ProtobufError', () => {
    const seen = { value: 0, error: 0 };
    fc.assert(
      fc.property(validBody, fc.array(mutation, { minLength: 1, maxLength: 4 }), (body, mutations) => {
        seen[decodeOrReject(mutate(body, mutations))]++;
      }),
      { numRuns: 2000 },
    );
    expect(seen.value).toBeGreaterThan(20);
    expect(seen.error).toBeGreaterThan(100);
  });

  it('mutated watch frames decode or fail with a ProtobufError', () => {
    const frame = fc
      .constantFrom(...KINDS)
      .chain(([apiVersion, kind]) =>
        canonicalArbitrary(protobufSchemas(), kind, 2).map((object) =>
          encodeWatchEventFrame({ type: 'MODIFIED', object: { kind, apiVersion, ...object } }).subarray(4),
        ),
      );
    fc.assert(
      fc.property(frame, fc.array(mutation, { minLength: 1, maxLength: 3 }), (payload, mutations) => {
        outcome(() => decodeWatchEventFrame(mutate(payload, mutations)));
      }),
      { numRuns: 500 },
    );
  });

  it('arbitrary JSON objects encode or fail with a NotEncodable ProtobufError', () => {
    const object = fc
      .tuple(
        fc.constantFrom(...KINDS),
        fc.dictionary(
          fc.constantFrom('metadata', 'spec', 'status', 'data', 'rules', 'value', 'items'),
          fc.jsonValue({ maxDepth: 3 }),
        ),
      )
      .map(([[apiVersion, kind], body]) => ({ ...body, kind, apiVersion }) as JsonObject);
    fc.assert(
      fc.property(object, (json) => {
        outcome(() => encodeKubernetesProtobuf(json));
      }),
      { numRuns: 1000 },
    );
  });
});
