import type { HealthEndpoint } from './route.js';
import { notFound } from './route-errors.js';
import { bytesResponse, type ServerResponse } from './server-response.js';

/** HealthCheck is one named check of a health endpoint; it resolves when healthy and rejects with the reason otherwise. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** HealthChecks are the checks of each health endpoint, in the order they are reported. */
export type HealthChecks = Readonly<Record<HealthEndpoint, readonly HealthCheck[]>>;

const TEXT = 'text/plain; charset=utf-8';
const NOSNIFF = { 'x-content-type-options': 'nosniff' };

/**
 * serveHealth answers `/livez`, `/readyz` and `/healthz` as Kubernetes does: `ok` when every check
 * passes; with `?verbose`, or when a check fails (status 500), one line per check — `[+]ping ok`,
 * `[-]store failed: reason withheld`, `[+]ping excluded: ok` for checks named by `?exclude=` —
 * then `livez check passed` (or `failed`). `/<endpoint>/<check>` runs one check: `ok`, or 500
 * `internal server error: <reason>`; an unknown check is a 404.
 */
export async function serveHealth(
  endpoint: HealthEndpoint,
  checks: readonly HealthCheck[],
  query: URLSearchParams,
  single?: string,
): Promise<ServerResponse> {
  if (single !== undefined) {
    const check = checks.find((c) => c.name === single);
    if (check === undefined) throw notFound();
    const failure = await failureOf(check);
    return failure === undefined
      ? bytesResponse(200, TEXT, 'ok', NOSNIFF)
      : bytesResponse(500, TEXT, `internal server error: ${failure}\n`, NOSNIFF);
  }
  const excluded = new Set(
    query
      .getAll('exclude')
      .flatMap((value) => value.split(','))
      .map((v) => v.trim()),
  );
  const lines: string[] = [];
  let failed = false;
  for (const check of checks) {
    if (excluded.delete(check.name)) {
      lines.push(`[+]${check.name} excluded: ok`);
      continue;
    }
    const failure = await failureOf(check);
    if (failure === undefined) lines.push(`[+]${check.name} ok`);
    else {
      failed = true;
      lines.push(`[-]${check.name} failed: reason withheld`);
    }
  }
  excluded.delete('');
  if (excluded.size > 0) {
    const names = [...excluded].map((name) => JSON.stringify(name)).join(', ');
    lines.push(`warn: some health checks cannot be excluded: no matches for ${names}`);
  }
  if (failed) return bytesResponse(500, TEXT, `${lines.join('\n')}\n${endpoint} check failed\n`, NOSNIFF);
  if (!query.has('verbose')) return bytesResponse(200, TEXT, 'ok', NOSNIFF);
  return bytesResponse(200, TEXT, `${lines.join('\n')}\n${endpoint} check passed\n`, NOSNIFF);
}

async function failureOf(check: HealthCheck): Promise<string | undefined> {
  try {
    await check.check();
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
