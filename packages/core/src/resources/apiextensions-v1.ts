import { z } from 'zod';
import { Time } from '../meta/time.js';
import { defineResource } from './define-resource.js';
import type { ResourceObject } from './resource-type.js';

// The apiextensions.k8s.io/v1 API group: CustomResourceDefinitions.

type Json = z.infer<ReturnType<typeof z.json>>;

/**
 * JSONSchemaProps is apiextensions/v1 `JSONSchemaProps`: the OpenAPI v3 schema of a custom
 * resource, with Kubernetes' `x-kubernetes-*` extensions. It is recursive and loose: any keyword
 * not named here is preserved.
 */
export interface JSONSchemaProps {
  id?: string | undefined;
  $schema?: string | undefined;
  $ref?: string | undefined;
  description?: string | undefined;
  type?: string | undefined;
  format?: string | undefined;
  title?: string | undefined;
  default?: Json | undefined;
  maximum?: number | undefined;
  exclusiveMaximum?: boolean | undefined;
  minimum?: number | undefined;
  exclusiveMinimum?: boolean | undefined;
  maxLength?: number | undefined;
  minLength?: number | undefined;
  pattern?: string | undefined;
  maxItems?: number | undefined;
  minItems?: number | undefined;
  uniqueItems?: boolean | undefined;
  multipleOf?: number | undefined;
  enum?: Json[] | undefined;
  maxProperties?: number | undefined;
  minProperties?: number | undefined;
  required?: string[] | undefined;
  items?: JSONSchemaProps | JSONSchemaProps[] | undefined;
  allOf?: JSONSchemaProps[] | undefined;
  oneOf?: JSONSchemaProps[] | undefined;
  anyOf?: JSONSchemaProps[] | undefined;
  not?: JSONSchemaProps | undefined;
  properties?: Record<string, JSONSchemaProps> | undefined;
  additionalProperties?: boolean | JSONSchemaProps | undefined;
  patternProperties?: Record<string, JSONSchemaProps> | undefined;
  dependencies?: Record<string, string[] | JSONSchemaProps> | undefined;
  additionalItems?: boolean | JSONSchemaProps | undefined;
  definitions?: Record<string, JSONSchemaProps> | undefined;
  externalDocs?:
    | { description?: string | undefined; url?: string | undefined; [key: string]: unknown }
    | undefined;
  example?: Json | undefined;
  nullable?: boolean | undefined;
  'x-kubernetes-preserve-unknown-fields'?: boolean | undefined;
  'x-kubernetes-embedded-resource'?: boolean | undefined;
  'x-kubernetes-int-or-string'?: boolean | undefined;
  'x-kubernetes-list-map-keys'?: string[] | undefined;
  'x-kubernetes-list-type'?: string | undefined;
  'x-kubernetes-map-type'?: string | undefined;
  'x-kubernetes-validations'?: ValidationRule[] | undefined;
  [key: string]: unknown;
}

/** ValidationRule is apiextensions/v1 `ValidationRule`: a CEL rule in `x-kubernetes-validations`. */
export const ValidationRule = z.looseObject({
  rule: z.string().describe('The CEL expression.'),
  message: z.string().optional(),
  messageExpression: z.string().optional(),
  reason: z.string().optional(),
  fieldPath: z.string().optional(),
  optionalOldSelf: z.boolean().optional(),
});
/** ValidationRule is the type of a {@link ValidationRule} value. */
export type ValidationRule = z.infer<typeof ValidationRule>;

