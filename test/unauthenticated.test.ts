import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startApp } from '../src/app';
import { readConfig } from '../src/config/config';
import { createLogger } from '../src/log';
import { activity, post } from './support/activities';
import { startTestBot, type TestBot } from './support/testBot';

/**
 * MicrosoftAppId empty: nothing authenticates requests, so the bot must stay on this machine and
 * keep what only the local Direct Line may say to itself.
 */
const base = () => ({ PORT: '0', LOG_LEVEL: 'info', FLOWS_DIR: join(__dirname, '../flows'), DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-unauth-')) });

function capturedLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('info', sink), text: () => lines.join('') };
}

describe('where an unauthenticated bot listens', () => {
  test('with MicrosoftAppId empty and HOST unset, the bot listens only on this machine (127.0.0.1)', async () => {
    const app = await startApp({ config: readConfig(base()), log: createLogger('silent') });
    try {
      expect(app.server.address()).toMatchObject({ address: '127.0.0.1' });
    } finally {
      await app.close();
    }
  });

  test('ALLOW_UNAUTHENTICATED_NETWORK=true exposes it on every interface, and the log says so loudly', async () => {
    const { log, text } = capturedLog();
    const app = await startApp({ config: readConfig({ ...base(), HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_NETWORK: 'true' }), log });
    try {
      expect(app.server.address()).toMatchObject({ address: '0.0.0.0' });
      expect(text()).toMatch(/"level":40.*ALLOW_UNAUTHENTICATED_NETWORK is on: this bot does NOT authenticate requests and is reachable from other machines/);
    } finally {
      await app.close();
    }
  });
});

describe('an unauthenticated bot on this machine', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ RATE_LIMIT_BURST: '1000' });
  });
  afterAll(() => bot.close());

  test('a message whose serviceUrl is another machine is refused with 400: the bot posts nowhere off this machine', async () => {
    const { status, body } = await post(bot.url, activity('off-machine', { type: 'message', text: 'hello' }, 'http://10.0.0.5:8080/'));
    expect(status).toBe(400);
    expect(body.message).toMatch(/serviceUrl must be on this machine/);
  });

  test('someone posting straight to /api/messages into a candidate\'s web chat conversation is refused (403) and reads none of their answers', async () => {
    const started = await directLine('POST', '/conversations');
    const victim = started.body as { conversationId: string; token: string };
    await directLine('POST', `/conversations/${victim.conversationId}/activities`, victim.token, { type: 'message', text: 'my link says 404', from: { id: 'x' } });

    const forged = activity(victim.conversationId, { channelId: 'webchat', type: 'message', text: 'talk to a recruiter', deliveryMode: 'expectReplies' }, 'http://127.0.0.1:9/');
    const { status, body } = await post(bot.url, forged);
    expect(status).toBe(403);
    expect(body).toEqual({ error: 'Forbidden', message: expect.stringMatching(/only through the web chat/) });
    // The candidate's own page still works.
    const next = await directLine('POST', `/conversations/${victim.conversationId}/activities`, victim.token, { type: 'message', text: 'no', from: { id: 'x' } });
    expect(next.status).toBe(200);
  });

  test('one address starting web chat conversations in a loop keeps at most 20: its oldest is forgotten, another address\'s is not', async () => {
    const other = await directLine('POST', '/conversations', undefined, undefined, '127.0.0.2');
    expect(other.status).toBe(201);
    const mine: { conversationId: string; token: string }[] = [];
    for (let i = 0; i < 21; i++) {
      const { status, body } = await directLine('POST', '/conversations');
      expect(status).toBe(201);
      mine.push(body);
    }
    const read = (c: { conversationId: string; token: string }) => directLine('GET', `/conversations/${c.conversationId}/activities`, c.token);
    expect((await read(mine[0]!)).status).toBe(403);
    expect((await read(mine[1]!)).status).toBe(200);
    expect((await read(mine[20]!)).status).toBe(200);
    expect((await read(other.body)).status).toBe(200);
  });

  /** The local Direct Line, over node:http so a test can speak from another loopback address. */
  function directLine(method: string, path: string, token?: string, body?: unknown, from = '127.0.0.1'): Promise<{ status: number; body: any }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${bot.url}/v3/directline${path}`,
        { method, localAddress: from, headers: { ...(token && { authorization: `Bearer ${token}` }), ...(payload && { 'content-type': 'application/json' }) } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
});
