import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestBot, type TestBot } from './support/testBot';

const secret = 'the-direct-line-channel-secret';

/** Azure's token service as far as the bot uses it: POST /v3/directline/tokens/generate. */
async function startFakeTokenService() {
  const requests: { method?: string; url?: string; headers: IncomingHttpHeaders; body: any }[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: { conversationId: 'azure-conv-1', token: 'azure-token-1', expires_in: 1800 } };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answer: (status: number, body: unknown) => (answer = { status, body }),
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

async function requestToken(bot: TestBot) {
  const response = await fetch(`${bot.url}/api/directline/token`, { method: 'POST' });
  return { status: response.status, text: await response.text(), cacheControl: response.headers.get('cache-control') };
}

describe('with DIRECT_LINE_SECRET, the page gets its token from Azure\'s Direct Line', () => {
  let fake: Awaited<ReturnType<typeof startFakeTokenService>>;
  let bot: TestBot;
  beforeAll(async () => {
    fake = await startFakeTokenService();
    bot = await startTestBot({ DIRECT_LINE_SECRET: secret, DIRECT_LINE_ENDPOINT: fake.url });
  });
  afterAll(async () => {
    await bot.close();
    await fake.close();
  });
  beforeEach(() => fake.answer(200, { conversationId: 'azure-conv-1', token: 'azure-token-1', expires_in: 1800 }));

  test('the secret is exchanged for a conversation token bound to a fresh dl_ user, and the secret stays on the server', async () => {
    const { status, text, cacheControl } = await requestToken(bot);
    expect(status).toBe(200);
    expect(cacheControl).toBe('no-store');
    const session = JSON.parse(text);
    expect(session).toEqual({
      token: 'azure-token-1',
      conversationId: 'azure-conv-1',
      userId: expect.stringMatching(/^dl_[\w-]{16,}$/),
      expiresIn: 1800,
      domain: `${fake.url}/v3/directline`,
    });
    expect(text).not.toContain(secret);

    const sent = fake.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', url: '/v3/directline/tokens/generate', body: { user: { id: session.userId } } });
    expect(sent.headers.authorization).toBe(`Bearer ${secret}`);
  });

  test('each page gets its own user id', async () => {
    const first = JSON.parse((await requestToken(bot)).text);
    const second = JSON.parse((await requestToken(bot)).text);
    expect(first.userId).not.toBe(second.userId);
  });

  test.each([
    ['refuses the secret', 403, { error: { code: 'Forbidden' } }],
    ['fails', 500, { error: 'boom' }],
    ['answers without a token', 200, { conversationId: 'x' }],
  ])('when Azure %s, the page is told to try later (502) and nothing about why', async (_case, status, body) => {
    fake.answer(status, body);
    const answer = await requestToken(bot);
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text)).toEqual({ error: 'directline_unavailable', message: expect.stringMatching(/try again/i) });
    expect(answer.text).not.toContain(secret);
  });

  test('the local Direct Line is not running', async () => {
    expect(bot.app.webChat.localDirectLine).toBeUndefined();
    const response = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' });
    expect(response.status).toBe(404);
  });

  test('the page may connect to Azure\'s Direct Line (its Content-Security-Policy names it)', async () => {
    const response = await fetch(`${bot.url}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(new RegExp(`connect-src [^;]*${fake.url.replace(/\./g, '\\.')}`));
    expect(policy).toContain(fake.url.replace(/^http/, 'ws'));
  });
});

test('a Teams-only bot (MicrosoftAppId set, no DIRECT_LINE_SECRET) says web chat is unavailable rather than failing every message', async () => {
  const bot = await startTestBot({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-in-this-test' });
  try {
    const answer = await requestToken(bot);
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.text).message).toMatch(/DIRECT_LINE_SECRET/);
    expect(bot.app.webChat.localDirectLine).toBeUndefined();
  } finally {
    await bot.close();
  }
});
