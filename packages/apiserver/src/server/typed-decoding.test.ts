import { ApiError, Deployment } from '@capstan/core';
import { describe, expect, it } from 'vitest';
import { decodeTyped } from './typed-decoding.js';

const kind = { apiVersion: Deployment.apiVersion, kind: Deployment.kind, schema: Deployment.objectSchema };

describe('decodeTyped', () => {
  it('drops nulls the schema does not accept, as Go decodes them, and keeps the ones it does', () => {
    const object: Record<string, unknown> = {
      metadata: { name: 'web', creationTimestamp: null, labels: { a: null, b: 'x' } },
      spec: { replicas: null, selector: {}, template: { spec: { containers: null } } },
      status: null,
    };
    decodeTyped(kind, object);
    expect(object).toEqual({
      metadata: { name: 'web', creationTimestamp: null, labels: { b: 'x' } },
      spec: { selector: {}, template: { spec: {} } },
    });
  });

  it.each([
    [
      '{"spec":{"replicas":"3"}}',
      'cannot unmarshal string into Go struct field spec.replicas of type number',
    ],
    ['{"metadata":{"name":5}}', 'cannot unmarshal number into Go struct field metadata.name of type string'],
    [
      '{"spec":{"template":{"spec":{"containers":{}}}}}',
      'cannot unmarshal object into Go struct field spec.template.spec.containers of type array',
    ],
  ])('refuses %s with 400', (text, detail) => {
    let error: unknown;
    try {
      decodeTyped(kind, JSON.parse(text));
    } catch (err) {
      error = err;
    }
    expect(ApiError.is(error, 'BadRequest')).toBe(true);
    expect((error as ApiError).message).toBe(
      `Deployment in version "v1" cannot be handled as a Deployment: json: ${detail}`,
    );
  });

  it('leaves missing required fields to validation', () => {
    expect(() => decodeTyped(kind, { metadata: { name: 'web' } })).not.toThrow();
  });
});
