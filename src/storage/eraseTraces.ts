import type Database from 'better-sqlite3';

/**
 * Makes deleted rows unreadable on disk, not just gone from queries (erasure on request, retention).
 *
 * `secure_delete` (set on every connection, see openSqliteDatabase) zeroes the space a deleted row
 * leaves in its page. But in WAL mode the pages as they were before the delete are still frames of
 * the -wal file, and a checkpoint only copies frames into the database: the file keeps them until
 * overwritten. A TRUNCATE checkpoint copies the (now zeroed) pages in and cuts the -wal to 0 bytes.
 *
 * It waits (up to the busy timeout) for readers of older snapshots; another process reading for
 * that long leaves the -wal in place, and `erased` says so.
 */
export function eraseDeletedTraces(db: Database.Database): { erased: boolean } {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return { erased: result?.busy === 0 };
}
