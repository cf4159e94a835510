import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteDatabase } from '../../storage/sqliteDatabase';
import { eraseDeletedTraces } from '../../storage/eraseTraces';
import { watchFileIdentity, type FileIdentity } from '../../storage/fileIdentity';
import { ensurePrivateDir } from '../../storage/privateFiles';
import { formatTicketId, Ticket, TicketDraft, type TicketDraftInput } from '../ticket';
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
import { createdEvent, type TicketLifecycle } from '../lifecycle';
import { DeliveryRows } from './deliveryRows';
import { InsightRows } from './insightRows';
import { TICKET_MIGRATIONS } from './sqliteSchema';
import { ticketNumberFloor } from './ticketNumberFloor';

export const TICKETS_FILE = 'tickets.sqlite';

export interface TicketStoreOptions {
  /** Database file; created (with its schema) if missing. */
  file: string;
  /** How long a write waits for another process's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  now?: () => Date;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Tickets, their outbox and the recruiter channels, in one SQLite file beside the conversation state.
 * Opening a ticket is one transaction: the ticket and one outbox row per sink are saved together or
 * not at all, so a ticket that exists is a ticket that will be delivered.
 */
export class SqliteTicketStore implements TicketStore {
  readonly file: string;
  /** The outbox rows; used by the outbox (delivery) and by the API and CLI to show progress. */
  readonly deliveries: DeliveryRows;
  /** The insight events; purged with the tickets. */
  readonly insights: InsightRows;
  private readonly db: Database.Database;
  private readonly identity: FileIdentity;
  private readonly now: () => Date;
  private readonly openInTransaction: (draft: TicketDraft, sinks: readonly string[]) => OpenedTicket;
  private readonly selectBody: Database.Statement<[string], string>;
  private readonly selectActive: Database.Statement<[string], { id: string; topic: string; status: string }>;
  private readonly selectSummaries: Database.Statement<[number, number], SummaryRecord>;
  private readonly upsertChannel: Database.Statement<[string, string, number]>;
  private readonly deleteChannel: Database.Statement<[string]>;
  private readonly selectChannels: Database.Statement<[], RecruiterChannelRecord>;
  private readonly purgeInTransaction: (before: number) => PurgeResult & { insights: number };
  private readonly selectRecent: Database.Statement<[string, number], { id: string }>;
  private readonly readLifecycle: (ticketId: string) => TicketLifecycle | undefined;
  private readonly changeInTransaction: (ticketId: string, change: LifecycleChange) => TicketLifecycle | undefined;
  private readonly claimInTransaction: (ticketId: string, key: string, fingerprint: string, holdMs: number) => RequestClaim;

