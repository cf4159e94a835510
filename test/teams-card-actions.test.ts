import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { post, type ReceivedActivity } from './support/activities';
import { startLocalConnector, type LocalConnector } from './support/localConnector';
import { eventually, startSmtpReceiver } from './support/receivers';
import { startTestBot, type TestBot } from './support/testBot';
import type { AdaptiveCard as Card, CardElement } from './support/adaptiveCard';
import { callTicketsApi } from './support/ticketsApi';

/**
 * Recruiters act on a ticket from its card in their Teams channel: take it, answer the candidate,
 * send a new link, mark it resolved. Teams' `adaptiveCard/action` invokes (and the Action.Submit
 * messages of older clients) go through the real HTTP endpoint; the candidate's chat and the channel
 * are a local connector, their inbox a local SMTP server.
 */
const TOKEN = 'card-actions-tickets-token-0123456789';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = { id: '28:card-actions-bot', name: 'Interview Link Help' };
const RECRUITER = { id: `29:1${randomUUID()}`, name: 'Sam Rivera', aadObjectId: randomUUID() };

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let connector: LocalConnector;
let bot: TestBot;

beforeAll(async () => {
  [smtp, connector] = await Promise.all([startSmtpReceiver(), startLocalConnector()]);
  bot = await startTestBot({ TICKETS_API_TOKEN: TOKEN, SMTP_URL: smtp.url, TICKET_EMAIL_TO: 'recruiting@example.com', TICKET_EMAIL_FROM: 'bot@example.com' });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([smtp.close(), connector.close()]);
});


const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callTicketsApi(bot.url, TOKEN, method, path, body, headers);

const cardOf = (activity: ReceivedActivity) => (activity.attachments as { content: Card }[])[0]!.content;
/** What a recruiter reads on the card, one line per block. */
const textOf = (card: Card) => (card.body ?? []).map((block) => (block.inlines ?? []).map((run) => run.text).join('')).join('\n');
const mailsTo = (address: string) => smtp.mails.filter((mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.text === address));

/** The Action.Execute a button sends: the button itself, or the one inside the form it opens. */
function executeOf(card: Card, title: string): CardElement {
  const button = card.actions?.find((action) => action.title === title);
  if (!button) throw new Error(`no "${title}" on the card: ${JSON.stringify(card.actions?.map((a) => a.title))}`);
  return button.type === 'Action.ShowCard' ? button.card!.actions![0]! : button;
}

/** A channel registered by the operator, where ticket cards arrive. */
function recruitersChannel() {
  const channelId = `19:${randomUUID()}@thread.tacv2`;
  const teamId = `19:${randomUUID()}@thread.tacv2`;
  return {
    channelId,
    async registers() {
      const { status } = await api('POST', '/api/tickets/channels', {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        bot: BOT,
      });
      expect(status).toBe(201);
    },
    /** The card Teams shows for the ticket: the post, updated in place if the bot updated it. */
    async cardFor(ticketId: string): Promise<{ id: string; card: Card }> {
      const posted = await eventually(() => connector.received.find((r) => r.conversationId === channelId && JSON.stringify(r.activity).includes(ticketId)), 10_000, 'the ticket card');
      const update = connector.updated.filter((u) => u.conversationId === channelId && u.activityId === posted.id).at(-1);
      return { id: posted.id, card: cardOf(update?.activity ?? posted.activity) };
    },
    /** A recruiter clicks a button of this channel's card (or, with `from`, a copy of it sends the click from elsewhere). */
    async clicks(ticketId: string, title: string, inputs: Record<string, string> = {}, from = { channelId, teamId }) {
      const { id, card } = await this.cardFor(ticketId);
      return invoke(from, id, executeOf(card, title), inputs);
    },
  };
}

async function invoke(from: { channelId: string; teamId: string }, cardId: string, action: CardElement, inputs: Record<string, string>) {
  return post(bot.url, {
    ...fromRecruiter(from, cardId),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb: action.verb, data: { ...action.data, ...inputs } }, trigger: 'manual' },
  });
}

/** What Teams puts on every activity from a recruiter in a channel thread that starts with the card. */
function fromRecruiter({ channelId, teamId }: { channelId: string; teamId: string }, cardId: string) {
  return {
    id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    from: RECRUITER,
    recipient: BOT,
    replyToId: cardId,
    conversation: { id: `${channelId};messageid=${cardId}`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, team: { id: teamId }, channel: { id: channelId } },
  };
}

