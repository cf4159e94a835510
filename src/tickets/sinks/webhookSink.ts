import { failureKindForStatus, parseRetryAfter, SinkError, type TicketSink } from '../sink';
import { inertJson } from '../neutralise';
import { summarySentence } from '../summarySentence';
import type { Ticket } from '../ticket';
import type { HistoryEvent, TicketStatus } from '../lifecycle';
import { updateKey, type TicketUpdate } from '../ticketUpdate';
import { signWebhookBody } from './webhookSignature';

export interface WebhookSinkOptions {
  url: string;
  /** Shared with the receiver, which checks X-Signature with verifyWebhookSignature. */
  secret: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  name?: string;
  now?: () => number;
}

/** What the receiver gets: the ticket in an envelope that says what happened to it. */
export interface TicketWebhookBody {
  type: 'ticket.created';
  /** The ticket in one plain sentence (no Markdown, no escapes), for a helpdesk's title or first line. */
  summary: string;
  ticket: Ticket;
}

/** The same envelope when something happened to a ticket already sent: the event (the candidate's words, masked) and the status after it. */
export interface TicketUpdatedWebhookBody {
  type: 'ticket.updated';
  summary: string;
  ticket: Ticket;
  status: TicketStatus;
  event: HistoryEvent;
}

/**
 * POSTs each ticket as signed JSON. A repeat carries the same Idempotency-Key (the ticket id), so
 * the receiver can drop it. Any answer but 2xx is a failure; Retry-After is honoured on 429 and 503.
 */
export function webhookSink({
  url,
  secret,
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
  name = 'webhook',
  now = Date.now,
}: WebhookSinkOptions): TicketSink {
  /** One signed POST; `key` is what a repeat of the same event carries again. */
  async function post(body: string, key: string, ticketId: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Signature': signWebhookBody(body, secret),
          'Idempotency-Key': key,
          'X-Ticket-Id': ticketId,
        },
        body,
        redirect: 'manual', // a moved endpoint is a configuration error to fix, not to follow
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const code = networkCode(err);
      throw new SinkError(`the webhook could not be reached (${code})`, { code, kind: 'transient', cause: err });
    }
    // Read the body to the end so the connection can be reused; its content is not needed.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return;
    const { status } = response;
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after'), now()) : undefined;
    throw new SinkError(`the webhook answered HTTP ${status}`, {
      code: `http_${status}`,
      kind: failureKindForStatus(status),
      status,
      retryAfterMs,
    });
  }

  return {
    name,
    async deliver(ticket: Ticket): Promise<void> {
      // The data stays exactly as stored (receivers render it their own way); only its bytes are made
      // inert, so a receiver that logs or prints the raw body shows no bidi or invisible characters.
      await post(inertJson({ type: 'ticket.created', summary: summarySentence(ticket), ticket } satisfies TicketWebhookBody), ticket.id, ticket.id);
    },
    async update(ticket: Ticket, update: TicketUpdate): Promise<void> {
      const body: TicketUpdatedWebhookBody = { type: 'ticket.updated', summary: summarySentence(ticket), ticket, status: update.status, event: update.event };
      await post(inertJson(body), updateKey(ticket, update), ticket.id);
    },
  };
}

/** "ECONNREFUSED", "timeout"…: fetch wraps the socket error in `cause`. */
function networkCode(err: unknown): string {
  // By name, not instanceof: the abort's DOMException may come from another realm.
  const { name, cause } = (err ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (typeof cause?.code === 'string') return cause.code;
  return typeof name === 'string' ? name : 'error';
}
