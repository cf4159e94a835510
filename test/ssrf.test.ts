import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

/** An "internal" service on this machine that nothing candidate-supplied should ever make the bot call. */
let internal: Server;
let hits = 0;
let bot: TestBot;
beforeAll(async () => {
  internal = createServer((_req, res) => {
    hits += 1;
    res.end('secret');
  });
  await new Promise<void>((r) => internal.listen(0, '127.0.0.1', r));
  // The live link check on, and this very machine named as the interview platform: still never asked.
  bot = await startTestBot({ LINK_CHECK: 'on', INTERVIEW_LINK_HOSTS: '127.0.0.1,localhost' });
});
afterAll(async () => {
  await bot.close();
  await new Promise<void>((r) => internal.close(() => r()));
});

test('links and attachments a candidate sends are never fetched by the bot', async () => {
  const url = `http://127.0.0.1:${(internal.address() as AddressInfo).port}/admin`;
  const candidate = new Candidate(bot.url);
  await candidate.says(`my interview link ${url} shows 404`);
  await candidate.send({ type: 'message', text: url, attachments: [{ contentType: 'image/png', contentUrl: url }, { contentType: 'text/html', contentUrl: url }] });
  await candidate.send({ type: 'event', name: 'webchat/join', value: { userAgent: url, clientHints: { model: url } } });
  expect(await candidate.filesTicket(['Eve', 'eve@example.com', 'Designer', 'Acme', `see ${url}`])).toMatch(/CS-\d{6,}/);
  await new Promise((r) => setTimeout(r, 300));
  expect(hits).toBe(0);
});