/** A candidate in a Teams personal chat who files a ticket by typing. */
async function teamsCandidateFilesTicket(email: string) {
  const conversationId = `a:1${randomUUID()}`;
  const aadObjectId = randomUUID();
  for (const text of ['my interview link expired', 'talk to a recruiter', 'Send the recruiter a ticket', 'Grace Hopper', email, 'Engineer', 'Navy', 'It says expired', 'Computer', 'Chrome', 'Send it']) {
    const { status } = await post(bot.url, {
      id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
      type: 'message',
      text,
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: `29:1${aadObjectId}`, name: 'Grace Hopper', aadObjectId },
      recipient: BOT,
      conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    });
    expect(status).toBe(200);
  }
  const chat = () => connector.received.filter((r) => r.conversationId === conversationId).map((r) => r.activity);
  // The confirmation names it (the satisfaction question follows it).
  const ticketId = /CS-\d{6,}/.exec(JSON.stringify(chat().slice(-2)))?.[0] ?? '';
  expect(ticketId).toMatch(/^CS-\d{6,}$/);
  return { ticketId, conversationId, chat };
}

describe('a ticket card in a registered recruiters\' channel', () => {
  const channel = recruitersChannel();
  const email = `grace.${randomUUID().slice(0, 8)}@example.com`;
  let candidate: Awaited<ReturnType<typeof teamsCandidateFilesTicket>>;

  beforeAll(async () => {
    await channel.registers();
    candidate = await teamsCandidateFilesTicket(email);
  });

  test('arrives with four actions, each a Universal Action with an Action.Submit fallback, and a refresh', async () => {
    const { card } = await channel.cardFor(candidate.ticketId);
    expect(card.actions!.map((a) => a.title)).toEqual(["I'll take it", 'Reply to candidate', 'Send a new link', 'Mark resolved']);
    for (const title of ["I'll take it", 'Reply to candidate', 'Send a new link', 'Mark resolved']) {
      const action = executeOf(card, title);
      expect(action).toMatchObject({ type: 'Action.Execute', data: { ticketId: candidate.ticketId } });
      expect(action.fallback).toMatchObject({ type: 'Action.Submit', data: action.data });
    }
    expect(card.actions![2]!.card!.body![0]).toMatchObject({ type: 'Input.Text', style: 'Url' });
    expect(card.refresh!.action).toMatchObject({ type: 'Action.Execute', verb: 'refresh', data: { ticketId: candidate.ticketId } });
    expect(textOf(card)).toContain('Status: open');
    expect(textOf(card)).toContain('Taken by: nobody yet');
  });

  test('"I\'ll take it" assigns the ticket: the card that comes back, and the one everyone in the channel sees, show who', async () => {
    const { status, body } = await channel.clicks(candidate.ticketId, "I'll take it");
    expect(status).toBe(200);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(textOf(body.value)).toContain('Status: in-progress');
    expect(textOf(body.value)).toContain('Taken by: Sam Rivera');
    expect(textOf(body.value)).toMatch(/Sam Rivera: took the ticket/);

    const { card } = await channel.cardFor(candidate.ticketId);
    expect(textOf(card)).toContain('Taken by: Sam Rivera');
    const ticket = (await api('GET', `/api/tickets/${candidate.ticketId}`)).body;
    expect(ticket.status).toBe('in-progress');
    expect(ticket.history.at(-1)).toMatchObject({ type: 'assigned', by: 'Sam Rivera' });
  });

  test('"Reply to candidate" reaches the candidate\'s Teams chat and their inbox, and the card lists it', async () => {
    const before = candidate.chat().length;
    const { body } = await channel.clicks(candidate.ticketId, 'Reply to candidate', { replyText: 'I am checking your link now.' });
    expect(body.statusCode).toBe(200);
    const [message] = (await connector.waitFor(candidate.conversationId, before + 1)).slice(before);
    expect(message!.text).toBe(`Message from Sam Rivera, recruiter, about ticket ${candidate.ticketId}:\n\nI am checking your link now.`);
    const [mail] = await eventually(() => (mailsTo(email).length > 0 ? mailsTo(email) : undefined), 10_000, "the candidate's email");
    expect(mail!.text).toContain('I am checking your link now.');
    expect(textOf(body.value)).toMatch(/Sam Rivera: replied \(reached chat, email\): I am checking your link now\./);
    expect(textOf(body.value)).toContain('Status: waiting-on-candidate');
  });

  test.each(['http://x', 'not a url', 'https://x', ''])('"Send a new link" with %j is refused with the reason, and nothing reaches the candidate', async (link) => {
    const chatBefore = candidate.chat().length;
    const mailsBefore = mailsTo(email).length;
    const historyBefore = (await api('GET', `/api/tickets/${candidate.ticketId}`)).body.history;
    const { status, body } = await channel.clicks(candidate.ticketId, 'Send a new link', { newLink: link });
    expect(status).toBe(200);
    expect(body).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: expect.stringContaining('Nothing was sent to the candidate.') } });
    expect(body.value.message).toMatch(/https:\/\//);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(candidate.chat()).toHaveLength(chatBefore);
    expect(mailsTo(email)).toHaveLength(mailsBefore);
    expect((await api('GET', `/api/tickets/${candidate.ticketId}`)).body.history).toEqual(historyBefore);
  });

  test('"Send a new link" with an https link reaches the candidate as a link, introduced as their new interview link', async () => {
    const before = candidate.chat().length;
    const { body } = await channel.clicks(candidate.ticketId, 'Send a new link', { newLink: 'https://interviews.example.com/i/grace-2' });
    expect(body.statusCode).toBe(200);
    const [message] = (await connector.waitFor(candidate.conversationId, before + 1)).slice(before);
    expect(message!.text).toContain('Here is a new link for your interview: [https://interviews.example.com/i/grace-2](https://interviews.example.com/i/grace-2)');
    await eventually(() => (mailsTo(email).some((mail) => mail.text?.includes('https://interviews.example.com/i/grace-2')) ? true : undefined), 10_000, 'the link by email');
  });

  test('"Mark resolved" shows in GET /api/tickets/:id and on the card', async () => {
    const { body } = await channel.clicks(candidate.ticketId, 'Mark resolved');
    expect(textOf(body.value)).toContain('Status: resolved');
    const ticket = (await api('GET', `/api/tickets/${candidate.ticketId}`)).body;
    expect(ticket.status).toBe('resolved');
    expect(ticket.history.at(-1)).toMatchObject({ type: 'status-changed', status: 'resolved', by: 'Sam Rivera' });
    expect(textOf((await channel.cardFor(candidate.ticketId)).card)).toContain('Status: resolved');
  });

  test('a forged invoke from a conversation that is not registered changes nothing and is politely refused', async () => {
    const before = (await api('GET', `/api/tickets/${candidate.ticketId}`)).body;
    const updates = connector.updated.length;
    const elsewhere = { channelId: `19:${randomUUID()}@thread.tacv2`, teamId: `19:${randomUUID()}@thread.tacv2` };
    for (const [title, inputs] of [["I'll take it", {}], ['Reply to candidate', { replyText: 'Send me your password' }], ['Mark resolved', {}]] as const) {
      const { status, body } = await channel.clicks(candidate.ticketId, title, inputs, elsewhere);
      expect(status).toBe(200);
      expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/registered for tickets.*Nothing was changed/) });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await api('GET', `/api/tickets/${candidate.ticketId}`)).body).toEqual(before);
    expect(connector.updated).toHaveLength(updates);
  });

  test('a candidate sending a card\'s data from their own chat is refused there and changes nothing', async () => {
    const before = (await api('GET', `/api/tickets/${candidate.ticketId}`)).body;
    const chatBefore = candidate.chat().length;
    const { status } = await post(bot.url, {
      id: `1${Date.now()}`,
      type: 'message',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: '29:1someone', name: 'Grace Hopper' },
      recipient: BOT,
      conversation: { id: candidate.conversationId, conversationType: 'personal', tenantId: TENANT },
      value: { ticketCard: 'assign', ticketId: candidate.ticketId },
    });
    expect(status).toBe(200);
    const [answer] = (await connector.waitFor(candidate.conversationId, chatBefore + 1)).slice(chatBefore);
    expect(answer!.text).toMatch(/registered for tickets/);
    expect((await api('GET', `/api/tickets/${candidate.ticketId}`)).body).toEqual(before);
  });
});

