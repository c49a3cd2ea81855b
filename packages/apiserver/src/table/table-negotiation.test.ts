import { ApiError } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { negotiateTable } from './table-negotiation.js';

const KUBECTL_GET =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('negotiateTable', () => {
  it.each([
    ['kubectl get', KUBECTL_GET, { version: 'v1', mediaType: 'application/json' }],
    [
      'a v1beta1-only client',
      'application/json;as=Table;v=v1beta1;g=meta.k8s.io',
      { version: 'v1beta1', mediaType: 'application/json' },
    ],
    [
      'YAML',
      'application/yaml;as=Table;v=v1;g=meta.k8s.io',
      { version: 'v1', mediaType: 'application/yaml' },
    ],
    [
      'blanks around parameters',
      'application/json ; as=Table ; g=meta.k8s.io ; v=v1',
      { version: 'v1', mediaType: 'application/json' },
    ],
    [
      'a wildcard media type',
      '*/*;as=Table;v=v1;g=meta.k8s.io',
      { version: 'v1', mediaType: 'application/json' },
    ],
    [
      'a wildcard subtype',
      'application/*;as=Table;v=v1;g=meta.k8s.io',
      { version: 'v1', mediaType: 'application/json' },
    ],
    [
      'protobuf first, which cannot carry a Table',
      'application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      { version: 'v1', mediaType: 'application/json' },
    ],
    [
      'a higher quality for the Table',
      'application/json;q=0.5,application/json;as=Table;v=v1;g=meta.k8s.io',
      { version: 'v1', mediaType: 'application/json' },
    ],
    [
      'the watch stream parameter',
      'application/json;as=Table;v=v1;g=meta.k8s.io;stream=watch',
      { version: 'v1', mediaType: 'application/json' },
    ],
    [
      'a pretty parameter',
      'application/json;as=Table;v=v1;g=meta.k8s.io;pretty=1',
      { version: 'v1', mediaType: 'application/json' },
    ],
  ])('negotiates a Table for %s', (_, accept, expected) => {
    expect(negotiateTable(accept)).toEqual({ ...expected, includeObject: 'Metadata' });
  });

  it.each([
    ['no Accept header', undefined],
    ['an empty Accept header', ''],
    ['plain JSON', 'application/json'],
    ['anything', '*/*'],
    ['protobuf', 'application/vnd.kubernetes.protobuf'],
    ['plain JSON first', 'application/json,application/json;as=Table;v=v1;g=meta.k8s.io'],
    ['PartialObjectMetadataList', 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io'],
    ['a Table in protobuf only', 'application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io'],
    ['a Table of an unknown version', 'application/json;as=Table;v=v2;g=meta.k8s.io'],
    ['a Table without its group', 'application/json;as=Table;v=v1'],
    ['a Table over a YAML watch stream', 'application/yaml;as=Table;v=v1;g=meta.k8s.io;stream=watch'],
    ['an unknown stream', 'application/json;as=Table;v=v1;g=meta.k8s.io;stream=events'],
    ['an unserved media type', 'text/html;as=Table;v=v1;g=meta.k8s.io'],
    [
      'a Table ranked below plain JSON',
      'application/json;as=Table;v=v1;g=meta.k8s.io;q=0.5,application/json',
    ],
    ['a malformed media range', 'application/json/x;as=Table;v=v1;g=meta.k8s.io'],
  ])('does not negotiate a Table for %s', (_, accept) => {
    expect(negotiateTable(accept)).toBeUndefined();
  });

  it('only offers the media types the endpoint serves', () => {
    expect(negotiateTable('*/*;as=Table;v=v1;g=meta.k8s.io', { mediaTypes: ['application/yaml'] })).toEqual({
      version: 'v1',
      mediaType: 'application/yaml',
      includeObject: 'Metadata',
    });
  });

  it.each([
    [null, 'Metadata'],
    ['', 'Metadata'],
    ['Metadata', 'Metadata'],
    ['Object', 'Object'],
    ['None', 'None'],
  ] as const)('reads includeObject=%j as %s', (value, includeObject) => {
    expect(negotiateTable(KUBECTL_GET, { includeObject: value })?.includeObject).toBe(includeObject);
  });

  it('rejects an unknown includeObject with 400 BadRequest and Kubernetes’ message', () => {
    let caught: unknown;
    try {
      negotiateTable(KUBECTL_GET, { includeObject: 'Everything' });
    } catch (err) {
      caught = err;
    }
    expect(ApiError.is(caught, 'BadRequest')).toBe(true);
    expect((caught as ApiError).message).toBe(
      'Unable to convert to Table as requested: includeObject: Unsupported value: "Everything": supported values: "Metadata", "None", "Object"',
    );
  });

  it('ignores includeObject when no Table is negotiated', () => {
    expect(negotiateTable('application/json', { includeObject: 'Everything' })).toBeUndefined();
  });
});
