import type { Pool, PoolClient } from 'pg';
import { ETagConflictError, itemsToWrite, type KeyValueStore, type StoreItems } from './keyValueStore';

export interface PostgresStoreOptions {
  /** Shared with the ticket store; its owner ends it. The schema must be migrated (migratePostgres). */
  pool: Pool;
  /** Clock for `updated_at`, in epoch milliseconds. */
  now?: () => number;
}

/**
 * Conversation state in PostgreSQL, with botbuilder's eTag semantics (see keyValueStore.ts), for
 * several bot instances on one database. A write with an eTag is a conditional UPDATE; a key that is
 * not stored is inserted with ON CONFLICT DO NOTHING, so a concurrent first write is never
 * overwritten: whichever commits second finds the row and gets an ETagConflictError. A batch is one
 * transaction.
 */
export class PostgresStore implements KeyValueStore {
  private readonly pool: Pool;
  private readonly now: () => number;

  constructor({ pool, now = () => Date.now() }: PostgresStoreOptions) {
    this.pool = pool;
    this.now = now;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('PostgresStore.read expects an array of keys.');
    if (keys.length === 0) return {};
    const { rows } = await this.pool.query<{ key: string; etag: number; value: string }>(
      'SELECT key, etag, value FROM state WHERE key = ANY($1::text[])',
      [keys],
    );
    return Object.fromEntries(rows.map((row) => [row.key, { ...(JSON.parse(row.value) as object), eTag: String(row.etag) }]));
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = itemsToWrite('PostgresStore', changes);
    if (entries.length === 0) return;
    await this.inTransaction(async (client) => {
      const updatedAt = this.now();
      for (const [key, item] of entries) {
        const { eTag, ...value } = item as { eTag?: unknown };
        await this.writeOne(client, key, eTag, JSON.stringify(value), updatedAt);
      }
    });
  }

  private async writeOne(client: PoolClient, key: string, eTag: unknown, json: string, updatedAt: number): Promise<void> {
    // Falsy or '*' means "overwrite", as in MemoryStorage.
    if (!eTag || eTag === '*') {
      await client.query(
        `INSERT INTO state (key, etag, value, updated_at) VALUES ($1, nextval('state_etag'), $2, $3)
         ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`,
        [key, json, updatedAt],
      );
      return;
    }
    const expected = String(eTag);
    // eTags are numbers here; any other string cannot match a stored item.
    if (/^\d{1,15}$/.test(expected)) {
      const updated = await client.query(
        `UPDATE state SET etag = nextval('state_etag'), value = $3, updated_at = $4 WHERE key = $1 AND etag = $2`,
        [key, Number(expected), json, updatedAt],
      );
      if (updated.rowCount === 1) return;
    }
    // Not stored (a write to a missing key succeeds whatever its eTag) — unless another writer
    // inserts it first: then ON CONFLICT waits for its commit and inserts nothing.
    const inserted = await client.query(
      `INSERT INTO state (key, etag, value, updated_at) VALUES ($1, nextval('state_etag'), $2, $3) ON CONFLICT (key) DO NOTHING`,
      [key, json, updatedAt],
    );
    if (inserted.rowCount === 1) return;
    const { rows } = await client.query<{ etag: number }>('SELECT etag FROM state WHERE key = $1', [key]);
    throw new ETagConflictError(key, expected, rows[0] ? String(rows[0].etag) : '(deleted)');
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('PostgresStore.delete expects an array of keys.');
    if (keys.length > 0) await this.pool.query('DELETE FROM state WHERE key = ANY($1::text[])', [keys]);
  }

  /** Deletes items not written since `before` (retention of candidates' data). Returns how many. */
  async deleteOlderThan(before: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM state WHERE updated_at < $1', [before.getTime()])).rowCount ?? 0;
  }

  /** Number of stored items. */
  async count(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM state')).rows[0]!.n;
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }
}

/** Runs `work` in one transaction on one pooled connection; rolls back if it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    client.release();
  }
}
