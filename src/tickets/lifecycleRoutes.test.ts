import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import restify, { type Server } from 'restify';
import { eventually, startSmtpReceiver } from '../../test/support/receivers';
import { registerTicketRoutes } from './api';
import { candidateEmailer } from './candidateEmail';
import { aDraft, CANDIDATE_EMAIL, manualClock } from './fixtures/drafts';
import { openTicketStore } from './store/sqlite';
import { createTicketActions, type CandidateRoutes } from './ticketActions';
import type { TicketStore } from './ticketStore';

const TOKEN = 'recruiter-tools-token-0123456789';
const TICKET = 'CS-5392800';

let dataDir: string;
let store: TicketStore;
let server: Server | undefined;
let base: string;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const clock = manualClock();

/** The tickets routes on a fresh server, as the app registers them, with the candidate routes given. */
async function listen(routes: CandidateRoutes): Promise<void> {
  server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  registerTicketRoutes(server, { store, token: TOKEN, actions: createTicketActions({ store, routes, now: clock.now }) });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function stop(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
}

const emailOnly = (): CandidateRoutes => ({ email: candidateEmailer({ smtpUrl: smtp.url, from: 'bot@example.com', replyTo: 'recruiting@example.com' }) });

async function call(method: string, pathname: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(base + pathname, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-lifecycle-'));
  store = openTicketStore(dataDir, { now: clock.now });
  await store.openTicket(aDraft(), []);
  smtp.mails.length = 0;
});
afterEach(async () => {
  await stop();
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a recruiter\'s reply reaches the candidate by email, and the ticket then waits on the candidate', async () => {
  await listen(emailOnly());
  const reply = await call('POST', `/api/tickets/${TICKET}/reply`, { text: 'Here is a new link: https://example.com/i/2', by: 'Sam Recruiter' });
  expect(reply.status).toBe(202);
  expect(reply.body).toEqual({ id: TICKET, status: 'waiting-on-candidate', delivered: ['email'], failed: [{ route: 'chat', reason: 'chat replies are not set up' }] });

  const mail = await eventually(() => smtp.mails[0], 5000, 'the email');
  expect(mail.to).toMatchObject({ text: CANDIDATE_EMAIL });
  expect(mail.replyTo).toMatchObject({ text: 'recruiting@example.com' });
  expect(mail.subject).toContain(TICKET);
  expect(mail.text).toContain('Here is a new link: https://example.com/i/2');
  // Plain text only: nothing to render, nothing to track.
  expect(mail.html).toBe(false);

  const shown = await call('GET', `/api/tickets/${TICKET}`);
  expect(shown.body.status).toBe('waiting-on-candidate');
  expect(shown.body.history.map((e: { type: string }) => e.type)).toEqual(['created', 'recruiter-reply', 'delivery-failed']);
  expect(shown.body.history[1]).toMatchObject({ by: 'Sam Recruiter', text: 'Here is a new link: https://example.com/i/2', delivered: ['email'] });
});

test('a reply that reaches no one still answers 2xx, lists every failure, and leaves the status as it was', async () => {
  await listen({});
  const reply = await call('POST', `/api/tickets/${TICKET}/reply`, { text: 'Hello?', by: 'Sam Recruiter' });
  expect(reply.status).toBe(202);
  expect(reply.body).toEqual({
    id: TICKET,
    status: 'open',
    delivered: [],
    failed: [
      { route: 'chat', reason: expect.any(String) },
      { route: 'email', reason: 'email is not set up (SMTP_URL)' },
    ],
  });
  expect((await store.lifecycle(TICKET))?.history.filter((e) => e.type === 'delivery-failed')).toHaveLength(2);
});

test('a retried reply with the same Idempotency-Key is sent once and answered the same, even after a restart', async () => {
  await listen(emailOnly());
  const headers = { 'Idempotency-Key': 'helpdesk-4711-reply-1' };
  const body = { text: 'We reset your interview.', by: 'Sam Recruiter' };
  const first = await call('POST', `/api/tickets/${TICKET}/reply`, body, headers);
  const retry = await call('POST', `/api/tickets/${TICKET}/reply`, body, headers);
  expect(retry.status).toBe(first.status);
  expect(retry.body).toEqual(first.body);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');

  // The bot restarts: the key is remembered with the ticket, not in memory.
  await stop();
  await store.close();
  store = openTicketStore(dataDir, { now: clock.now });
  await listen(emailOnly());
  const afterRestart = await call('POST', `/api/tickets/${TICKET}/reply`, body, headers);
  expect([afterRestart.status, afterRestart.body]).toEqual([first.status, first.body]);

  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(smtp.mails).toHaveLength(1);
  expect((await store.lifecycle(TICKET))?.history.filter((e) => e.type === 'recruiter-reply')).toHaveLength(1);

  // The same key for another message is a mistake, not a retry.
  const reused = await call('POST', `/api/tickets/${TICKET}/reply`, { ...body, text: 'Something else' }, headers);
  expect(reused.status).toBe(422);
  expect(reused.body).toMatchObject({ error: 'idempotency_key_reused' });
});

test('a recruiter moves the ticket along; the answer is the ticket with its new status and history', async () => {
  await listen({});
  const changed = await call('POST', `/api/tickets/${TICKET}/status`, { status: 'in-progress', by: 'Sam Recruiter', note: 'Looking into it' });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ ticket: { id: TICKET }, status: 'in-progress', deliveries: [] });
  expect(changed.body.history.at(-1)).toEqual({ at: clock.now().toISOString(), by: 'Sam Recruiter', type: 'status-changed', status: 'in-progress', text: 'Looking into it' });
  expect((await call('GET', `/api/tickets/${TICKET}`)).body).toEqual(changed.body);

  // Sent again (a retry without a key): nothing new happened, so nothing new is recorded.
  await call('POST', `/api/tickets/${TICKET}/status`, { status: 'in-progress', by: 'Sam Recruiter' });
  expect((await store.lifecycle(TICKET))?.history).toHaveLength(2);
});

