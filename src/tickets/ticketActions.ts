import { chatMessage, emailMessage, type CandidateEmail, type RecruiterReply } from './candidateMessage';
import type { HistoryEvent, ReplyRoute, TicketLifecycle, TicketStatus } from './lifecycle';
import type { StoredResponse, TicketStore } from './ticketStore';
import type { Ticket } from './ticket';
import type { Logger } from '../log';
import { shippedEmailTexts, type CandidateTexts } from './emailTexts';

/**
 * What a recruiter can do to a ticket, wherever they do it from (the tickets API today, a Teams
 * card): each action appends its events and changes the status in one step.
 */

/** The ways to reach a candidate, given by the wiring (src/app.ts); an absent one is reported as a failure. */
export interface CandidateRoutes {
  /** The bot layer's send into the candidate's own conversation (Teams, Web Chat); rejects when the channel refuses. */
  chat?: (reference: Record<string, unknown>, markdown: string) => Promise<void>;
  /** Emails the candidate; absent when SMTP is not configured. */
  email?: (mail: CandidateEmail) => Promise<void>;
}

export interface DeliveryFailure {
  route: ReplyRoute;
  /** Why, for the recruiter: a status or error code, never the candidate's data. */
  reason: string;
}

export interface ReplyOutcome {
  lifecycle: TicketLifecycle;
  delivered: ReplyRoute[];
  failed: DeliveryFailure[];
}

export interface StatusChange {
  status: TicketStatus;
  by: string;
  note?: string;
}

/** The response to remember under an Idempotency-Key, saved in the same step as the change it answers. */
export interface Answer<Outcome> {
  key: string;
  respond(outcome: Outcome): StoredResponse;
}

export interface TicketActions {
  /** Sends the reply by every route at once; the ticket waits on the candidate if any route reached them. */
  reply(ticket: Ticket, reply: RecruiterReply, answer?: Answer<ReplyOutcome>): Promise<ReplyOutcome | undefined>;
  /** `by` takes the ticket: an `assigned` event, and it is in progress. Taking it again changes nothing. */
  assign(ticketId: string, by: string): Promise<TicketLifecycle | undefined>;
  /** Moves the ticket to `status`; the same status again without a note changes nothing. */
  changeStatus(ticketId: string, change: StatusChange, answer?: Answer<TicketLifecycle>): Promise<TicketLifecycle | undefined>;
}

export interface TicketActionsOptions {
  store: Pick<TicketStore, 'lifecycle' | 'changeLifecycle'>;
  routes: CandidateRoutes;
  /** The candidate's words in every language (loadEmailTexts); the project's flows/email.yaml by default. */
  texts?: CandidateTexts;
  /** How long one route may take before it counts as failed. */
  routeTimeoutMs?: number;
  now?: () => Date;
  /** Told which routes a reply took; never who wrote or what. */
  log?: Pick<Logger, 'info' | 'warn'>;
}

const ROUTE_TIMEOUT_MS = 20_000;

