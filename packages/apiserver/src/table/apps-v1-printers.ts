import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from '@capstan/core';
import { containerCells, formatLabelSelector, formatLabels, selectorString, since } from './cell-format.js';
import {
  AGE_COLUMN,
  CONTAINERS_COLUMN,
  column,
  IMAGES_COLUMN,
  NAME_COLUMN,
  SELECTOR_COLUMN,
} from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

// Printers of the apps/v1 workloads, as Kubernetes' printers.go has them. An absent
// `spec.replicas` prints as 1, the value Kubernetes' defaulting gives it.

/**
 * deploymentTablePrinter prints deployments: NAME READY UP-TO-DATE AVAILABLE AGE (READY is
 * `ready/desired`), and wide CONTAINERS IMAGES SELECTOR.
 */
export const deploymentTablePrinter: TablePrinter = tablePrinterFn<Deployment>(
  [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column(
      'Up-to-date',
      'string',
      'Total number of pods targeted by this deployment that have the desired template.',
    ),
    column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds).'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  (deploy, now) => {
    const status = deploy.status ?? {};
    const [names, images] = containerCells(deploy.spec.template.spec.containers);
    return [
      deploy.metadata.name ?? '',
      `${status.readyReplicas ?? 0}/${deploy.spec.replicas ?? 1}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      since(deploy.metadata.creationTimestamp, now),
      names,
      images,
      selectorString(deploy.spec.selector) ?? '<invalid>',
    ];
  },
);

/** replicaSetTablePrinter prints replica sets: NAME DESIRED CURRENT READY AGE, and wide CONTAINERS IMAGES SELECTOR. */
export const replicaSetTablePrinter: TablePrinter = tablePrinterFn<ReplicaSet>(
  [
    NAME_COLUMN,
    column('Desired', 'integer', 'The number of desired replicas.'),
    column('Current', 'integer', 'The most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  (rs, now) => {
    const status = rs.status ?? {};
    const [names, images] = containerCells(rs.spec.template.spec.containers);
    return [
      rs.metadata.name ?? '',
      rs.spec.replicas ?? 1,
      status.replicas ?? 0,
      status.readyReplicas ?? 0,
      since(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ];
  },
);

/**
 * daemonSetTablePrinter prints daemon sets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE
 * SELECTOR AGE, and wide CONTAINERS IMAGES SELECTOR.
 */
export const daemonSetTablePrinter: TablePrinter = tablePrinterFn<DaemonSet>(
  [
    NAME_COLUMN,
    column('Desired', 'integer', 'The number of nodes that should be running the daemon pod.'),
    column('Current', 'integer', 'The number of nodes running at least one daemon pod that should.'),
    column('Ready', 'integer', 'The number of nodes running a ready daemon pod.'),
    column('Up-to-date', 'integer', 'The number of nodes running the updated daemon pod.'),
    column('Available', 'integer', 'The number of nodes running an available daemon pod.'),
    column('Node Selector', 'string', 'The node selector of the pod template.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    SELECTOR_COLUMN,
  ],
  (ds, now) => {
    const status = ds.status ?? {};
    const [names, images] = containerCells(ds.spec.template.spec.containers);
    return [
      ds.metadata.name ?? '',
      status.desiredNumberScheduled ?? 0,
      status.currentNumberScheduled ?? 0,
      status.numberReady ?? 0,
      status.updatedNumberScheduled ?? 0,
      status.numberAvailable ?? 0,
      formatLabels(ds.spec.template.spec.nodeSelector),
      since(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec.selector),
    ];
  },
);

/** statefulSetTablePrinter prints stateful sets: NAME READY AGE (READY is `ready/desired`), and wide CONTAINERS IMAGES. */
export const statefulSetTablePrinter: TablePrinter = tablePrinterFn<StatefulSet>(
  [
    NAME_COLUMN,
    column('Ready', 'string', 'Number of the pod with ready state'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
  ],
  (sts, now) => {
    const [names, images] = containerCells(sts.spec.template.spec.containers);
    return [
      sts.metadata.name ?? '',
      `${sts.status?.readyReplicas ?? 0}/${sts.spec.replicas ?? 1}`,
      since(sts.metadata.creationTimestamp, now),
      names,
      images,
    ];
  },
);
