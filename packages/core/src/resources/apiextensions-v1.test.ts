import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { CustomResourceDefinition, type JSONSchemaProps } from './apiextensions-v1.js';

// A CRD in the style of cert-manager's Certificate: several versions, a deep schema using
// every structural keyword and Kubernetes extension, printer columns, subresources, conversion.
const openAPIV3Schema = {
  type: 'object',
  description:
    'A Certificate resource should be created to ensure an up to date and signed X.509 certificate is stored.',
  required: ['spec'],
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['secretName', 'issuerRef'],
      'x-kubernetes-validations': [
        {
          rule: 'has(self.dnsNames) || has(self.commonName)',
          message: 'a DNS name or common name is required',
        },
        {
          rule: 'self.duration != ""',
          messageExpression: '"duration must be set"',
          reason: 'FieldValueInvalid',
          fieldPath: '.duration',
        },
      ],
      properties: {
        secretName: { type: 'string', minLength: 1, maxLength: 253, pattern: '^[a-z0-9.-]+$' },
        commonName: { type: 'string', nullable: true },
        duration: { type: 'string', format: 'duration', default: '2160h' },
        dnsNames: {
          type: 'array',
          items: { type: 'string' },
          maxItems: 100,
          'x-kubernetes-list-type': 'set',
        },
        ipAddresses: { type: 'array', items: [{ type: 'string' }], additionalItems: false },
        port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        usages: {
          type: 'array',
          items: { type: 'string', enum: ['signing', 'digital signature', 'server auth', 'client auth'] },
        },
        privateKey: {
          type: 'object',
          properties: {
            algorithm: { type: 'string', enum: ['RSA', 'ECDSA', 'Ed25519'] },
            size: { type: 'integer', minimum: 0, maximum: 8192, exclusiveMaximum: false, multipleOf: 1024 },
            rotationPolicy: { type: 'string', default: 'Always', example: 'Never' },
          },
        },
        issuerRef: {
          type: 'object',
          required: ['name'],
          'x-kubernetes-map-type': 'atomic',
          properties: { group: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
        },
        keystores: {
          type: 'object',
          oneOf: [{ required: ['jks'] }, { required: ['pkcs12'] }],
          not: { required: ['both'] },
          allOf: [{ type: 'object' }],
          properties: {
            jks: {
              type: 'object',
              properties: {
                create: { type: 'boolean' },
                passwordSecretRef: { type: 'object', properties: { key: { type: 'string' } } },
              },
            },
          },
        },
        secretTemplate: {
          type: 'object',
          properties: {
            annotations: { type: 'object', additionalProperties: { type: 'string' } },
            labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 64 },
          },
        },
        additionalOutputFormats: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['type'],
          items: { type: 'object', required: ['type'], properties: { type: { type: 'string' } } },
        },
        podTemplate: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          'x-kubernetes-preserve-unknown-fields': true,
        },
        defaults: { type: 'object', default: { replicas: 1, tags: ['a', null], nested: { on: true } } },
      },
    },
    status: {
      type: 'object',
      properties: {
        conditions: {
          type: 'array',
          items: {
            type: 'object',
            required: ['status', 'type'],
            properties: {
              lastTransitionTime: { type: 'string', format: 'date-time' },
              status: { type: 'string', enum: ['True', 'False', 'Unknown'] },
              type: { type: 'string' },
            },
          },
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['type'],
        },
        notAfter: { type: 'string', format: 'date-time' },
      },
    },
  },
};

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: {
    name: 'certificates.cert-manager.io',
    labels: { app: 'cert-manager' },
    annotations: { 'cert-manager.io/inject-ca-from-secret': 'cert-manager/cert-manager-webhook-ca' },
  },
  spec: {
    group: 'cert-manager.io',
    names: {
      kind: 'Certificate',
      listKind: 'CertificateList',
      plural: 'certificates',
      singular: 'certificate',
      shortNames: ['cert', 'certs'],
      categories: ['cert-manager'],
    },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema },
        subresources: {
          status: {},
          scale: {
            specReplicasPath: '.spec.replicas',
            statusReplicasPath: '.status.replicas',
            labelSelectorPath: '.status.selector',
          },
        },
        additionalPrinterColumns: [
          { jsonPath: '.status.conditions[?(@.type=="Ready")].status', name: 'Ready', type: 'string' },
          { jsonPath: '.spec.secretName', name: 'Secret', type: 'string' },
          {
            jsonPath: '.metadata.creationTimestamp',
            name: 'Age',
            type: 'date',
            description: 'Time since creation',
            priority: 1,
          },
        ],
        selectableFields: [{ jsonPath: '.spec.secretName' }],
      },
      {
        name: 'v1alpha2',
        served: false,
        storage: false,
        deprecated: true,
        deprecationWarning: 'cert-manager.io/v1alpha2 Certificate is deprecated; use cert-manager.io/v1',
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
      },
    ],
    conversion: {
      strategy: 'Webhook',
      webhook: {
        clientConfig: {
          service: { namespace: 'cert-manager', name: 'cert-manager-webhook', path: '/convert', port: 443 },
          caBundle: 'LS0tLS1CRUdJTg==',
        },
        conversionReviewVersions: ['v1', 'v1beta1'],
      },
    },
    preserveUnknownFields: false,
  },
  status: {
    acceptedNames: {
      kind: 'Certificate',
      listKind: 'CertificateList',
      plural: 'certificates',
      singular: 'certificate',
      shortNames: ['cert', 'certs'],
      categories: ['cert-manager'],
    },
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        lastTransitionTime: '2024-05-01T10:00:00Z',
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        lastTransitionTime: '2024-05-01T10:00:00Z',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
    storedVersions: ['v1'],
  },
};

