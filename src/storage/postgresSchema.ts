import type { Pool } from 'pg';

/**
 * The conversation-state table of the PostgreSQL database, migration step 1 of POSTGRES_MIGRATIONS
 * (src/postgresMigrations.ts). eTags come from one sequence, so a key deleted and saved again never
 * gets back an eTag a stale writer still holds. Times are epoch milliseconds (bigint) and JSON is
 * kept as text, as in the SQLite files, so both back ends return the same values.
 */
export const CONVERSATION_STATE_TABLES = `CREATE SEQUENCE state_etag;
  CREATE TABLE state (
    key        text   PRIMARY KEY,
    etag       bigint NOT NULL,
    value      text   NOT NULL,
    updated_at bigint NOT NULL
  );
  CREATE INDEX state_by_updated_at ON state (updated_at);`;

/** Any fixed number; every instance of the bot takes the same lock. */
const MIGRATION_LOCK = 0x5ca1e0;

/**
 * Applies `migrations` in order (step n is version n); `schema_migrations` records each one
 * applied. Instances starting together queue on an advisory lock, so exactly one applies each step
 * and the others find it done; each step commits with its version row or not at all.
 */
export async function migratePostgres(pool: Pool, migrations: readonly string[]): Promise<void> {
  const latest = migrations.length;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
      const current = rows[0]!.version;
      if (current > latest) {
        throw new Error(
          `The PostgreSQL database has schema version ${current}, newer than this build understands ` +
            `(${latest}). Run a newer build of the bot, or point DATABASE_URL at another database.`,
        );
      }
      for (let version = current + 1; version <= latest; version++) {
        await client.query('BEGIN');
        try {
          await client.query(migrations[version - 1]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
