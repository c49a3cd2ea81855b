/**
 * pathSegmentNameProblems checks that a name can be one segment of a URL path and of a Store key,
 * with Kubernetes' rule and messages (`path.ValidatePathSegmentName`): a name may not be `.` or
 * `..` and may not contain `/` or `%`; a `generateName` prefix (`prefix` true) only may not
 * contain `/` or `%`. It returns the problems, none when the name is fine.
 */
export function pathSegmentNameProblems(name: string, prefix: boolean): string[] {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  const problems: string[] = [];
  if (name.includes('/')) problems.push("may not contain '/'");
  if (name.includes('%')) problems.push("may not contain '%'");
  return problems;
}
