import { createBuiltinRegistry } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { buildOpenApiV2 } from './openapi-v2.js';
import { buildOpenApiV2Protobuf, encodeOpenApiV2 } from './openapi-v2-protobuf.js';

/** Message is a decoded protobuf message: each field number's values, raw bytes for length-delimited fields. */
type Message = Map<number, (number | Uint8Array)[]>;

function decode(bytes: Uint8Array): Message {
  const fields: Message = new Map();
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error('truncated varint');
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    let value: number | Uint8Array;
    switch (tag % 8) {
      case 0:
        value = varint();
        break;
      case 1:
        value = new DataView(bytes.buffer, bytes.byteOffset + at, 8).getFloat64(0, true);
        at += 8;
        break;
      case 2: {
        const length = varint();
        value = bytes.subarray(at, at + length);
        if (value.length !== length) throw new Error('truncated field');
        at += length;
        break;
      }
      default:
        throw new Error(`unexpected wire type ${tag % 8}`);
    }
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

const text = (value: number | Uint8Array | undefined) => new TextDecoder().decode(value as Uint8Array);
const messages = (message: Message, field: number) =>
  (message.get(field) ?? []).map((v) => decode(v as Uint8Array));
const message = (m: Message, field: number): Message => {
  const [first] = messages(m, field);
  if (first === undefined) throw new Error(`no field ${field}`);
  return first;
};
/** named finds the entry `name` of a repeated gnostic Named* field (name = 1, value = 2) and returns its value. */
const named = (m: Message, field: number, name: string): Message => {
  const entry = messages(m, field).find((e) => text(e.get(1)?.[0]) === name);
  if (entry === undefined) throw new Error(`no ${name}`);
  return message(entry, 2);
};

describe('buildOpenApiV2Protobuf', () => {
  const registry = createBuiltinRegistry();
  const json = buildOpenApiV2(registry).body;
  const served = buildOpenApiV2Protobuf(registry);
  const document = decode(served.bytes);

  it('encodes the document header and every definition and path', () => {
    expect(text(document.get(1)?.[0])).toBe('2.0');
    expect(text(message(document, 2).get(1)?.[0])).toBe('Kubernetes');
    expect(messages(message(document, 9), 1).map((d) => text(d.get(1)?.[0]))).toEqual(
      Object.keys(json.definitions),
    );
    expect(messages(message(document, 8), 2).map((p) => text(p.get(1)?.[0]))).toEqual(
      Object.keys(json.paths),
    );
    expect(served.hash).toMatch(/^[0-9A-F]{128}$/);
    expect(buildOpenApiV2Protobuf(registry)).toBe(served);
  });

  it('encodes kind definitions with their type and GVK extension as YAML', () => {
    const pod = named(message(document, 9), 1, 'io.k8s.api.core.v1.Pod');
    expect(text(message(pod, 22).get(1)?.[0])).toBe('object');
    expect(JSON.parse(text(named(pod, 31, 'x-kubernetes-group-version-kind').get(2)?.[0]))).toEqual([
      { group: '', kind: 'Pod', version: 'v1' },
    ]);
    const intOrString = named(message(document, 9), 1, 'io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    expect(text(intOrString.get(2)?.[0])).toBe('int-or-string');
  });

  it('encodes the fieldValidation query parameter and the patch media types of PATCH operations', () => {
    const item = named(message(document, 8), 2, '/api/v1/namespaces/{namespace}/pods/{name}');
    const patch = message(item, 8);
    expect(text(patch.get(5)?.[0])).toBe('patchCoreV1NamespacedPod');
    expect(patch.get(7)?.map(text)).toContain('application/strategic-merge-patch+json');
    const parameters = messages(patch, 8).map((parametersItem) => message(parametersItem, 1));
    expect(text(message(parameters[0]!, 1).get(2)?.[0])).toBe('body');
    const queryNames = parameters.flatMap((parameter) =>
      messages(parameter, 2).flatMap((nonBody) =>
        messages(nonBody, 3).map((query) => text(query.get(4)?.[0])),
      ),
    );
    expect(queryNames).toEqual(['dryRun', 'fieldManager', 'fieldValidation', 'force']);
    expect(JSON.parse(text(named(patch, 13, 'x-kubernetes-group-version-kind').get(2)?.[0]))).toEqual({
      group: '',
      kind: 'Pod',
      version: 'v1',
    });
    const pathParameter = message(message(message(messages(item, 9)[0]!, 1), 2), 4);
    expect([text(pathParameter.get(4)?.[0]), pathParameter.get(1)?.[0]]).toEqual(['name', 1]);
  });
});

describe('encodeOpenApiV2', () => {
  it('encodes every Swagger 2.0 schema keyword it is given', () => {
    const bytes = encodeOpenApiV2({
      swagger: '2.0',
      info: { title: 'T', version: 'v' },
      paths: {},
      definitions: {
        'a.B': {
          description: 'B.',
          type: 'object',
          required: ['items', 'size'],
          properties: {
            items: {
              type: 'array',
              items: { $ref: '#/definitions/a.C' },
              minItems: 1,
              'x-kubernetes-list-type': 'set',
            },
            size: { type: 'integer', minimum: -1.5, maximum: 10, enum: [1, 2], default: 1 },
            name: { type: 'string', pattern: '^a', maxLength: 3, format: 'x' },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            strict: { type: 'object', additionalProperties: false },
            both: { allOf: [{ $ref: '#/definitions/a.C' }] },
            dropped: { oneOf: [{ type: 'string' }] },
          },
        },
      },
    });
    const schema = named(message(decode(bytes), 9), 1, 'a.B');
    expect(text(schema.get(4)?.[0])).toBe('B.');
    expect(schema.get(19)?.map(text)).toEqual(['items', 'size']);
    const properties = message(schema, 25);
    const items = named(properties, 1, 'items');
    expect(text(message(message(items, 23), 1).get(1)?.[0])).toBe('#/definitions/a.C');
    expect(items.get(15)).toEqual([1]);
    expect(text(named(items, 31, 'x-kubernetes-list-type').get(2)?.[0])).toBe('"set"');
    const size = named(properties, 1, 'size');
    expect([size.get(9)?.[0], size.get(7)?.[0]]).toEqual([-1.5, 10]);
    expect(messages(size, 20).map((any) => text(any.get(2)?.[0]))).toEqual(['1', '2']);
    expect(text(message(size, 5).get(2)?.[0])).toBe('1');
    const name = named(properties, 1, 'name');
    expect([text(name.get(13)?.[0]), name.get(11)?.[0], text(name.get(2)?.[0])]).toEqual(['^a', 3, 'x']);
    const labels = message(named(properties, 1, 'labels'), 21);
    expect(text(message(message(labels, 1), 22).get(1)?.[0])).toBe('string');
    expect(message(named(properties, 1, 'strict'), 21).get(2)).toEqual([0]);
    expect(text(message(named(properties, 1, 'both'), 24).get(1)?.[0])).toBe('#/definitions/a.C');
    expect([...named(properties, 1, 'dropped').keys()]).toEqual([]);
  });
});
