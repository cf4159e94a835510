import type { Delivery, DeliveryQueue } from './store/deliveryRows';
import type { Ticket, TicketDraftInput } from './ticket';
import { INITIAL_STATUS, TicketStatus, type HistoryEvent, type TicketLifecycle } from './lifecycle';

export interface OpenedTicket {
  ticket: Ticket;
  /** False when this conversation already had a ticket on this topic, which is returned instead. */
  created: boolean;
}

/** A conversation's ticket still being worked on, as the candidate's next message needs it. */
export interface ActiveTicket {
  id: string;
  topic: string;
  status: TicketStatus;
}

/** A line of the ticket list: enough to pick one out, plus how its deliveries are going. */
export interface TicketSummary {
  id: string;
  createdAt: string;
  topic: string;
  channel: string;
  position: string;
  company: string;
  status: TicketStatus;
  deliveries: DeliveryStatus[];
}

export interface DeliveryStatus {
  sink: string;
  delivered: boolean;
  attempts: number;
  deliveredAt?: string;
  nextAttemptAt?: string;
  lastError?: string;
}

/** A Teams conversation that receives tickets; `reference` is a Bot Framework ConversationReference. */
export interface RecruiterChannel {
  key: string;
  reference: Record<string, unknown>;
  registeredAt: string;
}

/** What a request with an Idempotency-Key answered: kept with its ticket, so a retry gets it again, even after a restart. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * What claiming an Idempotency-Key found: `claimed`, go ahead (first use, or a claim whose holder
 * died); `answered`, send the stored response again; `in-flight`, another request with the key is
 * still running; `mismatch`, the key was used for a different request.
 */
export type RequestClaim =
  | { state: 'claimed' }
  | { state: 'answered'; response: StoredResponse }
  | { state: 'in-flight' }
  | { state: 'mismatch' };

/** A change to a ticket's lifecycle, saved in one transaction. */
export interface LifecycleChange {
  /** Appended in order. */
  events: HistoryEvent[];
  status?: TicketStatus;
  /** Completes a claimed Idempotency-Key with the response, together with the change it answers. */
  answer?: { key: string; response: StoredResponse };
}

/** One insight event as stored (src/insights/event.ts): no personal data; `fact` is its JSON ({ kind, … }). */
export interface InsightRow { conversation: string; at: number; fact: string }

/** The insight events, beside the tickets and under the same retention. */
export interface InsightLog {
  /** Appends rows in one transaction (an empty list does nothing). */
  append(rows: InsightRow[]): Promise<void>;
  /** Rows with from <= at <= to, oldest first; equal times in the order appended. */
  between(from: number, to: number): Promise<InsightRow[]>;
}

export interface PurgeResult {
  tickets: number;
  /** Of those, tickets some sink never received: retention wins, but the operator should know. */
  undelivered: number;
}

/**
 * Where tickets, their outbox and the recruiter channels are kept: SQLite (one instance) or
 * PostgreSQL (several instances on one database). Async, since a database server is a round trip away.
 */
/**
 * What the bot, the outbox, the API and the CLI need of wherever tickets live. Implemented beside
 * their schemas in src/tickets/store/: SQLite (on a thread of its own) and PostgreSQL.
 */
export interface TicketStore {
  /** The outbox rows; used by the outbox (delivery) and by the API and CLI to show progress. */
  readonly deliveries: DeliveryQueue;
  /** The insight events (what operators report outcomes from); purged with the tickets. */
  readonly insights: InsightLog;
  /**
   * Saves a ticket and one outbox row per sink, in one transaction. Opening again for the same
   * conversation and topic (even concurrently, from another instance) returns the first ticket, with
   * no new rows. Rejects with a ZodError for a draft of the wrong shape.
   */
  openTicket(draft: TicketDraftInput, sinks: readonly string[]): Promise<OpenedTicket>;
  /** Ids of the tickets a conversation opened since `since`, newest first (for the per-hour cap). */
  openedSince(conversationKey: string, since: Date): Promise<string[]>;
  /** The newest ticket of a conversation that is neither resolved nor closed: what the candidate's later messages are about. */
  activeTicket(conversationKey: string): Promise<ActiveTicket | undefined>;
  get(id: string): Promise<Ticket | undefined>;
  /** Newest first. */
  list(page?: { limit?: number; offset?: number }): Promise<TicketSummary[]>;
  deliveryStatus(ticketId: string): Promise<DeliveryStatus[]>;
  /** The ticket's status and history (its first event is `created`); undefined for an unknown ticket. */
  lifecycle(ticketId: string): Promise<TicketLifecycle | undefined>;
  /** Appends events and sets the status together; undefined (and nothing saved) for an unknown ticket. */
  changeLifecycle(ticketId: string, change: LifecycleChange): Promise<TicketLifecycle | undefined>;
  /**
   * Claims an Idempotency-Key of a ticket for `holdMs` (see RequestClaim). `fingerprint` identifies
   * the request, so one key can't be replayed for another. Completed by changeLifecycle's `answer`.
   */
  claimRequest(ticketId: string, key: string, fingerprint: string, holdMs: number): Promise<RequestClaim>;
  /** Adds a Teams conversation to those that receive tickets, or refreshes its reference. */
  registerRecruiterChannel(key: string, reference: Record<string, unknown>): Promise<void>;
  unregisterRecruiterChannel(key: string): Promise<boolean>;
  recruiterChannels(): Promise<RecruiterChannel[]>;
  /**
   * Deletes tickets created before `date`, with their outbox rows, history and stored responses, and
   * the insight events from before `date` (retention). `PurgeResult` counts the tickets only.
   */
  purgeOlderThan(date: Date): Promise<PurgeResult>;
  close(): Promise<void>;
}