describe('apiextensions.k8s.io/v1 CustomResourceDefinition', () => {
  it('round-trips a CRD with a deep schema unchanged', () => {
    const input = structuredClone(crd);
    expect(CustomResourceDefinition.objectSchema.parse(input)).toStrictEqual(crd);
    expect(input).toStrictEqual(crd);
  });

  it('round-trips a freshly created CRD whose status Kubernetes has only defaulted', () => {
    const fresh = {
      ...crd,
      status: { acceptedNames: { kind: '', plural: '' }, storedVersions: null },
    };
    expect(CustomResourceDefinition.objectSchema.parse(structuredClone(fresh))).toStrictEqual(fresh);
  });

  it.each([
    ['a scope that is neither Namespaced nor Cluster', { scope: 'Global' }, ['spec', 'scope']],
    ['names without kind', { names: { plural: 'certificates' } }, ['spec', 'names', 'kind']],
    [
      'a version without served',
      { versions: [{ name: 'v1', storage: true }] },
      ['spec', 'versions', 0, 'served'],
    ],
    [
      'a schema whose properties are not schemas',
      {
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { properties: { a: 'string' } } },
          },
        ],
      },
      ['spec', 'versions', 0, 'schema', 'openAPIV3Schema', 'properties', 'a'],
    ],
    [
      'a nested schema with a non-boolean extension',
      {
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: { properties: { spec: { not: { 'x-kubernetes-int-or-string': 'yes' } } } },
            },
          },
        ],
      },
      [
        'spec',
        'versions',
        0,
        'schema',
        'openAPIV3Schema',
        'properties',
        'spec',
        'not',
        'x-kubernetes-int-or-string',
      ],
    ],
  ])('rejects %s', (_name, change, path) => {
    const result = CustomResourceDefinition.objectSchema.safeParse({
      ...crd,
      spec: { ...crd.spec, ...change },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('types the schema recursively', () => {
    const parsed: CustomResourceDefinition = CustomResourceDefinition.objectSchema.parse(crd);
    const schema = parsed.spec.versions[0]?.schema?.openAPIV3Schema;
    expectTypeOf(schema).toEqualTypeOf<JSONSchemaProps | undefined>();
    expectTypeOf(schema!.properties!.spec!.required).toEqualTypeOf<string[] | undefined>();
    expect(schema?.properties?.spec?.properties?.port?.['x-kubernetes-int-or-string']).toBe(true);
  });

  it('converts to JSON Schema despite the recursion', () => {
    expect(() => z.toJSONSchema(CustomResourceDefinition.objectSchema)).not.toThrow();
  });
});
