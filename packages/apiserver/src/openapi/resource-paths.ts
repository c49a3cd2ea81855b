import type { GroupVersionKind, ResourceType } from '@capstan/core';
import { type ServedSubresource, servedSubresources } from '../discovery/served-subresource.js';
import { hasStrategicMergeSupport, patchKindKey } from '../patch/builtin-patch-strategies.js';
import type { RegistryDefinitions } from './registry-definitions.js';

/** KubernetesAction is the `x-kubernetes-action` of an operation. */
export type KubernetesAction =
  | 'get'
  | 'list'
  | 'watch'
  | 'watchlist'
  | 'post'
  | 'put'
  | 'patch'
  | 'delete'
  | 'deletecollection';

/** ParameterModel is one path or query parameter of an operation, independent of the OpenAPI version. */
export interface ParameterModel {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly type: 'string' | 'integer' | 'boolean';
  readonly description: string;
  readonly required?: true;
}

/** ResponseModel is one response of an operation; `definition` names the body's definition, if any. */
export interface ResponseModel {
  readonly code: string;
  readonly description: string;
  readonly definition?: string;
}

/** OperationModel is one operation of a path, independent of the OpenAPI version. */
export interface OperationModel {
  readonly method: 'get' | 'put' | 'post' | 'delete' | 'patch';
  readonly operationId: string;
  readonly description: string;
  readonly tag: string;
  readonly action: KubernetesAction;
  readonly gvk: GroupVersionKind;
  readonly parameters: readonly ParameterModel[];
  /** The body; `required` is false only for the optional DeleteOptions of deletes. */
  readonly requestBody?: {
    readonly definition: string;
    readonly mediaTypes: readonly string[];
    readonly required: boolean;
  };
  readonly responses: readonly ResponseModel[];
  readonly responseMediaTypes: readonly string[];
}

/** PathModel is one URL path, the parameters all its operations share, and its operations. */
export interface PathModel {
  readonly path: string;
  readonly parameters: readonly ParameterModel[];
  readonly operations: readonly OperationModel[];
}

/** OBJECT_MEDIA_TYPES are the media types the API server reads and writes objects in. */
export const OBJECT_MEDIA_TYPES: readonly string[] = Object.freeze([
  'application/json',
  'application/yaml',
  'application/vnd.kubernetes.protobuf',
]);

/** STREAM_MEDIA_TYPES are the media types of lists and watches: the object types and the watch streams. */
export const STREAM_MEDIA_TYPES: readonly string[] = Object.freeze([
  ...OBJECT_MEDIA_TYPES,
  'application/json;stream=watch',
  'application/vnd.kubernetes.protobuf;stream=watch',
]);

/**
 * PATCH_MEDIA_TYPES are the patch media types of built-in kinds. Custom kinds lack
 * `application/strategic-merge-patch+json`: kubectl computes a strategic merge patch only when the
 * PATCH operation of the kind lists it.
 */
export const PATCH_MEDIA_TYPES: readonly string[] = Object.freeze([
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
]);

const query = (name: string, type: ParameterModel['type'], description: string): ParameterModel => ({
  name,
  in: 'query',
  type,
  description,
});

