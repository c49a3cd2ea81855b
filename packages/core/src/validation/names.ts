/**
 * Name and label validation with Kubernetes' exact rules and messages
 * (k8s.io/apimachinery/pkg/util/validation). Every `is*` function returns the list of what is
 * wrong (empty when valid), as Kubernetes' validation functions do. The checks are written as
 * linear scans, not regular expressions, so hostile input of any length costs linear time.
 */

/** DNS1123_LABEL_MAX_LENGTH is the longest RFC 1123 label (and DNS-1035 label, label value, name part). */
export const DNS1123_LABEL_MAX_LENGTH = 63;
/** DNS1123_SUBDOMAIN_MAX_LENGTH is the longest RFC 1123 subdomain, the limit of most object names. */
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** regexError words a failed pattern as Kubernetes' `RegexError` does (double space before `or` included). */
function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  return `${message} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${format}')`;
}

function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** utf8Length is Go's `len(s)`: the byte length of the UTF-8 encoding. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const isLowerAlnum = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isAlnum = (c: number): boolean => isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);

/** matchesLabel checks `first rest* last` where the first/last and inner character classes are given. */
function matchesLabel(
  text: string,
  start: number,
  end: number,
  first: (c: number) => boolean,
  inner: (c: number) => boolean,
  last: (c: number) => boolean,
): boolean {
  if (end <= start || !first(text.charCodeAt(start)) || !last(text.charCodeAt(end - 1))) return false;
  for (let i = start + 1; i < end - 1; i++) if (!inner(text.charCodeAt(i))) return false;
  return true;
}

const dnsInner = (c: number): boolean => isLowerAlnum(c) || c === 0x2d;
const qualifiedInner = (c: number): boolean => isAlnum(c) || c === 0x2d || c === 0x5f || c === 0x2e;

function isDns1123LabelFormat(text: string, start = 0, end = text.length): boolean {
  return matchesLabel(text, start, end, isLowerAlnum, dnsInner, isLowerAlnum);
}

function isDns1123SubdomainFormat(text: string): boolean {
  let start = 0;
  for (;;) {
    const dot = text.indexOf('.', start);
    const end = dot === -1 ? text.length : dot;
    if (!isDns1123LabelFormat(text, start, end)) return false;
    if (dot === -1) return true;
    start = dot + 1;
  }
}

function isQualifiedNameFormat(text: string): boolean {
  return matchesLabel(text, 0, text.length, isAlnum, qualifiedInner, isAlnum);
}

/**
 * isDNS1123Label checks an RFC 1123 label (≤ 63 lower case alphanumerics or `-`, alphanumeric at
 * both ends), the rule for namespace, service and most short names.
 */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!isDns1123LabelFormat(value)) {
    if (isDns1123SubdomainFormat(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/**
 * isDNS1123Subdomain checks an RFC 1123 subdomain (≤ 253 characters, dot-separated RFC 1123
 * labels), the rule for most object names.
 */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!isDns1123SubdomainFormat(value)) {
    errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  }
  return errs;
}

/** isDNS1035Label checks an RFC 1035 label: like an RFC 1123 label but starting with a letter. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!matchesLabel(value, 0, value.length, isLower, dnsInner, isLowerAlnum)) {
    errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  }
  return errs;
}

/**
 * isQualifiedName checks a qualified name, the rule for label and annotation keys: an optional
 * DNS subdomain prefix and `/`, then a name part of ≤ 63 alphanumerics, `-`, `_` or `.` with an
 * alphanumeric at both ends.
 */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = value;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (utf8Length(name) > DNS1123_LABEL_MAX_LENGTH)
    errs.push(`name part ${maxLenError(DNS1123_LABEL_MAX_LENGTH)}`);
  if (!isQualifiedNameFormat(name)) {
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`,
    );
  }
  return errs;
}

/** isValidLabelValue checks a label value: empty, or ≤ 63 characters shaped like a name part. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (value.length > 0 && !isQualifiedNameFormat(value)) {
    errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  }
  return errs;
}

/**
 * maskTrailingDash lets a `generateName` prefix end in `-` by replacing its last two characters
 * with `a`, as Kubernetes does before validating a prefix.
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/**
 * nameIsDNSSubdomain validates an object name (`prefix` false) or a `generateName` prefix
 * (`prefix` true, a trailing `-` allowed) as an RFC 1123 subdomain.
 */
export function nameIsDNSSubdomain(name: string, prefix: boolean): string[] {
  return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
}

/** nameIsDNSLabel validates a name or `generateName` prefix as an RFC 1123 label. */
export function nameIsDNSLabel(name: string, prefix: boolean): string[] {
  return isDNS1123Label(prefix ? maskTrailingDash(name) : name);
}

/** nameIsDNS1035Label validates a name or `generateName` prefix as an RFC 1035 label. */
export function nameIsDNS1035Label(name: string, prefix: boolean): string[] {
  return isDNS1035Label(prefix ? maskTrailingDash(name) : name);
}

/** GENERATED_NAME_RANDOM_LENGTH is how many random characters `generateName` appends. */
export const GENERATED_NAME_RANDOM_LENGTH = 5;
/** MAX_GENERATED_NAME_BASE_LENGTH is the longest base kept, so that base + suffix stays ≤ 63. */
export const MAX_GENERATED_NAME_BASE_LENGTH = DNS1123_LABEL_MAX_LENGTH - GENERATED_NAME_RANDOM_LENGTH;

/** The alphabet of Kubernetes' `utilrand.String`: no vowels, no confusable 0/1/3. */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * generateName returns `base` (cut to 58 characters) followed by 5 random characters from
 * Kubernetes' alphabet `bcdfghjklmnpqrstvwxz2456789`, as the API server does for
 * `metadata.generateName`. The characters come from a cryptographic source, uniformly.
 * The caller must still check the result is unused (and retry on AlreadyExists).
 */
export function generateName(base: string): string {
  const kept =
    base.length > MAX_GENERATED_NAME_BASE_LENGTH ? base.slice(0, MAX_GENERATED_NAME_BASE_LENGTH) : base;
  let suffix = '';
  const bytes = new Uint8Array(16);
  while (suffix.length < GENERATED_NAME_RANDOM_LENGTH) {
    globalThis.crypto.getRandomValues(bytes);
    for (const b of bytes) {
      // 243 = 9 × 27: rejecting higher bytes keeps every character equally likely.
      if (b < 243 && suffix.length < GENERATED_NAME_RANDOM_LENGTH) suffix += ALPHABET[b % ALPHABET.length];
    }
  }
  return kept + suffix;
}
