import { activity, post } from './support/activities';
import { Candidate } from './support/candidate';
import { sample } from './support/prometheus';
import { eventually, startWebhookReceiver } from './support/receivers';
import { startTestBot, type TestBot } from './support/testBot';
import { readConfig } from '../src/config/config';
import { createLogger } from '../src/log';

const TOKEN = 'metrics-token-for-the-first-bot-0123456789';
const OTHER_TOKEN = 'metrics-token-for-the-other-bot-0123456789';
const WEBHOOK_SECRET = 'a-webhook-secret-of-some-length';

let bot: TestBot;
let other: TestBot;
let unmetered: TestBot;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
/** Everything the first bot logs, at debug: the token must never be in it. */
const logged: string[] = [];

beforeAll(async () => {
  webhook = await startWebhookReceiver(WEBHOOK_SECRET);
  [bot, other, unmetered] = await Promise.all([
    startTestBot(
      { METRICS_TOKEN: TOKEN, TICKET_WEBHOOK_URL: webhook.url, TICKET_WEBHOOK_SECRET: WEBHOOK_SECRET },
      { log: createLogger('debug', { write: (line: string) => void logged.push(line) }) },
    ),
    // Tight flood control, to see a 429 counted.
    startTestBot({ METRICS_TOKEN: OTHER_TOKEN, RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.1' }),
    startTestBot(),
  ]);
});
afterAll(async () => {
  await Promise.all([bot?.close(), other?.close(), unmetered?.close()]);
  await webhook?.close();
});

async function scrape(of: TestBot, token: string): Promise<string> {
  const response = await fetch(`${of.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.text();
}

test('/metrics with the token answers Prometheus text: the turn counted with its latency, its replies by channel, the process', async () => {
  const candidate = new Candidate(bot.url);
  await candidate.says('my link expired');
  expect(candidate.text).toMatch(/invitation email/i);

  const text = await scrape(bot, TOKEN);
  expect(sample(text, 'bot_turns_total', { input: 'text' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'bot_turn_duration_seconds_bucket', { input: 'text', le: '+Inf' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'bot_turn_duration_seconds_count', { input: 'text' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'bot_replies_total', { channel: 'emulator' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  expect(text).toMatch(/^# TYPE bot_turn_duration_seconds histogram$/m);
  // Read from the store at the scrape: every outcome has a series, even at 0.
  for (const outcome of ['unengaged', 'resolved', 'resolved-implied', 'escalated', 'abandoned']) {
    expect(sample(text, 'bot_sessions_last_24h', { outcome })).toBeGreaterThanOrEqual(0);
  }
});

test('a ticket opened shows in bot_tickets_opened_total, then its delivery to the webhook as sent, with nothing left pending', async () => {
  const candidate = new Candidate(bot.url);
  const ticketId = await candidate.filesTicket(['Grace Hopper', 'grace.hopper@example.com', 'Engineer', 'Navy', 'the page is blank']);
  expect(ticketId).toMatch(/^CS-\d{6,}$/);
  expect(sample(await scrape(bot, TOKEN), 'bot_tickets_opened_total')).toBe(1);

  await eventually(() => (webhook.deliveries.some((d) => d.body?.ticket?.id === ticketId) ? true : undefined), 10_000, 'the webhook delivery');
  // Marked delivered just after the webhook answered.
  let text = await scrape(bot, TOKEN);
  for (let tries = 0; sample(text, 'bot_deliveries_pending', { sink: 'webhook' }) !== 0 && tries < 100; tries++) {
    await new Promise((r) => setTimeout(r, 50));
    text = await scrape(bot, TOKEN);
  }
  expect(sample(text, 'bot_deliveries_total', { sink: 'webhook', result: 'sent' })).toBe(1);
  expect(sample(text, 'bot_deliveries_total', { sink: 'webhook', result: 'failed' })).toBe(0);
  expect(sample(text, 'bot_deliveries_pending', { sink: 'webhook' })).toBe(0);
  expect(sample(text, 'bot_outbox_oldest_pending_seconds', { sink: 'webhook' })).toBe(0);
});

test.each([
  ['no Authorization header', undefined],
  ['a wrong token', `Bearer ${OTHER_TOKEN}`],
  ['the token without "Bearer"', TOKEN],
  ['the token as Basic credentials', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`],
])('/metrics with %s answers 401 with the JSON error body, and no metric', async (_case, authorization) => {
  const response = await fetch(`${bot.url}/metrics`, { headers: authorization ? { authorization } : {} });
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer');
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = await response.json();
  expect(body).toEqual({ error: 'unauthorized', message: expect.stringMatching(/Bearer/) });
});

test('the token is never logged, whether right or wrong', async () => {
  await fetch(`${bot.url}/metrics?token=${TOKEN}`, { headers: { authorization: `Bearer ${TOKEN}x` } });
  await scrape(bot, TOKEN);
  expect(logged.length).toBeGreaterThan(0);
  expect(logged.filter((line) => line.includes(TOKEN))).toEqual([]);
});

test('without METRICS_TOKEN there is no /metrics: 404 like any unknown path', async () => {
  const response = await fetch(`${unmetered.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: expect.any(String), message: expect.any(String) });
});

test('two apps in one process count apart', async () => {
  const before = sample(await scrape(bot, TOKEN), 'bot_turns_total', { input: 'text' });
  expect(sample(await scrape(other, OTHER_TOKEN), 'bot_turns_total', { input: 'text' })).toBeUndefined();
  expect(sample(await scrape(other, OTHER_TOKEN), 'bot_tickets_opened_total')).toBe(0);

  await new Candidate(other.url).says('my link expired');
  expect(sample(await scrape(other, OTHER_TOKEN), 'bot_turns_total', { input: 'text' })).toBe(1);
  expect(sample(await scrape(bot, TOKEN), 'bot_turns_total', { input: 'text' })).toBe(before);
});

test('a message refused by flood control is counted by the limit that refused it', async () => {
  const send = () => post(other.url, { ...activity('flooding-conversation', { type: 'message', text: 'hi', from: { id: 'flooder' } }), deliveryMode: 'expectReplies' });
  const statuses = [];
  for (let i = 0; i < 6; i++) statuses.push((await send()).status);
  const refused = statuses.filter((status) => status === 429).length;
  expect(refused).toBeGreaterThan(0);
  const text = await scrape(other, OTHER_TOKEN);
  expect(sample(text, 'bot_rate_limited_total', { limit: 'conversation' })).toBe(refused);
  expect(sample(text, 'bot_rate_limited_total', { limit: 'user' })).toBe(0);
});

test('METRICS_TOKEN must be at least 32 characters', () => {
  expect(() => readConfig({ METRICS_TOKEN: 'too-short' })).toThrow(/METRICS_TOKEN: must be at least 32 characters/);
  expect(readConfig({ METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
  expect(readConfig({ METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN);
});