export function createTicketActions({ store, routes, texts = shippedEmailTexts(), routeTimeoutMs = ROUTE_TIMEOUT_MS, now = () => new Date(), log }: TicketActionsOptions): TicketActions {
  async function sendBy(route: ReplyRoute, send: (() => Promise<void>) | string): Promise<DeliveryFailure | undefined> {
    if (typeof send === 'string') return { route, reason: send };
    try {
      await withTimeout(send(), routeTimeoutMs);
      return undefined;
    } catch (error) {
      return { route, reason: route === 'chat' ? chatFailure(error) : emailFailure(error) };
    }
  }

  return {
    async reply(ticket, reply, answer) {
      const before = await store.lifecycle(ticket.id);
      if (!before) return undefined;
      const replyNumber = before.history.filter((event) => event.type === 'recruiter-reply').length + 1;
      const reference = ticket.conversationReference;
      const attempts: Array<[ReplyRoute, (() => Promise<void>) | string]> = [
        [
          'chat',
          !routes.chat ? 'chat replies are not set up' : !isReachable(reference) ? 'the ticket has no conversation to reply in' : () => routes.chat!(reference, chatMessage(ticket, reply, texts)),
        ],
        ['email', routes.email ? () => routes.email!(emailMessage(ticket, reply, replyNumber, texts)) : 'email is not set up (SMTP_URL)'],
      ];
      const results = await Promise.all(attempts.map(([route, send]) => sendBy(route, send)));
      const failed = results.filter((failure): failure is DeliveryFailure => failure !== undefined);
      const delivered = attempts.map(([route]) => route).filter((route) => !failed.some((f) => f.route === route));

      const at = now().toISOString();
      const events: HistoryEvent[] = [
        { at, by: reply.by, type: 'recruiter-reply', text: reply.text, delivered },
        ...failed.map(({ route, reason }): HistoryEvent => ({ at, by: 'bot', type: 'delivery-failed', route, text: reason })),
      ];
      // A reply nobody received leaves the ticket where it was: nothing is waiting on the candidate.
      const status = delivered.length > 0 ? 'waiting-on-candidate' : undefined;
      const predicted: ReplyOutcome = { lifecycle: { status: status ?? before.status, history: [...before.history, ...events] }, delivered, failed };
      const lifecycle = await store.changeLifecycle(ticket.id, {
        events,
        status,
        answer: answer && { key: answer.key, response: answer.respond(predicted) },
      });
      const facts = { ticketId: ticket.id, delivered, failed };
      if (delivered.length > 0) log?.info(facts, 'recruiter reply sent to the candidate');
      else log?.warn(facts, 'recruiter reply reached the candidate by no route');
      return lifecycle && { lifecycle, delivered, failed };
    },

    async assign(ticketId, by) {
      const before = await store.lifecycle(ticketId);
      if (!before) return undefined;
      if (assigneeOf(before) === by && before.status === 'in-progress') return before;
      return store.changeLifecycle(ticketId, { events: [{ at: now().toISOString(), by, type: 'assigned' }], status: 'in-progress' });
    },

    async changeStatus(ticketId, { status, by, note }, answer) {
      const before = await store.lifecycle(ticketId);
      if (!before) return undefined;
      const events: HistoryEvent[] =
        before.status === status && note === undefined ? [] : [{ at: now().toISOString(), by, type: 'status-changed', status, ...(note !== undefined && { text: note }) }];
      const predicted: TicketLifecycle = { status, history: [...before.history, ...events] };
      return store.changeLifecycle(ticketId, { events, status, answer: answer && { key: answer.key, response: answer.respond(predicted) } });
    },
  };
}

/** Who took the ticket last, if anyone did. */
export function assigneeOf({ history }: TicketLifecycle): string | undefined {
  return history.findLast((event) => event.type === 'assigned')?.by;
}

/** A stored reference the bot can post to: it names the conversation and where its channel listens. */
function isReachable(reference: Record<string, unknown>): boolean {
  const conversation = reference.conversation as { id?: unknown } | undefined;
  return typeof reference.serviceUrl === 'string' && typeof conversation?.id === 'string';
}

/** What the channel said, in words a recruiter can act on. Teams answers 403/404 for a bot removed or a chat deleted; the local Direct Line 404 for a conversation it forgot. */
function chatFailure(error: unknown): string {
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (statusCode === 404) return "the candidate's chat no longer exists (HTTP 404)";
  if (statusCode === 403) return 'the chat refused the message (HTTP 403): the bot may have been removed';
  if (typeof statusCode === 'number') return `the chat answered HTTP ${statusCode}`;
  if (error instanceof RouteTimeout) return error.message;
  return `the chat could not be reached (${typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'})`;
}

/** The SMTP failure as the email sinks describe it (./smtp.ts): a code and status, no addresses. */
function emailFailure(error: unknown): string {
  return error instanceof Error ? error.message : 'sending the email failed';
}

class RouteTimeout extends Error {}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RouteTimeout(`no answer within ${Math.round(ms / 1000)} s (it may still arrive)`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
