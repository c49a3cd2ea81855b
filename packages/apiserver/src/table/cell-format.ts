import { LabelSelector, type LabelSelectorSpec } from '@capstan/core';
import { humanDuration } from './human-duration.js';

// Formatting helpers shared by the printers: each mirrors one helper of Kubernetes' printers.

/** NONE is Kubernetes' placeholder for an empty value: `<none>`. */
export const NONE = '<none>';

/** UNKNOWN is Kubernetes' placeholder for a value that cannot be known: `<unknown>`. */
export const UNKNOWN = '<unknown>';

/**
 * parseTimestamp reads an RFC 3339 timestamp into milliseconds since the epoch; `undefined` for
 * an absent, empty or unparsable value (Kubernetes' zero time).
 */
export function parseTimestamp(timestamp: string | null | undefined): number | undefined {
  if (timestamp === null || timestamp === undefined || timestamp === '') return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * since renders the time elapsed from `timestamp` to `now` with {@link humanDuration}, or
 * `<unknown>` when the timestamp is absent (Kubernetes' `translateTimestampSince`).
 */
export function since(timestamp: string | null | undefined, now: Date): string {
  const ms = parseTimestamp(timestamp);
  return ms === undefined ? UNKNOWN : humanDuration(now.getTime() - ms);
}

/** orNone returns `value`, or `<none>` when it is absent or empty. */
export function orNone(value: string | null | undefined): string {
  return value === undefined || value === null || value === '' ? NONE : value;
}

/** formatLabels renders a label map as `a=1,b=2` (sorted), or `<none>` (Kubernetes' `labels.FormatLabels`). */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(labels ?? {}).map(([key, value]) => `${key}=${value}`);
  return pairs.length === 0 ? NONE : pairs.sort().join(',');
}

/**
 * selectorString renders a structured label selector in the string form
 * (`metav1.LabelSelectorAsSelector(s).String()`): `''` for a missing or empty selector, and
 * `undefined` when the selector is invalid.
 */
export function selectorString(spec: LabelSelectorSpec | null | undefined): string | undefined {
  try {
    return LabelSelector.fromSpec(spec).toString();
  } catch {
    return undefined;
  }
}

/**
 * formatLabelSelector renders a structured label selector as Kubernetes' `FormatLabelSelector`:
 * the string form, `<none>` when it selects everything or nothing, `<error>` when it is invalid.
 */
export function formatLabelSelector(spec: LabelSelectorSpec | null | undefined): string {
  const text = selectorString(spec);
  if (text === undefined) return '<error>';
  return text === '' ? NONE : text;
}

/**
 * containerCells lays the containers of a pod template out on one line each for names and images,
 * comma-separated (Kubernetes' `layoutContainerCells`).
 */
export function containerCells(
  containers: readonly { readonly name: string; readonly image?: string | undefined }[] | undefined,
): [names: string, images: string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/**
 * listWithMore joins the first three items with commas and summarises the rest as
 * ` + N more...`; an empty list prints `empty` (Kubernetes' `listWithMoreString` and
 * `formatEndpoints`).
 */
export function listWithMore(items: readonly string[], empty: string): string {
  if (items.length === 0) return empty;
  const text = items.slice(0, 3).join(',');
  return items.length > 3 ? `${text} + ${items.length - 3} more...` : text;
}

/** joinHostPort formats an address and port as Go's `net.JoinHostPort`: IPv6 addresses in brackets. */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
