import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { eventually, startSmtpReceiver, startWebhookReceiver } from './support/receivers';
import { startTestBot, type TestBot } from './support/testBot';
import { WebChatCandidate } from './support/webChatCandidate';
import { callTicketsApi } from './support/ticketsApi';

/**
 * The candidate answers a ticket from their chat, and the recruiter hears it where the ticket
 * reached them: the signed webhook (`ticket.updated`), the recruiters' inbox, the ticket's history.
 * A Web Chat candidate on the local Direct Line, the real server, a local webhook and SMTP server.
 */
const TOKEN = 'recruiter-helpdesk-token-0123456789';
const SECRET = 'helpdesk-webhook-secret-0123456789';
const RECRUITERS = 'recruiting@example.com';
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let bot: TestBot;
let candidate: WebChatCandidate;
let ticketId: string;

beforeAll(async () => {
  [smtp, webhook] = await Promise.all([startSmtpReceiver(), startWebhookReceiver(SECRET)]);
  bot = await startTestBot({
    TICKETS_API_TOKEN: TOKEN,
    TICKET_WEBHOOK_URL: webhook.url,
    TICKET_WEBHOOK_SECRET: SECRET,
    SMTP_URL: smtp.url,
    TICKET_EMAIL_TO: RECRUITERS,
    TICKET_EMAIL_FROM: 'bot@example.com',
  });
  candidate = await WebChatCandidate.opensPage(bot.url);
  ticketId = await candidate.filesTicket(['Ada Lovelace', `ada.${randomUUID().slice(0, 8)}@example.com`, 'Data Analyst', 'Acme Corp', 'It says the link expired']);
  // The recruiter has the ticket (webhook and inbox) before anyone answers it.
  await eventually(() => webhookEvents('ticket.created')[0], 10_000, 'the ticket at the webhook');
  await eventually(() => recruitersMail().find((mail) => !mail.subject?.startsWith('Re:')), 10_000, 'the ticket in the recruiters\' inbox');
  const replied = await api('POST', `/api/tickets/${ticketId}/reply`, { text: 'I sent you a new link, please try it.', by: 'Sam Recruiter' });
  expect(replied.status).toBe(202);
});
afterAll(async () => {
  await bot.close();
  await Promise.all([smtp.close(), webhook.close()]);
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => callTicketsApi(bot.url, TOKEN, method, path, body, headers);

const webhookEvents = (type: string) => webhook.deliveries.filter((d) => d.body.type === type && d.body.ticket.id === ticketId);
const recruitersMail = () => smtp.mails.filter((mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to?.text === RECRUITERS));
const ANSWER = 'I tried the new link but it still says expired. Call me on +44 20 7946 0958';
const MASKED = 'I tried the new link but it still says expired. Call me on [phone number hidden]';

test('every ticket the webhook gets says what happened to it: ticket.created, beside the fields it always had', () => {
  const [created] = webhookEvents('ticket.created');
  expect(Object.keys(created!.body)).toEqual(['type', 'summary', 'ticket']);
  expect(created!.signatureValid).toBe(true);
});

test("the candidate's answer reaches the recruiter: the chat names the ticket, the signed webhook, the history and the inbox get the words, phone number hidden", async () => {
  await candidate.says(ANSWER);
  // Its last reply: the recruiter's message and the notice about the phone number came before it.
  expect(candidate.last.at(-1)?.text).toMatch(new RegExp(`^About ticket ${ticketId}: I've passed your message to the recruiter`));

  const [update] = await eventually(() => (webhookEvents('ticket.updated').length > 0 ? webhookEvents('ticket.updated') : undefined), 10_000, 'ticket.updated');
  expect(update!.signatureValid).toBe(true);
  expect(update!.idempotencyKey).not.toBe(ticketId);
  expect(update!.body).toMatchObject({ type: 'ticket.updated', ticket: { id: ticketId }, status: 'open', event: { type: 'candidate-reply', by: 'candidate', text: MASKED } });
  expect(update!.raw).not.toContain('7946');

  const { body } = await api('GET', `/api/tickets/${ticketId}`);
  expect(body.status).toBe('open'); // it was waiting on the candidate; now it is the recruiter's turn
  expect(body.history.map((e: { type: string }) => e.type)).toEqual(['created', 'recruiter-reply', 'candidate-reply']);
  expect(body.history[2]).toMatchObject({ by: 'candidate', text: MASKED });

  const mail = await eventually(() => recruitersMail().find((m) => m.subject?.startsWith('Re:')), 10_000, "the update in the recruiters' inbox");
  expect(mail.subject).toContain(ticketId);
  expect(mail.text).toContain(MASKED);
  expect(mail.inReplyTo).toBe(`<${ticketId.toLowerCase()}.ticket@example.com>`);
});

test('"thanks" is not passed on, and a new problem named clearly still gets the guide\'s advice', async () => {
  const updates = webhookEvents('ticket.updated').length;
  await candidate.says('thanks!');
  expect(candidate.text).not.toMatch(/About ticket/);
  await candidate.says('my camera is not working, the video is just a black screen');
  expect(candidate.text).not.toMatch(/About ticket/);
  expect(candidate.text).toMatch(/camera/i);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(webhookEvents('ticket.updated')).toHaveLength(updates);
  await candidate.says('start over');
});

test('"it works now" offers to mark the ticket resolved; yes resolves it and the recruiter is told', async () => {
  await candidate.says('it works now!');
  expect(candidate.text).toMatch(new RegExp(`^About ticket ${ticketId}:`));
  expect(candidate.buttons).toEqual(['Yes, mark it resolved', 'No, keep it open']);

  await candidate.says('Yes, mark it resolved');
  expect(candidate.text).toMatch(/marked resolved/);
  const resolved = await eventually(() => webhookEvents('ticket.updated').find((d) => d.body.status === 'resolved'), 10_000, 'the resolution at the webhook');
  expect(resolved.body.event).toMatchObject({ type: 'status-changed', by: 'candidate', status: 'resolved' });
  const { body } = await api('GET', `/api/tickets/${ticketId}`);
  expect(body.status).toBe('resolved');
  expect(body.history.at(-1)).toMatchObject({ type: 'status-changed', by: 'candidate', status: 'resolved' });
});

test('once resolved, a new message is a normal conversation again', async () => {
  const updates = webhookEvents('ticket.updated').length;
  await candidate.says('my interview link expired');
  expect(candidate.text).not.toMatch(/About ticket/);
  expect(candidate.text).toMatch(/invitation email/i);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(webhookEvents('ticket.updated')).toHaveLength(updates);
});
