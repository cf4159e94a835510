import type { Request, Response, Server } from 'restify';
import { TicketId } from './ticket';
import type { RecruiterChannel, TicketStore } from './ticketStore';
import { parseRecruiterChannel } from './recruiterChannelReference';
import { bearerGuard } from '../server/bearerGuard';
import { sendError } from '../server/sendError';
import { registerLifecycleRoutes, ticketView } from './lifecycleRoutes';
import { createTicketActions, type TicketActions } from './ticketActions';

export interface TicketRoutesOptions {
  store: TicketStore;
  /** Bearer token recruiters' tools present; without one the routes are not registered at all. */
  token: string | undefined;
  /** What recruiters do to tickets (reply, change status); without routes to the candidate, every reply reports both routes failed. */
  actions?: TicketActions;
}

const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;

/**
 * GET /api/tickets (newest first; ?limit=&offset=) and GET /api/tickets/:id, for recruiters'
 * tools. Tickets hold candidates' personal data, hence the token and `Cache-Control: no-store`.
 * GET, POST /api/tickets/channels and DELETE /api/tickets/channels/:key: the conversations that
 * receive ticket cards, for operators (the only way to register one while requests aren't authenticated).
 * POST /api/tickets/:id/reply and /status: recruiters act on a ticket (lifecycleRoutes.ts).
 */
export function registerTicketRoutes(server: Server, { store, token, actions = createTicketActions({ store, routes: {} }) }: TicketRoutesOptions): void {
  if (!token) return;
  // Per address: a public endpoint whose token is worth guessing.
  const authorized = bearerGuard(token, { name: 'the tickets API token', perAddress: { burst: 30, perMinute: 60 } });

  server.get('/api/tickets', async function listTickets(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const limit = pageNumber(query.get('limit'), DEFAULT_PAGE, 1, MAX_PAGE);
    const offset = pageNumber(query.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
    if (limit === undefined || offset === undefined) {
      return sendError(res, 400, 'bad_request', `limit must be 1–${MAX_PAGE} and offset 0 or more.`);
    }
    res.header('Cache-Control', 'no-store');
    res.json(200, { tickets: await store.list({ limit, offset }), limit, offset });
  });

  server.get('/api/tickets/channels', async function listRecruiterChannels(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    res.header('Cache-Control', 'no-store');
    res.json(200, { channels: (await store.recruiterChannels()).map(describeChannel) });
  });

  server.post('/api/tickets/channels', async function registerRecruiterChannel(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const request = parseRecruiterChannel(req.body);
    if (!request.ok) {
      sendError(res, 400, 'bad_request', 'The body must be the conversation reference of the channel to post tickets in.', request.problems);
      return;
    }
    await store.registerRecruiterChannel(request.key, request.reference);
    res.json(201, { key: request.key });
  });

  server.del('/api/tickets/channels/:key', async function unregisterRecruiterChannel(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const key = String((req.params as { key?: unknown } | undefined)?.key ?? '');
    if (!(await store.unregisterRecruiterChannel(key))) return sendError(res, 404, 'not_found', 'No channel is registered under that key.');
    res.send(204);
  });

  server.get('/api/tickets/:id', async function showTicket(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const id = String((req.params as { id?: unknown } | undefined)?.id ?? '').toUpperCase();
    const ticket = TicketId.safeParse(id).success ? await store.get(id) : undefined;
    if (!ticket) return sendError(res, 404, 'not_found', `There is no ticket ${TicketId.safeParse(id).success ? id : 'with that id'}.`);
    const [lifecycle, deliveries] = await Promise.all([store.lifecycle(ticket.id), store.deliveryStatus(ticket.id)]);
    res.header('Cache-Control', 'no-store');
    res.json(200, ticketView(ticket, lifecycle ?? { status: 'open', history: [] }, deliveries));
  });

  registerLifecycleRoutes(server, { store, actions, authorized });
}

/** What an operator needs to recognise a channel; the stored reference stays on the server. */
function describeChannel({ key, reference, registeredAt }: RecruiterChannel) {
  const { channelId, conversation } = reference as { channelId?: string; conversation?: { id?: string; name?: string } };
  return { key, channelId, conversationId: conversation?.id, registeredAt };
}


function pageNumber(raw: string | null, fallback: number, min: number, max: number): number | undefined {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}
