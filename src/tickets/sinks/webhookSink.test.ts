import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { aDraft, manualClock } from '../fixtures/drafts';
import { startWebhookReceiver, type WebhookReceiver } from '../fixtures/webhookReceiver';
import { SinkError } from '../sink';
import { Ticket } from '../ticket';
import { signWebhookBody, verifyWebhookSignature } from './webhookSignature';
import { webhookSink } from './webhookSink';
import { summarySentence } from '../summarySentence';

const SECRET = 'recruiter-shared-secret-0123456789';
const ticket = Ticket.parse({ ...aDraft(), id: 'CS-000042', createdAt: '2025-03-04T10:00:00.000Z' });

let receiver: WebhookReceiver;

beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
});

afterEach(async () => {
  await receiver.close();
});

test('the recruiter’s webhook gets the ticket as JSON, signed over the exact bytes, keyed by the ticket id', async () => {
  await webhookSink({ url: receiver.url, secret: SECRET }).deliver(ticket);

  expect(receiver.requests).toHaveLength(1);
  const [request] = receiver.requests;
  expect(request).toMatchObject({
    signatureValid: true,
    idempotencyKey: 'CS-000042',
    ticketIdHeader: 'CS-000042',
    contentType: 'application/json',
  });
  expect(JSON.parse(request!.rawBody)).toEqual({ type: 'ticket.created', summary: summarySentence(ticket), ticket });
});

test('a helpdesk gets a plain summary to show first, and each step tried with its short label beside its full text', async () => {
  await webhookSink({ url: receiver.url, secret: SECRET }).deliver(ticket);
  const body = JSON.parse(receiver.requests[0]!.rawBody) as { summary: string; ticket: Ticket };
  expect(body.summary).toMatch(/^Zoë Quartermaine \(Warehouse Supervisor, Northwind Traders\) can't get the interview page to load, .*; already tried: checking the link for typos and trying another browser\.$/);
  expect(body.ticket.suggestedAction).toBe('Check that the link opens, then send a new link or suggest another way to record.');
  expect(body.ticket.stepsTried.map((step) => [step.label, step.text])).toEqual([
    ['checking the link for typos', 'Check the link for typos.'],
    ['trying another browser', 'Try a different browser. Chrome and Safari work best.'],
  ]);
});

test('a helpdesk gets the interview link as data: the cleaned link, its host and each finding as the link doctor gave it', async () => {
  const interviewLink = {
    url: 'https://app.hirevire.com/i/',
    host: 'app.hirevire.com',
    findings: [
      { kind: 'wrapped', by: 'Microsoft Safe Links' },
      { kind: 'cut-short', why: 'ends-with-separator' },
    ],
  };
  await webhookSink({ url: receiver.url, secret: SECRET }).deliver(Ticket.parse({ ...ticket, interviewLink }));
  expect((JSON.parse(receiver.requests[0]!.rawBody) as { ticket: Ticket }).ticket.interviewLink).toEqual(interviewLink);
});

test('a receiver that prints the raw body shows no bidi or invisible characters, yet parses exactly the stored ticket', async () => {
  const disguised = Ticket.parse({ ...ticket, transcript: [{ from: 'candidate', text: 'see \u202egpj.exe\u200b\u2028', at: '2025-03-04T10:00:00.000Z' }] });
  await webhookSink({ url: receiver.url, secret: SECRET }).deliver(disguised);
  const [request] = receiver.requests;
  expect(request!.signatureValid).toBe(true);
  expect(request!.rawBody).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2028]/);
  expect(request!.rawBody).toContain('see \\u202egpj.exe\\u200b\\u2028');
  expect(JSON.parse(request!.rawBody)).toEqual({ type: 'ticket.created', summary: summarySentence(disguised), ticket: disguised });
});

test('a receiver with a different secret rejects the delivery, and the sink reports it as a refusal', async () => {
  const error = await webhookSink({ url: receiver.url, secret: 'someone-elses-secret-value' }).deliver(ticket).catch((e: unknown) => e);
  expect(receiver.requests[0]?.signatureValid).toBe(false);
  expect(error).toBeInstanceOf(SinkError);
  expect(error).toMatchObject({ status: 401, kind: 'permanent', code: 'http_401' });
});

describe('verifyWebhookSignature', () => {
  const body = JSON.stringify({ type: 'ticket.created', ticket });
  const signature = signWebhookBody(body, SECRET);

  test.each([
    ['the signature of the exact body', body, signature, true],
    ['a body changed by one character', body.replace('CS-000042', 'CS-000043'), signature, false],
    ['the same JSON re-serialized with spaces', JSON.stringify(JSON.parse(body), null, 1), signature, false],
    ['a signature made with another secret', body, signWebhookBody(body, 'another-secret-entirely'), false],
    ['a signature without the sha256= prefix', body, signature.slice('sha256='.length), false],
    ['a truncated signature', body, signature.slice(0, -2), false],
    ['no header at all', body, undefined, false],
  ])('accepts only a matching signature: %s', (_name, rawBody, header, expected) => {
    expect(verifyWebhookSignature(rawBody, header, SECRET)).toBe(expected);
  });

  test('works on the raw Buffer a receiver reads', () => {
    expect(verifyWebhookSignature(Buffer.from(body), signature, SECRET)).toBe(true);
  });
});

test.each([
  [500, 'transient'],
  [502, 'transient'],
  [408, 'transient'],
  [400, 'permanent'],
  [404, 'permanent'],
  [410, 'permanent'],
  [301, 'permanent'],
])('an answer of HTTP %i is a %s failure', async (status, kind) => {
  receiver.answerWith({ status, headers: status === 301 ? { location: 'http://127.0.0.1:1/' } : {} });
  await expect(webhookSink({ url: receiver.url, secret: SECRET }).deliver(ticket)).rejects.toMatchObject({
    name: 'SinkError',
    status,
    kind,
    code: `http_${status}`,
  });
  expect(receiver.requests).toHaveLength(1); // a redirect is not followed
});

test.each([
  [429, { 'retry-after': '120' }, 120_000],
  [503, { 'retry-after': '7' }, 7000],
  [503, { 'retry-after': 'Tue, 04 Mar 2025 10:05:00 GMT' }, 5 * 60_000],
  [503, {}, undefined],
])('an answer of HTTP %i with %j asks for a retry after %p ms', async (status, headers, retryAfterMs) => {
  const clock = manualClock(new Date('2025-03-04T10:00:00.000Z'));
  receiver.answerWith({ status, headers });
  const error = (await webhookSink({ url: receiver.url, secret: SECRET, now: clock.ms }).deliver(ticket).catch((e: unknown) => e)) as SinkError;
  expect(error).toMatchObject({ status, kind: 'transient' });
  expect(error.retryAfterMs).toBe(retryAfterMs);
});

test('a receiver that does not answer in time is a transient timeout', async () => {
  receiver.answerWith({ status: 200, delayMs: 2000 });
  await expect(webhookSink({ url: receiver.url, secret: SECRET, timeoutMs: 100 }).deliver(ticket)).rejects.toMatchObject({
    code: 'timeout',
    kind: 'transient',
  });
});

test('a receiver that is not listening is a transient connection failure', async () => {
  const free = http.createServer();
  await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
  const { port } = free.address() as AddressInfo;
  await new Promise((resolve) => free.close(resolve));

  await expect(webhookSink({ url: `http://127.0.0.1:${port}/`, secret: SECRET }).deliver(ticket)).rejects.toMatchObject({
    code: 'ECONNREFUSED',
    kind: 'transient',
  });
});
