import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { StoreError } from '@capstan/core';

/** LogRow is one row of the log: one version of one key, or a tombstone. */
export interface LogRow {
  /** The revision of the write that produced this row (the table's integer primary key). */
  revision: number;
  key: string;
  /** The revision that created the key; a row is the key's creation when it equals `revision`. */
  createRevision: number;
  /** The revision of the key's previous row, or 0 for a key with no earlier row. */
  prevRevision: number;
  /** Whether the row is a tombstone (a delete). */
  deleted: boolean;
  /** The value written; empty for a tombstone (its value is that of `prevRevision`). */
  value: string;
}

/** HistoryRow is a {@link LogRow} together with the value of its previous row, for watch events. */
export interface HistoryRow extends LogRow {
  /** The value of the row at `prevRevision`, or `undefined` when there is none. */
  prevValue: string | undefined;
}

/** The schema version this code writes, kept in `PRAGMA user_version`. */
const SCHEMA_VERSION = 1;

/**
 * The log, in the manner of kine: every write appends a row whose integer primary key is its
 * revision. `(key, prev_revision)` is unique, so two writes can never both follow the same
 * version of a key (the compare-and-swap guard), and because `prev_revision` grows with
 * `revision` within a key, that one index also finds a key's latest row.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS kv (
  revision INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  create_revision INTEGER NOT NULL,
  prev_revision INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  value BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS kv_key_prev_revision ON kv (key, prev_revision);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (name, value) VALUES ('compact_revision', 0);
PRAGMA user_version = ${SCHEMA_VERSION};
`;

/** The SQLite primary result codes that {@link SqliteLog.open} translates. */
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CORRUPT = 11;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** sqliteCode returns the primary SQLite result code of an error thrown by `node:sqlite`, if any. */
function sqliteCode(err: unknown): number | undefined {
  const code = (err as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

/**
 * prefixEnd returns the smallest string above every string that starts with `prefix`, in the
 * order SQLite compares TEXT (UTF-8 bytes, which is code point order): the prefix with its
 * last code point raised by one.
 */
function prefixEnd(prefix: string): string {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      points.push(String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1));
      return points.join('');
    }
  }
  throw new RangeError('a prefix made only of U+10FFFF has no upper bound');
}

type Row = Record<string, unknown>;

/**
 * Values are stored as UTF-8 BLOBs rather than TEXT: `node:sqlite` before Node 22.13 binds text
 * up to the first NUL character, which would silently truncate a value.
 */
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
function encodeValue(value: string): Uint8Array {
  return Buffer.from(value, 'utf8');
}
function decodeValue(stored: unknown): string {
  return utf8.decode(stored as Uint8Array);
}

function toLogRow(row: Row): LogRow {
  return {
    revision: row.revision as number,
    key: row.key as string,
    createRevision: row.create_revision as number,
    prevRevision: row.prev_revision as number,
    deleted: row.deleted === 1,
    value: decodeValue(row.value),
  };
}

/**
 * SqliteLog is the SQL side of {@link SqliteStore}: it owns the `node:sqlite` connection, the
 * schema and the prepared statements, and translates rows into plain objects. Every method
 * is synchronous; callers group writes between {@link SqliteLog.begin} and
 * {@link SqliteLog.commit}.
 */
export class SqliteLog {
  readonly path: string;
  /** The compacted revision recorded in the file when it was opened (0 when never compacted). */
  readonly compactRevisionAtOpen: number;
  /** The highest revision in the file when it was opened. */
  readonly revisionAtOpen: number;
  private readonly db: DatabaseSync;
  private readonly stmts: {
    begin: StatementSync;
    commit: StatementSync;
    rollback: StatementSync;
    latest: StatementSync;
    insert: StatementSync;
    list: StatementSync;
    history: StatementSync;
    setCompactRevision: StatementSync;
    compactSuperseded: StatementSync;
    compactTombstones: StatementSync;
  };

