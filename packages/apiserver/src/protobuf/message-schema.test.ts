import { describe, expect, it } from 'vitest';
import { parseMessageTables } from './message-schema.js';
import { PROTOBUF_KINDS, protobufSchemaFor, protobufSchemas } from './protobuf-kinds.js';

describe('parseMessageTables', () => {
  it('reads every presence form', () => {
    const schemas = parseMessageTables([
      {
        Ref: '1 name string',
        Thing: `2 count int32; 1 name string!; 3 tags []string; 4 labels map[string]string; 5 ref *Ref;
          6 - Ref; 7 spec Ref`,
        Copy: '= Ref',
      },
    ]);
    const thing = schemas.get('Thing');
    expect(thing?.fields.map((f) => [f.number, f.json, f.type, f.presence])).toEqual([
      [1, 'name', 'string', 'required'],
      [2, 'count', 'int32', 'value'],
      [3, 'tags', 'string', 'repeated'],
      [4, 'labels', 'string', 'map'],
      [5, 'ref', 'Ref', 'pointer'],
      [6, '', 'Ref', 'inline'],
      [7, 'spec', 'Ref', 'value'],
    ]);
    expect(thing?.byNumber.get(5)?.index).toBe(4);
    expect(schemas.get('Copy')?.fields.map((f) => f.json)).toEqual(['name']);
  });

  it.each([
    ['a field without a type', { A: '1 name' }, 'cannot read field'],
    ['field number 0', { A: '0 name string' }, 'cannot read field'],
    ['a repeated field number', { A: '1 a string; 1 b string' }, 'field number 1 is used twice'],
    ['a repeated JSON name', { A: '1 a string; 2 a int32' }, 'JSON name a is used twice'],
    ['an unknown type', { A: '1 a Nothing' }, 'unknown type Nothing'],
    ['an inline scalar', { A: '1 - string' }, 'must name a message'],
    ['a copy of nothing', { A: '= B' }, 'copies an undefined message'],
  ])('rejects %s', (_name, table, message) => {
    expect(() => parseMessageTables([table])).toThrow(message);
  });

  it('rejects a message defined in two tables', () => {
    expect(() => parseMessageTables([{ A: '1 a string' }, { A: '1 a string' }])).toThrow('defined twice');
  });
});

describe('the built-in schemas', () => {
  it('parse, and every message type a field names is defined', () => {
    expect(protobufSchemas().size).toBeGreaterThan(250);
  });

  it('have a message for every kind, and a list for every kind but subresource bodies and reviews', () => {
    for (const [apiVersion, kinds] of Object.entries(PROTOBUF_KINDS)) {
      for (const kind of kinds) {
        expect(protobufSchemaFor(apiVersion, kind)?.name, `${apiVersion} ${kind}`).toBe(kind);
      }
    }
    expect(protobufSchemaFor('v1', 'PodList')?.fields.map((f) => f.json)).toEqual(['metadata', 'items']);
    expect(protobufSchemaFor('authorization.k8s.io/v1', 'SelfSubjectAccessReviewList')).toBeUndefined();
  });

  it.each([
    ['v1', 'Pod', true],
    ['apps/v1', 'Deployment', true],
    ['apps/v1', 'DeploymentList', true],
    ['apps/v1', 'Pod', false],
    ['v1', 'Status', true],
    ['apps/v1', 'DeleteOptions', true],
    ['example.com/v1', 'Widget', false],
    ['v1', 'ObjectMeta', false],
    ['v1', 'BindingList', false],
    ['constructor', 'Pod', false],
  ])('%s %s has a schema: %s', (apiVersion, kind, expected) => {
    expect(protobufSchemaFor(apiVersion, kind) !== undefined).toBe(expected);
  });
});