describe('a Teams client without Universal Actions (Action.Submit)', () => {
  test('"I\'ll take it" sent as a message\'s value assigns the ticket and updates the card in the channel', async () => {
    const channel = recruitersChannel();
    await channel.registers();
    const { ticketId } = await teamsCandidateFilesTicket(`ada.${randomUUID().slice(0, 8)}@example.com`);
    const { id, card } = await channel.cardFor(ticketId);
    const { status } = await post(bot.url, {
      ...fromRecruiter({ channelId: channel.channelId, teamId: `19:${randomUUID()}@thread.tacv2` }, id),
      type: 'message',
      value: executeOf(card, "I'll take it").fallback!.data,
    });
    expect(status).toBe(200);
    expect(textOf((await channel.cardFor(ticketId)).card)).toContain('Taken by: Sam Rivera');
    expect((await api('GET', `/api/tickets/${ticketId}`)).body.status).toBe('in-progress');
  });
});

describe('a ticket posted in two recruiters\' channels', () => {
  test('taking it in one updates the card in the other too', async () => {
    const [first, second] = [recruitersChannel(), recruitersChannel()];
    await first.registers();
    await second.registers();
    const { ticketId } = await teamsCandidateFilesTicket(`alan.${randomUUID().slice(0, 8)}@example.com`);
    await second.cardFor(ticketId);
    expect((await first.clicks(ticketId, "I'll take it")).body.statusCode).toBe(200);
    expect(textOf((await second.cardFor(ticketId)).card)).toContain('Taken by: Sam Rivera');
    await bot.app.tickets.unregisterRecruiterChannel(`conversation/msteams/${first.channelId}`);
    await bot.app.tickets.unregisterRecruiterChannel(`conversation/msteams/${second.channelId}`);
  });
});