  constructor({ file, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS, now = () => new Date() }: TicketStoreOptions) {
    this.file = file;
    this.now = now;
    const db = openSqliteDatabase(file, 'Ticket database', busyTimeoutMs, TICKET_MIGRATIONS);
    this.db = db;
    this.identity = watchFileIdentity(file, 'Ticket database');
    this.deliveries = new DeliveryRows(db);
    this.insights = new InsightRows(db);

    const selectExisting = db
      .prepare<[string, string], string>('SELECT body FROM tickets WHERE conversation_key = ? AND topic = ?')
      .pluck();
    // Never behind the clock (see ticketNumberFloor), so a wiped file never hands out a used id again.
    const nextNumber = db
      .prepare<[number], number>('UPDATE ticket_counter SET last = max(last + 1, ?) WHERE id = 1 RETURNING last')
      .pluck();
    const insertTicket = db.prepare<[string, number, number, string, string, string, string]>(
      'INSERT INTO tickets (id, seq, created_at, conversation_key, topic, channel, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertDelivery = db.prepare<[string, string, number]>(
      'INSERT INTO outbox (ticket_id, sink, next_attempt_at) VALUES (?, ?, ?)',
    );
    const insertEvent = db.prepare<[string, number, string]>('INSERT INTO ticket_events (ticket_id, at, event) VALUES (?, ?, ?)');
    const appendEvent = (ticketId: string, event: Parameters<typeof toHistoryRecord>[0]) => {
      const { at, event: json } = toHistoryRecord(event);
      insertEvent.run(ticketId, at, json);
    };
    const open = db.transaction((draft: TicketDraft, sinks: readonly string[]): OpenedTicket => {
      const existing = selectExisting.get(draft.conversationKey, draft.topic);
      if (existing !== undefined) return { ticket: Ticket.parse(JSON.parse(existing)), created: false };
      const createdAt = this.now();
      const number = nextNumber.get(ticketNumberFloor(createdAt))!;
      const ticket: Ticket = { id: formatTicketId(number), createdAt: createdAt.toISOString(), ...draft };
      const { id, conversationKey, topic, channel } = ticket;
      insertTicket.run(id, number, createdAt.getTime(), conversationKey, topic, channel, JSON.stringify(ticket));
      for (const sink of new Set(sinks)) insertDelivery.run(id, sink, createdAt.getTime());
      appendEvent(id, createdEvent(ticket.createdAt));
      return { ticket, created: true };
    });
    // IMMEDIATE takes the write lock before the dedupe check: with a deferred transaction two
    // processes could both find no ticket, and the second would fail on the unique index.
    this.openInTransaction = (draft, sinks) => open.immediate(draft, sinks);

    this.selectBody = db.prepare<[string], string>('SELECT body FROM tickets WHERE id = ?').pluck();
    this.selectActive = db.prepare<[string], { id: string; topic: string; status: string }>(
      `SELECT id, topic, status FROM tickets WHERE conversation_key = ? AND status NOT IN (${FINISHED_STATUSES.map((s) => `'${s}'`).join(', ')}) ORDER BY seq DESC LIMIT 1`,
    );

    const selectStatus = db.prepare<[string], string>('SELECT status FROM tickets WHERE id = ?').pluck();
    const selectEvents = db.prepare<[string], HistoryRecord>('SELECT at, event FROM ticket_events WHERE ticket_id = ? ORDER BY id');
    this.readLifecycle = (ticketId) => {
      const status = selectStatus.get(ticketId);
      return status === undefined ? undefined : toLifecycle(status, selectEvents.all(ticketId));
    };
    const updateStatus = db.prepare<[string, string]>('UPDATE tickets SET status = ? WHERE id = ?');
    const answerRequest = db.prepare<[string, string, string]>('UPDATE ticket_requests SET response = ?, claimed_until = NULL WHERE ticket_id = ? AND key = ?');
    const change = db.transaction((ticketId: string, { events, status, answer }: LifecycleChange): TicketLifecycle | undefined => {
      if (selectStatus.get(ticketId) === undefined) return undefined;
      for (const event of events) appendEvent(ticketId, event);
      if (status !== undefined) updateStatus.run(status, ticketId);
      if (answer) answerRequest.run(JSON.stringify(answer.response), ticketId, answer.key);
      return this.readLifecycle(ticketId);
    });
    this.changeInTransaction = (ticketId, lifecycleChange) => change.immediate(ticketId, lifecycleChange);

    const selectRequest = db.prepare<[string, string], { fingerprint: string; response: string | null; claimed_until: number | null }>(
      'SELECT fingerprint, response, claimed_until FROM ticket_requests WHERE ticket_id = ? AND key = ?',
    );
    const upsertClaim = db.prepare<[string, string, string, number]>(
      'INSERT INTO ticket_requests (ticket_id, key, fingerprint, claimed_until) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (ticket_id, key) DO UPDATE SET claimed_until = excluded.claimed_until',
    );
    const claim = db.transaction((ticketId: string, key: string, fingerprint: string, holdMs: number): RequestClaim => {
      const now = this.now().getTime();
      const outcome = claimOutcome(selectRequest.get(ticketId, key), fingerprint, now);
      if (outcome !== 'reclaim' && outcome.state !== 'claimed') return outcome;
      upsertClaim.run(ticketId, key, fingerprint, now + holdMs);
      return { state: 'claimed' };
    });
    this.claimInTransaction = (ticketId, key, fingerprint, holdMs) => claim.immediate(ticketId, key, fingerprint, holdMs);
    this.selectRecent = db.prepare<[string, number], { id: string }>(
      'SELECT id FROM tickets WHERE conversation_key = ? AND created_at >= ? ORDER BY seq DESC',
    );
    this.selectSummaries = db.prepare<[number, number], SummaryRecord>(
      `SELECT t.id, t.created_at, t.topic, t.channel, t.status,
         json_extract(t.body, '$.job.position') AS position, json_extract(t.body, '$.job.company') AS company,
         (SELECT json_group_array(json_object('sink', o.sink, 'attempts', o.attempts, 'deliveredAt', o.delivered_at,
                   'nextAttemptAt', o.next_attempt_at, 'lastError', o.last_error))
            FROM outbox o WHERE o.ticket_id = t.id) AS deliveries
       FROM tickets t ORDER BY t.seq DESC LIMIT ? OFFSET ?`,
    );

    this.upsertChannel = db.prepare(
      'INSERT INTO recruiter_channels (key, reference, registered_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, registered_at = excluded.registered_at',
    );
    this.deleteChannel = db.prepare('DELETE FROM recruiter_channels WHERE key = ?');
    this.selectChannels = db.prepare('SELECT key, reference, registered_at FROM recruiter_channels ORDER BY registered_at, key');

    const countUndelivered = db
      .prepare<[number], number>(
        `SELECT count(DISTINCT t.id) FROM tickets t JOIN outbox o ON o.ticket_id = t.id
         WHERE t.created_at < ? AND o.delivered_at IS NULL`,
      )
      .pluck();
    const deleteDeliveries = db.prepare<[number]>(
      'DELETE FROM outbox WHERE ticket_id IN (SELECT id FROM tickets WHERE created_at < ?)',
    );
    const deleteHistory = db.prepare<[number]>('DELETE FROM ticket_events WHERE ticket_id IN (SELECT id FROM tickets WHERE created_at < ?)');
    const deleteRequests = db.prepare<[number]>('DELETE FROM ticket_requests WHERE ticket_id IN (SELECT id FROM tickets WHERE created_at < ?)');
    const deleteTickets = db.prepare<[number]>('DELETE FROM tickets WHERE created_at < ?');
    const deleteInsights = db.prepare<[number]>('DELETE FROM insight_events WHERE at < ?');
    const purge = db.transaction((before: number): PurgeResult & { insights: number } => {
      const undelivered = countUndelivered.get(before)!;
      deleteDeliveries.run(before);
      deleteHistory.run(before);
      deleteRequests.run(before);
      const insights = deleteInsights.run(before).changes;
      return { tickets: deleteTickets.run(before).changes, undelivered, insights };
    });
    this.purgeInTransaction = (before) => purge.immediate(before);
  }

