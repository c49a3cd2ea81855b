import { ApiError, Binding, type FieldError, fieldErrors } from '@capstan/core';
import type { ApiObject } from '../registry/api-object.js';
import { admitMutating, admitValidating } from './admission.js';
import type { ResourceRequest } from './handler-context.js';
import { decodeObjectBody } from './object-body.js';
import { objectResponse, responseFormat } from './object-response.js';
import type { ServerResponse } from './server-response.js';
import { successStatus } from './success-status.js';
import { decodeTyped } from './typed-decoding.js';
import { writeOptions } from './write-options.js';

const BINDING_KIND = { apiVersion: Binding.apiVersion, kind: Binding.kind, schema: Binding.objectSchema };

interface BindingBody {
  metadata?: { name?: string; annotations?: Record<string, string>; uid?: string; resourceVersion?: string };
  target?: { kind?: string; name?: string };
}

/**
 * createBinding serves POST of `pods/<name>/binding`, as Kubernetes' BindingREST: the Binding's
 * name must be the URL's (400); its target must name a node (422); then, in one write, the pod
 * gets `spec.nodeName` and the Binding's annotations. A pod already bound is a 409
 * `Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "n"`, a
 * pod being deleted a 409 too; a uid or resourceVersion on the Binding is a precondition on the
 * pod. The answer is a `Success` Status with code 201.
 */
export async function createBinding(r: ResourceRequest, name: string): Promise<ServerResponse> {
  const { route } = r;
  const options = writeOptions(r.query, 'CreateOptions');
  const format = responseFormat(r, false);
  const { object, warnings } = decodeObjectBody(r.request, BINDING_KIND, options.fieldValidation);
  decodeTyped(BINDING_KIND, object);
  const binding = object as BindingBody;
  if ((binding.metadata?.name ?? '') !== name) {
    throw ApiError.badRequest('name in URL does not match name in Binding object');
  }
  const errs: FieldError[] = [];
  const targetKind = binding.target?.kind ?? '';
  if (targetKind !== '' && targetKind !== 'Node') {
    errs.push(fieldErrors.notSupported('target.kind', targetKind, ['Node', '<empty>']));
  }
  const node = binding.target?.name ?? '';
  if (node === '') errs.push(fieldErrors.required('target.name'));
  if (errs.length > 0) throw ApiError.invalid({ group: '', kind: 'Binding' }, name, errs);
  const target = { operation: 'CREATE', name, dryRun: options.dryRun, subresource: 'binding' } as const;
  await admitMutating(r, target, object);
  await admitValidating(r, target, object);

  const conflict = (reason: string) =>
    ApiError.conflict({ group: '', resource: 'pods/binding' }, name, reason);
  await r.context.storages.for(route.type).guaranteedUpdate(
    route.namespace,
    name,
    (current) => {
      const meta = current.metadata;
      const uid = binding.metadata?.uid ?? '';
      const version = binding.metadata?.resourceVersion ?? '';
      if (uid !== '' && uid !== meta.uid) {
        throw conflict(
          `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${meta.uid ?? ''}`,
        );
      }
      if (version !== '' && version !== meta.resourceVersion) {
        throw conflict(
          `Precondition failed: ResourceVersion in precondition: ${version}, ResourceVersion in object meta: ${meta.resourceVersion ?? ''}`,
        );
      }
      if (meta.deletionTimestamp != null)
        throw conflict(`pod ${name} is being deleted, cannot be assigned to a host`);
      const spec = (current.spec ?? {}) as { nodeName?: string };
      if ((spec.nodeName ?? '') !== '') {
        throw conflict(`pod ${name} is already assigned to node ${JSON.stringify(spec.nodeName)}`);
      }
      const next = structuredClone(current) as ApiObject & { spec: { nodeName?: string } };
      next.spec = { ...next.spec, nodeName: node };
      const annotations = binding.metadata?.annotations;
      if (annotations !== undefined && Object.keys(annotations).length > 0) {
        next.metadata.annotations = { ...next.metadata.annotations, ...annotations };
      }
      return next;
    },
    { dryRun: options.dryRun },
  );
  return objectResponse(r, 201, format, successStatus(201), warnings);
}
