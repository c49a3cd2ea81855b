import { ApiError } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, negotiateOutput } from './output-format.js';

const options = { conversions: true, pretty: false };

describe('negotiateOutput', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['application/json, */*', 'application/json'],
    ['application/json;charset=utf-8', 'application/json'],
    ['application/yaml', 'application/yaml'],
    ['application/vnd.kubernetes.protobuf', 'application/vnd.kubernetes.protobuf'],
    ['application/vnd.kubernetes.protobuf, application/json', 'application/json'],
    ['application/vnd.kubernetes.protobuf;q=1, */*;q=0.1', 'application/json'],
    ['text/html, application/yaml;q=0.5', 'application/yaml'],
    [
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
      'application/json;as=Table;v=v1;g=meta.k8s.io',
    ],
    ['application/yaml;as=Table;v=v1;g=meta.k8s.io', 'application/yaml;as=Table;v=v1;g=meta.k8s.io'],
    [
      'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json',
      'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io',
    ],
    ['application/json;as=Banana;v=v1;g=meta.k8s.io, application/yaml', 'application/yaml'],
  ])('Accept %s → %s', (accept, contentType) => {
    expect(contentTypeOf(negotiateOutput(accept, options))).toBe(contentType);
  });

  it('serves Table and partial metadata only where conversions are allowed', () => {
    const table = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
    expect(negotiateOutput(table, { conversions: false, pretty: false }).kind).toBe('json');
  });

  it('offers no YAML for watches, and the stream form of protobuf', () => {
    const watch = { ...options, watch: true };
    expect(() => negotiateOutput('application/yaml', watch)).toThrow(
      'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
    expect(contentTypeOf(negotiateOutput('application/vnd.kubernetes.protobuf', watch), true)).toBe(
      'application/vnd.kubernetes.protobuf;stream=watch',
    );
    expect(contentTypeOf(negotiateOutput('application/json;stream=watch', watch), true)).toBe(
      'application/json',
    );
  });

  it.each(['text/html', 'application/xml', 'application/json;q=0', 'application/json;stream=other'])(
    'answers %s with 406 NotAcceptable',
    (accept) => {
      let error: unknown;
      try {
        negotiateOutput(accept, options);
      } catch (err) {
        error = err;
      }
      expect(ApiError.is(error, 'NotAcceptable')).toBe(true);
    },
  );
});
