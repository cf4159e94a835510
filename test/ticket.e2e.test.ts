import { USER_AGENTS } from '../src/device/fixtures/userAgents';
import { activity, exchange } from './support/activities';
import { Candidate } from './support/candidate';
import { startLocalConnector, type LocalConnector } from './support/localConnector';
import { eventually, startSmtpReceiver, startWebhookReceiver } from './support/receivers';
import { startTestBot, type TestBot } from './support/testBot';

const secret = 'a-webhook-secret-of-some-length';
const OPERATOR_TOKEN = 'operator-tickets-api-token-0123456789';
let bot: TestBot;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let connector: LocalConnector;

beforeAll(async () => {
  [webhook, smtp, connector] = await Promise.all([startWebhookReceiver(secret), startSmtpReceiver(), startLocalConnector()]);
  bot = await startTestBot({
    TICKET_WEBHOOK_URL: webhook.url,
    TICKET_WEBHOOK_SECRET: secret,
    SMTP_URL: smtp.url,
    TICKET_EMAIL_TO: 'recruiting@example.com',
    TICKET_EMAIL_FROM: 'bot@example.com',
    TICKETS_API_TOKEN: OPERATOR_TOKEN,
  });
});
afterAll(async () => {
  await bot.close();
  await Promise.all([webhook.close(), smtp.close(), connector.close()]);
});

test('"register for tickets" typed in the Emulator registers nothing: anyone could type it, so the bot says an operator must do it', async () => {
  const before = await bot.app.tickets.recruiterChannels();
  const replies = await exchange(bot.url, activity('someone-in-the-emulator', { type: 'message', text: 'register for tickets' }, connector.serviceUrl));
  expect(replies[0]?.text).toMatch(/ask the bot's operator/i);
  expect(await bot.app.tickets.recruiterChannels()).toEqual(before);
});

test('a candidate in Instagram\'s in-app browser on an iPhone gets a ticket number, and the recruiter receives everything', async () => {
  // The operator registers a recruiters' conversation for ticket cards (they go to the local connector).
  const registration = await fetch(`${bot.url}/api/tickets/channels`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channelId: 'emulator', serviceUrl: connector.serviceUrl, conversation: { id: 'recruiters-channel' } }),
  });
  expect(registration.status).toBe(201);

  const candidate = new Candidate(bot.url);
  await candidate.send({ type: 'event', name: 'webchat/join', value: { userAgent: USER_AGENTS.instagramIphone, language: 'en-GB', timezone: 'Europe/London' } });
  expect(candidate.text).toMatch(/interview link/i);
  // The problem in the candidate's words is the ticket's error: the form won't ask for it again.
  await candidate.says('the interview page won\'t load, it says Oops! Something went wrong (code 0x5F)');
  for (let i = 0; i < 4; i++) await candidate.says('no, still not working');
  await candidate.clicks('Send the recruiter a ticket');
  await candidate.says('Ada Lovelace');
  await candidate.says('ada.lovelace@example.com');
  await candidate.says('Data Analyst');
  await candidate.says('Acme Corp');
  expect(candidate.text).toMatch(/Instagram in-app browser on iPhone/);
  await candidate.clicks('Yes');
  expect(candidate.text).toMatch(/Ada Lovelace/);
  await candidate.clicks('Send it');
  const ticketId = /CS-\d{6,}/.exec(candidate.text)?.[0];
  expect(ticketId).toBeDefined();

  const delivery = await eventually(() => webhook.deliveries[0], 10000, 'the webhook');
  expect(delivery.signatureValid).toBe(true);
  expect(delivery.idempotencyKey).toBe(ticketId);
  const payload = JSON.stringify(delivery.body);
  expect(payload).not.toContain('{ticketId}');
  for (const expected of ['Instagram in-app browser', 'iPhone', 'iOS', 'Oops! Something went wrong (code 0x5F)', 'Data Analyst', 'Acme Corp', 'ada.lovelace@example.com', 'page-wont-load/check-link', 'Open in Safari']) {
    expect(payload).toContain(expected);
  }

  const mail = await eventually(() => smtp.mails[0], 10000, 'the email');
  expect(mail.subject).toContain(ticketId);
  for (const expected of ['Instagram in-app browser on iPhone', 'Oops! Something went wrong (code 0x5F)', 'Data Analyst', 'Acme Corp', 'ada.lovelace@example.com', 'Open in Safari']) {
    expect(mail.text).toContain(expected);
  }
  expect(mail.html).toContain('Acme Corp');

  // What the recruiter reads first, the same in the helpdesk and the inbox: one plain sentence, the
  // likely action, and the advice already given as short labels; nowhere the flow's Markdown.
  const { summary, ticket } = delivery.body as { summary: string; ticket: { suggestedAction: string; stepsTried: Array<{ label: string; text: string }> } };
  expect(summary).toMatch(/^Ada Lovelace \(Data Analyst, Acme Corp\) can't get the interview page to load, using Instagram in-app browser on iPhone .*; already tried: checking the link for typos, opening the link in Safari instead of the app, .*\.$/);
  expect(mail.text!.split('\n')[0]).toBe(summary);
  expect(ticket.suggestedAction).toMatch(/send a new link/);
  expect(ticket.stepsTried.every((step) => step.label && !step.text.includes('**'))).toBe(true);
  expect(payload).not.toMatch(/\*\*|\\\\[()]/);

  const cards = await connector.waitFor('recruiters-channel', 1, 10000);
  expect(JSON.stringify(cards[0]?.attachments)).toContain(ticketId);
});

test('asking again in the same conversation for the same problem returns the same ticket', async () => {
  const candidate = new Candidate(bot.url);
  const fill = () => candidate.filesTicket(['Grace Hopper', 'grace@example.com', 'Engineer', 'Navy', 'It says expired']);
  await candidate.says('my link expired');
  const first = await fill();
  const second = await fill();
  expect(first).toBeDefined();
  expect(second).toBe(first);
});

test('one conversation can open at most three new tickets an hour; a fourth points back to the latest', async () => {
  const candidate = new Candidate(bot.url);
  const ids: string[] = [];
  for (const problem of ['my link expired', 'the page shows 404', 'i ran out of time on a question', 'i want to redo my answer']) {
    await candidate.says(problem);
    ids.push((await candidate.filesTicket(['Alan Turing', 'alan@example.com', 'Cryptanalyst', 'Bletchley', 'It fails'], ['Computer', 'Firefox']))!);
  }
  expect(new Set(ids.slice(0, 3)).size).toBe(3);
  expect(ids[3]).toBe(ids[2]);
  expect(await bot.app.tickets.openedSince(`conversation/emulator/${candidate.conversationId}`, new Date(0))).toHaveLength(3);
});
