import { ApiError } from '@capstan/core';
import type { RequestAttributes } from './contracts.js';

/**
 * unauthorizedError is the 401 Kubernetes answers when no authenticator accepts a request: reason
 * `Unauthorized`, message `Unauthorized`, whatever the authenticators said (their error, when there
 * was one, is kept as the `cause` for logs and never shown to the client).
 */
export function unauthorizedError(cause?: unknown): ApiError {
  return new ApiError(
    { reason: 'Unauthorized', message: 'Unauthorized' },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * forbiddenError is the 403 Kubernetes answers when authorization denies a request, with its exact
 * message (`responsewriters.Forbidden`):
 *
 * - `pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "web"`
 * - `nodes "n1" is forbidden: User "jane" cannot get resource "nodes" in API group "" at the cluster scope`
 * - `pods "p" is forbidden: User "jane" cannot update resource "pods/status" in API group "" in the namespace "web"`
 * - `forbidden: User "jane" cannot get path "/version"`
 *
 * followed by `: <reason>` when the authorizer gave a reason. `&`, `<` and `>` in the generated part
 * are HTML-escaped, as Kubernetes does, so the message never looks like markup.
 */
export function forbiddenError(attributes: RequestAttributes, reason = ''): ApiError {
  const message = escapeHtml(forbiddenMessage(attributes));
  const why = reason === '' ? message : `${message}: ${reason}`;
  if (!attributes.resourceRequest) return ApiError.forbidden(undefined, '', why);
  return ApiError.forbidden(
    { group: attributes.apiGroup ?? '', resource: attributes.resource ?? '' },
    attributes.name ?? '',
    why,
  );
}

function forbiddenMessage(attributes: RequestAttributes): string {
  const user = goQuote(attributes.user.username);
  if (!attributes.resourceRequest) {
    return `User ${user} cannot ${attributes.verb} path ${goQuote(attributes.path)}`;
  }
  let resource = attributes.resource ?? '';
  if (attributes.subresource) resource = `${resource}/${attributes.subresource}`;
  const subject = `User ${user} cannot ${attributes.verb} resource ${goQuote(resource)} in API group ${goQuote(attributes.apiGroup ?? '')}`;
  return attributes.namespace
    ? `${subject} in the namespace ${goQuote(attributes.namespace)}`
    : `${subject} at the cluster scope`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c]!);
}

const GO_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Characters Go's `strconv.IsPrint` rejects beyond ASCII: controls, format characters, unassigned code points and separators other than the space. */
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/**
 * goQuote renders text as Go's `%q` does: printable characters as they are, the usual backslash
 * escapes, `\xHH` for other ASCII controls and `\uHHHH` / `\UHHHHHHHH` for non-printable Unicode; a
 * lone surrogate (invalid UTF-8 in Go) becomes `\ufffd`.
 */
function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const escaped = GO_ESCAPES[char];
    if (escaped !== undefined) out += escaped;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (!NON_PRINTABLE.test(char)) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}
