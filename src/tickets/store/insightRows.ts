import type Database from 'better-sqlite3';
import type { InsightLog, InsightRow } from '../ticketStore';

/**
 * The `insight_events` table of tickets.sqlite: appended a turn at a time, read back by time for
 * the operators' reports, and purged with the tickets (SqliteTicketStore.purgeOlderThan).
 */
export class InsightRows implements InsightLog {
  private readonly appendInTransaction: (rows: readonly InsightRow[]) => void;
  private readonly betweenQuery: Database.Statement<[number, number], InsightRow>;

  constructor(db: Database.Database) {
    const insert = db.prepare<[string, number, string]>('INSERT INTO insight_events (conversation, at, fact) VALUES (?, ?, ?)');
    const append = db.transaction((rows: readonly InsightRow[]) => {
      for (const { conversation, at, fact } of rows) insert.run(conversation, at, fact);
    });
    this.appendInTransaction = (rows) => append.immediate(rows);
    this.betweenQuery = db.prepare('SELECT conversation, at, fact FROM insight_events WHERE at >= ? AND at <= ? ORDER BY at, id');
  }

  async append(rows: InsightRow[]): Promise<void> {
    if (rows.length === 0) return;
    this.appendInTransaction(rows);
  }

  async between(from: number, to: number): Promise<InsightRow[]> {
    return this.betweenQuery.all(from, to);
  }
}