export interface SummaryRecord {
  id: string;
  created_at: number;
  topic: string;
  channel: string;
  position: string | null;
  company: string | null;
  status: string;
  deliveries: string;
}

export function toSummary(row: SummaryRecord): TicketSummary {
  const deliveries = (JSON.parse(row.deliveries) as Array<Omit<Delivery, 'rowId' | 'ticketId' | 'lastErrorCode' | 'claimedUntil'>>)
    .sort((a, b) => a.sink.localeCompare(b.sink))
    .map(toStatus);
  return {
    id: row.id,
    createdAt: new Date(row.created_at).toISOString(),
    topic: row.topic,
    channel: row.channel,
    position: row.position ?? '',
    company: row.company ?? '',
    status: asStatus(row.status),
    deliveries,
  };
}

export function toStatus(d: Pick<Delivery, 'sink' | 'attempts' | 'deliveredAt' | 'nextAttemptAt' | 'lastError'>): DeliveryStatus {
  const status: DeliveryStatus = { sink: d.sink, delivered: d.deliveredAt !== null, attempts: d.attempts };
  if (d.deliveredAt !== null) status.deliveredAt = new Date(d.deliveredAt).toISOString();
  else status.nextAttemptAt = new Date(d.nextAttemptAt).toISOString();
  if (d.lastError !== null && d.deliveredAt === null) status.lastError = d.lastError;
  return status;
}

/** A row of `recruiter_channels`, as both databases return it. */
export interface RecruiterChannelRecord {
  key: string;
  reference: string;
  registered_at: number;
}

/** The one mapping of a `recruiter_channels` row (SQLite and PostgreSQL alike) to a RecruiterChannel. */
export function toRecruiterChannel(row: RecruiterChannelRecord): RecruiterChannel {
  return {
    key: row.key,
    reference: JSON.parse(row.reference) as Record<string, unknown>,
    registeredAt: new Date(row.registered_at).toISOString(),
  };
}

/** A row of `ticket_events`, as both databases return it: the event without its time, and the time. */
export interface HistoryRecord {
  at: number;
  event: string;
}

/** The one mapping of a ticket's status and event rows (SQLite and PostgreSQL alike) to its lifecycle. */
export function toLifecycle(status: string, rows: HistoryRecord[]): TicketLifecycle {
  return {
    status: asStatus(status),
    history: rows.map((row) => ({ at: new Date(Number(row.at)).toISOString(), ...(JSON.parse(row.event) as Omit<HistoryEvent, 'at'>) })),
  };
}

/** An event as stored: its time in a column of its own, the rest as JSON. */
export function toHistoryRecord({ at, ...event }: HistoryEvent): HistoryRecord {
  return { at: Date.parse(at), event: JSON.stringify(event) };
}

/** Statuses after which a ticket is done with: a candidate's new message starts a normal conversation. */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['resolved', 'closed'];

/** A status a newer build wrote reads as the initial one rather than failing the whole ticket. */
export function asStatus(value: string): TicketStatus {
  const parsed = TicketStatus.safeParse(value);
  return parsed.success ? parsed.data : INITIAL_STATUS;
}

/** What claiming a key found in its row; `undefined` when there was none. Both databases decide alike. */
export function claimOutcome(row: { fingerprint: string; response: string | null; claimed_until: number | null } | undefined, fingerprint: string, now: number): RequestClaim | 'reclaim' {
  if (!row) return { state: 'claimed' };
  if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
  if (row.response !== null) return { state: 'answered', response: JSON.parse(row.response) as StoredResponse };
  return row.claimed_until !== null && Number(row.claimed_until) > now ? { state: 'in-flight' } : 'reclaim';
}
