import { Quantity } from '@capstan/core';

/** PodQOSClass is a pod's quality of service class, as `status.qosClass` reports it. */
export type PodQOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

/**
 * computePodQOS classifies a pod as Kubernetes' `ComputePodQOS` does, from the cpu and memory
 * requests and limits of its containers and init containers: no positive request or limit is
 * `BestEffort`; cpu and memory limits on every container with requests equal to limits is
 * `Guaranteed`; anything else is `Burstable`. A container's missing request counts as its limit, as
 * after Kubernetes' defaulting. It reads `spec` defensively (it runs before
 * validation): missing or malformed parts and unparseable quantities are ignored.
 */
export function computePodQOS(spec: unknown): PodQOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const containers = [...arrayOf(field(spec, 'containers')), ...arrayOf(field(spec, 'initContainers'))];
  for (const container of containers) {
    const resources = field(container, 'resources');
    const limitList = field(resources, 'limits');
    // As Kubernetes' defaulting does before it computes the class, a missing request is the limit.
    addPositive(requests, { ...asRecord(limitList), ...asRecord(field(resources, 'requests')) });
    const limited = addPositive(limits, limitList);
    if (!limited.has('cpu') || !limited.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      if (limit === undefined || limit.cmp(request) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** addPositive sums the positive cpu/memory quantities of `list` into `totals` and returns the names it saw. */
function addPositive(totals: Map<string, Quantity>, list: unknown): Set<string> {
  const seen = new Set<string>();
  if (typeof list !== 'object' || list === null) return seen;
  for (const [name, raw] of Object.entries(list)) {
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    if (!QOS_RESOURCES.has(name)) continue;
    let quantity: Quantity;
    try {
      quantity = Quantity.parse(String(raw).trim());
    } catch {
      continue;
    }
    if (quantity.sign() <= 0) continue;
    seen.add(name);
    const total = totals.get(name);
    totals.set(name, total === undefined ? quantity : total.add(quantity));
  }
  return seen;
}
