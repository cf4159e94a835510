import { request } from 'node:http';
import { gzipSync, deflateSync } from 'node:zlib';
import { startBotProcess, killHard, type BotProcess } from './support/botProcess';
import { startTestBot } from './support/testBot';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every route of the real server, as its own process, against bodies built to break parsers:
 * the process must answer each with a 4xx and keep answering. (Restify's gunzip stream had no
 * error handler: four bytes labelled gzip stopped the server.)
 */
const env = { TICKETS_API_TOKEN: 'a-token-for-the-tickets-api-0123456789', RATE_LIMIT_BURST: '100000' };

const json = Buffer.from(JSON.stringify({ type: 'message', text: 'hi', conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9/' }));
const hostile: [name: string, headers: Record<string, string>, body: Buffer][] = [
  ['four bytes labelled gzip', { 'content-encoding': 'gzip' }, Buffer.from('abcd')],
  ['a truncated gzip body', { 'content-encoding': 'gzip' }, gzipSync(json).subarray(0, 20)],
  ['a gzip bomb (20 MB of zeros in ~20 KB)', { 'content-encoding': 'gzip' }, gzipSync(Buffer.alloc(20 * 1024 * 1024))],
  ['deflate junk', { 'content-encoding': 'deflate' }, Buffer.from('not deflate at all')],
  ['a valid deflate body', { 'content-encoding': 'deflate' }, deflateSync(json)],
  ['brotli junk', { 'content-encoding': 'br' }, Buffer.from([0xff, 0xff, 0xff, 0xff])],
  ['stacked encodings', { 'content-encoding': 'gzip, gzip' }, gzipSync(gzipSync(json))],
  ['an unknown encoding', { 'content-encoding': 'zstd' }, json],
  ['malformed JSON', {}, Buffer.from('{"type": "message", ')],
  ['JSON that is a bare string', {}, Buffer.from('"hello"')],
  ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('a=1&b=%ZZ')],
];

/** Raw node:http, so the body and headers go out exactly as written (fetch would refuse some). */
function send(url: string, method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let routes: [method: string, path: string][];
let bot: BotProcess;
beforeAll(async () => {
  // The routes the server registers, read from the real app, so a new route is covered the day it is added.
  const inProcess = await startTestBot(env);
  routes = (inProcess.app.server.getDebugInfo().routes as { method: string; path: string }[]).map((r) => [r.method.toUpperCase(), r.path.replace(/:(\w+)/g, 'sample-$1')]);
  await inProcess.close();
  bot = await startBotProcess({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'bot-hostile-')), FLOWS_DIR: join(__dirname, '../flows') });
});
afterAll(() => killHard(bot).catch(() => undefined));

test('the server registers the routes this test attacks', () => {
  expect(routes.map(([method, path]) => `${method} ${path}`)).toEqual(expect.arrayContaining(['POST /api/messages', 'GET /healthz', 'GET /api/tickets']));
});

test.each(hostile)('%s is refused or ignored on every route, never a 5xx, and the server keeps answering', async (name, headers, body) => {
  const wrong: string[] = [];
  for (const [method, path] of routes) {
    const status = await send(bot.url, method, path, headers, body);
    // A compressed body is refused everywhere, before routing; unparseable JSON wherever a body is read.
    // Other junk only has to do no harm: some routes (start a Direct Line conversation) ignore the body.
    const refused = headers['content-encoding'] !== undefined || (method === 'POST' && name === 'malformed JSON');
    const ok = refused ? status >= 400 && status < 500 : status > 0 && status < 500;
    if (!ok) wrong.push(`${method} ${path} answered ${status}`);
  }
  expect(wrong).toEqual([]);
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  expect(bot.child.exitCode).toBeNull();
});

test('a compressed body is refused with 415 and told to send it uncompressed', async () => {
  const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(json) });
  expect(response.status).toBe(415);
  expect(((await response.json()) as { message: string }).message).toMatch(/without Content-Encoding/);
});