const P = {
  pretty: query('pretty', 'string', "Pretty-prints the output when 'true'."),
  allowWatchBookmarks: query(
    'allowWatchBookmarks',
    'boolean',
    'Requests watch events of type BOOKMARK; the server may send them at its discretion.',
  ),
  continue: query('continue', 'string', 'The continue token of the previous page of a paginated list.'),
  dryRun: query(
    'dryRun',
    'string',
    'When present, modifications are not persisted. The only valid value is All: process every stage of the request.',
  ),
  fieldManager: query(
    'fieldManager',
    'string',
    'Name of the actor making the change, recorded in managedFields; required for apply patches.',
  ),
  fieldSelector: query('fieldSelector', 'string', 'Restricts the objects returned by their fields.'),
  fieldValidation: query(
    'fieldValidation',
    'string',
    'How to handle unknown or duplicate fields in the request body: Ignore drops them, Warn drops ' +
      'them and returns a Warning header for each, Strict fails the request with BadRequest.',
  ),
  force: query('force', 'boolean', 'Forces an apply patch to take over fields owned by other managers.'),
  gracePeriodSeconds: query(
    'gracePeriodSeconds',
    'integer',
    'Seconds before the object is deleted; zero deletes immediately; the type default when absent.',
  ),
  ignoreStoreReadError: query(
    'ignoreStoreReadErrorWithClusterBreakingPotential',
    'boolean',
    'Deletes an object whose stored data cannot be read; may break the cluster.',
  ),
  labelSelector: query('labelSelector', 'string', 'Restricts the objects returned by their labels.'),
  limit: query(
    'limit',
    'integer',
    'Maximum number of items to return; the list metadata carries a continue token when more remain.',
  ),
  orphanDependents: query('orphanDependents', 'boolean', 'Deprecated: use propagationPolicy.'),
  propagationPolicy: query(
    'propagationPolicy',
    'string',
    'Whether and how garbage collection deletes dependents: Orphan, Background or Foreground.',
  ),
  resourceVersion: query(
    'resourceVersion',
    'string',
    'Which version of the data to serve a list or start a watch from; see resourceVersionMatch.',
  ),
  resourceVersionMatch: query(
    'resourceVersionMatch',
    'string',
    'How resourceVersion applies to a list: Exact or NotOlderThan.',
  ),
  sendInitialEvents: query(
    'sendInitialEvents',
    'boolean',
    'With watch=true, starts the watch with synthetic ADDED events for the current objects, ' +
      'ended by a BOOKMARK annotated k8s.io/initial-events-end.',
  ),
  timeoutSeconds: query('timeoutSeconds', 'integer', 'Timeout of the list or watch call, in seconds.'),
  watch: query('watch', 'boolean', 'Watch for changes to the described resources instead of listing them.'),
};

const LIST_PARAMETERS = [
  P.allowWatchBookmarks,
  P.continue,
  P.fieldSelector,
  P.labelSelector,
  P.limit,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
  P.watch,
];
const WRITE_PARAMETERS = [P.dryRun, P.fieldManager, P.fieldValidation];
const PATCH_PARAMETERS = [...WRITE_PARAMETERS, P.force];
const DELETE_PARAMETERS = [
  P.dryRun,
  P.gracePeriodSeconds,
  P.ignoreStoreReadError,
  P.orphanDependents,
  P.propagationPolicy,
];
const DELETE_COLLECTION_PARAMETERS = [
  P.continue,
  P.dryRun,
  P.fieldSelector,
  P.gracePeriodSeconds,
  P.ignoreStoreReadError,
  P.labelSelector,
  P.limit,
  P.orphanDependents,
  P.propagationPolicy,
  P.resourceVersion,
  P.resourceVersionMatch,
  P.sendInitialEvents,
  P.timeoutSeconds,
];

const UNAUTHORIZED: ResponseModel = { code: '401', description: 'Unauthorized' };

/**
 * operationGroupName is the group-version part of Kubernetes operation ids: `CoreV1`, `AppsV1`,
 * `RbacAuthorizationV1`, `ExampleComV1` — the group without a `.k8s.io` suffix, in upper camel
 * case, then the version with a capital first letter.
 */
export function operationGroupName(group: string, version: string): string {
  const groupName =
    group === ''
      ? 'Core'
      : group
          .replace(/\.k8s\.io$/, '')
          .split(/[.-]/)
          .map(capitalize)
          .join('');
  return `${groupName}${capitalize(version)}`;
}

