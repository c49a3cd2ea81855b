import type { ResourceType } from '@capstan/core';
import type { AdmissionAttributes, AdmissionOperation, MutatingAdmission } from '../pipeline/contracts.js';
import { imageTag } from './image-reference.js';

type JsonRecord = Record<string, unknown>;

/** Subresources whose body is a whole Pod, which Kubernetes defaults like the pod itself. */
const POD_BODY_SUBRESOURCES = new Set(['status', 'ephemeralcontainers', 'resize']);

/** The default mode of files projected from secrets, config maps and the downward API: 0644. */
const DEFAULT_FILE_MODE = 0o644;

/**
 * PodDefaults fills in the fields Kubernetes defaults on every Pod it decodes (`SetDefaults_Pod`,
 * `SetDefaults_PodSpec`, `SetDefaults_Container` and the defaulting of the types inside them), so
 * that a pod read back from Capstan looks as it does from Kubernetes. Only missing fields are set;
 * a field the client wrote is never changed, and parts of the body that have the wrong shape are
 * left for validation to report. On CREATE and UPDATE of `pods` (and of the pod-bodied subresources):
 *
 * - spec: `dnsPolicy: ClusterFirst`, `restartPolicy: Always`, `securityContext: {}`,
 *   `terminationGracePeriodSeconds: 30`, `schedulerName: default-scheduler`, `enableServiceLinks: true`;
 * - each container, init container and ephemeral container: `imagePullPolicy` (`Always` for the
 *   `latest` tag or no tag, else `IfNotPresent`), `terminationMessagePath: /dev/termination-log`,
 *   `terminationMessagePolicy: File`; port `protocol: TCP` (and `hostPort` = `containerPort` on the
 *   host network); resource requests copied from limits where unset; probes `timeoutSeconds: 1`,
 *   `periodSeconds: 10`, `successThreshold: 1`, `failureThreshold: 3`; HTTP GET actions `path: /`,
 *   `scheme: HTTP`; gRPC actions `service: ""`; `fieldRef.apiVersion: v1`;
 * - volumes: `emptyDir: {}` for a volume without a source; `defaultMode: 420` for secret, config map,
 *   downward API and projected volumes; `hostPath.type: ""`; projected service account tokens
 *   `expirationSeconds: 3600`.
 *
 * It also stands in for Kubernetes' Priority plugin for pods that name no PriorityClass: on CREATE
 * they get `priority: 0` and `preemptionPolicy: PreemptLowerPriority` (what Kubernetes gives them
 * when no PriorityClass is the global default), and on UPDATE both fields keep their stored values.
 */
export class PodDefaults implements MutatingAdmission {
  handles(operation: AdmissionOperation, type: ResourceType): boolean {
    return (operation === 'CREATE' || operation === 'UPDATE') && type.group === '' && type.kind === 'Pod';
  }

  async admit(attributes: AdmissionAttributes): Promise<void> {
    const { subresource, object } = attributes;
    if (subresource !== undefined && !POD_BODY_SUBRESOURCES.has(subresource)) return;
    const spec = object?.spec;
    if (!isRecord(spec)) return;
    defaultPodSpec(spec);
    if (subresource !== undefined) return;
    if (attributes.operation === 'CREATE') defaultPriority(spec);
    else keepPriority(spec, attributes.oldObject?.spec);
  }
}

function defaultPodSpec(spec: JsonRecord): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'enableServiceLinks', true);
  const hostNetwork = spec.hostNetwork === true;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const container of records(spec[key])) defaultContainer(container, hostNetwork);
  }
  for (const volume of records(spec.volumes)) defaultVolume(volume);
}

function defaultContainer(container: JsonRecord, hostNetwork: boolean): void {
  if (container.imagePullPolicy === undefined || container.imagePullPolicy === '') {
    const tag = typeof container.image === 'string' ? imageTag(container.image) : '';
    container.imagePullPolicy = tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  for (const port of records(container.ports)) {
    setDefault(port, 'protocol', 'TCP');
    if (hostNetwork && (port.hostPort === undefined || port.hostPort === 0))
      port.hostPort = port.containerPort;
  }
  defaultRequestsFromLimits(container.resources);
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = container[key];
    if (isRecord(probe)) defaultProbe(probe);
  }
  if (isRecord(container.lifecycle)) {
    for (const key of ['postStart', 'preStop']) {
      const handler = container.lifecycle[key];
      if (isRecord(handler)) defaultHttpGet(handler.httpGet);
    }
  }
  for (const env of records(container.env)) {
    if (isRecord(env.valueFrom)) defaultFieldRef(env.valueFrom.fieldRef);
  }
}

/** defaultRequestsFromLimits: a resource with a limit and no request is requested at its limit. */
function defaultRequestsFromLimits(resources: unknown): void {
  if (!isRecord(resources) || !isRecord(resources.limits)) return;
  if (resources.requests != null && !isRecord(resources.requests)) return;
  const requests: JsonRecord = isRecord(resources.requests) ? resources.requests : {};
  for (const [name, limit] of Object.entries(resources.limits)) {
    if (!Object.hasOwn(requests, name)) requests[name] = limit;
  }
  resources.requests = requests;
}

function defaultProbe(probe: JsonRecord): void {
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  defaultHttpGet(probe.httpGet);
  if (isRecord(probe.grpc)) setDefault(probe.grpc, 'service', '');
}

function defaultHttpGet(action: unknown): void {
  if (!isRecord(action)) return;
  setDefault(action, 'path', '/');
  setDefault(action, 'scheme', 'HTTP');
}

function defaultFieldRef(fieldRef: unknown): void {
  if (isRecord(fieldRef)) setDefault(fieldRef, 'apiVersion', 'v1');
}

function defaultVolume(volume: JsonRecord): void {
  const hasSource = Object.entries(volume).some(([key, value]) => key !== 'name' && value != null);
  if (!hasSource) {
    volume.emptyDir = {};
    return;
  }
  for (const key of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const source = volume[key];
    if (isRecord(source)) setDefault(source, 'defaultMode', DEFAULT_FILE_MODE);
  }
  if (isRecord(volume.hostPath)) setDefault(volume.hostPath, 'type', '');
  if (isRecord(volume.downwardAPI)) {
    for (const item of records(volume.downwardAPI.items)) defaultFieldRef(item.fieldRef);
  }
  if (isRecord(volume.projected)) {
    for (const source of records(volume.projected.sources)) {
      if (isRecord(source.serviceAccountToken))
        setDefault(source.serviceAccountToken, 'expirationSeconds', 3600);
      if (isRecord(source.downwardAPI)) {
        for (const item of records(source.downwardAPI.items)) defaultFieldRef(item.fieldRef);
      }
    }
  }
}

function defaultPriority(spec: JsonRecord): void {
  if (typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '') return;
  setDefault(spec, 'priority', 0);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
}

/** keepPriority restores the stored priority fields on an update, as Kubernetes' Priority plugin does. */
function keepPriority(spec: JsonRecord, oldSpec: unknown): void {
  if (!isRecord(oldSpec)) return;
  for (const key of ['priority', 'preemptionPolicy']) {
    if (oldSpec[key] === undefined) delete spec[key];
    else spec[key] = oldSpec[key];
  }
}

/** setDefault sets `record[key]` when it is absent (undefined, null or the empty string). */
function setDefault(record: JsonRecord, key: string, value: unknown): void {
  const current = record[key];
  if (current === undefined || current === null || current === '') record[key] = value;
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** records returns the object elements of an array, none when the value is not an array. */
function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
