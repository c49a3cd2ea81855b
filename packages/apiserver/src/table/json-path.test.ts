import { describe, expect, it } from 'vitest';
import { JsonPath, jsonPathText } from './json-path.js';

const widget = {
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: {
    name: 'w1',
    labels: { 'app.kubernetes.io/name': 'shop', tier: 'front' },
    annotations: { note: null },
  },
  spec: {
    replicas: 3,
    ratio: 0.75,
    paused: false,
    ports: [
      { name: 'http', port: 80 },
      { name: 'https', port: 443 },
      { name: 'admin', port: 9000 },
    ],
    empty: [],
  },
  status: {
    conditions: [
      { type: 'Synced', status: 'True', observedGeneration: 2 },
      { type: 'Ready', status: 'False', reason: 'Waiting', observedGeneration: 1 },
    ],
    nothing: null,
  },
};

describe('JsonPath.find', () => {
  it.each([
    ['.spec.replicas', [3]],
    ['{.spec.replicas}', [3]],
    ['$.spec.replicas', [3]],
    [' .spec.paused ', [false]],
    ['.status.conditions[0].type', ['Synced']],
    ['.status.conditions[1].reason', ['Waiting']],
    ['.status.conditions[-1].type', ['Ready']],
    ['.spec.ports[*].port', [80, 443, 9000]],
    ['.spec.ports[1:].name', ['https', 'admin']],
    ['.spec.ports[:2].port', [80, 443]],
    ['.spec.ports[0:3:2].port', [80, 9000]],
    ['.spec.ports[-2:].port', [443, 9000]],
    ['.spec.ports.*', widget.spec.ports],
    ['.metadata.labels.*', ['shop', 'front']],
    ['.metadata.labels.app\\.kubernetes\\.io/name', ['shop']],
    [".metadata.labels['app.kubernetes.io/name']", ['shop']],
    ['.metadata.labels["tier"]', ['front']],
    ['.status.conditions[?(@.type=="Ready")].status', ['False']],
    [".status.conditions[?(@.type == 'Synced')].status", ['True']],
    ['.status.conditions[?(@.type!="Ready")].type', ['Synced']],
    ['.status.conditions[?(@.observedGeneration>1)].type', ['Synced']],
    ['.status.conditions[?(@.observedGeneration<=2)].type', ['Synced', 'Ready']],
    ['.status.conditions[?(@.reason)].type', ['Ready']],
    ['.spec.ports[?(@.port>=443)].name', ['https', 'admin']],
    ['..port', [80, 443, 9000]],
    ['.status..type', ['Synced', 'Ready']],
    ['.status.nothing', [null]],
    ['.metadata.annotations.note', [null]],
    ['.', [widget]],
  ] as [string, unknown[]][])('%s', (path, values) => {
    expect(JsonPath.parse(path).find(widget)).toEqual(values);
  });

  it.each([
    ['a missing field', '.spec.missing'],
    ['a field below a missing one', '.status.missing.deeper'],
    ['a field below null', '.status.nothing.deeper'],
    ['a field of a scalar', '.spec.replicas.value'],
    ['a field of an array', '.spec.ports.name'],
    ['an index past the end', '.status.conditions[5].type'],
    ['a negative index past the start', '.status.conditions[-3].type'],
    ['an index of an empty array', '.spec.empty[0]'],
    ['an index of a scalar', '.spec.replicas[0]'],
    ['a filter over a scalar', '.spec.replicas[?(@.a)]'],
    ['a filter that matches nothing', '.status.conditions[?(@.type=="Gone")].status'],
    ['a filter comparing a string with a number', '.status.conditions[?(@.type==1)].status'],
    ['a slice with a zero step', '.spec.ports[0:2:0]'],
  ])('finds nothing for %s', (_, path) => {
    expect(JsonPath.parse(path).find(widget)).toEqual([]);
  });

  it('finds nothing in non-objects', () => {
    expect(JsonPath.parse('.a').find(null)).toEqual([]);
    expect(JsonPath.parse('.a').find('text')).toEqual([]);
  });

  it.each([
    ['', 'must start with'],
    ['spec.replicas', 'must start with'],
    ['.spec[0', 'unterminated array'],
    ['.spec[x]', 'invalid array index'],
    ['.spec[0,1]', 'unions'],
    ['.spec[?(@.a=="b")', 'unclosed array'],
    ['.spec[?(@.a=="b"', 'unterminated filter'],
    ['.spec[?(@.a=!"b")]', 'unrecognized filter operator'],
    ['.spec[?(@.a==b)]', 'unrecognized filter operand'],
    ['.spec....x', 'invalid multiple recursive descent'],
    ['.spec}', 'unexpected'],
  ])('rejects %j', (path, message) => {
    expect(() => JsonPath.parse(path)).toThrow(message);
  });
});

describe('jsonPathText', () => {
  it.each([
    ['abc', 'abc'],
    ['', ''],
    [null, '<no value>'],
    [true, 'true'],
    [false, 'false'],
    [0, '0'],
    [3, '3'],
    [-42, '-42'],
    [1000000, '1000000'],
    [1.5, '1.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'],
    [1e21, '1e+21'],
    [[1, 'a', null], '[1,"a",null]'],
    [{ b: 1, a: { d: [true], c: '<&>' } }, '{"a":{"c":"\\u003c\\u0026\\u003e","d":[true]},"b":1}'],
    [[], '[]'],
    [{}, '{}'],
  ])('%j prints as %s', (value, text) => {
    expect(jsonPathText(value)).toBe(text);
  });
});
