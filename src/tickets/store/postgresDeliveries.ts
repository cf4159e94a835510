import type { Pool } from 'pg';
import { DELIVERY_COLUMNS, MAX_ERROR_LENGTH, toDelivery, type ClaimRequest, type Delivery, type DeliveryQueue, type DeliveryRecord } from './deliveryRows';

/**
 * The outbox on PostgreSQL. A claim is one statement whose inner SELECT locks the rows it picks
 * FOR UPDATE SKIP LOCKED: instances claiming at the same moment take different rows instead of
 * waiting for (or double-taking) each other's, and `claimed_until` keeps a row reserved after the
 * claim commits, until the instance that took it records the outcome or dies and the claim expires.
 */
export class PostgresDeliveries implements DeliveryQueue {
  constructor(private readonly pool: Pool) {}

  async claimDue({ now, claimMs, sinks, limit }: ClaimRequest): Promise<Delivery[]> {
    const { rows } = await this.pool.query<DeliveryRecord>(
      `UPDATE outbox SET claimed_until = $2
       WHERE id IN (
         SELECT id FROM outbox
         WHERE delivered_at IS NULL AND next_attempt_at <= $1
           AND (claimed_until IS NULL OR claimed_until <= $1)
           AND sink = ANY($3::text[])
         ORDER BY next_attempt_at, id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING ${DELIVERY_COLUMNS}`,
      [now, now + claimMs, [...sinks], limit],
    );
    return rows.map(toDelivery).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.rowId - b.rowId);
  }

  async markDelivered(rowId: number, at: number): Promise<void> {
    await this.pool.query(
      'UPDATE outbox SET delivered_at = $2, attempts = attempts + 1, claimed_until = NULL WHERE id = $1 AND delivered_at IS NULL',
      [rowId, at],
    );
  }

  async markFailed(rowId: number, failure: { code: string; message: string; nextAttemptAt: number }): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3, last_error_code = $4, claimed_until = NULL
       WHERE id = $1 AND delivered_at IS NULL`,
      [rowId, failure.nextAttemptAt, failure.message.slice(0, MAX_ERROR_LENGTH), failure.code],
    );
  }

  async forTicket(ticketId: string): Promise<Delivery[]> {
    const { rows } = await this.pool.query<DeliveryRecord>(`SELECT ${DELIVERY_COLUMNS} FROM outbox WHERE ticket_id = $1 ORDER BY id`, [ticketId]);
    return rows.map(toDelivery);
  }

  async pending(): Promise<Array<{ sink: string; count: number }>> {
    const { rows } = await this.pool.query<{ sink: string; count: number }>(
      'SELECT sink, count(*) AS count FROM outbox WHERE delivered_at IS NULL GROUP BY sink ORDER BY sink',
    );
    return rows;
  }

  async oldestPending(): Promise<Array<{ sink: string; since: number }>> {
    // Rows are inserted with their ticket, so the ticket's created_at is when a row was queued.
    const { rows } = await this.pool.query<{ sink: string; since: string }>(
      `SELECT o.sink AS sink, min(t.created_at) AS since FROM outbox o JOIN tickets t ON t.id = o.ticket_id
       WHERE o.delivered_at IS NULL GROUP BY o.sink ORDER BY o.sink`,
    );
    return rows.map(({ sink, since }) => ({ sink, since: Number(since) }));
  }
}
