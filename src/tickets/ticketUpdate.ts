import type { HistoryEvent, TicketStatus } from './lifecycle';
import type { Ticket } from './ticket';

/**
 * Something happened to a ticket the recruiter already has (today: the candidate wrote again, or
 * marked it resolved). Sinks pass it on where the ticket reached the recruiter: `ticket.updated`.
 */
export interface TicketUpdate {
  /** The history event just added. */
  event: HistoryEvent;
  /** The ticket's status after it. */
  status: TicketStatus;
}

/** The update in a few plain lines, for an email or a Teams message: which ticket, what the candidate did, where it stands. */
export function updateText(ticket: Ticket, { event, status }: TicketUpdate): string {
  const what =
    event.type === 'candidate-reply'
      ? `The candidate wrote about ticket ${ticket.id}:\n\n${event.text ?? ''}`
      : event.type === 'status-changed'
        ? `Ticket ${ticket.id} was marked ${event.status ?? status} by the ${event.by}${event.text ? `: ${event.text}` : '.'}`
        : `Ticket ${ticket.id}: ${event.type} by ${event.by}.`;
  return `${what}\n\nStatus: ${status}.`;
}

/** Unique per event, the same on a retry: what the receiver deduplicates on. */
export function updateKey(ticket: Ticket, { event }: TicketUpdate): string {
  return `${ticket.id}:${event.type}:${Date.parse(event.at)}`;
}
