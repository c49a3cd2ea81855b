/**
 * FieldErrorType names why one field of an object is invalid, exactly as Kubernetes'
 * `field.ErrorType` (k8s.io/apimachinery/pkg/util/validation/field) does. The same strings
 * are the `reason` of a `StatusCause` in a 422 Invalid response.
 */
export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTooFew'
  | 'FieldValueTooShort'
  | 'FieldValueTypeInvalid'
  | 'InternalError';

/**
 * FieldError is one field-level validation failure (Kubernetes' `field.Error`): the field path
 * (`spec.containers[0].image`), what is wrong with it, the offending value and a detail.
 * Build them with {@link fieldErrors}; render them with {@link fieldErrorBody} and
 * {@link fieldErrorString}.
 */
export interface FieldError {
  readonly type: FieldErrorType;
  readonly field: string;
  /** The offending value; left out of the message for Required, Forbidden, TooLong, TooShort and InternalError. */
  readonly badValue?: unknown;
  readonly detail?: string;
}

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueTooFew: 'Too few',
  FieldValueTooShort: 'Too short',
  FieldValueTypeInvalid: 'Invalid value',
  InternalError: 'Internal error',
};

const valueless = new Set<FieldErrorType>([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'FieldValueTooShort',
  'InternalError',
]);

/** A bad value that is deliberately not printed (Kubernetes' `omitValue`). */
const omitted: unique symbol = Symbol('omitted');

/**
 * fieldErrorBody renders a field error without its field path, byte for byte as Kubernetes'
 * `(*field.Error).ErrorBody()`: `Required value`, `Invalid value: "x": must be …`,
 * `Unsupported value: "Foo": supported values: "A", "B"`.
 */
export function fieldErrorBody(error: FieldError): string {
  let body = typeText[error.type];
  if (!valueless.has(error.type) && error.badValue !== omitted) {
    body += `: ${formatValue(error.badValue)}`;
  }
  if (error.detail !== undefined && error.detail !== '') body += `: ${error.detail}`;
  return body;
}

/** fieldErrorString renders `field: body`, as Kubernetes' `(*field.Error).Error()` does. */
export function fieldErrorString(error: FieldError): string {
  return `${error.field}: ${fieldErrorBody(error)}`;
}

/**
 * aggregateMessage joins messages the way Kubernetes' `utilerrors.NewAggregate(...).Error()`
 * does: duplicates dropped, one message as is, several as `[a, b]`, none as the empty string.
 */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0]!;
  return unique.length === 0 ? '' : `[${unique.join(', ')}]`;
}

/**
 * fieldErrors builds {@link FieldError}s with Kubernetes' constructors' exact details
 * (`field.Required`, `field.Invalid`, `field.NotSupported`, `field.TooLong`, …).
 */
export const fieldErrors = {
  /** required: `<field>: Required value[: detail]`. */
  required(field: string, detail = ''): FieldError {
    return { type: 'FieldValueRequired', field, badValue: '', detail };
  },
  /** invalid: `<field>: Invalid value: <value>[: detail]`. */
  invalid(field: string, value: unknown, detail = ''): FieldError {
    return { type: 'FieldValueInvalid', field, badValue: value, detail };
  },
  /** typeInvalid: the value does not have the schema's type. */
  typeInvalid(field: string, value: unknown, detail = ''): FieldError {
    return { type: 'FieldValueTypeInvalid', field, badValue: value, detail };
  },
  /** notFound: a referenced value does not exist. */
  notFound(field: string, value: unknown): FieldError {
    return { type: 'FieldValueNotFound', field, badValue: value };
  },
  /** duplicate: a value that must be unique is repeated. */
  duplicate(field: string, value: unknown): FieldError {
    return { type: 'FieldValueDuplicate', field, badValue: value };
  },
  /** notSupported: `Unsupported value: "x": supported values: "a", "b"`. */
  notSupported(field: string, value: unknown, validValues: readonly string[] = []): FieldError {
    const detail =
      validValues.length === 0 ? '' : `supported values: ${validValues.map((v) => goQuote(v)).join(', ')}`;
    return { type: 'FieldValueNotSupported', field, badValue: value, detail };
  },
  /** forbidden: a well-formed value that the current conditions do not allow. */
  forbidden(field: string, detail: string): FieldError {
    return { type: 'FieldValueForbidden', field, badValue: '', detail };
  },
  /** tooLong: `Too long: may not be more than N bytes` (the value is never printed). */
  tooLong(field: string, maxLength: number): FieldError {
    const detail =
      maxLength >= 0
        ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}`
        : 'value is too long';
    return { type: 'FieldValueTooLong', field, badValue: '<value omitted>', detail };
  },
  /** tooMany: `Too many: <actual>: must have at most N items` (actual left out when negative). */
  tooMany(field: string, actual: number, max: number): FieldError {
    const detail =
      max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
    return { type: 'FieldValueTooMany', field, badValue: actual >= 0 ? actual : omitted, detail };
  },
  /** internal: an error not caused by the user's input. */
  internal(field: string, error: unknown): FieldError {
    return { type: 'InternalError', field, badValue: error, detail: errorText(error) };
  },
};

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** formatValue prints a bad value as Go's `%v` / `%q` / `json.Marshal` would in `ErrorBody`. */
function formatValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return goJson(value);
  }
}

/** goJson mimics Go's `json.Marshal`: `null` for nothing, HTML-safe escapes of `<`, `>` and `&`. */
function goJson(value: unknown): string {
  if (value === undefined) return 'null';
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    text = undefined;
  }
  if (text === undefined) return value instanceof Error ? value.message : String(value);
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const goEscapes: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

const nonPrintable = /^[\p{C}\p{Z}]$/u;

/**
 * goQuote quotes a string as Go's `strconv.Quote` (and so `%q`) does: printable characters as
 * they are, `\n`-style escapes, `\xHH` for other ASCII controls, `\uHHHH` / `\UHHHHHHHH` for
 * non-printable Unicode. A lone surrogate (invalid UTF-8 in Go) is printed as `\ufffd`.
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const escaped = goEscapes[char];
    if (escaped !== undefined) {
      out += escaped;
      continue;
    }
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code < 0x7f) {
      out += char;
    } else if (code < 0x80) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += '\\ufffd';
    } else if (!nonPrintable.test(char)) {
      out += char;
    } else if (code <= 0xffff) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += `\\U${code.toString(16).padStart(8, '0')}`;
    }
  }
  return `${out}"`;
}
