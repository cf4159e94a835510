import type { Delivery, DeliveryQueue } from './store/deliveryRows';
import type { Ticket, TicketDraftInput } from './ticket';

export interface OpenedTicket {
  ticket: Ticket;
  /** False when this conversation already had a ticket on this topic, which is returned instead. */
  created: boolean;
}

/** A line of the ticket list: enough to pick one out, plus how its deliveries are going. */
export interface TicketSummary {
  id: string;
  createdAt: string;
  topic: string;
  channel: string;
  position: string;
  company: string;
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
  /**
   * Saves a ticket and one outbox row per sink, in one transaction. Opening again for the same
   * conversation and topic (even concurrently, from another instance) returns the first ticket, with
   * no new rows. Rejects with a ZodError for a draft of the wrong shape.
   */
  openTicket(draft: TicketDraftInput, sinks: readonly string[]): Promise<OpenedTicket>;
  /** Ids of the tickets a conversation opened since `since`, newest first (for the per-hour cap). */
  openedSince(conversationKey: string, since: Date): Promise<string[]>;
  get(id: string): Promise<Ticket | undefined>;
  /** Newest first. */
  list(page?: { limit?: number; offset?: number }): Promise<TicketSummary[]>;
  deliveryStatus(ticketId: string): Promise<DeliveryStatus[]>;
  /** Adds a Teams conversation to those that receive tickets, or refreshes its reference. */
  registerRecruiterChannel(key: string, reference: Record<string, unknown>): Promise<void>;
  unregisterRecruiterChannel(key: string): Promise<boolean>;
  recruiterChannels(): Promise<RecruiterChannel[]>;
  /** Deletes tickets created before `date`, with their outbox rows (retention). */
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
