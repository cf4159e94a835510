import type { Pool } from 'pg';

/**
 * Migrations of the PostgreSQL database (conversation state, tickets, outbox), applied in order;
 * `schema_migrations` records each one applied. Append new steps, never edit a released one.
 * Times are epoch milliseconds (bigint) and JSON is kept as text, as in the SQLite files, so both
 * back ends return the same values.
 */
const MIGRATIONS: readonly string[] = [
  // 1: conversation state. eTags come from one sequence, so a key deleted and saved again never gets
  // back an eTag a stale writer still holds.
  `CREATE SEQUENCE state_etag;
   CREATE TABLE state (
     key        text   PRIMARY KEY,
     etag       bigint NOT NULL,
     value      text   NOT NULL,
     updated_at bigint NOT NULL
   );
   CREATE INDEX state_by_updated_at ON state (updated_at);`,
  // 2: tickets, their outbox, and the Teams conversations that receive them. The unique
  // (conversation_key, topic) index makes a concurrent duplicate open return the first ticket.
  `CREATE SEQUENCE ticket_number;
   CREATE TABLE tickets (
     id               text   PRIMARY KEY,
     seq              bigint NOT NULL UNIQUE,
     created_at       bigint NOT NULL,
     conversation_key text   NOT NULL,
     topic            text   NOT NULL,
     channel          text   NOT NULL,
     body             text   NOT NULL
   );
   CREATE UNIQUE INDEX tickets_by_conversation_topic ON tickets (conversation_key, topic);
   CREATE INDEX tickets_by_created_at ON tickets (created_at);
   CREATE TABLE outbox (
     id              bigserial PRIMARY KEY,
     ticket_id       text    NOT NULL,
     sink            text    NOT NULL,
     attempts        integer NOT NULL DEFAULT 0,
     next_attempt_at bigint  NOT NULL,
     delivered_at    bigint,
     last_error      text,
     last_error_code text,
     claimed_until   bigint,
     UNIQUE (ticket_id, sink)
   );
   CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
   CREATE TABLE recruiter_channels (
     key           text   PRIMARY KEY,
     reference     text   NOT NULL,
     registered_at bigint NOT NULL
   );`,
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** Any fixed number; every instance of the bot takes the same lock. */
const MIGRATION_LOCK = 0x5ca1e0;

/**
 * Brings the schema up to POSTGRES_SCHEMA_VERSION. Instances starting together queue on an advisory
 * lock, so exactly one applies each step and the others find it done; each step commits with its
 * version row or not at all.
 */
export async function migratePostgres(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
      const current = rows[0]!.version;
      if (current > POSTGRES_SCHEMA_VERSION) {
        throw new Error(
          `The PostgreSQL database has schema version ${current}, newer than this build understands ` +
            `(${POSTGRES_SCHEMA_VERSION}). Run a newer build of the bot, or point DATABASE_URL at another database.`,
        );
      }
      for (let version = current + 1; version <= POSTGRES_SCHEMA_VERSION; version++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[version - 1]!);
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
