import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureLog } from './fixtures/captureLog';
import { aDraft, CANDIDATE_EMAIL, CANDIDATE_NAME, manualClock } from './fixtures/drafts';
import { startWebhookReceiver, type WebhookReceiver } from './fixtures/webhookReceiver';
import { createCandidateSide } from './candidateSide';
import { teamsSink, type TicketUpdateActivity } from './sinks/teamsSink';
import { webhookSink } from './sinks/webhookSink';
import { openTicketStore, type SqliteTicketStore } from './store/sqlite';

const SECRET = 'recruiter-shared-secret-0123456789';
const WORDS = 'the new link says expired too, my number is [phone number hidden]';

let dataDir: string;
let store: SqliteTicketStore;
let receiver: WebhookReceiver;
let logs: ReturnType<typeof captureLog>;
let channelMessages: TicketUpdateActivity[];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candidate-side-'));
  store = openTicketStore(dataDir, { now: manualClock().now });
  receiver = await startWebhookReceiver(SECRET);
  logs = captureLog();
  channelMessages = [];
});

afterEach(async () => {
  await store.close();
  await receiver.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Logs say which ticket and sink, never who the candidate is or what they wrote.
  for (const secret of [CANDIDATE_NAME, CANDIDATE_EMAIL, 'expired too']) expect(logs.raw()).not.toContain(secret);
});

function side() {
  const sinks = {
    webhook: webhookSink({ url: receiver.url, secret: SECRET }),
    teams: teamsSink({
      channels: async () => [{ key: 'team-a', reference: { conversation: { id: 'a' } } }],
      send: async () => {},
      sendUpdate: async (_reference, activity) => void channelMessages.push(activity),
    }),
  };
  return createCandidateSide({ store, sinks, log: logs.log });
}

/** A ticket the outbox has delivered to the sinks named. */
async function deliveredTo(...sinks: string[]) {
  const { ticket } = await store.openTicket(aDraft(), ['webhook', 'teams']);
  for (const row of await store.deliveries.forTicket(ticket.id)) if (sinks.includes(row.sink)) await store.deliveries.markDelivered(row.rowId, Date.now());
  return ticket;
}

test('the candidate\'s answer goes into the history and to every place the ticket reached the recruiter', async () => {
  const ticket = await deliveredTo('webhook', 'teams');
  const candidate = side();
  await candidate.replied(ticket.id, WORDS);
  await candidate.settled();

  expect((await store.lifecycle(ticket.id))?.history.at(-1)).toMatchObject({ by: 'candidate', type: 'candidate-reply', text: WORDS });
  const [request] = receiver.requests;
  expect(request).toMatchObject({ signatureValid: true, ticketIdHeader: ticket.id });
  expect(request!.idempotencyKey).toMatch(new RegExp(`^${ticket.id}:candidate-reply:\\d+$`));
  expect(JSON.parse(request!.rawBody)).toMatchObject({ type: 'ticket.updated', ticket: { id: ticket.id }, status: 'open', event: { type: 'candidate-reply', text: WORDS } });
  expect(channelMessages).toEqual([{ type: 'message', textFormat: 'plain', text: `The candidate wrote about ticket ${ticket.id}:\n\n${WORDS}\n\nStatus: open.` }]);
});

test('a sink that has not delivered the ticket yet gets no update ahead of it', async () => {
  const ticket = await deliveredTo('webhook');
  const candidate = side();
  await candidate.replied(ticket.id, WORDS);
  await candidate.settled();
  expect(receiver.requests).toHaveLength(1);
  expect(channelMessages).toEqual([]);
});

test('a ticket waiting on the candidate is the recruiter\'s to act on again once they answer', async () => {
  const ticket = await deliveredTo('webhook');
  await store.changeLifecycle(ticket.id, { events: [], status: 'waiting-on-candidate' });
  await side().replied(ticket.id, WORDS);
  expect((await store.lifecycle(ticket.id))?.status).toBe('open');
});

test('"it works now" marks the ticket resolved by the candidate, and the recruiter is told', async () => {
  const ticket = await deliveredTo('webhook', 'teams');
  const candidate = side();
  await candidate.resolved(ticket.id);
  await candidate.settled();
  const lifecycle = await store.lifecycle(ticket.id);
  expect(lifecycle?.status).toBe('resolved');
  expect(lifecycle?.history.at(-1)).toMatchObject({ by: 'candidate', type: 'status-changed', status: 'resolved' });
  expect(JSON.parse(receiver.requests[0]!.rawBody)).toMatchObject({ type: 'ticket.updated', status: 'resolved' });
  expect(channelMessages[0]?.text).toMatch(new RegExp(`^Ticket ${ticket.id} was marked resolved by the candidate`));
});

test('a helpdesk that refuses the update loses nothing: the history has it, the log says which sink failed', async () => {
  const ticket = await deliveredTo('webhook');
  receiver.answerWith({ status: 503 });
  const candidate = side();
  await candidate.replied(ticket.id, WORDS);
  await candidate.settled();
  expect((await store.lifecycle(ticket.id))?.history.map((e) => e.type)).toEqual(['created', 'candidate-reply']);
  expect(logs.lines()).toContainEqual(expect.objectContaining({ ticketId: ticket.id, sink: 'webhook', reason: 'the webhook answered HTTP 503' }));
});