test('an unknown status is a 400 naming the allowed ones', async () => {
  await listen({});
  const response = await call('POST', `/api/tickets/${TICKET}/status`, { status: 'done', by: 'Sam' });
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ error: 'bad_request', problems: ['status: must be one of: open, in-progress, waiting-on-candidate, resolved, closed'] });
  expect((await store.lifecycle(TICKET))?.status).toBe('open');
});

test.each([
  ['no text', { by: 'Sam' }, /text: /],
  ['an empty text', { text: '   ', by: 'Sam' }, /text: must not be empty/],
  ['no one named', { text: 'hi' }, /by: must be a string/],
  ['a number for a name', { text: 'hi', by: 42 }, /by: /],
  ['a list', [{ text: 'hi', by: 'Sam' }], /not a JSON object/],
])('a reply with %s is a 400 saying what is wrong, and nothing is sent', async (_name, body, problem) => {
  await listen(emailOnly());
  const response = await call('POST', `/api/tickets/${TICKET}/reply`, body);
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining('"text"') });
  expect(response.body.problems.join('\n')).toMatch(problem);
  expect((await store.lifecycle(TICKET))?.history).toHaveLength(1);
  expect(smtp.mails).toHaveLength(0);
});

test('replying to or changing a ticket that does not exist is a 404', async () => {
  await listen({});
  for (const pathname of ['/api/tickets/CS-999999/reply', '/api/tickets/CS-999999/status', '/api/tickets/nonsense/reply']) {
    const response = await call('POST', pathname, { text: 'hi', by: 'Sam', status: 'closed' });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: 'not_found' });
  }
});

test.each([['no token', undefined], ['a wrong token', 'recruiter-tools-token-9999999999']])('with %s a reply or status change is a 401 and changes nothing', async (_name, token) => {
  await listen(emailOnly());
  for (const [pathname, body] of [[`/api/tickets/${TICKET}/reply`, { text: 'hi', by: 'Sam' }], [`/api/tickets/${TICKET}/status`, { status: 'closed', by: 'Sam' }]] as const) {
    const response = await fetch(base + pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(401);
  }
  expect(await store.lifecycle(TICKET)).toEqual({ status: 'open', history: [expect.objectContaining({ type: 'created' })] });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(smtp.mails).toHaveLength(0);
});

test('a malformed Idempotency-Key is a 400, and the request is not carried out', async () => {
  await listen({});
  const response = await call('POST', `/api/tickets/${TICKET}/status`, { status: 'closed', by: 'Sam' }, { 'Idempotency-Key': 'has spaces in it' });
  expect(response.status).toBe(400);
  expect(response.body.message).toMatch(/Idempotency-Key/);
  expect((await store.lifecycle(TICKET))?.status).toBe('open');
});