  private constructor(path: string, db: DatabaseSync) {
    this.path = path;
    this.db = db;
    this.stmts = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      latest: db.prepare(
        'SELECT revision, key, create_revision, prev_revision, deleted, value FROM kv WHERE key = ? ORDER BY prev_revision DESC LIMIT 1',
      ),
      insert: db.prepare(
        'INSERT INTO kv (revision, key, create_revision, prev_revision, deleted, value) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      // Each key's latest row at or below :rev (found through the (key, prev_revision) index), if live.
      list: db.prepare(
        `SELECT k.revision, k.key, k.create_revision, k.prev_revision, k.deleted, k.value FROM kv k
         WHERE k.key >= :lo AND k.key < :hi AND k.key > :after AND k.revision <= :rev AND k.deleted = 0
           AND k.prev_revision = (SELECT MAX(p.prev_revision) FROM kv p WHERE p.key = k.key AND p.revision <= :rev)
         ORDER BY k.key LIMIT :limit`,
      ),
      history: db.prepare(
        `SELECT k.revision, k.key, k.create_revision, k.prev_revision, k.deleted, k.value, p.value AS prev_value
         FROM kv k LEFT JOIN kv p ON p.revision = k.prev_revision
         WHERE k.revision > :after AND k.revision <= :upto AND k.key >= :lo AND k.key < :hi
         ORDER BY k.revision LIMIT :limit`,
      ),
      setCompactRevision: db.prepare("UPDATE meta SET value = ? WHERE name = 'compact_revision'"),
      // Every row that a row in (from, to] replaced is superseded at `to`.
      compactSuperseded: db.prepare(
        'DELETE FROM kv WHERE revision IN (SELECT prev_revision FROM kv WHERE revision > ? AND revision <= ? AND prev_revision > 0)',
      ),
      // A tombstone at or below `to` is either superseded or the key is absent at `to`.
      compactTombstones: db.prepare('DELETE FROM kv WHERE revision > ? AND revision <= ? AND deleted = 1'),
    };
    this.compactRevisionAtOpen = (
      db.prepare("SELECT value FROM meta WHERE name = 'compact_revision'").get() as Row
    ).value as number;
    // A row removed by compaction is at or below the compacted revision, so the highest
    // revision ever written is the larger of the two.
    const last = (db.prepare('SELECT MAX(revision) AS revision FROM kv').get() as Row).revision as
      | number
      | null;
    this.revisionAtOpen = Math.max(last ?? 0, this.compactRevisionAtOpen);
  }

