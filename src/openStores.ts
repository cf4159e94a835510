import path from 'node:path';
import type { Config } from './config/config';
import type { Logger } from './log';
import type { TicketStore } from './tickets/ticketStore';
import { SqliteTicketWorkerStore } from './tickets/store/sqliteWorkerStore';
import { PostgresTicketStore } from './tickets/store/postgres';
import type { KeyValueStore } from './storage/keyValueStore';
import { createPostgresPool } from './storage/postgresPool';
import { migratePostgres } from './storage/postgresSchema';
import { POSTGRES_MIGRATIONS } from './postgresMigrations';
import { PostgresStore } from './storage/postgresStore';
import { SqliteWorkerStore } from './storage/sqliteWorkerStore';
import { watchFileIdentity } from './storage/fileIdentity';
import { TICKETS_FILE } from './tickets/store/sqlite';
import { ensurePrivateDir } from './storage/privateFiles';

export interface Stores {
  state: KeyValueStore & { deleteOlderThan?(before: Date): number | Promise<number>; close?(): void | Promise<void> };
  tickets: TicketStore;
  /** What keeps storage from working right now, for the health check; empty when all is well. */
  problems(): string[];
  close(): Promise<void>;
}

/**
 * Conversation state and tickets where the configuration says: SQLite files under DATA_DIR (one
 * instance; conversation state on a thread of its own), or one PostgreSQL database shared by every
 * instance, migrated before the first request.
 */
export async function openStores(config: Pick<Config, 'STORAGE' | 'DATABASE_URL' | 'DATA_DIR'>, log?: Logger): Promise<Stores> {
  if (config.STORAGE === 'postgres') {
    const pool = createPostgresPool(config.DATABASE_URL!, {
      onIdleError: (error) => log?.warn({ code: (error as { code?: string }).code }, 'PostgreSQL closed an idle connection'),
    });
    try {
      await migratePostgres(pool, POSTGRES_MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return {
      state: new PostgresStore({ pool }),
      tickets: new PostgresTicketStore({ pool }),
      // The pool replaces connections PostgreSQL drops; a database that stays away fails turns, which say so.
      problems: () => [],
      close: () => pool.end(),
    };
  }
  ensurePrivateDir(config.DATA_DIR);
  // Both threads start at once: each spends most of its start-up loading better-sqlite3 and its file.
  const [opened, ticketsOpened] = await Promise.allSettled([
    SqliteWorkerStore.open(
      { file: path.join(config.DATA_DIR, 'bot.sqlite') },
      { onFailure: (error) => log?.error({ err: { name: error.name, message: error.message } }, 'state database stopped: no turn can be saved until a restart') },
    ),
    // On a thread of its own too: a locked tickets.sqlite must not stall every conversation.
    SqliteTicketWorkerStore.open({ file: path.join(config.DATA_DIR, TICKETS_FILE) }),
  ]);
  if (opened.status === 'rejected' || ticketsOpened.status === 'rejected') {
    await Promise.all([opened, ticketsOpened].map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)));
    throw opened.status === 'rejected' ? opened.reason : (ticketsOpened as PromiseRejectedResult).reason;
  }
  const state = opened.value;
  const tickets = ticketsOpened.value;
  // Both files deleted or replaced under the running bot: say so, so the orchestrator restarts it.
  const files = [watchFileIdentity(state.file, 'State database'), watchFileIdentity(path.join(config.DATA_DIR, TICKETS_FILE), 'Ticket database')];
  return {
    state,
    tickets,
    problems: () => [
      ...(state.failed ? [`state database: ${state.failed.message}`] : []),
      ...(tickets.failed ? [`ticket database: ${tickets.failed.message}`] : []),
      ...files.flatMap((file) => file.problem() ?? []),
    ],
    async close() {
      await tickets.close();
      await state.close();
    },
  };
}
