import type {
  ConfigMap,
  Endpoints,
  Event,
  Namespace,
  Secret,
  Service,
  ServiceAccount,
  ServicePort,
} from '@capstan/core';
import {
  formatLabels,
  joinHostPort,
  listWithMore,
  NONE,
  parseTimestamp,
  since,
  UNKNOWN,
} from './cell-format.js';
import { humanDuration } from './human-duration.js';
import { AGE_COLUMN, column, NAME_COLUMN, NAME_DESCRIPTION, wide } from './table-column.js';
import { type TablePrinter, tablePrinterFn } from './table-printer.js';

// Printers of the core (v1) kinds other than pods and nodes, as Kubernetes' printers.go has them.
// Where Kubernetes' defaulting would have filled a field the printer shows (a Service's type and
// port protocols, a Secret's type, a Namespace's phase), an absent field prints as that default.

/** namespaceTablePrinter prints namespaces: NAME STATUS AGE (`Active` or `Terminating`). */
export const namespaceTablePrinter: TablePrinter = tablePrinterFn<Namespace>(
  [NAME_COLUMN, column('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  (ns, now) => [
    ns.metadata.name ?? '',
    ns.status?.phase || 'Active',
    since(ns.metadata.creationTimestamp, now),
  ],
);

/**
 * serviceTablePrinter prints services: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, and wide
 * SELECTOR. EXTERNAL-IP is the external IPs, the load balancer's ingress (`<pending>` until it
 * has one) or the external name; PORT(S) reads `80/TCP,443:30443/TCP`.
 */
export const serviceTablePrinter: TablePrinter = tablePrinterFn<Service>(
  [
    NAME_COLUMN,
    column(
      'Type',
      'string',
      'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.',
    ),
    column('Cluster-IP', 'string', 'The virtual IP address of the service.'),
    column(
      'External-IP',
      'string',
      'The addresses through which the service is reachable from outside the cluster.',
    ),
    column('Port(s)', 'string', 'The ports exposed by the service.'),
    AGE_COLUMN,
    wide('Selector', 'Traffic is routed to pods whose labels match this selector.'),
  ],
  (svc, now) => {
    const spec = svc.spec ?? {};
    const ports = (spec.ports ?? []).map(portString).join(',');
    return [
      svc.metadata.name ?? '',
      spec.type ?? 'ClusterIP',
      spec.clusterIPs?.[0] || spec.clusterIP || NONE,
      serviceExternalIP(svc),
      ports === '' ? NONE : ports,
      since(svc.metadata.creationTimestamp, now),
      formatLabels(spec.selector),
    ];
  },
);

function portString(port: ServicePort): string {
  const protocol = port.protocol ?? 'TCP';
  return port.nodePort !== undefined && port.nodePort > 0
    ? `${port.port}:${port.nodePort}/${protocol}`
    : `${port.port}/${protocol}`;
}

function serviceExternalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : NONE;
    case 'LoadBalancer': {
      const ingress = new Set<string>();
      for (const point of svc.status?.loadBalancer?.ingress ?? []) {
        const address = point.ip || point.hostname;
        if (address) ingress.add(address);
      }
      const all = [...ingress, ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return UNKNOWN;
  }
}

/**
 * endpointsTablePrinter prints endpoints: NAME ENDPOINTS AGE. ENDPOINTS lists the first three
 * ready `ip:port` pairs (every address with every port of its subset) and counts the rest as
 * ` + N more...`; `<none>` when there are no subsets.
 */
export const endpointsTablePrinter: TablePrinter = tablePrinterFn<Endpoints>(
  [NAME_COLUMN, column('Endpoints', 'string', 'The ready addresses and ports of the endpoints.'), AGE_COLUMN],
  (ep, now) => {
    const subsets = ep.subsets ?? [];
    const pairs: string[] = [];
    for (const subset of subsets) {
      const addresses = subset.addresses ?? [];
      const ports = subset.ports ?? [];
      if (ports.length === 0) {
        for (const address of addresses) pairs.push(address.ip);
        continue;
      }
      for (const port of ports) {
        for (const address of addresses) pairs.push(joinHostPort(address.ip, port.port));
      }
    }
    return [
      ep.metadata.name ?? '',
      subsets.length === 0 ? NONE : listWithMore(pairs, ''),
      since(ep.metadata.creationTimestamp, now),
    ];
  },
);

/** configMapTablePrinter prints config maps: NAME DATA AGE (DATA counts `data` and `binaryData` keys). */
export const configMapTablePrinter: TablePrinter = tablePrinterFn<ConfigMap>(
  [NAME_COLUMN, column('Data', 'string', 'The number of keys in the config map.'), AGE_COLUMN],
  (cm, now) => [
    cm.metadata.name ?? '',
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    since(cm.metadata.creationTimestamp, now),
  ],
);

/** secretTablePrinter prints secrets: NAME TYPE DATA AGE (DATA counts `data` keys). */
export const secretTablePrinter: TablePrinter = tablePrinterFn<Secret>(
  [
    NAME_COLUMN,
    column('Type', 'string', 'The type of the secret, e.g. Opaque.'),
    column('Data', 'string', 'The number of keys in the secret.'),
    AGE_COLUMN,
  ],
  (secret, now) => [
    secret.metadata.name ?? '',
    secret.type || 'Opaque',
    Object.keys(secret.data ?? {}).length,
    since(secret.metadata.creationTimestamp, now),
  ],
);

/** serviceAccountTablePrinter prints service accounts: NAME SECRETS AGE. */
export const serviceAccountTablePrinter: TablePrinter = tablePrinterFn<ServiceAccount>(
  [NAME_COLUMN, column('Secrets', 'string', 'The number of secrets of the service account.'), AGE_COLUMN],
  (sa, now) => [sa.metadata.name ?? '', (sa.secrets ?? []).length, since(sa.metadata.creationTimestamp, now)],
);

/**
 * eventTablePrinter prints events as `kubectl get events` does: LAST SEEN TYPE REASON OBJECT
 * MESSAGE, and wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME. Times fall back from
 * `lastTimestamp` to `firstTimestamp` to `eventTime`, and to the series for events that repeat;
 * OBJECT reads `kind/name` in lower case; a count of 0 prints as 1.
 */
export const eventTablePrinter: TablePrinter = tablePrinterFn<Event>(
  [
    column('Last Seen', 'string', 'The time the event was last seen.'),
    column('Type', 'string', 'The type of the event: Normal or Warning.'),
    column('Reason', 'string', 'The short, machine-understandable reason of the event.'),
    column('Object', 'string', 'The object the event is about.'),
    wide('Subobject', 'The part of the object the event is about, e.g. a container.'),
    wide('Source', 'The component, and host, that reported the event.'),
    column('Message', 'string', 'A human-readable description of the event.'),
    wide('First Seen', 'The time the event was first seen.'),
    wide('Count', 'The number of times the event occurred.'),
    column('Name', 'string', NAME_DESCRIPTION, { format: 'name', priority: 1 }),
  ],
  (ev, now) => {
    const at = (timestamp: string | null | undefined) => {
      const ms = parseTimestamp(timestamp);
      return ms === undefined ? undefined : humanDuration(now.getTime() - ms);
    };
    const firstSeen = at(ev.firstTimestamp) ?? since(ev.eventTime, now);
    let lastSeen = at(ev.lastTimestamp) ?? firstSeen;
    let count = ev.count ?? 0;
    if (ev.series !== undefined) {
      lastSeen = since(ev.series.lastObservedTime, now);
      count = ev.series.count ?? 0;
    } else if (count === 0) {
      count = 1;
    }
    const kind = (ev.involvedObject.kind ?? '').toLowerCase();
    const name = ev.involvedObject.name ?? '';
    const component = ev.source?.component || ev.reportingComponent || '';
    const instance = ev.source?.host || ev.reportingInstance || '';
    return [
      lastSeen,
      ev.type ?? '',
      ev.reason ?? '',
      name === '' ? kind : `${kind}/${name}`,
      ev.involvedObject.fieldPath ?? '',
      instance === '' ? component : `${component}, ${instance}`,
      (ev.message ?? '').trim(),
      firstSeen,
      count,
      ev.metadata.name ?? '',
    ];
  },
);
