import type { ResourceType, Toleration } from '@capstan/core';
import type { AdmissionAttributes, AdmissionOperation, MutatingAdmission } from '../pipeline/contracts.js';

/** DEFAULT_TOLERATION_SECONDS is how long a pod stays on a not-ready or unreachable node unless it says otherwise: 300 s. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/**
 * DefaultTolerationSeconds is Kubernetes' admission plugin of that name: on CREATE and UPDATE of a
 * pod (not its subresources) it appends
 * `{ key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300 }`
 * and the same for `node.kubernetes.io/unreachable`, each unless the pod already tolerates that taint
 * with effect NoExecute (a toleration with an empty key or an empty effect counts), so that pods are
 * evicted five minutes after their node fails rather than at once.
 * Kubernetes also runs it on updates; a pod update may add tolerations, so this never conflicts
 * with the immutability of the rest of the spec.
 */
export class DefaultTolerationSeconds implements MutatingAdmission {
  private readonly seconds: Readonly<Record<string, number>>;

  /** The periods default to 300 s, as Kubernetes' `--default-not-ready-toleration-seconds` and `--default-unreachable-toleration-seconds`. */
  constructor(options: { notReadySeconds?: number; unreachableSeconds?: number } = {}) {
    this.seconds = {
      [NOT_READY]: options.notReadySeconds ?? DEFAULT_TOLERATION_SECONDS,
      [UNREACHABLE]: options.unreachableSeconds ?? DEFAULT_TOLERATION_SECONDS,
    };
  }

  handles(operation: AdmissionOperation, type: ResourceType): boolean {
    return (operation === 'CREATE' || operation === 'UPDATE') && type.group === '' && type.kind === 'Pod';
  }

  async admit(attributes: AdmissionAttributes): Promise<void> {
    if (attributes.subresource !== undefined) return;
    const spec = attributes.object?.spec;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return;
    const podSpec = spec as { tolerations?: unknown };
    if (podSpec.tolerations != null && !Array.isArray(podSpec.tolerations)) return;
    const tolerations = (podSpec.tolerations ?? []) as Partial<Toleration>[];
    const added = [NOT_READY, UNREACHABLE]
      .filter((key) => !tolerations.some((t) => toleratesNoExecute(t, key)))
      .map(
        (key): Toleration => ({
          key,
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: this.seconds[key]!,
        }),
      );
    if (added.length > 0) podSpec.tolerations = [...tolerations, ...added];
  }
}

function toleratesNoExecute(toleration: Partial<Toleration> | null, key: string): boolean {
  if (typeof toleration !== 'object' || toleration === null) return false;
  const keyMatches = toleration.key === key || !toleration.key;
  const effectMatches = toleration.effect === 'NoExecute' || !toleration.effect;
  return keyMatches && effectMatches;
}
