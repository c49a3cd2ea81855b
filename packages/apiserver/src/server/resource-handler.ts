import type { Verb } from '@capstan/core';
import { createBinding } from './binding-subresource.js';
import { deleteCollection, deleteObject } from './delete-handlers.js';
import { createEviction } from './eviction-subresource.js';
import type { ResourceRequest } from './handler-context.js';
import { patchObject } from './patch-handler.js';
import { getObject, listObjects, watchObjects } from './read-handlers.js';
import { methodNotAllowed } from './route-errors.js';
import { getScale, patchScale, updateScale } from './scale-subresource.js';
import type { ServerResponse } from './server-response.js';
import { createObject, updateObject } from './write-handlers.js';

type Handler = () => Promise<ServerResponse>;

/**
 * handleResource dispatches a request to a resource path by method, as Kubernetes' REST routes
 * do: collections serve GET (list, or watch with `?watch` or under `/watch/`), POST (create) and
 * DELETE (deletecollection) — across all namespaces only list and watch; objects serve GET, PUT,
 * PATCH and DELETE; `status` and `scale` serve GET, PUT and PATCH; `binding` and `eviction` POST.
 * A method a path does not serve, or a verb the type does not list, is a 405 MethodNotAllowed.
 */
export function handleResource(r: ResourceRequest): Promise<ServerResponse> {
  const { route, request } = r;
  const method = request.method;
  const name = route.name;
  const [verb, handler] = name === undefined ? collectionHandler(r, method) : objectHandler(r, method, name);
  if (verb === undefined || handler === undefined || !route.type.verbs.includes(verb))
    throw methodNotAllowed();
  return handler();
}

function collectionHandler(r: ResourceRequest, method: string): [Verb | undefined, Handler | undefined] {
  const { route } = r;
  const allNamespaces = route.type.namespaced && route.namespace === undefined;
  if (method === 'GET') {
    if (route.watchPrefix || r.query.boolean('watch') === true) return ['watch', () => watchObjects(r)];
    return ['list', () => listObjects(r)];
  }
  if (allNamespaces || route.watchPrefix) return [undefined, undefined];
  if (method === 'POST') return ['create', () => createObject(r)];
  if (method === 'DELETE') return ['deletecollection', () => deleteCollection(r)];
  return [undefined, undefined];
}

function objectHandler(
  r: ResourceRequest,
  method: string,
  name: string,
): [Verb | undefined, Handler | undefined] {
  const { route } = r;
  if (route.watchPrefix)
    return method === 'GET' ? ['watch', () => watchObjects(r, name)] : [undefined, undefined];
  switch (route.subresource) {
    case undefined:
      switch (method) {
        case 'GET':
          return ['get', () => getObject(r, name)];
        case 'PUT':
          return ['update', () => updateObject(r, name)];
        case 'PATCH':
          return ['patch', () => patchObject(r, name)];
        case 'DELETE':
          return ['delete', () => deleteObject(r, name)];
        default:
          return [undefined, undefined];
      }
    case 'status':
      switch (method) {
        case 'GET':
          return ['get', () => getObject(r, name)];
        case 'PUT':
          return ['update', () => updateObject(r, name, 'status')];
        case 'PATCH':
          return ['patch', () => patchObject(r, name, 'status')];
        default:
          return [undefined, undefined];
      }
    case 'scale':
      switch (method) {
        case 'GET':
          return ['get', () => getScale(r, name)];
        case 'PUT':
          return ['update', () => updateScale(r, name)];
        case 'PATCH':
          return ['patch', () => patchScale(r, name)];
        default:
          return [undefined, undefined];
      }
    case 'binding':
      return method === 'POST' ? ['create', () => createBinding(r, name)] : [undefined, undefined];
    case 'eviction':
      return method === 'POST' ? ['create', () => createEviction(r, name)] : [undefined, undefined];
    default:
      return [undefined, undefined];
  }
}