/** JSONSchemaProps is the zod schema of a {@link JSONSchemaProps} (see the interface). */
export const JSONSchemaProps: z.ZodType<JSONSchemaProps> = z
  .looseObject({
    id: z.string().optional(),
    $schema: z.string().optional(),
    $ref: z.string().optional(),
    description: z.string().optional(),
    type: z.string().optional().describe('object, array, string, integer, number or boolean.'),
    format: z.string().optional(),
    title: z.string().optional(),
    default: z.json().optional(),
    maximum: z.number().optional(),
    exclusiveMaximum: z.boolean().optional(),
    minimum: z.number().optional(),
    exclusiveMinimum: z.boolean().optional(),
    maxLength: z.number().int().optional(),
    minLength: z.number().int().optional(),
    pattern: z.string().optional(),
    maxItems: z.number().int().optional(),
    minItems: z.number().int().optional(),
    uniqueItems: z.boolean().optional(),
    multipleOf: z.number().optional(),
    enum: z.array(z.json()).optional(),
    maxProperties: z.number().int().optional(),
    minProperties: z.number().int().optional(),
    required: z.array(z.string()).optional(),
    get items() {
      return z.union([JSONSchemaProps, z.array(JSONSchemaProps)]).optional();
    },
    get allOf() {
      return z.array(JSONSchemaProps).optional();
    },
    get oneOf() {
      return z.array(JSONSchemaProps).optional();
    },
    get anyOf() {
      return z.array(JSONSchemaProps).optional();
    },
    get not() {
      return JSONSchemaProps.optional();
    },
    get properties() {
      return z.record(z.string(), JSONSchemaProps).optional();
    },
    get additionalProperties() {
      return z.union([z.boolean(), JSONSchemaProps]).optional();
    },
    get patternProperties() {
      return z.record(z.string(), JSONSchemaProps).optional();
    },
    get dependencies() {
      return z.record(z.string(), z.union([z.array(z.string()), JSONSchemaProps])).optional();
    },
    get additionalItems() {
      return z.union([z.boolean(), JSONSchemaProps]).optional();
    },
    get definitions() {
      return z.record(z.string(), JSONSchemaProps).optional();
    },
    externalDocs: z
      .looseObject({ description: z.string().optional(), url: z.string().optional() })
      .optional(),
    example: z.json().optional(),
    nullable: z.boolean().optional(),
    'x-kubernetes-preserve-unknown-fields': z.boolean().optional(),
    'x-kubernetes-embedded-resource': z.boolean().optional(),
    'x-kubernetes-int-or-string': z.boolean().optional(),
    'x-kubernetes-list-map-keys': z.array(z.string()).optional(),
    'x-kubernetes-list-type': z.string().optional(),
    'x-kubernetes-map-type': z.string().optional(),
    'x-kubernetes-validations': z.array(ValidationRule).optional(),
  })
  .describe('A JSON schema (OpenAPI v3 subset with Kubernetes extensions).');

/** CustomResourceDefinitionNames is apiextensions/v1 `CustomResourceDefinitionNames`; `plural` and `kind` are required. */
export const CustomResourceDefinitionNames = z.looseObject({
  plural: z.string().describe('Lowercase plural used in URLs.'),
  singular: z.string().optional(),
  shortNames: z.array(z.string()).optional(),
  kind: z.string().describe('PascalCase kind.'),
  listKind: z.string().optional(),
  categories: z.array(z.string()).optional(),
});
/** CustomResourceDefinitionNames is the type of a {@link CustomResourceDefinitionNames} value. */
export type CustomResourceDefinitionNames = z.infer<typeof CustomResourceDefinitionNames>;

/** CustomResourceColumnDefinition is apiextensions/v1 `CustomResourceColumnDefinition`: a `kubectl get` column. */
export const CustomResourceColumnDefinition = z.looseObject({
  name: z.string(),
  type: z.string().describe('integer, number, string, boolean or date.'),
  format: z.string().optional(),
  description: z.string().optional(),
  priority: z.number().int().optional(),
  jsonPath: z.string().describe('Simple JSON path evaluated against each object.'),
});
/** CustomResourceColumnDefinition is the type of a {@link CustomResourceColumnDefinition} value. */
export type CustomResourceColumnDefinition = z.infer<typeof CustomResourceColumnDefinition>;

