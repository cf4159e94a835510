import { z } from 'zod';
import { clip } from '../clip';
import { neutraliseLine, neutraliseText } from './neutralise';

/**
 * Where a ticket stands, and what happened to it since it was opened. The ticket itself (./ticket.ts)
 * is what the candidate filed and never changes; its lifecycle is kept beside it.
 */

/** The order a ticket usually goes through; any status may follow any other (a candidate writes again, a ticket reopens). */
export const TICKET_STATUSES = ['open', 'in-progress', 'waiting-on-candidate', 'resolved', 'closed'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES, { error: `must be one of: ${TICKET_STATUSES.join(', ')}` });
export type TicketStatus = z.output<typeof TicketStatus>;

/** What a new ticket, and one opened before tickets had a status, starts as. */
export const INITIAL_STATUS: TicketStatus = 'open';

export const HISTORY_EVENT_TYPES = ['created', 'assigned', 'recruiter-reply', 'candidate-reply', 'status-changed', 'delivery-failed'] as const;
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

/** The ways a recruiter's reply reaches a candidate: their own chat, and the email address on the ticket. */
export const REPLY_ROUTES = ['chat', 'email'] as const;
export type ReplyRoute = (typeof REPLY_ROUTES)[number];

/** Who acted: a recruiter's name as they gave it, or "bot". One line, so a name can't fake a row in the CLI. */
export const Actor = z
  .string({ error: 'must be a string: who is acting, e.g. "Sam Recruiter"' })
  .transform((text) => clip(neutraliseLine(text), 100))
  .refine((text) => text.length > 0, 'must name who is acting, e.g. "Sam Recruiter"');

/** A recruiter's message or note, its lines kept and control characters shown. */
export const MessageText = z
  .string({ error: 'must be a string' })
  .transform((text) => clip(neutraliseText(text).trim(), 4000))
  .refine((text) => text.length > 0, 'must not be empty');

/** One entry of a ticket's history. `route`/`delivered` say where a reply went; `text` of a failure is a reason, never candidate data. */
export const HistoryEvent = z.object({
  at: z.iso.datetime({ offset: true }),
  by: z.string(),
  type: z.enum(HISTORY_EVENT_TYPES),
  text: z.string().optional(),
  /** The status a status change moved to. */
  status: TicketStatus.optional(),
  /** The route a delivery failure is about. */
  route: z.enum(REPLY_ROUTES).optional(),
  /** The routes a recruiter's reply reached. */
  delivered: z.array(z.enum(REPLY_ROUTES)).optional(),
});
export type HistoryEvent = z.output<typeof HistoryEvent>;

/** A ticket's status and its history, oldest event first. */
export interface TicketLifecycle {
  status: TicketStatus;
  history: HistoryEvent[];
}

/** The first event of every ticket. */
export function createdEvent(at: string): HistoryEvent {
  return { at, by: 'bot', type: 'created' };
}
