import { failureKindForStatus, parseRetryAfter, SinkError, type TicketSink } from '../sink';
import { inertJson } from '../neutralise';
import { summarySentence } from '../summarySentence';
import type { Ticket } from '../ticket';
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
  return {
    name,
    async deliver(ticket: Ticket): Promise<void> {
      // The data stays exactly as stored (receivers render it their own way); only its bytes are made
      // inert, so a receiver that logs or prints the raw body shows no bidi or invisible characters.
      const body = inertJson({ type: 'ticket.created', summary: summarySentence(ticket), ticket } satisfies TicketWebhookBody);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Signature': signWebhookBody(body, secret),
            'Idempotency-Key': ticket.id,
            'X-Ticket-Id': ticket.id,
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
