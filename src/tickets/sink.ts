import type { Ticket } from './ticket';
import type { TicketUpdate } from './ticketUpdate';

/**
 * Somewhere a ticket is delivered: the recruiter's webhook, mailbox or Teams channel. `deliver`
 * resolves once the receiver has accepted the ticket and throws otherwise; it may be called again
 * for the same ticket (at-least-once), so receivers deduplicate on the ticket id.
 */
export interface TicketSink {
  name: string;
  deliver(ticket: Ticket): Promise<void>;
  /** Tells the recruiter what happened to a ticket this sink delivered (`ticket.updated`); throws a SinkError on failure. */
  update?(ticket: Ticket, update: TicketUpdate): Promise<void>;
}

/**
 * How a failed delivery should be retried:
 * - transient: the receiver is down or busy; back off exponentially.
 * - permanent: the receiver refused (a 4xx, bad credentials); it needs a person, so retry at the cap.
 * - waiting: nothing is wrong but the ticket has nowhere to go yet (no Teams channel registered).
 */
export type FailureKind = 'transient' | 'permanent' | 'waiting';

export interface SinkErrorDetails {
  /** Stable and short, for logs and for telling a new failure from a repeat: "http_503", "ECONNREFUSED". */
  code: string;
  kind: FailureKind;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A sink's failure. Its message is logged and stored with the outbox row, so sinks write it
 * themselves and never put candidate data (names, emails, what they typed) in it.
 */
export class SinkError extends Error {
  readonly code: string;
  readonly kind: FailureKind;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, { code, kind, status, retryAfterMs, cause }: SinkErrorDetails) {
    super(message, { cause });
    this.name = 'SinkError';
    this.code = code;
    this.kind = kind;
    if (status !== undefined) this.status = status;
    if (retryAfterMs !== undefined) this.retryAfterMs = retryAfterMs;
  }
}

/** Redirects and client errors fail the same way next time, except a timeout (408) and rate limiting (429). */
export function failureKindForStatus(status: number): FailureKind {
  return status >= 300 && status < 500 && status !== 408 && status !== 429 ? 'permanent' : 'transient';
}

/** Retry-After as seconds ("120") or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
