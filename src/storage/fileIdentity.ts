import fs from 'node:fs';

/** Tells whether a database file is still the one that was opened. */
export interface FileIdentity {
  /** Why the path no longer leads to the opened file (deleted, replaced); undefined while it does. */
  problem(): string | undefined;
}

/**
 * Remembers which file (device and inode) `file` is right after it was opened. SQLite keeps writing
 * to an open file even after someone deletes it, so without this check a wiped DATA_DIR would go
 * on "accepting" tickets and conversation state into a file no restart will ever see again.
 */
export function watchFileIdentity(file: string, what: string): FileIdentity {
  const opened = fs.statSync(file);
  return {
    problem() {
      let now: fs.Stats;
      try {
        now = fs.statSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `${what} ${file} was deleted while the bot was running; restart the bot (what was saved since is lost)`;
        return `${what} ${file} can't be checked: ${(error as Error).message}`;
      }
      if (now.ino !== opened.ino || now.dev !== opened.dev) return `${what} ${file} was replaced while the bot was running; restart the bot to use the new file`;
      return undefined;
    },
  };
}
