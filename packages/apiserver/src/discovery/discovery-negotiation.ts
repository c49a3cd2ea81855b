import type { DiscoveryVersion } from './discovery-types.js';
import { matchesMediaType, parseAccept } from './media-range.js';

/**
 * DiscoveryNegotiation is the discovery form a client's `Accept` header asks for at `/api` or
 * `/apis`, with the `Content-Type` to answer with:
 * - `aggregated`: an `APIGroupDiscoveryList` of the given version, answered with
 *   `application/json;g=apidiscovery.k8s.io;v=<version>;as=APIGroupDiscoveryList` — client-go
 *   reads the body as aggregated discovery only when the response says so in its Content-Type;
 * - `legacy`: `APIVersions` (`/api`) or `APIGroupList` (`/apis`) as `application/json`;
 * - `not-acceptable`: nothing the client accepts can be served (answer 406 Not Acceptable).
 *
 * Responses should carry `Vary: Accept`, since one URL serves both forms.
 */
export type DiscoveryNegotiation =
  | { readonly form: 'aggregated'; readonly version: DiscoveryVersion; readonly contentType: string }
  | { readonly form: 'legacy'; readonly contentType: 'application/json' }
  | { readonly form: 'not-acceptable' };

/** aggregatedDiscoveryContentType is the Content-Type of an aggregated discovery document of `version`. */
export function aggregatedDiscoveryContentType(version: DiscoveryVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/**
 * negotiateDiscovery decides, from an `Accept` header, which discovery form to serve at `/api` and
 * `/apis`. Media ranges are tried by descending `q` (ties in header order; `q=0` refuses a range).
 * `application/json` (or `application/*`, `*\/*`) with `g=apidiscovery.k8s.io`,
 * `as=APIGroupDiscoveryList` and `v=v2` or `v=v2beta1` selects aggregated discovery of that
 * version; the same range without `g`, `v` and `as` selects legacy discovery; other parameters
 * (`as=Table`) and other media types do not match. A missing or empty header selects legacy
 * discovery. kubectl 1.33 sends
 * `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json`
 * and gets aggregated v2.
 */
export function negotiateDiscovery(accept: string | undefined): DiscoveryNegotiation {
  if (accept === undefined || accept.trim() === '')
    return { form: 'legacy', contentType: 'application/json' };
  for (const range of parseAccept(accept)) {
    if (!matchesMediaType(range, 'application/json')) continue;
    const g = range.params.get('g');
    const v = range.params.get('v');
    const as = range.params.get('as');
    if (g === undefined && v === undefined && as === undefined) {
      return { form: 'legacy', contentType: 'application/json' };
    }
    if (g === 'apidiscovery.k8s.io' && as === 'APIGroupDiscoveryList' && (v === 'v2' || v === 'v2beta1')) {
      return { form: 'aggregated', version: v, contentType: aggregatedDiscoveryContentType(v) };
    }
  }
  return { form: 'not-acceptable' };
}
