import Database from 'better-sqlite3';

/**
 * Opens a SQLite file the way every store here needs it, then runs its migrations; closes it again
 * if either fails, so a bad file never leaks a handle.
 *
 * - busy_timeout first, so even switching to WAL waits for another process that holds the lock;
 * - WAL: a commit appends to the -wal file, and readers never block the writer or each other;
 * - synchronous=NORMAL: a commit has reached the OS when the write returns, so it survives the
 *   process being killed (kill -9, crash, OOM); fsync happens once per checkpoint, not per commit.
 *   Only an OS crash or power loss can drop the last few commits (never corrupt the file).
 */
export function openSqliteDatabase(file: string, what: string, busyTimeoutMs: number, migrate: (db: Database.Database) => void): Database.Database {
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
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
