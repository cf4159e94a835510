import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import restify, { type Server } from 'restify';
import { registerDeviceCheckEndpoint } from '../src/deviceCheck/endpoint';
import { createDeviceCheckLinks } from '../src/deviceCheck/links';
import type { DeviceCheckResult } from '../src/device/checkResult';
import { createLogger } from '../src/log';
import { createRateLimit } from '../src/server/rateLimit';
import { startTestBot, type TestBot } from './support/testBot';

const secret = 'device-check-secret-for-the-tests-0123';
const conversationKey = 'conversation/msteams/a:1teams-conversation-id';
const result = { camera: 'granted', microphone: 'denied', videoInputs: 1, audioInputs: 1, getUserMedia: 'NotAllowedError', checkedAt: '2026-03-01T10:00:00.000Z' };

function postResult(baseUrl: string, token: string | undefined, body: unknown = result) {
  return fetch(`${baseUrl}/api/device-check${token === undefined ? '' : `?t=${token}`}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const tokenOf = (link: string) => new URL(link).searchParams.get('t')!;

describe('the device-check link, page and endpoint of the running bot', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ DEVICE_CHECK_SECRET: secret, PUBLIC_URL: 'https://help.example.com/' });
  });
  afterAll(async () => {
    await bot.close();
  });

  test('a link points at the public URL\'s check page', () => {
    expect(bot.app.deviceCheckLinks.linkFor(conversationKey)).toMatch(/^https:\/\/help\.example\.com\/check\?t=v1\./);
  });

  test('the link opens the check page, which is not cached and leaks no token in referrers', async () => {
    const token = tokenOf(bot.app.deviceCheckLinks.linkFor(conversationKey));
    const response = await fetch(`${bot.url}/check?t=${token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Check your camera and microphone</h1>');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toMatch(/camera=\(self\)/);
  });

  test.each([
    ['an expired link', () => createDeviceCheckLinks({ secret, publicUrl: 'x', now: () => new Date(Date.now() - 31 * 60 * 1000) }).tokenFor(conversationKey), 403, /expired/],
    ['a link from another server', () => createDeviceCheckLinks({ secret: `${secret}-other`, publicUrl: 'x' }).tokenFor(conversationKey), 401, /not valid/],
    ['a link cut short', () => tokenOf(bot.app.deviceCheckLinks.linkFor(conversationKey)).slice(0, 20), 401, /not valid/],
  ])('%s shows a page saying what to do', async (_case, token, status, message) => {
    const response = await fetch(`${bot.url}/check?t=${token()}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(message);
  });

  test('a result sent with the link\'s token is accepted', async () => {
    const response = await postResult(bot.url, tokenOf(bot.app.deviceCheckLinks.linkFor(conversationKey)));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'received' });
  });

  test.each([
    ['no token', undefined, 401, 'invalid_link'],
    ['a made-up token', 'v1.abc.def', 401, 'invalid_link'],
    ['an expired token', createDeviceCheckLinks({ secret, publicUrl: 'x', now: () => new Date(Date.now() - 31 * 60 * 1000) }).tokenFor(conversationKey), 403, 'expired_link'],
  ])('a result with %s is refused with a message the page can show', async (_case, token, status, error) => {
    const response = await postResult(bot.url, token);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error, message: expect.stringMatching(/link/) });
  });

  test('a result sent twice with the same link is accepted once; the second time the page is told to ask for a new link', async () => {
    const token = tokenOf(bot.app.deviceCheckLinks.linkFor(conversationKey));
    expect((await postResult(bot.url, token)).status).toBe(200);
    const again = await postResult(bot.url, token);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'already_used', message: expect.stringMatching(/ask the chat for a new link/) });
  });

  test('a signature with characters slipped in ("%21%21") is refused', async () => {
    const token = tokenOf(bot.app.deviceCheckLinks.linkFor(conversationKey));
    const response = await postResult(bot.url, `${token.slice(0, -10)}%21%21${token.slice(-10)}`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_link');
  });

  test('a body that is not a check result is refused with 400', async () => {
    const response = await postResult(bot.url, tokenOf(bot.app.deviceCheckLinks.linkFor(conversationKey)), { hello: 'world' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('bad_result');
  });
});

describe('what the endpoint hands to the conversation', () => {
  let server: Server;
  let baseUrl: string;
  const received: { conversationKey: string; result: DeviceCheckResult }[] = [];
  const links = createDeviceCheckLinks({ secret, publicUrl: 'http://unused' });

  beforeAll(async () => {
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerDeviceCheckEndpoint(server, {
      links,
      onResult: (key, value) => {
        received.push({ conversationKey: key, result: value });
      },
      rateLimit: createRateLimit({ burst: 5, perMinute: 1 }),
      log: createLogger('silent'),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('the result reaches the conversation the link was made for, read leniently', async () => {
    const response = await postResult(baseUrl, links.tokenFor(conversationKey), { ...result, videoInputs: 'lots', extra: 'dropped' });
    expect(response.status).toBe(200);
    expect(received).toEqual([
      { conversationKey, result: { camera: 'granted', microphone: 'denied', audioInputs: 1, getUserMedia: 'NotAllowedError', checkedAt: result.checkedAt } },
    ]);
  });

  test('replaying a link adds no second turn to the conversation', async () => {
    const token = links.tokenFor(conversationKey);
    const before = received.length;
    const statuses = [(await postResult(baseUrl, token)).status, (await postResult(baseUrl, token)).status];
    expect(statuses).toEqual([200, 409]);
    expect(received.length).toBe(before + 1);
  });

  test('guessing tokens from one address is slowed down (429), and nothing reaches a conversation', async () => {
    const before = received.length;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await postResult(baseUrl, `v1.guess${i}.sig`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(received.length).toBe(before);
  });
});

describe('what the operator\'s logs show of device-check links', () => {
  const lines: string[] = [];
  let bot: TestBot;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    bot = await startTestBot({ LOG_LEVEL: 'info', DEVICE_CHECK_SECRET: secret }, { log: createLogger('info', sink) });
  });
  afterAll(() => bot.close());

  test('a rejected result is logged with its path, never the link token', async () => {
    const token = tokenOf(bot.app.deviceCheckLinks.linkFor(conversationKey));
    const response = await postResult(bot.url, token, '{ not json');
    expect(response.status).toBe(400);
    const logs = lines.join('');
    expect(logs).toContain('request rejected');
    expect(logs).toContain('"/api/device-check"');
    expect(logs).not.toContain(token.split('.')[2]);
    expect(logs).not.toContain('t=');
  });
});
