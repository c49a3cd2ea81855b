/** A path component of an image name: lower-case letters and digits, separated by `.`, `_`, `__` or dashes. */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** A registry host name label, as in `registry.example.com`. */
const DOMAIN_LABEL = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const PORT = /^[0-9]+$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** Longest name Docker's reference grammar accepts. */
const MAX_NAME_LENGTH = 255;

/**
 * imageTag returns the tag of a container image reference as Kubernetes' `parsers.ParseImageName`
 * sees it: the tag written (`nginx:1.27` → `1.27`), `latest` when the reference has neither tag nor
 * digest (`nginx`, `localhost:5000/app`), and `''` for a reference pinned by digest only or one that
 * is not a valid reference at all (`Nginx`, `''`). Runs in linear time on any input.
 */
export function imageTag(image: string): string {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return '';
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return '';
  }
  if (rest.length === 0 || rest.length > MAX_NAME_LENGTH || !validName(rest)) return '';
  if (tag !== '') return tag;
  return digest === '' ? 'latest' : '';
}

/**
 * validName checks `[domain[:port]/]component[/component…]`; the first part is a domain when it has
 * a `.`, a `:` or an upper-case letter, or is `localhost`.
 */
function validName(name: string): boolean {
  const parts = name.split('/');
  const first = parts[0]!;
  const isDomain = /[.:A-Z]/.test(first) || first === 'localhost';
  if (parts.length > 1 && isDomain) {
    const [host = '', port, ...extra] = first.split(':');
    if (extra.length > 0 || (port !== undefined && !PORT.test(port))) return false;
    if (!host.split('.').every((label) => DOMAIN_LABEL.test(label))) return false;
    parts.shift();
  }
  return parts.every((part) => PATH_COMPONENT.test(part));
}
