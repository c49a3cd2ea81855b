/** lowerBound returns the first index in sorted `items` whose item is not below `key`. */
function lowerBound(items: readonly string[], key: string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (items[mid]! < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * SortedKeys is a set of strings kept in ascending UTF-16 code unit order, as a list of
 * sorted chunks (the layout of Python's `sortedcontainers`). Insert and remove cost a binary
 * search plus a move within one chunk; iteration from any key costs a binary search and
 * then O(1) per key. Do not insert or remove while iterating.
 */
export class SortedKeys {
  private readonly chunks: string[][] = [];
  /** The last (largest) key of each chunk, for the binary search over chunks. */
  private readonly lasts: string[] = [];

  /** @param maxChunk - keys per chunk before it is split in two (small values only make sense in tests). */
  constructor(private readonly maxChunk = 1024) {}

  /** insert adds `key`; it returns false when the key was already there. */
  insert(key: string): boolean {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      this.lasts.push(key);
      return true;
    }
    const c = Math.min(lowerBound(this.lasts, key), this.chunks.length - 1);
    const chunk = this.chunks[c]!;
    const i = lowerBound(chunk, key);
    if (chunk[i] === key) return false;
    chunk.splice(i, 0, key);
    if (i === chunk.length - 1) this.lasts[c] = key;
    if (chunk.length > this.maxChunk) {
      const upper = chunk.splice(chunk.length >>> 1);
      this.chunks.splice(c + 1, 0, upper);
      this.lasts.splice(c, 1, chunk.at(-1)!, upper.at(-1)!);
    }
    return true;
  }

  /** remove deletes `key`; it returns false when the key was not there. */
  remove(key: string): boolean {
    const c = lowerBound(this.lasts, key);
    const chunk = this.chunks[c];
    if (chunk === undefined) return false;
    const i = lowerBound(chunk, key);
    if (chunk[i] !== key) return false;
    chunk.splice(i, 1);
    if (chunk.length === 0) {
      this.chunks.splice(c, 1);
      this.lasts.splice(c, 1);
    } else if (i === chunk.length) {
      this.lasts[c] = chunk.at(-1)!;
    }
    return true;
  }

  /** from yields the keys from `key` on (or strictly after it, when `exclusive`), in order. */
  *from(key: string, exclusive = false): IterableIterator<string> {
    let c = lowerBound(this.lasts, key);
    const first = this.chunks[c];
    if (first === undefined) return;
    let i = lowerBound(first, key);
    if (exclusive && first[i] === key) i++;
    for (; c < this.chunks.length; c++, i = 0) {
      const chunk = this.chunks[c]!;
      for (; i < chunk.length; i++) yield chunk[i]!;
    }
  }
}
