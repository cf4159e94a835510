/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append new steps, never edit a released one: files already on disk have run it.
 */
export const STATE_MIGRATIONS: readonly string[] = [
  // 1: conversation state. WITHOUT ROWID keeps each small row in the primary-key b-tree itself
  // instead of a rowid table plus a separate key index. `etag_counter` hands out eTags from one
  // sequence, so a key deleted and saved again never gets back an eTag a stale writer still holds.
  `CREATE TABLE state (
     key        TEXT    PRIMARY KEY NOT NULL,
     etag       INTEGER NOT NULL,
     value      TEXT    NOT NULL,
     updated_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE etag_counter (
     id   INTEGER PRIMARY KEY CHECK (id = 1),
     last INTEGER NOT NULL
   );
   INSERT INTO etag_counter (id, last) VALUES (1, 0);`,
  // 2: back to a rowid table. In a WITHOUT ROWID table a row over ~1 KB (on 4 KB pages) spills into
  // an overflow page of its own, and transcripts (1–2 KB) do: a third of the file was empty
  // overflow space, rewritten on every turn. A rowid table keeps rows up to ~4 KB in the leaf.
  `CREATE TABLE state_rowid (
     key        TEXT    PRIMARY KEY NOT NULL,
     etag       INTEGER NOT NULL,
     value      TEXT    NOT NULL,
     updated_at INTEGER NOT NULL
   );
   INSERT INTO state_rowid (key, etag, value, updated_at) SELECT key, etag, value, updated_at FROM state;
   DROP TABLE state;
   ALTER TABLE state_rowid RENAME TO state;`,
  // 3: eTags are random 53-bit numbers now (see SqliteStore): the counter row was one more page
  // written to the WAL on every turn, and a quarter of a save's time.
  `DROP TABLE etag_counter;`,
];

export const SCHEMA_VERSION = STATE_MIGRATIONS.length;