  async openTicket(draft: TicketDraftInput, sinks: readonly string[]): Promise<OpenedTicket> {
    const parsed = TicketDraft.parse(draft);
    // A ticket saved into a deleted file would be "accepted" and then lost: refuse it instead.
    const problem = this.identity.problem();
    if (problem) throw new Error(problem);
    return this.openInTransaction(parsed, sinks);
  }

  async openedSince(conversationKey: string, since: Date): Promise<string[]> {
    return this.selectRecent.all(conversationKey, since.getTime()).map((row) => row.id);
  }

  async activeTicket(conversationKey: string): Promise<ActiveTicket | undefined> {
    const row = this.selectActive.get(conversationKey);
    return row && { id: row.id, topic: row.topic, status: asStatus(row.status) };
  }

  async get(id: string): Promise<Ticket | undefined> {
    const body = this.selectBody.get(id);
    return body === undefined ? undefined : Ticket.parse(JSON.parse(body));
  }

  async list({ limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}): Promise<TicketSummary[]> {
    return this.selectSummaries.all(Math.max(0, Math.floor(limit)), Math.max(0, Math.floor(offset))).map(toSummary);
  }

  async deliveryStatus(ticketId: string): Promise<DeliveryStatus[]> {
    return (await this.deliveries.forTicket(ticketId)).map(toStatus);
  }

  async lifecycle(ticketId: string): Promise<TicketLifecycle | undefined> {
    return this.readLifecycle(ticketId);
  }

  async changeLifecycle(ticketId: string, change: LifecycleChange): Promise<TicketLifecycle | undefined> {
    return this.changeInTransaction(ticketId, change);
  }

  async claimRequest(ticketId: string, key: string, fingerprint: string, holdMs: number): Promise<RequestClaim> {
    return this.claimInTransaction(ticketId, key, fingerprint, holdMs);
  }

  async registerRecruiterChannel(key: string, reference: Record<string, unknown>): Promise<void> {
    this.upsertChannel.run(key, JSON.stringify(reference), this.now().getTime());
  }

  async unregisterRecruiterChannel(key: string): Promise<boolean> {
    return this.deleteChannel.run(key).changes > 0;
  }

  async recruiterChannels(): Promise<RecruiterChannel[]> {
    return this.selectChannels.all().map(toRecruiterChannel);
  }

  async purgeOlderThan(date: Date): Promise<PurgeResult> {
    const { insights, ...purged } = this.purgeInTransaction(date.getTime());
    // Retention is erasure: nothing of a purged ticket (or insight event) may stay readable in the -wal file.
    if (purged.tickets > 0 || insights > 0) eraseDeletedTraces(this.db);
    return purged;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** Opens (creating if needed) `dataDir/tickets.sqlite`, creating `dataDir` too. */
export function openTicketStore(dataDir: string, options: Omit<TicketStoreOptions, 'file'> = {}): SqliteTicketStore {
  ensurePrivateDir(dataDir);
  return new SqliteTicketStore({ ...options, file: path.join(dataDir, TICKETS_FILE) });
}

