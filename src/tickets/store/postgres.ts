import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../../storage/postgresStore';
import { PostgresDeliveries } from './postgresDeliveries';
import { PostgresInsights } from './postgresInsights';
import { formatTicketId, Ticket, TicketDraft, type TicketDraftInput } from '../ticket';
import { createdEvent, type HistoryEvent, type TicketLifecycle } from '../lifecycle';
import {
  asStatus,
  claimOutcome,
  FINISHED_STATUSES,
  toHistoryRecord,
  toLifecycle,
  toRecruiterChannel,
  toStatus,
  toSummary,
  type ActiveTicket,
  type DeliveryStatus,
  type HistoryRecord,
  type LifecycleChange,
  type OpenedTicket,
  type PurgeResult,
  type RecruiterChannel,
  type RecruiterChannelRecord,
  type RequestClaim,
  type SummaryRecord,
  type TicketStore,
  type TicketSummary,
} from '../ticketStore';

export interface PostgresTicketStoreOptions {
  /** Shared with the state store; its owner ends it. The schema must be migrated (migratePostgres). */
  pool: Pool;
  now?: () => Date;
}

/**
 * Tickets, their outbox and the recruiter channels in PostgreSQL, for several bot instances on one
 * database. Ticket numbers come from a sequence (a number lost to a rolled-back open is skipped,
 * never reused); the unique (conversation_key, topic) index decides which of two concurrent opens
 * creates the ticket, and the other returns it.
 */
export class PostgresTicketStore implements TicketStore {
  readonly deliveries: PostgresDeliveries;
  /** The insight events; purged with the tickets. */
  readonly insights: PostgresInsights;
  private readonly pool: Pool;
  private readonly now: () => Date;

  constructor({ pool, now = () => new Date() }: PostgresTicketStoreOptions) {
    this.pool = pool;
    this.now = now;
    this.deliveries = new PostgresDeliveries(pool);
    this.insights = new PostgresInsights(pool);
  }

  async openTicket(input: TicketDraftInput, sinks: readonly string[]): Promise<OpenedTicket> {
    const draft = TicketDraft.parse(input);
    const existingBody = async (query: Pick<Pool, 'query'>) =>
      (await query.query<{ body: string }>('SELECT body FROM tickets WHERE conversation_key = $1 AND topic = $2', [draft.conversationKey, draft.topic]))
        .rows[0]?.body;
    // The common repeat needs no sequence number and no transaction.
    const found = await existingBody(this.pool);
    if (found !== undefined) return { ticket: Ticket.parse(JSON.parse(found)), created: false };

    return inTransaction(this.pool, async (client) => {
      const createdAt = this.now();
      const number = (await client.query<{ n: number }>("SELECT nextval('ticket_number') AS n")).rows[0]!.n;
      const ticket: Ticket = { id: formatTicketId(number), createdAt: createdAt.toISOString(), ...draft };
      const inserted = await client.query(
        `INSERT INTO tickets (id, seq, created_at, conversation_key, topic, channel, body) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (conversation_key, topic) DO NOTHING`,
        [ticket.id, number, createdAt.getTime(), ticket.conversationKey, ticket.topic, ticket.channel, JSON.stringify(ticket)],
      );
      if (inserted.rowCount === 0) {
        // Another instance opened it first and has committed (ON CONFLICT waited for it); READ
        // COMMITTED lets this statement see its row.
        const body = await existingBody(client);
        if (body === undefined) throw new Error('A concurrent ticket for this conversation and topic vanished; try again.');
        return { ticket: Ticket.parse(JSON.parse(body)), created: false };
      }
      const unique = [...new Set(sinks)];
      if (unique.length > 0) {
        await client.query('INSERT INTO outbox (ticket_id, sink, next_attempt_at) SELECT $1, unnest($2::text[]), $3', [
          ticket.id,
          unique,
          createdAt.getTime(),
        ]);
      }
      await appendEvent(client, ticket.id, createdEvent(ticket.createdAt));
      return { ticket, created: true };
    });
  }

