/**
 * Migrations of tickets.sqlite, applied in order; `PRAGMA user_version` records how many have run.
 * Append new steps, never edit a released one: files already on disk have run it.
 */
export const TICKET_MIGRATIONS: readonly string[] = [
  // 1: tickets, their deliveries, and the Teams conversations that receive them.
  // `ticket_counter` hands out ticket numbers from one sequence, so a number is never reused even
  // after its ticket is purged. The unique (conversation_key, topic) index is what makes opening a
  // ticket twice return the first one, even from two processes at once.
  // Times are epoch milliseconds; `body` is the whole Ticket as JSON, the other columns are copies
  // for lookups. One outbox row per (ticket, sink) is what makes delivery at-least-once.
  `CREATE TABLE tickets (
     id               TEXT    PRIMARY KEY NOT NULL,
     seq              INTEGER NOT NULL UNIQUE,
     created_at       INTEGER NOT NULL,
     conversation_key TEXT    NOT NULL,
     topic            TEXT    NOT NULL,
     channel          TEXT    NOT NULL,
     body             TEXT    NOT NULL
   ) WITHOUT ROWID;
   CREATE UNIQUE INDEX tickets_by_conversation_topic ON tickets (conversation_key, topic);
   CREATE INDEX tickets_by_created_at ON tickets (created_at);
   CREATE TABLE ticket_counter (
     id   INTEGER PRIMARY KEY CHECK (id = 1),
     last INTEGER NOT NULL
   );
   INSERT INTO ticket_counter (id, last) VALUES (1, 0);
   CREATE TABLE outbox (
     id              INTEGER PRIMARY KEY,
     ticket_id       TEXT    NOT NULL,
     sink            TEXT    NOT NULL,
     attempts        INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     delivered_at    INTEGER,
     last_error      TEXT,
     last_error_code TEXT,
     claimed_until   INTEGER,
     UNIQUE (ticket_id, sink)
   );
   CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
   CREATE TABLE recruiter_channels (
     key           TEXT    PRIMARY KEY NOT NULL,
     reference     TEXT    NOT NULL,
     registered_at INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  // 2: a ticket's lifecycle. Its status (every ticket so far is open), its history (one row per
  // event: the time, and the rest as JSON; tickets so far get their 'created' event), and the
  // responses to requests that carried an Idempotency-Key, so a retry is answered, not repeated.
  // Both are the ticket's: retention deletes them with it.
  `ALTER TABLE tickets ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
   CREATE TABLE ticket_events (
     id        INTEGER PRIMARY KEY,
     ticket_id TEXT    NOT NULL,
     at        INTEGER NOT NULL,
     event     TEXT    NOT NULL
   );
   CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);
   INSERT INTO ticket_events (ticket_id, at, event)
     SELECT id, created_at, json_object('by', 'bot', 'type', 'created') FROM tickets ORDER BY seq;
   CREATE TABLE ticket_requests (
     ticket_id     TEXT    NOT NULL,
     key           TEXT    NOT NULL,
     fingerprint   TEXT    NOT NULL,
     response      TEXT,
     claimed_until INTEGER,
     PRIMARY KEY (ticket_id, key)
   ) WITHOUT ROWID;`,
  // 3: insight events (src/insights/event.ts), one row per fact of a turn: no personal data, the
  // conversation as a one-way tag, `fact` as JSON. Read by time for the operators' reports; retention
  // deletes them by `at`, with the tickets. `id` keeps rows of the same time in the order appended.
  `CREATE TABLE insight_events (
     id           INTEGER PRIMARY KEY,
     conversation TEXT    NOT NULL,
     at           INTEGER NOT NULL,
     fact         TEXT    NOT NULL
   );
   CREATE INDEX insight_events_by_at ON insight_events (at, id);`,
];

export const TICKET_SCHEMA_VERSION = TICKET_MIGRATIONS.length;
