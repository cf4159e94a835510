/**
 * The ticket tables of the PostgreSQL database, migration step 2 of POSTGRES_MIGRATIONS
 * (src/postgresMigrations.ts): tickets, their outbox, and the Teams conversations that receive them.
 * The unique (conversation_key, topic) index makes a concurrent duplicate open return the first ticket.
 */
export const TICKET_TABLES = `CREATE SEQUENCE ticket_number;
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
  );`;

/**
 * Migration step 3: a ticket's lifecycle, as in tickets.sqlite's step 2 (src/tickets/store/sqliteSchema.ts):
 * its status (every ticket so far is open), its history (tickets so far get their 'created' event),
 * and the responses to requests that carried an Idempotency-Key.
 */
export const TICKET_LIFECYCLE_TABLES = `ALTER TABLE tickets ADD COLUMN status text NOT NULL DEFAULT 'open';
  CREATE TABLE ticket_events (
    id        bigserial PRIMARY KEY,
    ticket_id text   NOT NULL,
    at        bigint NOT NULL,
    event     text   NOT NULL
  );
  CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);
  INSERT INTO ticket_events (ticket_id, at, event)
    SELECT id, created_at, json_build_object('by', 'bot', 'type', 'created')::text FROM tickets ORDER BY seq;
  CREATE TABLE ticket_requests (
    ticket_id     text   NOT NULL,
    key           text   NOT NULL,
    fingerprint   text   NOT NULL,
    response      text,
    claimed_until bigint,
    PRIMARY KEY (ticket_id, key)
  );`;

/**
 * Migration step 4: the insight events, as in tickets.sqlite's step 3 (src/tickets/store/sqliteSchema.ts):
 * one row per fact of a turn, no personal data, `fact` as JSON; read by time, purged with the tickets.
 */
export const INSIGHT_TABLES = `CREATE TABLE insight_events (
    id           bigserial PRIMARY KEY,
    conversation text   NOT NULL,
    at           bigint NOT NULL,
    fact         text   NOT NULL
  );
  CREATE INDEX insight_events_by_at ON insight_events (at, id);`;