function operationTag(group: string, version: string): string {
  const name = operationGroupName(group, '');
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}_${version}`;
}

function capitalize(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

/**
 * resourcePaths describes every path and operation the API server serves for `type`, as
 * Kubernetes publishes them in OpenAPI: collection (list, create, deletecollection), object (read,
 * replace, patch, delete), list across namespaces, the deprecated `/watch/` paths, and each served
 * subresource. Only operations whose verb the type serves appear; every create, replace and patch
 * takes `dryRun`, `fieldManager` and `fieldValidation`; patch bodies list the patch media types
 * (without strategic merge patch for kinds that have no strategic merge table).
 */
export function resourcePaths(type: ResourceType, definitions: RegistryDefinitions): PathModel[] {
  const names = definitions.kinds.get(type);
  if (names === undefined) return [];
  const { group, version, kind } = type;
  const gvName = operationGroupName(group, version);
  const tag = operationTag(group, version);
  const gvk: GroupVersionKind = { group, version, kind };
  const prefix = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
  const scope = type.namespaced ? 'Namespaced' : '';
  const namespacePath = type.namespaced ? '/namespaces/{namespace}' : '';
  const namespaceParameter: ParameterModel[] = type.namespaced
    ? [
        {
          name: 'namespace',
          in: 'path',
          type: 'string',
          required: true,
          description: 'The namespace of the object.',
        },
      ]
    : [];
  const nameParameter = (of: string): ParameterModel => ({
    name: 'name',
    in: 'path',
    type: 'string',
    required: true,
    description: `The name of the ${of}.`,
  });
  const verbs = new Set(type.verbs);
  const patchMediaTypes = (target: GroupVersionKind) =>
    PATCH_MEDIA_TYPES.filter(
      (t) =>
        t !== 'application/strategic-merge-patch+json' ||
        hasStrategicMergeSupport(
          patchKindKey(
            target.group === '' ? target.version : `${target.group}/${target.version}`,
            target.kind,
          ),
        ),
    );
  const op = (
    method: OperationModel['method'],
    action: KubernetesAction,
    operationId: string,
    description: string,
    parameters: readonly ParameterModel[],
    responses: readonly ResponseModel[],
    responseMediaTypes: readonly string[],
    target: GroupVersionKind = gvk,
    requestBody?: OperationModel['requestBody'],
  ): OperationModel => ({
    method,
    operationId,
    description,
    tag,
    action,
    gvk: target,
    parameters,
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: [...responses, UNAUTHORIZED],
    responseMediaTypes,
  });
  const ok = (definition: string): ResponseModel => ({ code: '200', description: 'OK', definition });
  const created = (definition: string): ResponseModel => ({
    code: '201',
    description: 'Created',
    definition,
  });
  const accepted = (definition: string): ResponseModel => ({
    code: '202',
    description: 'Accepted',
    definition,
  });
  const objectBody = (definition: string) => ({ definition, mediaTypes: OBJECT_MEDIA_TYPES, required: true });
  const optionsBody = {
    definition: definitions.names.deleteOptions,
    mediaTypes: OBJECT_MEDIA_TYPES,
    required: false,
  };

  const paths: PathModel[] = [];
  const add = (path: string, parameters: ParameterModel[], operations: (OperationModel | false)[]) => {
    const present = operations.filter((o) => o !== false);
    if (present.length > 0) paths.push({ path, parameters: [...parameters, P.pretty], operations: present });
  };

  add(`${prefix}${namespacePath}/${type.plural}`, namespaceParameter, [
    verbs.has('list') &&
      op(
        'get',
        'list',
        `list${gvName}${scope}${kind}`,
        `List or watch ${kind} objects.`,
        LIST_PARAMETERS,
        [ok(names.list)],
        STREAM_MEDIA_TYPES,
      ),
    verbs.has('create') &&
      op(
        'post',
        'post',
        `create${gvName}${scope}${kind}`,
        `Create a ${kind}.`,
        WRITE_PARAMETERS,
        [ok(names.kind), created(names.kind), accepted(names.kind)],
        OBJECT_MEDIA_TYPES,
        gvk,
        objectBody(names.kind),
      ),
    verbs.has('deletecollection') &&
      op(
        'delete',
        'deletecollection',
        `delete${gvName}Collection${scope}${kind}`,
        `Delete a collection of ${kind} objects.`,
        DELETE_COLLECTION_PARAMETERS,
        [ok(definitions.names.status)],
        OBJECT_MEDIA_TYPES,
        gvk,
        optionsBody,
      ),
  ]);

  const objectPath = `${prefix}${namespacePath}/${type.plural}/{name}`;
  const objectParameters = [nameParameter(kind), ...namespaceParameter];
  add(objectPath, objectParameters, [
    verbs.has('get') &&
      op(
        'get',
        'get',
        `read${gvName}${scope}${kind}`,
        `Read a ${kind}.`,
        [],
        [ok(names.kind)],
        OBJECT_MEDIA_TYPES,
      ),
    verbs.has('update') &&
      op(
        'put',
        'put',
        `replace${gvName}${scope}${kind}`,
        `Replace a ${kind}.`,
        WRITE_PARAMETERS,
        [ok(names.kind), created(names.kind)],
        OBJECT_MEDIA_TYPES,
        gvk,
        objectBody(names.kind),
      ),
    verbs.has('patch') &&
      op(
        'patch',
        'patch',
        `patch${gvName}${scope}${kind}`,
        `Patch a ${kind}.`,
        PATCH_PARAMETERS,
        [ok(names.kind), created(names.kind)],
        OBJECT_MEDIA_TYPES,
        gvk,
        { definition: definitions.names.patch, mediaTypes: patchMediaTypes(gvk), required: true },
      ),
    verbs.has('delete') &&
      op(
        'delete',
        'delete',
        `delete${gvName}${scope}${kind}`,
        `Delete a ${kind}.`,
        DELETE_PARAMETERS,
        [ok(definitions.names.status), accepted(definitions.names.status)],
        OBJECT_MEDIA_TYPES,
        gvk,
        optionsBody,
      ),
  ]);

  if (type.namespaced) {
    add(
      `${prefix}/${type.plural}`,
      [],
      [
        verbs.has('list') &&
          op(
            'get',
            'list',
            `list${gvName}${kind}ForAllNamespaces`,
            `List or watch ${kind} objects.`,
            LIST_PARAMETERS,
            [ok(names.list)],
            STREAM_MEDIA_TYPES,
          ),
      ],
    );
  }

  if (verbs.has('watch')) {
    const watchEvent = [ok(definitions.names.watchEvent)];
    const deprecation = 'Deprecated: use the watch parameter of the list operation instead.';
    add(`${prefix}/watch${namespacePath}/${type.plural}`, namespaceParameter, [
      op(
        'get',
        'watchlist',
        `watch${gvName}${scope}${kind}List`,
        `Watch changes to ${kind} objects. ${deprecation}`,
        LIST_PARAMETERS,
        watchEvent,
        STREAM_MEDIA_TYPES,
      ),
    ]);
    add(`${prefix}/watch${namespacePath}/${type.plural}/{name}`, objectParameters, [
      op(
        'get',
        'watch',
        `watch${gvName}${scope}${kind}`,
        `Watch changes to a ${kind}. ${deprecation}`,
        LIST_PARAMETERS,
        watchEvent,
        STREAM_MEDIA_TYPES,
      ),
    ]);
    if (type.namespaced) {
      add(
        `${prefix}/watch/${type.plural}`,
        [],
        [
          op(
            'get',
            'watchlist',
            `watch${gvName}${kind}ListForAllNamespaces`,
            `Watch changes to ${kind} objects. ${deprecation}`,
            LIST_PARAMETERS,
            watchEvent,
            STREAM_MEDIA_TYPES,
          ),
        ],
      );
    }
  }

  for (const sub of servedSubresources(type)) {
    const body = subresourceBody(sub, names.kind, definitions);
    const suffix = capitalize(sub.name);
    const subPath = `${objectPath}/${sub.name}`;
    const subVerbs = new Set(sub.verbs);
    // Kubernetes names the path parameter after the subresource's kind (`name of the Scale`).
    const subParameters = [nameParameter(sub.kind.kind), ...namespaceParameter];
    add(subPath, subParameters, [
      subVerbs.has('get') &&
        op(
          'get',
          'get',
          `read${gvName}${scope}${kind}${suffix}`,
          `Read the ${sub.name} of a ${kind}.`,
          [],
          [ok(body)],
          OBJECT_MEDIA_TYPES,
          sub.kind,
        ),
      subVerbs.has('create') &&
        op(
          'post',
          'post',
          `create${gvName}${scope}${kind}${suffix}`,
          `Create the ${sub.name} of a ${kind}.`,
          WRITE_PARAMETERS,
          [ok(body), created(body), accepted(body)],
          OBJECT_MEDIA_TYPES,
          sub.kind,
          objectBody(body),
        ),
      subVerbs.has('update') &&
        op(
          'put',
          'put',
          `replace${gvName}${scope}${kind}${suffix}`,
          `Replace the ${sub.name} of a ${kind}.`,
          WRITE_PARAMETERS,
          [ok(body), created(body)],
          OBJECT_MEDIA_TYPES,
          sub.kind,
          objectBody(body),
        ),
      subVerbs.has('patch') &&
        op(
          'patch',
          'patch',
          `patch${gvName}${scope}${kind}${suffix}`,
          `Patch the ${sub.name} of a ${kind}.`,
          PATCH_PARAMETERS,
          [ok(body), created(body)],
          OBJECT_MEDIA_TYPES,
          sub.kind,
          { definition: definitions.names.patch, mediaTypes: patchMediaTypes(sub.kind), required: true },
        ),
    ]);
  }
  return paths;
}

function subresourceBody(sub: ServedSubresource, kind: string, definitions: RegistryDefinitions): string {
  switch (sub.name) {
    case 'status':
      return kind;
    case 'scale':
      return definitions.names.scale;
    case 'eviction':
      return definitions.names.eviction;
    case 'binding':
      return definitions.names.binding;
  }
}
