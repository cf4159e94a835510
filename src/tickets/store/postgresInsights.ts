import type { Pool } from 'pg';
import type { InsightLog, InsightRow } from '../ticketStore';

/**
 * The insight events on PostgreSQL. A turn's rows are one multi-row INSERT, so they are saved
 * together (one statement is one transaction) in one round trip; `id` (bigserial) keeps rows of
 * the same time in the order appended. Three parameters a row: PostgreSQL's limit of 65535
 * parameters a statement allows some 21,000 rows, far more than a turn produces.
 */
export class PostgresInsights implements InsightLog {
  constructor(private readonly pool: Pool) {}

  async append(rows: InsightRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`).join(', ');
    await this.pool.query(
      `INSERT INTO insight_events (conversation, at, fact) VALUES ${values}`,
      rows.flatMap((row) => [row.conversation, row.at, row.fact]),
    );
  }

  async between(from: number, to: number): Promise<InsightRow[]> {
    const { rows } = await this.pool.query<{ conversation: string; at: string; fact: string }>(
      'SELECT conversation, at, fact FROM insight_events WHERE at >= $1 AND at <= $2 ORDER BY at, id',
      [from, to],
    );
    // createPostgresPool reads bigint as a number; a pool without that parser returns a string.
    return rows.map((row) => ({ conversation: row.conversation, at: Number(row.at), fact: row.fact }));
  }
}
