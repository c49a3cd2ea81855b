import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalArbitrary } from './fixtures/canonical-arbitrary.js';
import { decodeKubernetesProtobuf, encodeKubernetesProtobuf } from './kubernetes-protobuf.js';
import { PROTOBUF_KINDS, protobufSchemaFor, protobufSchemas } from './protobuf-kinds.js';

const KINDS: [string, string][] = [
  ...Object.entries(PROTOBUF_KINDS).flatMap(([apiVersion, kinds]) =>
    kinds.flatMap((kind): [string, string][] => [
      [apiVersion, kind],
      [apiVersion, `${kind}List`],
    ]),
  ),
  ['v1', 'Status'] as [string, string],
  ['apps/v1', 'DeleteOptions'] as [string, string],
].filter(([apiVersion, kind]) => protobufSchemaFor(apiVersion, kind) !== undefined);

describe('encode → decode round trips', () => {
  it('covers every kind and list kind', () => {
    expect(KINDS.length).toBeGreaterThan(60);
  });

  it.each(KINDS)('%s %s comes back unchanged, and re-encodes to the same bytes', (apiVersion, kind) => {
    const body = canonicalArbitrary(protobufSchemas(), kind).map((object) => ({
      kind,
      apiVersion,
      ...object,
    }));
    fc.assert(
      fc.property(body, (object) => {
        const bytes = encodeKubernetesProtobuf(object);
        const decoded = decodeKubernetesProtobuf(bytes);
        expect(decoded.object).toEqual(object);
        expect(decoded.unknownFields).toEqual([]);
        expect(Buffer.from(encodeKubernetesProtobuf(decoded.object)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
