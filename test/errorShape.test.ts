import { startTestBot, type TestBot } from './support/testBot';

/**
 * Whatever goes wrong, a client reads the same JSON: `{ error, message }`, plus `problems` when a
 * request had several things wrong. (The local Direct Line's own /v3/directline routes keep Direct
 * Line 3.0's `{ error: { code, message } }`, which Web Chat reads.)
 */
const TICKETS_TOKEN = 'a-token-for-the-tickets-api-0123456789';
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ TICKETS_API_TOKEN: TICKETS_TOKEN });
});
afterAll(() => bot.close());

const failing: [what: string, path: string, init: RequestInit, status: number][] = [
  ['a message that is not an activity', '/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' }, 400],
  ['a message whose JSON does not parse', '/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": ' }, 400],
  ['a message over the size limit', '/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x'.repeat(300 * 1024) }) }, 413],
  ['a compressed message', '/api/messages', { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'abcd' }, 415],
  ['the tickets API without its token', '/api/tickets', {}, 401],
  ['a recruiter channel that is not a conversation reference', '/api/tickets/channels', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TICKETS_TOKEN}` }, body: '{}' }, 400],
  ['a device-check result without a link', '/api/device-check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, 401],
  ['an unknown route', '/api/nothing-here', {}, 404],
  ['a method the route does not take', '/healthz', { method: 'DELETE' }, 405],
];

test.each(failing)('%s is answered with { error, message } JSON', async (_what, path, init, status) => {
  const response = await fetch(`${bot.url}${path}`, init);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toEqual({ error: expect.any(String), message: expect.any(String), ...('problems' in body ? { problems: expect.any(Array) } : {}) });
  expect(body.error).not.toBe('');
});