/** CustomResourceDefinitionVersion is apiextensions/v1 `CustomResourceDefinitionVersion`. */
export const CustomResourceDefinitionVersion = z.looseObject({
  name: z.string().describe('Version name, e.g. v1 or v1beta1.'),
  served: z.boolean().describe('Whether the version is served by the REST API.'),
  storage: z.boolean().describe('Whether objects are stored in this version; exactly one version is.'),
  deprecated: z.boolean().optional(),
  deprecationWarning: z.string().optional(),
  schema: z.looseObject({ openAPIV3Schema: JSONSchemaProps.optional() }).optional(),
  subresources: z
    .looseObject({
      status: z.looseObject({}).optional(),
      scale: z
        .looseObject({
          specReplicasPath: z.string(),
          statusReplicasPath: z.string(),
          labelSelectorPath: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  additionalPrinterColumns: z.array(CustomResourceColumnDefinition).optional(),
  selectableFields: z.array(z.looseObject({ jsonPath: z.string() })).optional(),
});
/** CustomResourceDefinitionVersion is the type of a {@link CustomResourceDefinitionVersion} value. */
export type CustomResourceDefinitionVersion = z.infer<typeof CustomResourceDefinitionVersion>;

/** CustomResourceDefinitionSpec is apiextensions/v1 `CustomResourceDefinitionSpec`. */
export const CustomResourceDefinitionSpec = z.looseObject({
  group: z.string().describe('API group of the defined resource.'),
  names: CustomResourceDefinitionNames,
  scope: z.enum(['Namespaced', 'Cluster']).describe('Namespaced or Cluster.'),
  versions: z.array(CustomResourceDefinitionVersion),
  conversion: z
    .looseObject({
      strategy: z.enum(['None', 'Webhook']),
      webhook: z
        .looseObject({
          clientConfig: z
            .looseObject({
              url: z.string().optional(),
              service: z
                .looseObject({
                  namespace: z.string(),
                  name: z.string(),
                  path: z.string().optional(),
                  port: z.number().int().optional(),
                })
                .optional(),
              caBundle: z.string().optional(),
            })
            .optional(),
          conversionReviewVersions: z.array(z.string()),
        })
        .optional(),
    })
    .optional(),
  preserveUnknownFields: z.boolean().optional(),
});
/** CustomResourceDefinitionSpec is the type of a {@link CustomResourceDefinitionSpec} value. */
export type CustomResourceDefinitionSpec = z.infer<typeof CustomResourceDefinitionSpec>;

/** CustomResourceDefinitionStatus is apiextensions/v1 `CustomResourceDefinitionStatus`. */
export const CustomResourceDefinitionStatus = z.looseObject({
  conditions: z
    .array(
      z.looseObject({
        type: z.string().describe('Established, NamesAccepted, Terminating …'),
        status: z.string(),
        lastTransitionTime: Time.nullish(),
        reason: z.string().optional(),
        message: z.string().optional(),
      }),
    )
    .optional(),
  acceptedNames: z
    .looseObject({
      plural: z.string().optional(),
      singular: z.string().optional(),
      shortNames: z.array(z.string()).optional(),
      kind: z.string().optional(),
      listKind: z.string().optional(),
      categories: z.array(z.string()).optional(),
    })
    .optional(),
  storedVersions: z.array(z.string()).nullish(),
});
/** CustomResourceDefinitionStatus is the type of a {@link CustomResourceDefinitionStatus} value. */
export type CustomResourceDefinitionStatus = z.infer<typeof CustomResourceDefinitionStatus>;

/**
 * CustomResourceDefinition is the apiextensions.k8s.io/v1 CustomResourceDefinition resource
 * (cluster-scoped, short names `crd` and `crds`, category `api-extensions`).
 */
export const CustomResourceDefinition = defineResource({
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
  plural: 'customresourcedefinitions',
  namespaced: false,
  shortNames: ['crd', 'crds'],
  categories: ['api-extensions'],
  schema: z.object({ spec: CustomResourceDefinitionSpec, status: CustomResourceDefinitionStatus.optional() }),
  subresources: { status: true },
  description: 'CustomResourceDefinition represents a resource that should be exposed on the API server.',
});
/** CustomResourceDefinition is an apiextensions.k8s.io/v1 CustomResourceDefinition object. */
export type CustomResourceDefinition = ResourceObject<typeof CustomResourceDefinition>;
