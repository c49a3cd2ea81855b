/**
 * KeyRange is the etcd byte range `[start, end)` that holds exactly the keys beginning with a
 * prefix (etcd compares keys as UTF-8 bytes).
 */
export interface KeyRange {
  start: Buffer;
  end: Buffer;
}

/**
 * prefixRange returns the {@link KeyRange} of the keys that start with `prefix` (a non-empty
 * string): they end before the prefix with its last byte raised by one. That byte is never
 * 0xff, which UTF-8 does not use.
 */
export function prefixRange(prefix: string): KeyRange {
  if (prefix === '') throw new RangeError('a key range needs a non-empty prefix');
  const start = Buffer.from(prefix, 'utf8');
  const end = Buffer.from(start);
  end[end.length - 1] = start[start.length - 1]! + 1;
  return { start, end };
}

/**
 * rangeAfter narrows `range` to the keys that sort strictly after `key`: the smallest such
 * key is `key` followed by a zero byte. It returns undefined when nothing in the range is left.
 */
export function rangeAfter(range: KeyRange, key: string): KeyRange | undefined {
  const next = Buffer.concat([Buffer.from(key, 'utf8'), Buffer.from([0])]);
  if (Buffer.compare(next, range.start) <= 0) return range;
  if (Buffer.compare(next, range.end) >= 0) return undefined;
  return { start: next, end: range.end };
}
