import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { sendError } from '../server/sendError';
import { Actor, MessageText, TICKET_STATUSES, TicketStatus, type TicketLifecycle } from './lifecycle';
import { runOncePerKey } from './idempotency';
import type { ReplyOutcome, TicketActions } from './ticketActions';
import { TicketId, type Ticket } from './ticket';
import type { StoredResponse, TicketStore } from './ticketStore';

export interface LifecycleRoutesOptions {
  store: TicketStore;
  actions: TicketActions;
  /** The token and rate-limit check every tickets route makes first (api.ts); false when it has answered. */
  authorized(req: Request, res: Response): boolean;
}

const ReplyRequest = z.object({ text: MessageText, by: Actor });
const StatusRequest = z.object({
  status: z.string({ error: `must be one of: ${TICKET_STATUSES.join(', ')}` }).pipe(TicketStatus),
  by: Actor,
  note: MessageText.optional(),
});

/**
 * A recruiter acts on a ticket: POST /api/tickets/:id/reply sends their message to the candidate's
 * chat and email (202, with which routes worked); POST /api/tickets/:id/status moves it along
 * (200, with the ticket). Both honour an Idempotency-Key, so a helpdesk retrying sends nothing twice.
 */
export function registerLifecycleRoutes(server: Server, { store, actions, authorized }: LifecycleRoutesOptions): void {
  /** The ticket named in the path, or a 404 already sent. */
  async function ticketOf(req: Request, res: Response): Promise<Ticket | undefined> {
    const id = String((req.params as { id?: unknown } | undefined)?.id ?? '').toUpperCase();
    const ticket = TicketId.safeParse(id).success ? await store.get(id) : undefined;
    if (!ticket) sendError(res, 404, 'not_found', `There is no ticket ${TicketId.safeParse(id).success ? id : 'with that id'}.`);
    return ticket;
  }

  server.post('/api/tickets/:id/reply', async function replyToCandidate(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const ticket = await ticketOf(req, res);
    if (!ticket) return;
    const parsed = parseBody(ReplyRequest, req.body);
    if (!parsed.ok) return sendError(res, 400, 'bad_request', 'The body must be JSON: { "text": "your message", "by": "your name" }.', parsed.problems);

    await runOncePerKey(req, res, { store, ticketId: ticket.id, action: 'reply', input: parsed.value }, async (key) => {
      let answered: StoredResponse | undefined;
      const respond = (outcome: ReplyOutcome) => (answered = replyResponse(ticket.id, outcome));
      const outcome = await actions.reply(ticket, parsed.value, key === undefined ? undefined : { key, respond });
      if (!outcome) return { status: 404, body: { error: 'not_found', message: `There is no ticket ${ticket.id}.` } };
      return answered ?? replyResponse(ticket.id, outcome);
    });
  });

  server.post('/api/tickets/:id/status', async function changeTicketStatus(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const ticket = await ticketOf(req, res);
    if (!ticket) return;
    const parsed = parseBody(StatusRequest, req.body);
    if (!parsed.ok) {
      return sendError(res, 400, 'bad_request', `The body must be JSON: { "status": one of ${TICKET_STATUSES.join(', ')}, "by": "your name", "note": optional }.`, parsed.problems);
    }

    await runOncePerKey(req, res, { store, ticketId: ticket.id, action: 'status', input: parsed.value }, async (key) => {
      const deliveries = await store.deliveryStatus(ticket.id);
      let answered: StoredResponse | undefined;
      const respond = (lifecycle: TicketLifecycle) => (answered = { status: 200, body: ticketView(ticket, lifecycle, deliveries) });
      const lifecycle = await actions.changeStatus(ticket.id, parsed.value, key === undefined ? undefined : { key, respond });
      if (!lifecycle) return { status: 404, body: { error: 'not_found', message: `There is no ticket ${ticket.id}.` } };
      return answered ?? { status: 200, body: ticketView(ticket, lifecycle, deliveries) };
    });
  });
}

/** A ticket as GET /api/tickets/:id shows it: what was filed, where it stands, what happened, how its deliveries went. */
export function ticketView(ticket: Ticket, { status, history }: TicketLifecycle, deliveries: unknown[]) {
  return { ticket, status, history, deliveries };
}

function replyResponse(id: string, { lifecycle, delivered, failed }: ReplyOutcome): StoredResponse {
  return { status: 202, body: { id, status: lifecycle.status, delivered, failed } };
}

function parseBody<T extends z.ZodType>(schema: T, body: unknown): { ok: true; value: z.output<T> } | { ok: false; problems: string[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problems: ['the body is not a JSON object (send Content-Type: application/json)'] };
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`) };
}
