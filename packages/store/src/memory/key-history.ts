import type { KeyValue } from '@capstan/core';

/** KeyVersion is one entry of a key's history: the version written at `revision`, or a delete (`kv` absent). */
interface KeyVersion {
  revision: number;
  kv: KeyValue | undefined;
}

/**
 * KeyHistory holds the versions of one key that are still readable, oldest first: every
 * write since the compacted revision plus the version that was live at it. It answers
 * "what was this key at revision R" with a binary search.
 */
export class KeyHistory {
  private versions: KeyVersion[] = [];

  /** latest is the live version, or `undefined` when the key is deleted. */
  latest(): KeyValue | undefined {
    return this.versions.at(-1)?.kv;
  }

  /** at returns the version live at `revision`, or `undefined` when the key did not exist then. */
  at(revision: number): KeyValue | undefined {
    const i = this.indexAt(revision);
    return i < 0 ? undefined : this.versions[i]!.kv;
  }

  /** record appends the write at `revision` (a revision above every recorded one); `undefined` is a delete. */
  record(revision: number, kv: KeyValue | undefined): void {
    this.versions.push({ revision, kv });
  }

  /**
   * compact drops the versions that no read at or after `revision` can see, and tells
   * whether nothing is left (the key was deleted at or before `revision`).
   */
  compact(revision: number): boolean {
    const i = this.indexAt(revision);
    if (i >= 0) {
      const keepFrom = this.versions[i]!.kv === undefined ? i + 1 : i;
      if (keepFrom > 0) this.versions = this.versions.slice(keepFrom);
    }
    return this.versions.length === 0;
  }

  /** indexAt is the index of the last version written at or before `revision`, or -1. */
  private indexAt(revision: number): number {
    const versions = this.versions;
    if (versions.length > 0 && versions.at(-1)!.revision <= revision) return versions.length - 1;
    let low = 0;
    let high = versions.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (versions[mid]!.revision <= revision) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }
}
