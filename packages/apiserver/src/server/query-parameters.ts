import { ApiError } from '@capstan/core';

/**
 * QueryParameters reads request query parameters with the conversions Kubernetes' parameter codec
 * applies: the first value of a repeated parameter counts; booleans are false only for `0` and
 * `false` (any case) and true otherwise, `?watch` included; integers are decimal int64, blank
 * meaning 0. A value that is not an integer is a 400 BadRequest with Go's `strconv` message.
 */
export class QueryParameters {
  readonly #params: URLSearchParams;

  constructor(params: URLSearchParams) {
    this.#params = params;
  }

  /** string returns the first value of `name`, or undefined when absent. */
  string(name: string): string | undefined {
    return this.#params.get(name) ?? undefined;
  }

  /** strings returns every value of `name`. */
  strings(name: string): string[] {
    return this.#params.getAll(name);
  }

  /** has tells whether `name` is present at all. */
  has(name: string): boolean {
    return this.#params.has(name);
  }

  /** boolean returns `name` as a boolean (undefined when absent). */
  boolean(name: string): boolean | undefined {
    const value = this.#params.get(name);
    if (value === null) return undefined;
    return !(value === '0' || value.toLowerCase() === 'false');
  }

  /** integer returns `name` as an integer (undefined when absent); 400 when it is not one. */
  integer(name: string): number | undefined {
    const raw = this.#params.get(name);
    if (raw === null) return undefined;
    const value = raw.trim();
    if (value === '') return 0;
    if (!/^[+-]?\d+$/.test(value)) {
      throw ApiError.badRequest(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
    }
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) {
      throw ApiError.badRequest(`strconv.ParseInt: parsing ${JSON.stringify(value)}: value out of range`);
    }
    return parsed;
  }
}
