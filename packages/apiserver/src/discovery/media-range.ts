/**
 * MediaRange is one media range of an HTTP `Accept` header: its lower-cased `type/subtype`, its
 * parameters (names lower-cased, values unquoted) and its quality `q` (1 when absent).
 */
export interface MediaRange {
  readonly type: string;
  readonly params: ReadonlyMap<string, string>;
  readonly quality: number;
}

/**
 * parseAccept parses an `Accept` header into its acceptable media ranges, best first: by
 * descending `q`, ties in header order. Ranges with `q=0` (refused), an invalid `q` or no `/` in
 * their type are left out. An absent or blank header gives no ranges.
 */
export function parseAccept(accept: string | undefined): MediaRange[] {
  if (accept === undefined) return [];
  return accept
    .split(',')
    .flatMap((part): MediaRange[] => {
      const [typePart = '', ...paramParts] = part.split(';');
      const type = typePart.trim().toLowerCase();
      if (!type.includes('/')) return [];
      const params = new Map<string, string>();
      let quality = 1;
      for (const paramPart of paramParts) {
        const eq = paramPart.indexOf('=');
        if (eq < 0) continue;
        const key = paramPart.slice(0, eq).trim().toLowerCase();
        const value = unquote(paramPart.slice(eq + 1).trim());
        if (key === 'q') {
          const q = Number(value);
          quality = value !== '' && Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0;
        } else {
          params.set(key, value);
        }
      }
      return quality > 0 ? [{ type, params, quality }] : [];
    })
    .sort((a, b) => b.quality - a.quality);
}

/** matchesMediaType tells whether `range` accepts `type` (`application/json` is accepted by itself, `application/*` and `*\/*`). */
export function matchesMediaType(range: MediaRange, type: string): boolean {
  if (range.type === '*/*' || range.type === type) return true;
  const [major] = type.split('/');
  return range.type === `${major}/*`;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
