/**
 * ParseErrorCode names what could not be parsed: a label selector, a field selector or a
 * resource quantity.
 */
export type ParseErrorCode = 'LabelSelector' | 'FieldSelector' | 'Quantity';

/**
 * ParseError is the one error the selector and quantity parsers throw for bad input. Its
 * message is Kubernetes' own (`unable to parse requirement: …`, `quantities must match the
 * regular expression …`); the API server answers it with 400 BadRequest
 * (`ApiError.from(err)`). Parsers never throw anything else for a string argument. Check it
 * with `ParseError.is(err, 'Quantity')` rather than `instanceof`.
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: ParseErrorCode;

  constructor(code: ParseErrorCode, message: string) {
    super(message);
    this.code = code;
  }

  /** is tells whether `err` is a ParseError, and of the given code when one is named. */
  static is(err: unknown, code?: ParseErrorCode): err is ParseError {
    if (typeof err !== 'object' || err === null) return false;
    const e = err as { name?: unknown; code?: unknown };
    return e.name === 'ParseError' && typeof e.code === 'string' && (code === undefined || e.code === code);
  }
}
