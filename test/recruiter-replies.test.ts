import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { runTicketsCli } from '../src/cli/tickets';
import { post } from './support/activities';
import { startLocalConnector, type LocalConnector } from './support/localConnector';
import { eventually, startSmtpReceiver } from './support/receivers';
import { startTestBot, type TestBot } from './support/testBot';
import { WebChatCandidate } from './support/webChatCandidate';
import { callTicketsApi } from './support/ticketsApi';

/**
 * A recruiter answers a ticket through the tickets API, and the candidate hears back where they
 * are: in their own chat (Web Chat through the local Direct Line; Teams through a local connector)
 * and by email (a local SMTP server). Everything over real HTTP, on the real server and its SQLite files.
 */
const TOKEN = 'recruiter-helpdesk-token-0123456789';
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let connector: LocalConnector;
let bot: TestBot;

const env = () => ({
  TICKETS_API_TOKEN: TOKEN,
  SMTP_URL: smtp.url,
  TICKET_EMAIL_TO: 'recruiting@example.com',
  TICKET_EMAIL_FROM: 'bot@example.com',
});

beforeAll(async () => {
  [smtp, connector] = await Promise.all([startSmtpReceiver(), startLocalConnector()]);
  bot = await startTestBot(env());
});
afterAll(async () => {
  await bot.close();
  await Promise.all([smtp.close(), connector.close()]);
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callTicketsApi(bot.url, TOKEN, method, path, body, headers);

const mailsTo = (address: string) => smtp.mails.filter((mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.text === address));
const INTRO = (id: string) => `Message from Sam Recruiter, recruiter, about ticket ${id}:`;

describe('a Web Chat candidate (local Direct Line)', () => {
  let candidate: WebChatCandidate;
  let ticketId: string;
  const email = `ada.${randomUUID().slice(0, 8)}@example.com`;
  const reply = { text: 'Your link was reset. Start again here: https://interviews.example.com/i/ada-2', by: 'Sam Recruiter' };
  const key = { 'Idempotency-Key': `helpdesk-${randomUUID()}` };
  let firstAnswer: { status: number; body: any };

  beforeAll(async () => {
    candidate = await WebChatCandidate.opensPage(bot.url);
    ticketId = await candidate.filesTicket(['Ada Lovelace', email, 'Data Analyst', 'Acme Corp', 'It says the link expired']);
  });

  test('a recruiter\'s reply appears in their chat, introduced as the recruiter\'s, its link a link, and in their inbox', async () => {
    firstAnswer = await api('POST', `/api/tickets/${ticketId}/reply`, reply, key);
    expect(firstAnswer).toEqual({ status: 202, body: { id: ticketId, status: 'waiting-on-candidate', delivered: ['chat', 'email'], failed: [] } });

    const seen = await candidate.waitFor((activities) => activities.some((a) => a.text?.startsWith(INTRO(ticketId))));
    const message = seen.find((a) => a.text?.startsWith(INTRO(ticketId)))!;
    expect(message.text).toContain('[https://interviews.example.com/i/ada-2](https://interviews.example.com/i/ada-2)');
    expect(message.textFormat).toBe('markdown');
    expect(message.from.role).toBe('bot');

    const [mail] = await eventually(() => (mailsTo(email).length > 0 ? mailsTo(email) : undefined), 10_000, 'the candidate\'s email');
    expect(mail!.subject).toContain(ticketId);
    expect(mail!.text).toContain('Start again here: https://interviews.example.com/i/ada-2');
    expect(mail!.html).toBe(false);
  });

  test('the helpdesk retrying the same reply (same Idempotency-Key) gets the same answer, and the candidate gets it once', async () => {
    const retried = await api('POST', `/api/tickets/${ticketId}/reply`, reply, key);
    expect(retried).toEqual(firstAnswer);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await candidate.read();
    expect(candidate.seen.filter((a) => a.text?.startsWith(INTRO(ticketId)))).toHaveLength(1);
    expect(mailsTo(email)).toHaveLength(1);
    const { body } = await api('GET', `/api/tickets/${ticketId}`);
    expect(body.history.filter((e: { type: string }) => e.type === 'recruiter-reply')).toHaveLength(1);
  });

  test('status changes show in GET /api/tickets/:id and in npm run tickets -- show', async () => {
    const changed = await api('POST', `/api/tickets/${ticketId}/status`, { status: 'resolved', by: 'Sam Recruiter', note: 'New link worked' });
    expect(changed.status).toBe(200);
    const { body } = await api('GET', `/api/tickets/${ticketId}`);
    expect(body.status).toBe('resolved');
    expect(body.history.map((e: { type: string }) => e.type)).toEqual(['created', 'recruiter-reply', 'status-changed']);
    expect(body.history[1]).toMatchObject({ by: 'Sam Recruiter', delivered: ['chat', 'email'] });

    let output = '';
    expect(await runTicketsCli(['show', ticketId], { env: { DATA_DIR: bot.dataDir }, out: (text) => (output += text) })).toBe(0);
    expect(output).toContain('Status: resolved');
    expect(output).toMatch(/Sam Recruiter: replied \(reached chat, email\): Your link was reset/);
    expect(output).toMatch(/Sam Recruiter: status → resolved: New link worked/);
  });

  test('an API call without the token, or with a wrong one, changes nothing and sends nothing', async () => {
    const before = (await api('GET', `/api/tickets/${ticketId}`)).body;
    const mails = mailsTo(email).length;
    for (const authorization of [undefined, 'Bearer not-the-token-0123456789']) {
      for (const [path, body] of [[`/api/tickets/${ticketId}/reply`, reply], [`/api/tickets/${ticketId}/status`, { status: 'closed', by: 'Mallory' }]] as const) {
        const response = await fetch(`${bot.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(401);
      }
    }
    expect((await api('GET', `/api/tickets/${ticketId}`)).body).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(email)).toHaveLength(mails);
  });

  test('a body that is not JSON is a 400 in the usual error shape', async () => {
    const response = await fetch(`${bot.url}/api/tickets/${ticketId}/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"text": "hi", by',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.any(String), message: expect.any(String) });
  });
});

/** A candidate in a Teams personal chat: the bot's replies go to the local connector. */
function teamsCandidate() {
  const conversationId = `a:1${randomUUID()}`;
  const aadObjectId = randomUUID();
  return {
    conversationId,
    async says(text: string): Promise<void> {
      const { status, body } = await post(bot.url, {
        id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
        type: 'message',
        text,
        textFormat: 'plain',
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        timestamp: new Date().toISOString(),
        from: { id: `29:1${aadObjectId}`, name: 'Grace Hopper', aadObjectId },
        recipient: { id: '28:bot', name: 'Interview Link Help' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' } },
      });
      if (status >= 300) throw new Error(`bot answered ${status}: ${JSON.stringify(body)}`);
    },
    received: () => connector.received.filter((r) => r.conversationId === conversationId).map((r) => r.activity),
  };
}

describe('a Teams candidate (local connector)', () => {
  const email = `grace.${randomUUID().slice(0, 8)}@example.com`;
  const candidate = teamsCandidate();
  let ticketId: string;

  beforeAll(async () => {
    // Typed answers, as a candidate may type a card button's label.
    for (const text of ['my interview link expired', 'talk to a recruiter', 'Send the recruiter a ticket', 'Grace Hopper', email, 'Engineer', 'Navy', 'It says expired', 'Computer', 'Chrome', 'Send it']) {
      await candidate.says(text);
    }
    // The confirmation names it (the satisfaction question follows it).
    ticketId = /CS-\d{6,}/.exec(JSON.stringify(candidate.received().slice(-2)))?.[0] ?? '';
    expect(ticketId).toMatch(/^CS-\d{6,}$/);
  });

  test('a recruiter\'s reply arrives in their personal chat and their inbox', async () => {
    const before = candidate.received().length;
    const answer = await api('POST', `/api/tickets/${ticketId}/reply`, { text: 'I reset your interview: https://interviews.example.com/i/grace', by: 'Sam Recruiter' });
    expect(answer).toEqual({ status: 202, body: { id: ticketId, status: 'waiting-on-candidate', delivered: ['chat', 'email'], failed: [] } });
    const [message] = (await connector.waitFor(candidate.conversationId, before + 1)).slice(before);
    expect(message!.text).toBe(`${INTRO(ticketId)}\n\nI reset your interview: [https://interviews.example.com/i/grace](https://interviews.example.com/i/grace)`);
    const [mail] = await eventually(() => (mailsTo(email).length > 0 ? mailsTo(email) : undefined), 10_000, 'the candidate\'s email');
    expect(mail!.text).toContain('I reset your interview: https://interviews.example.com/i/grace');
  });

  test('when Teams refuses (the candidate removed the bot), the reply still goes by email and the history says which route failed', async () => {
    connector.refuse(candidate.conversationId, 403, 'BotNotInConversationRoster');
    const answer = await api('POST', `/api/tickets/${ticketId}/reply`, { text: 'Did the new link work?', by: 'Sam Recruiter' });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ id: ticketId, status: 'waiting-on-candidate', delivered: ['email'], failed: [{ route: 'chat', reason: expect.stringContaining('403') }] });
    await eventually(() => (mailsTo(email).length === 2 ? true : undefined), 10_000, 'the second email');
    const { body } = await api('GET', `/api/tickets/${ticketId}`);
    expect(body.history.at(-1)).toMatchObject({ by: 'bot', type: 'delivery-failed', route: 'chat', text: expect.stringContaining('403') });
    expect(body.history.at(-2)).toMatchObject({ type: 'recruiter-reply', delivered: ['email'] });
  });
});

describe('after the bot restarts', () => {
  test('a Web Chat conversation the local Direct Line no longer knows gets the reply by email only, and an earlier reply retried is still sent once', async () => {
    const email = `alan.${randomUUID().slice(0, 8)}@example.com`;
    const candidate = await WebChatCandidate.opensPage(bot.url);
    const ticketId = await candidate.filesTicket(['Alan Turing', email, 'Cryptanalyst', 'Bletchley', 'It says expired']);
    const key = { 'Idempotency-Key': randomUUID() };
    const first = await api('POST', `/api/tickets/${ticketId}/reply`, { text: 'Looking into it.', by: 'Sam Recruiter' }, key);
    expect(first.body.delivered).toEqual(['chat', 'email']);

    // Same address and DATA_DIR: the tickets were saved there; the local Direct Line's conversations lived in memory.
    await bot.close();
    bot = await startTestBot({ ...env(), DATA_DIR: bot.dataDir, PORT: String(bot.app.port) });

    expect(await api('POST', `/api/tickets/${ticketId}/reply`, { text: 'Looking into it.', by: 'Sam Recruiter' }, key)).toEqual(first);
    const after = await api('POST', `/api/tickets/${ticketId}/reply`, { text: 'Try this link: https://interviews.example.com/i/alan', by: 'Sam Recruiter' });
    expect(after.body).toEqual({ id: ticketId, status: 'waiting-on-candidate', delivered: ['email'], failed: [{ route: 'chat', reason: "the candidate's chat no longer exists (HTTP 404)" }] });
    await eventually(() => (mailsTo(email).length === 2 ? true : undefined), 10_000, 'two emails');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(email).map((mail) => mail.text?.includes('Try this link') ?? false)).toEqual([false, true]);
  });
});
