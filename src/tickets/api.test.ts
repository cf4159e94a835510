import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify, { type Server } from 'restify';
import { registerTicketRoutes } from './api';
import { aDraft, manualClock } from './fixtures/drafts';
import { openTicketStore } from './store/sqlite';
import type { TicketStore } from './ticketStore';

const TOKEN = 'recruiter-tools-token-0123456789';

let dataDir: string;
let store: TicketStore;
let server: Server;
let base: string;

async function listen(token: string | undefined): Promise<void> {
  server = restify.createServer({ handleUncaughtExceptions: false });
  // As the app's server does (src/server/httpServer.ts).
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  registerTicketRoutes(server, { store, token });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(pathname: string, token?: string): Promise<Response> {
  return fetch(base + pathname, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-api-'));
  const clock = manualClock();
  // Ticket numbers start at the clock's floor (seconds since 2025-01-01, see ticketNumberFloor): 2025-03-04 10:00 is 5392800.
  store = openTicketStore(dataDir, { now: clock.now });
  for (const key of ['one', 'two', 'three']) {
    await store.openTicket(aDraft({ conversationKey: key }), ['webhook']);
    clock.advance(1000);
  }
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a recruiter tool with the token lists tickets, newest first, and pages through them', async () => {
  await listen(TOKEN);
  const response = await get('/api/tickets?limit=2', TOKEN);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { tickets: Array<{ id: string }>; limit: number; offset: number };
  expect(body.tickets.map((t) => t.id)).toEqual(['CS-5392802', 'CS-5392801']);
  expect(body).toMatchObject({ limit: 2, offset: 0 });

  const next = (await (await get('/api/tickets?limit=2&offset=2', TOKEN)).json()) as { tickets: Array<{ id: string }> };
  expect(next.tickets.map((t) => t.id)).toEqual(['CS-5392800']);
});

test('a recruiter tool with the token reads a whole ticket and how its deliveries are going', async () => {
  await listen(TOKEN);
  const response = await get('/api/tickets/CS-5392801', TOKEN);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({
    ticket: (await store.get('CS-5392801')),
    status: 'open',
    history: [{ at: '2025-03-04T10:00:01.000Z', by: 'bot', type: 'created' }],
    deliveries: [expect.objectContaining({ sink: 'webhook', delivered: false, attempts: 0 })],
  });
});

test.each([
  ['no Authorization header', undefined],
  ['a wrong token', 'recruiter-tools-token-9999999999'],
  ['a prefix of the token', TOKEN.slice(0, 10)],
  ['an empty token', ''],
])('a request with %s is refused with 401 and told how to authenticate', async (_name, token) => {
  await listen(TOKEN);
  for (const pathname of ['/api/tickets', '/api/tickets/CS-5392800']) {
    const response = await get(pathname, token);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ error: 'unauthorized', message: expect.stringContaining('Bearer') });
  }
});

test.each([['CS-999999'], ['not-a-ticket']])('asking for a ticket that does not exist (%s) is a JSON 404', async (id) => {
  await listen(TOKEN);
  const response = await get(`/api/tickets/${id}`, TOKEN);
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: 'not_found', message: expect.any(String) });
});

test('a bad page size is a JSON 400', async () => {
  await listen(TOKEN);
  const response = await get('/api/tickets?limit=100000', TOKEN);
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: 'bad_request' });
});

test('without TICKETS_API_TOKEN the ticket routes do not exist at all', async () => {
  await listen(undefined);
  for (const token of [undefined, TOKEN]) {
    expect((await get('/api/tickets', token)).status).toBe(404);
    expect((await get('/api/tickets/CS-5392800', token)).status).toBe(404);
  }
});

test('guessing the token from one address is slowed down with 429 and Retry-After', async () => {
  await listen(TOKEN);
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 40; i++) {
    const response = await fetch(`${base}/api/tickets`, { headers: { authorization: `Bearer guess-${i}` } });
    statuses.push(response.status);
    if (response.status === 429) retryAfter = response.headers.get('retry-after');
  }
  expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
  expect(statuses).toContain(429);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
});

describe('operators choose the channels that get ticket cards', () => {
  const send = (method: string, pathname: string, body?: unknown, token = TOKEN) =>
    fetch(base + pathname, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const reference = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: '19:abc@thread.tacv2' } };

  test('with the token: register, list, remove', async () => {
    await listen(TOKEN);
    const created = await send('POST', '/api/tickets/channels', reference);
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ key: 'conversation/msteams/19:abc@thread.tacv2' });
    const listed = await (await get('/api/tickets/channels', TOKEN)).json();
    expect(listed).toEqual({ channels: [{ key: 'conversation/msteams/19:abc@thread.tacv2', channelId: 'msteams', conversationId: '19:abc@thread.tacv2', registeredAt: expect.any(String) }] });
    expect((await send('DELETE', `/api/tickets/channels/${encodeURIComponent('conversation/msteams/19:abc@thread.tacv2')}`)).status).toBe(204);
    expect((await send('DELETE', `/api/tickets/channels/${encodeURIComponent('conversation/msteams/19:abc@thread.tacv2')}`)).status).toBe(404);
    expect(await store.recruiterChannels()).toEqual([]);
  });

  test('without the token nothing is registered (401)', async () => {
    await listen(TOKEN);
    expect((await send('POST', '/api/tickets/channels', reference, 'wrong-token')).status).toBe(401);
    expect(await store.recruiterChannels()).toEqual([]);
  });

  test('a body that is not a conversation reference is a JSON 400 naming what is missing', async () => {
    await listen(TOKEN);
    const response = await send('POST', '/api/tickets/channels', { channelId: 'msteams', serviceUrl: 'ftp://x' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: string[] };
    expect(body.problems.join('\n')).toMatch(/serviceUrl/);
    expect(body.problems.join('\n')).toMatch(/conversation/);
  });
});
