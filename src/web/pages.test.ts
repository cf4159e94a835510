import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import restify, { type Server } from 'restify';
import { createDeviceCheckLinks } from '../deviceCheck/links';
import { loadPublicFiles, loadWebChatBundle } from './assets';
import { registerPages } from './pages';
import { pageSecurityHeaders } from './securityHeaders';

let server: Server;
let baseUrl: string;
const links = createDeviceCheckLinks({ secret: 'pages-test-secret-0123456789abcdef', publicUrl: 'http://unused' });
const bundle = loadWebChatBundle();

beforeAll(async () => {
  server = restify.createServer({ handleUncaughtExceptions: false });
  registerPages(server, {
    files: loadPublicFiles(),
    webChatBundle: bundle,
    links,
    pageHeaders: pageSecurityHeaders({ directLineOrigin: 'https://europe.directline.botframework.com' }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the files a candidate\'s browser loads', () => {
  test('the page allows scripts from this server only, and connections to it and to Direct Line', async () => {
    const response = await rawGet(`${baseUrl}/`, { host: 'help.example.com' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toMatch(/connect-src 'self' ws:\/\/help\.example\.com wss:\/\/help\.example\.com https:\/\/europe\.directline\.botframework\.com wss:\/\/europe\.directline\.botframework\.com;/);
    const html = response.body.toString('utf8');
    expect(html).toContain('<script src="/webchat/webchat.js" defer></script>');
    expect(html).not.toMatch(/(https?:)?\/\/[a-z]/i);
  });

  test('Web Chat\'s bundle comes gzipped from node_modules, and a browser that has it gets 304', async () => {
    const response = await rawGet(`${baseUrl}/webchat/webchat.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.length).toBeLessThan(bundle.body.length / 2);
    expect(gunzipSync(response.body).equals(bundle.body)).toBe(true);

    const again = await fetch(`${baseUrl}/webchat/webchat.js`, { headers: { 'if-none-match': String(response.headers.etag) } });
    expect(again.status).toBe(304);
  });

  test.each(['/assets/chat.js', '/assets/deviceCheck.js', '/assets/checkPage.js', '/assets/styles.css'])('%s is served', async (path) => {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test.each(['/assets/../package.json', '/assets/index.html', '/assets/tsconfig.json', '/src/web/public/chat.js'])('%s is not', async (path) => {
    expect((await fetch(`${baseUrl}${path}`)).status).toBe(404);
  });
});

/** A GET that hands back the bytes as sent (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}
