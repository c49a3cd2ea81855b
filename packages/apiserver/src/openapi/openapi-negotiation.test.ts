import { describe, expect, it } from 'vitest';
import {
  negotiateOpenApiV2,
  negotiateOpenApiV3,
  OPENAPI_V2_PROTOBUF,
  type OpenApiNegotiation,
} from './openapi-negotiation.js';

const json: OpenApiNegotiation = { form: 'json', contentType: 'application/json' };
const protobuf: OpenApiNegotiation = { form: 'protobuf', contentType: OPENAPI_V2_PROTOBUF };
const refused: OpenApiNegotiation = { form: 'not-acceptable' };

describe('negotiateOpenApiV2', () => {
  it.each<[string, string | undefined, OpenApiNegotiation]>([
    ['kubectl', 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf', protobuf],
    ['the other protobuf spelling', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', protobuf],
    ['JSON', 'application/json', json],
    ['no header', undefined, json],
    ['anything', '*/*', json],
    [
      'JSON preferred',
      'application/com.github.proto-openapi.spec.v2@v1.0+protobuf;q=0.5, application/json',
      json,
    ],
    [
      'protobuf first',
      'application/com.github.proto-openapi.spec.v2@v1.0+protobuf, application/json',
      protobuf,
    ],
    ['YAML only', 'application/yaml', refused],
    ['Kubernetes protobuf', 'application/vnd.kubernetes.protobuf', refused],
  ])('%s', (_name, accept, expected) => {
    expect(negotiateOpenApiV2(accept)).toEqual(expected);
  });

  it('answers with a Content-Type Go can parse', () => {
    expect(OPENAPI_V2_PROTOBUF).not.toContain('@');
  });
});

describe('negotiateOpenApiV3', () => {
  it.each<[string, string | undefined, OpenApiNegotiation]>([
    ['kubectl', 'application/json', json],
    ['kubectl for the index', 'application/json, */*', json],
    ['no header', undefined, json],
    ['protobuf', 'application/com.github.proto-openapi.spec.v3@v1.0+protobuf', refused],
  ])('%s', (_name, accept, expected) => {
    expect(negotiateOpenApiV3(accept)).toEqual(expected);
  });
});