  /**
   * open opens (creating it and its parent directory when missing) the database at `path`,
   * in WAL mode with `synchronous=FULL`, and takes an exclusive lock on it that lasts until
   * {@link SqliteLog.close} or the end of the process. It throws `Unavailable` naming the path
   * when the file is locked by another process, is not a SQLite database, or cannot be opened.
   */
  static open(path: string): SqliteLog {
    let db: DatabaseSync | undefined;
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      db = new DatabaseSync(path, { timeout: 0 });
      // Exclusive locking: the first write takes the lock and keeps it, and WAL then needs no
      // shared memory. A second process (or connection) fails fast with SQLITE_BUSY.
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      const mode = db.prepare('PRAGMA journal_mode = WAL').get() as Row | undefined;
      if (mode?.journal_mode !== 'wal') {
        throw new Error(`journal_mode is ${String(mode?.journal_mode)}, not wal`);
      }
      db.exec('PRAGMA synchronous = FULL');
      const version = (db.prepare('PRAGMA user_version').get() as Row).user_version as number;
      if (version !== 0 && version !== SCHEMA_VERSION) {
        throw new StoreError(
          'Unavailable',
          `SQLite store ${path} has schema version ${version}, which this version of @capstan/store does not know`,
        );
      }
      db.exec(`BEGIN IMMEDIATE; ${SCHEMA} COMMIT;`);
      return new SqliteLog(path, db);
    } catch (err) {
      try {
        db?.close();
      } catch {
        // The open itself failed; there is nothing to close.
      }
      throw openError(path, err);
    }
  }

  begin(): void {
    this.stmts.begin.run();
  }

  commit(): void {
    this.stmts.commit.run();
  }

  /** rollback ends the open transaction, if there is one, discarding its writes. */
  rollback(): void {
    try {
      this.stmts.rollback.run();
    } catch {
      // After some errors (I/O, disk full) SQLite has already rolled the transaction back.
    }
  }

  /** latest returns the newest row of `key` (a tombstone when the key was deleted), if any. */
  latest(key: string): LogRow | undefined {
    const row = this.stmts.latest.get(key) as Row | undefined;
    return row === undefined ? undefined : toLogRow(row);
  }

  /**
   * append inserts `row`. The caller has checked that `row.prevRevision` is the key's latest
   * row; the unique `(key, prev_revision)` index turns any write that would fork the key's
   * history anyway into a failed statement instead of a second successor.
   */
  append(row: LogRow): void {
    this.stmts.insert.run(
      row.revision,
      row.key,
      row.createRevision,
      row.prevRevision,
      row.deleted ? 1 : 0,
      encodeValue(row.value),
    );
  }

  /**
   * list returns the live rows under `prefix` as of `revision`, in key order, after the key
   * `after` (empty for the start), at most `limit` of them.
   */
  list(prefix: string, revision: number, after: string, limit: number): LogRow[] {
    const rows = this.stmts.list.all({
      lo: prefix,
      hi: prefixEnd(prefix),
      after,
      rev: revision,
      limit,
    }) as Row[];
    return rows.map(toLogRow);
  }

  /** history returns the rows under `prefix` with revisions in `(after, upto]`, in revision order, at most `limit`. */
  history(prefix: string, after: number, upto: number, limit: number): HistoryRow[] {
    const rows = this.stmts.history.all({ after, upto, lo: prefix, hi: prefixEnd(prefix), limit }) as Row[];
    return rows.map((row) => ({
      ...toLogRow(row),
      prevValue:
        row.prev_value === null || row.prev_value === undefined ? undefined : decodeValue(row.prev_value),
    }));
  }

  /**
   * compact removes, in one transaction, what the writes in `(from, to]` superseded and the
   * tombstones among them, then records `to` as the compacted revision. `from` must be the
   * current compacted revision: rows at or below it are already only what reading at it needs.
   *
   * A row goes only when the next row of its key is at or below `to`, or when it is a
   * tombstone at or below `to`. So each key's newest row at or below `to` stays unless it is a
   * tombstone (reading at `to` still works), and every row that a surviving put or tombstone
   * replaced stays (watch history can still name the previous value).
   */
  compact(from: number, to: number): void {
    this.begin();
    try {
      this.stmts.compactSuperseded.run(from, to);
      this.stmts.compactTombstones.run(from, to);
      this.stmts.setCompactRevision.run(to);
      this.commit();
    } catch (err) {
      this.rollback();
      throw err;
    }
  }

  /** close closes the connection and so releases the lock on the file. */
  close(): void {
    this.db.close();
  }
}

/** openError turns a failure to open `path` into an `Unavailable` StoreError naming the path. */
function openError(path: string, err: unknown): StoreError {
  if (StoreError.is(err)) return err;
  const detail = err instanceof Error ? err.message : String(err);
  switch (sqliteCode(err)) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new StoreError(
        'Unavailable',
        `SQLite store ${path} is locked by another process (or already open in this one): only one process may own it at a time`,
        { cause: err },
      );
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return new StoreError(
        'Unavailable',
        `SQLite store ${path} is not a SQLite database or is corrupt (${detail})`,
        {
          cause: err,
        },
      );
    case SQLITE_CANTOPEN:
      return new StoreError('Unavailable', `SQLite store ${path} cannot be opened (${detail})`, {
        cause: err,
      });
    default:
      return new StoreError('Unavailable', `SQLite store ${path} cannot be opened: ${detail}`, {
        cause: err,
      });
  }
}
