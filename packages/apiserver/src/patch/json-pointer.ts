/**
 * parseJsonPointer splits an RFC 6901 JSON Pointer into its unescaped reference tokens
 * (`""` → `[]`, `"/a~1b/~0c"` → `["a/b", "~c"]`), or returns undefined when `pointer` is not a
 * pointer: it does not start with `/`, or a `~` is not followed by `0` or `1`.
 */
export function parseJsonPointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const tokens = pointer.slice(1).split('/');
  for (const token of tokens) {
    if (/~(?![01])/.test(token)) return undefined;
  }
  // ~1 first, then ~0, so that "~01" becomes "~1" and not "/" (RFC 6901 section 4).
  return tokens.map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** formatJsonPointer joins reference tokens into a JSON Pointer, escaping `~` and `/`. */
export function formatJsonPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * parseArrayIndex reads a reference token as an array index as RFC 6901 spells one: `0` or a
 * digit string without leading zeros. It returns undefined for anything else, including `-`,
 * signs and indexes too large to be exact.
 */
export function parseArrayIndex(token: string): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  return Number.isSafeInteger(index) ? index : undefined;
}
