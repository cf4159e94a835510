import path from 'node:path';
import Database from 'better-sqlite3';
import { ETagConflictError, itemsToWrite, type KeyValueStore, type StoreItems } from './keyValueStore';
import { eraseDeletedTraces } from './eraseTraces';
import { openSqliteDatabase } from './sqliteDatabase';
import { STATE_MIGRATIONS } from './sqliteSchema';
import { ensurePrivateDir } from './privateFiles';

export interface SqliteStoreOptions {
  /** Database file; created (with its schema) if missing. */
  file: string;
  /** How long an operation waits for another connection's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Clock for `updated_at`, in epoch milliseconds. */
  now?: () => number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

interface StoredRow {
  key: string;
  etag: number;
  value: string;
}

/**
 * Conversation state in one SQLite file, with botbuilder's eTag semantics (see keyValueStore.ts).
 *
 * Each item is stored as JSON without its eTag; the eTag lives in its own column, a fresh random
 * number on every save, and is added back on read as a string. better-sqlite3 is synchronous, so the
 * async methods complete before they return; while a write waits on another process's lock (up to
 * busyTimeoutMs) it blocks the event loop.
 */
export class SqliteStore implements KeyValueStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly selectMany: Database.Statement<[string], StoredRow>;
  private readonly deleteMany: Database.Statement<[string]>;
  private readonly countRows: Database.Statement<[], number>;
  private readonly usedBytes: Database.Statement<[], number>;
  private readonly writeBatch: (entries: Array<[string, object]>) => void;

  constructor({ file, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS, now = () => Date.now() }: SqliteStoreOptions) {
    this.file = file;
    this.now = now;
    const db = openSqliteDatabase(file, 'State database', busyTimeoutMs, STATE_MIGRATIONS);
    this.db = db;

    this.selectMany = db.prepare<[string], StoredRow>(
      'SELECT key, etag, value FROM state WHERE key IN (SELECT value FROM json_each(?))',
    );
    this.deleteMany = db.prepare<[string]>('DELETE FROM state WHERE key IN (SELECT value FROM json_each(?))');
    this.countRows = db.prepare<[], number>('SELECT count(*) FROM state').pluck();
    this.usedBytes = db
      .prepare<[], number>(
        'SELECT (p.page_count - f.freelist_count) * s.page_size ' +
          'FROM pragma_page_count() AS p, pragma_freelist_count() AS f, pragma_page_size() AS s',
      )
      .pluck();

    const selectETag = db.prepare<[string], number>('SELECT etag FROM state WHERE key = ?').pluck();
    const upsert = db.prepare<[string, number, string, number]>(
      'INSERT INTO state (key, etag, value, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at',
    );
    const writeAll = db.transaction((entries: Array<[string, object]>) => {
      const updatedAt = this.now();
      for (const [key, item] of entries) {
        const { eTag, ...value } = item as { eTag?: unknown };
        // Falsy or '*' means "overwrite", as in MemoryStorage.
        if (eTag && eTag !== '*') {
          const stored = selectETag.get(key);
          if (stored !== undefined && String(stored) !== String(eTag)) {
            // Thrown inside the transaction: better-sqlite3 rolls back every key of this batch.
            throw new ETagConflictError(key, String(eTag), String(stored));
          }
        }
        upsert.run(key, newETag(), JSON.stringify(value), updatedAt);
      }
    });
    // IMMEDIATE takes the write lock before the eTag check: a deferred transaction would read first
    // and, if another process committed meanwhile, fail on upgrade with SQLITE_BUSY instead of waiting.
    this.writeBatch = (entries) => writeAll.immediate(entries);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('SqliteStore.read expects an array of keys.');
    if (keys.length === 0) return {};
    // Parsing each time returns fresh objects, so callers may mutate what they read.
    return Object.fromEntries(
      this.selectMany
        .all(JSON.stringify(keys))
        .map((row) => [row.key, { ...(JSON.parse(row.value) as object), eTag: String(row.etag) }]),
    );
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = itemsToWrite('SqliteStore', changes);
    if (entries.length > 0) this.writeBatch(entries);
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('SqliteStore.delete expects an array of keys.');
    // Deletes are erasures ("delete my data"): leave nothing readable in the -wal either.
    if (keys.length > 0 && this.deleteMany.run(JSON.stringify(keys)).changes > 0) eraseDeletedTraces(this.db);
  }

  /**
   * Deletes items not written since `before` (retention of candidates' data). Returns how many.
   * Stale conversations are as good as new: the next message simply starts afresh.
   */
  deleteOlderThan(before: Date): number {
    const deleted = this.db.prepare<[number]>('DELETE FROM state WHERE updated_at < ?').run(before.getTime()).changes;
    if (deleted > 0) eraseDeletedTraces(this.db);
    return deleted;
  }

  /** Number of stored items. */
  count(): number {
    return this.countRows.get()!;
  }

  /** Bytes of database pages in use (committed WAL content included, free pages excluded). */
  sizeBytes(): number {
    return this.usedBytes.get()!;
  }

  close(): void {
    this.db.close();
  }
}

/** Opens (creating if needed) `dataDir/fileName`, creating `dataDir` too. */
export function openSqliteStore(
  dataDir: string,
  fileName = 'bot.sqlite',
  options: Omit<SqliteStoreOptions, 'file'> = {},
): SqliteStore {
  ensurePrivateDir(dataDir);
  return new SqliteStore({ ...options, file: path.join(dataDir, fileName) });
}

/**
 * A fresh eTag: random over 2^53, so a key deleted and saved again (by any process on the file)
 * practically never gets back an eTag a stale writer still holds. A shared counter would guarantee
 * it, at the price of one more page written per save.
 */
function newETag(): number {
  return Math.floor(Math.random() * Number.MAX_SAFE_INTEGER) + 1;
}