  async openedSince(conversationKey: string, since: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM tickets WHERE conversation_key = $1 AND created_at >= $2 ORDER BY seq DESC',
      [conversationKey, since.getTime()],
    );
    return rows.map((row) => row.id);
  }

  async activeTicket(conversationKey: string): Promise<ActiveTicket | undefined> {
    const { rows } = await this.pool.query<{ id: string; topic: string; status: string }>(
      'SELECT id, topic, status FROM tickets WHERE conversation_key = $1 AND NOT (status = ANY($2)) ORDER BY seq DESC LIMIT 1',
      [conversationKey, FINISHED_STATUSES],
    );
    const row = rows[0];
    return row && { id: row.id, topic: row.topic, status: asStatus(row.status) };
  }

  async get(id: string): Promise<Ticket | undefined> {
    const { rows } = await this.pool.query<{ body: string }>('SELECT body FROM tickets WHERE id = $1', [id]);
    return rows[0] ? Ticket.parse(JSON.parse(rows[0].body)) : undefined;
  }

  async list({ limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}): Promise<TicketSummary[]> {
    const { rows } = await this.pool.query<SummaryRecord>(
      `SELECT t.id, t.created_at, t.topic, t.channel, t.status,
         t.body::json -> 'job' ->> 'position' AS position, t.body::json -> 'job' ->> 'company' AS company,
         (SELECT coalesce(json_agg(json_build_object('sink', o.sink, 'attempts', o.attempts, 'deliveredAt', o.delivered_at,
                   'nextAttemptAt', o.next_attempt_at, 'lastError', o.last_error)), '[]')::text
            FROM outbox o WHERE o.ticket_id = t.id) AS deliveries
       FROM tickets t ORDER BY t.seq DESC LIMIT $1 OFFSET $2`,
      [Math.max(0, Math.floor(limit)), Math.max(0, Math.floor(offset))],
    );
    return rows.map(toSummary);
  }

  async deliveryStatus(ticketId: string): Promise<DeliveryStatus[]> {
    return (await this.deliveries.forTicket(ticketId)).map(toStatus);
  }

  async lifecycle(ticketId: string): Promise<TicketLifecycle | undefined> {
    return readLifecycle(this.pool, ticketId);
  }

  async changeLifecycle(ticketId: string, { events, status, answer }: LifecycleChange): Promise<TicketLifecycle | undefined> {
    return inTransaction(this.pool, async (client) => {
      // The row lock orders concurrent changes of one ticket, so its history reads in the order they committed.
      const found = await client.query('SELECT 1 FROM tickets WHERE id = $1 FOR UPDATE', [ticketId]);
      if (found.rowCount === 0) return undefined;
      for (const event of events) await appendEvent(client, ticketId, event);
      if (status !== undefined) await client.query('UPDATE tickets SET status = $2 WHERE id = $1', [ticketId, status]);
      if (answer) {
        await client.query('UPDATE ticket_requests SET response = $3, claimed_until = NULL WHERE ticket_id = $1 AND key = $2', [
          ticketId,
          answer.key,
          JSON.stringify(answer.response),
        ]);
      }
      return readLifecycle(client, ticketId);
    });
  }

  async claimRequest(ticketId: string, key: string, fingerprint: string, holdMs: number): Promise<RequestClaim> {
    return inTransaction(this.pool, async (client) => {
      const now = this.now().getTime();
      // A new key inserts its claim at once; a known one is locked, so two retries can't both reclaim it.
      const inserted = await client.query(
        'INSERT INTO ticket_requests (ticket_id, key, fingerprint, claimed_until) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [ticketId, key, fingerprint, now + holdMs],
      );
      if (inserted.rowCount === 1) return { state: 'claimed' };
      const { rows } = await client.query<{ fingerprint: string; response: string | null; claimed_until: number | null }>(
        'SELECT fingerprint, response, claimed_until FROM ticket_requests WHERE ticket_id = $1 AND key = $2 FOR UPDATE',
        [ticketId, key],
      );
      const outcome = claimOutcome(rows[0], fingerprint, now);
      if (outcome !== 'reclaim') return outcome;
      await client.query('UPDATE ticket_requests SET claimed_until = $3 WHERE ticket_id = $1 AND key = $2', [ticketId, key, now + holdMs]);
      return { state: 'claimed' };
    });
  }

  async registerRecruiterChannel(key: string, reference: Record<string, unknown>): Promise<void> {
    await this.pool.query(
      `INSERT INTO recruiter_channels (key, reference, registered_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, registered_at = excluded.registered_at`,
      [key, JSON.stringify(reference), this.now().getTime()],
    );
  }

  async unregisterRecruiterChannel(key: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM recruiter_channels WHERE key = $1', [key])).rowCount ?? 0) > 0;
  }

  async recruiterChannels(): Promise<RecruiterChannel[]> {
    const { rows } = await this.pool.query<RecruiterChannelRecord>(
      'SELECT key, reference, registered_at FROM recruiter_channels ORDER BY registered_at, key',
    );
    return rows.map(toRecruiterChannel);
  }

  async purgeOlderThan(date: Date): Promise<PurgeResult> {
    const before = date.getTime();
    return inTransaction(this.pool, async (client) => {
      const undelivered = (
        await client.query<{ n: number }>(
          `SELECT count(DISTINCT t.id) AS n FROM tickets t JOIN outbox o ON o.ticket_id = t.id
           WHERE t.created_at < $1 AND o.delivered_at IS NULL`,
          [before],
        )
      ).rows[0]!.n;
      for (const table of ['outbox', 'ticket_events', 'ticket_requests']) {
        await client.query(`DELETE FROM ${table} WHERE ticket_id IN (SELECT id FROM tickets WHERE created_at < $1)`, [before]);
      }
      await client.query('DELETE FROM insight_events WHERE at < $1', [before]);
      const deleted = await client.query('DELETE FROM tickets WHERE created_at < $1', [before]);
      return { tickets: deleted.rowCount ?? 0, undelivered };
    });
  }

  /** The pool is shared with the state store; whoever created it ends it. */
  async close(): Promise<void> {}
}

async function appendEvent(client: PoolClient, ticketId: string, event: HistoryEvent): Promise<void> {
  const { at, event: json } = toHistoryRecord(event);
  await client.query('INSERT INTO ticket_events (ticket_id, at, event) VALUES ($1, $2, $3)', [ticketId, at, json]);
}

async function readLifecycle(query: Pick<Pool, 'query'>, ticketId: string): Promise<TicketLifecycle | undefined> {
  const ticket = (await query.query<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [ticketId])).rows[0];
  if (!ticket) return undefined;
  const { rows } = await query.query<HistoryRecord>('SELECT at, event FROM ticket_events WHERE ticket_id = $1 ORDER BY id', [ticketId]);
  return toLifecycle(ticket.status, rows);
}
