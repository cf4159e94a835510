import type Database from 'better-sqlite3';

/** One ticket's delivery to one sink: an outbox row. Times are epoch milliseconds. */
export interface Delivery {
  rowId: number;
  ticketId: string;
  sink: string;
  /** Attempts that have ended, successfully or not. */
  attempts: number;
  nextAttemptAt: number;
  deliveredAt: number | null;
  /** What the last failed attempt reported: a status and a reason, never candidate data. */
  lastError: string | null;
  /** A stable code for the last failure ("http_503", "no_recruiter_channel"), to tell a new failure from a repeat. */
  lastErrorCode: string | null;
  /** While in the future, a process is delivering this row; once past, anyone may claim it again. */
  claimedUntil: number | null;
}

export interface DeliveryRecord {
  id: number;
  ticket_id: string;
  sink: string;
  attempts: number;
  next_attempt_at: number;
  delivered_at: number | null;
  last_error: string | null;
  last_error_code: string | null;
  claimed_until: number | null;
}

export const DELIVERY_COLUMNS = 'id, ticket_id, sink, attempts, next_attempt_at, delivered_at, last_error, last_error_code, claimed_until';

/** Longest failure message kept; a misbehaving receiver can answer with anything. */
export const MAX_ERROR_LENGTH = 500;

interface ClaimParams {
  now: number;
  claimedUntil: number;
  sinks: string;
  limit: number;
}

export interface ClaimRequest {
  now: number;
  /** How long the claim holds before another process may take the row over. */
  claimMs: number;
  /** Only rows for these sinks: a sink that is not configured must not eat its rows. */
  sinks: readonly string[];
  limit: number;
}

/** The outbox as the ticket store offers it, whatever the database. */
export interface DeliveryQueue {
  /** Claims up to `limit` due rows until now + claimMs, oldest first; rows claimed by another instance are skipped. */
  claimDue(request: ClaimRequest): Promise<Delivery[]>;
  markDelivered(rowId: number, at: number): Promise<void>;
  markFailed(rowId: number, failure: { code: string; message: string; nextAttemptAt: number }): Promise<void>;
  forTicket(ticketId: string): Promise<Delivery[]>;
  /** Undelivered rows per sink. */
  pending(): Promise<Array<{ sink: string; count: number }>>;
  /** Per sink with undelivered rows, when the oldest of them was queued (its ticket opened), epoch ms. */
  oldestPending(): Promise<Array<{ sink: string; since: number }>>;
}

/**
 * The outbox table's queries. Every change is one statement, so each is atomic on its own: a claim
 * cannot be half-taken by two processes, and a delivery is marked only after the sink succeeded.
 */
export class DeliveryRows implements DeliveryQueue {
  private readonly claim: Database.Statement<[ClaimParams], DeliveryRecord>;
  private readonly delivered: Database.Statement<[{ rowId: number; at: number }]>;
  private readonly failed: Database.Statement<[{ rowId: number; message: string; code: string; nextAttemptAt: number }]>;
  private readonly forTicketQuery: Database.Statement<[string], DeliveryRecord>;
  private readonly pendingQuery: Database.Statement<[], { sink: string; count: number }>;
  private readonly oldestPendingQuery: Database.Statement<[], { sink: string; since: number }>;

  constructor(db: Database.Database) {
    this.claim = db.prepare(
      `UPDATE outbox SET claimed_until = @claimedUntil
       WHERE id IN (
         SELECT id FROM outbox
         WHERE delivered_at IS NULL AND next_attempt_at <= @now
           AND (claimed_until IS NULL OR claimed_until <= @now)
           AND sink IN (SELECT value FROM json_each(@sinks))
         ORDER BY next_attempt_at, id
         LIMIT @limit)
       RETURNING ${DELIVERY_COLUMNS}`,
    );
    this.delivered = db.prepare(
      `UPDATE outbox SET delivered_at = @at, attempts = attempts + 1, claimed_until = NULL
       WHERE id = @rowId AND delivered_at IS NULL`,
    );
    this.failed = db.prepare(
      `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = @nextAttemptAt, last_error = @message,
         last_error_code = @code, claimed_until = NULL
       WHERE id = @rowId AND delivered_at IS NULL`,
    );
    this.forTicketQuery = db.prepare(`SELECT ${DELIVERY_COLUMNS} FROM outbox WHERE ticket_id = ? ORDER BY id`);
    this.pendingQuery = db.prepare(
      'SELECT sink, count(*) AS count FROM outbox WHERE delivered_at IS NULL GROUP BY sink ORDER BY sink',
    );
    // Rows are inserted with their ticket, so the ticket's created_at is when a row was queued.
    this.oldestPendingQuery = db.prepare(
      `SELECT o.sink AS sink, min(t.created_at) AS since FROM outbox o JOIN tickets t ON t.id = o.ticket_id
       WHERE o.delivered_at IS NULL GROUP BY o.sink ORDER BY o.sink`,
    );
  }

  async claimDue({ now, claimMs, sinks, limit }: ClaimRequest): Promise<Delivery[]> {
    return this.claim.all({ now, claimedUntil: now + claimMs, sinks: JSON.stringify(sinks), limit }).map(toDelivery);
  }

  async markDelivered(rowId: number, at: number): Promise<void> {
    this.delivered.run({ rowId, at });
  }

  async markFailed(rowId: number, failure: { code: string; message: string; nextAttemptAt: number }): Promise<void> {
    const { code, nextAttemptAt } = failure;
    this.failed.run({ rowId, code, nextAttemptAt, message: failure.message.slice(0, MAX_ERROR_LENGTH) });
  }

  async forTicket(ticketId: string): Promise<Delivery[]> {
    return this.forTicketQuery.all(ticketId).map(toDelivery);
  }

  async pending(): Promise<Array<{ sink: string; count: number }>> {
    return this.pendingQuery.all();
  }

  async oldestPending(): Promise<Array<{ sink: string; since: number }>> {
    return this.oldestPendingQuery.all();
  }
}

export function toDelivery(row: DeliveryRecord): Delivery {
  return {
    rowId: row.id,
    ticketId: row.ticket_id,
    sink: row.sink,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    lastError: row.last_error,
    lastErrorCode: row.last_error_code,
    claimedUntil: row.claimed_until,
  };
}
