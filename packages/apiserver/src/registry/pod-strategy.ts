import { type FieldError, fieldErrors, isDNS1123Label, type Pod } from '@capstan/core';
import { computePodQOS } from './pod-qos.js';
import type { ResourceStrategy } from './resource-strategy.js';

/** DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS is the grace period of a pod that does not set one, as Kubernetes defaults it. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

const TERMINAL_PHASES = new Set(['Succeeded', 'Failed']);

/**
 * podStrategy is the storage behaviour of core/v1 Pods, after Kubernetes' pod registry strategy:
 * - create starts every pod `Pending` with its QoS class computed;
 * - `/status` updates take the status and the metadata of the request, except owner references;
 * - validation requires at least one container, each with a DNS-label name unique in the pod and
 *   an image;
 * - deletes are graceful for a pod bound to a node and not yet terminated: the grace period is the
 *   one asked for, else `spec.terminationGracePeriodSeconds`, else 30 s (a negative one counts as 1);
 *   an unbound or terminated pod goes at once.
 */
export const podStrategy: ResourceStrategy = {
  prepareForCreate(object) {
    const pod = object as Pod;
    pod.status = { phase: 'Pending', qosClass: computePodQOS(pod.spec) };
  },

  prepareForStatusUpdate(next, incoming, current) {
    const metadata = { ...incoming.metadata };
    if (current.metadata.ownerReferences === undefined) delete metadata.ownerReferences;
    else metadata.ownerReferences = current.metadata.ownerReferences;
    next.metadata = metadata;
  },

  validate(object) {
    return validatePodSpec((object as Pod).spec);
  },

  validateUpdate(next) {
    return validatePodSpec((next as Pod).spec);
  },

  gracePeriodSeconds(object, requested) {
    const pod = object as Pod;
    let period =
      requested ?? pod.spec.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
    if (!pod.spec.nodeName) period = 0;
    if (TERMINAL_PHASES.has(pod.status?.phase ?? '')) period = 0;
    return period < 0 ? 1 : period;
  },
};

function validatePodSpec(spec: Pod['spec']): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.containers.length === 0) errs.push(fieldErrors.required('spec.containers'));
  const names = new Set<string>();
  const groups = [
    ['spec.initContainers', spec.initContainers ?? []],
    ['spec.containers', spec.containers],
  ] as const;
  for (const [path, containers] of groups) {
    containers.forEach(({ name, image }, i) => {
      const at = `${path}[${i}]`;
      if (name === '') errs.push(fieldErrors.required(`${at}.name`));
      else {
        for (const msg of isDNS1123Label(name)) errs.push(fieldErrors.invalid(`${at}.name`, name, msg));
        if (names.has(name)) errs.push(fieldErrors.duplicate(`${at}.name`, name));
        names.add(name);
      }
      if (image === undefined || image === '') errs.push(fieldErrors.required(`${at}.image`));
    });
  }
  return errs;
}
