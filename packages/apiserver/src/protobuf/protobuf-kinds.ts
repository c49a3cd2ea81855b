import type { MessageSchema, MessageTable } from './message-schema.js';
import { parseMessageTables } from './message-schema.js';
import { APPS_V1_MESSAGES } from './schemas/apps-v1.js';
import { AUTHENTICATION_V1_MESSAGES } from './schemas/authentication-v1.js';
import { AUTHORIZATION_V1_MESSAGES } from './schemas/authorization-v1.js';
import { BATCH_V1_MESSAGES } from './schemas/batch-v1.js';
import { CORE_V1_MESSAGES } from './schemas/core-v1.js';
import { META_V1_MESSAGES } from './schemas/meta-v1.js';
import { RBAC_V1_MESSAGES } from './schemas/rbac-v1.js';
import { SMALL_GROUP_MESSAGES } from './schemas/small-groups.js';

/**
 * PROTOBUF_KINDS lists every kind the protobuf codec reads and writes, by apiVersion. Each kind's
 * message is named like the kind, and every kind but subresource bodies and reviews also has its
 * list kind (`PodList`: `{metadata: ListMeta, items: []Pod}`).
 */
export const PROTOBUF_KINDS: Readonly<Record<string, readonly string[]>> = {
  v1: [
    'Namespace',
    'Node',
    'Pod',
    'PodTemplate',
    'Service',
    'Endpoints',
    'ConfigMap',
    'Secret',
    'Event',
    'ServiceAccount',
    'ResourceQuota',
    'PersistentVolumeClaim',
    'ReplicationController',
    'Binding',
  ],
  'apps/v1': ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ControllerRevision'],
  'batch/v1': ['Job', 'CronJob'],
  'coordination.k8s.io/v1': ['Lease'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'rbac.authorization.k8s.io/v1': ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'policy/v1': ['PodDisruptionBudget', 'Eviction'],
  'autoscaling/v1': ['Scale'],
  'authorization.k8s.io/v1': [
    'SelfSubjectAccessReview',
    'SubjectAccessReview',
    'LocalSubjectAccessReview',
    'SelfSubjectRulesReview',
  ],
  'authentication.k8s.io/v1': ['TokenRequest', 'TokenReview', 'SelfSubjectReview'],
};

/** UNLISTED_KINDS are kinds that have no list kind (subresource bodies and reviews). */
const UNLISTED_KINDS: ReadonlySet<string> = new Set([
  'Binding',
  'Eviction',
  'Scale',
  'SelfSubjectAccessReview',
  'SubjectAccessReview',
  'LocalSubjectAccessReview',
  'SelfSubjectRulesReview',
  'TokenRequest',
  'TokenReview',
  'SelfSubjectReview',
]);

/** VERSIONLESS_KINDS are the meta/v1 kinds every API group version carries (a DELETE body, an error). */
const VERSIONLESS_KINDS: ReadonlySet<string> = new Set(['Status', 'DeleteOptions']);

let schemas: ReadonlyMap<string, MessageSchema> | undefined;

/**
 * protobufSchemas returns every message schema, parsed once from the tables in `schemas/` plus a
 * generated list message for each listed kind.
 */
export function protobufSchemas(): ReadonlyMap<string, MessageSchema> {
  if (schemas === undefined) {
    const lists: Record<string, string> = {};
    for (const kinds of Object.values(PROTOBUF_KINDS)) {
      for (const kind of kinds) {
        if (!UNLISTED_KINDS.has(kind)) lists[`${kind}List`] = `1 metadata ListMeta; 2 items []${kind}`;
      }
    }
    const tables: MessageTable[] = [
      META_V1_MESSAGES,
      CORE_V1_MESSAGES,
      APPS_V1_MESSAGES,
      BATCH_V1_MESSAGES,
      RBAC_V1_MESSAGES,
      AUTHORIZATION_V1_MESSAGES,
      AUTHENTICATION_V1_MESSAGES,
      SMALL_GROUP_MESSAGES,
      lists,
    ];
    schemas = parseMessageTables(tables);
  }
  return schemas;
}

/** protobufMessage returns the schema of a message the tables define, by name. */
export function protobufMessage(name: string): MessageSchema {
  const schema = protobufSchemas().get(name);
  if (schema === undefined) throw new Error(`no protobuf message ${name}`);
  return schema;
}

/**
 * protobufSchemaFor returns the message schema of a kind at an apiVersion, or undefined when the
 * codec has none (custom resources, kinds of other versions). `Status` and `DeleteOptions` are
 * found under any apiVersion, as every Kubernetes group version registers them.
 */
export function protobufSchemaFor(apiVersion: string, kind: string): MessageSchema | undefined {
  if (VERSIONLESS_KINDS.has(kind)) return protobufSchemas().get(kind);
  const kinds = Object.hasOwn(PROTOBUF_KINDS, apiVersion) ? PROTOBUF_KINDS[apiVersion] : undefined;
  if (kinds === undefined) return undefined;
  const base = kind.endsWith('List') ? kind.slice(0, -'List'.length) : kind;
  if (!kinds.includes(base) || (base !== kind && UNLISTED_KINDS.has(base))) return undefined;
  return protobufSchemas().get(kind);
}
