import Database from 'better-sqlite3';
import { ensurePrivateDatabaseFile } from './privateFiles';

/**
 * Opens a SQLite file the way every store here needs it, then brings its schema up to date with
 * `migrations`; closes it again if either fails, so a bad file never leaks a handle.
 *
 * - the file and its -wal/-shm are owner-only (0600): they hold candidates' personal data;
 * - busy_timeout first, so even switching to WAL waits for another process that holds the lock;
 * - WAL: a commit appends to the -wal file, and readers never block the writer or each other;
 * - secure_delete: a deleted row's bytes are zeroed, not left in free space (erasure, retention;
 *   see eraseTraces.ts for the -wal file);
 * - synchronous=NORMAL: a commit has reached the OS when the write returns, so it survives the
 *   process being killed (kill -9, crash, OOM); fsync happens once per checkpoint, not per commit.
 *   Only an OS crash or power loss can drop the last few commits (never corrupt the file).
 */
export function openSqliteDatabase(file: string, what: string, busyTimeoutMs: number, migrations: readonly string[]): Database.Database {
  if (file !== ':memory:') ensurePrivateDatabaseFile(file);
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && !db.memory) {
      throw new Error(
        `${what} ${file} could not switch to WAL journaling (got "${String(mode)}"); ` +
          'this happens on network filesystems. Put the data directory on a local disk.',
      );
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('secure_delete = ON');
    migrate(db, migrations, what, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Applies the migrations the file has not run yet, in order; `PRAGMA user_version` records how many
 * have run. Each step commits with its version bump or not at all. Append new steps, never edit a
 * released one: files already on disk have run it.
 */
function migrate(db: Database.Database, migrations: readonly string[], what: string, file: string): void {
  const latest = migrations.length;
  const applyPending = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) {
      throw new Error(
        `${what} ${file} has schema version ${current}, newer than this build understands ` +
          `(${latest}). Run a newer build of the bot, or point DATA_DIR elsewhere.`,
      );
    }
    for (let version = current + 1; version <= latest; version++) {
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    }
  });
  // IMMEDIATE: two processes starting together must not both read version 0 and both migrate.
  applyPending.immediate();
}
