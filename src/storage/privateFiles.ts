import fs from 'node:fs';

/** Owner only: the data directory holds candidates' transcripts, names, emails and link tokens. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** SQLite's companions of a database file; they hold the same data as the file itself. */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/**
 * Creates `dir` (and its parents) readable by the owner only, and tightens it if it already existed
 * with looser permissions (installs from before this check were 0755).
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes a SQLite file and its companions owner-only before SQLite opens it. SQLite creates the -wal
 * and -shm files with the permissions of the database file, so a 0600 database keeps them 0600
 * whatever the process umask; files left by an older build are tightened here too.
 */
export function ensurePrivateDatabaseFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
  for (const suffix of SQLITE_COMPANIONS) {
    try {
      fs.chmodSync(file + suffix, PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
