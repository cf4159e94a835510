import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import restify, { type Server } from 'restify';
import { createDeviceCheckLinks } from '../deviceCheck/links';
import { asset, contentHash } from './assets';
import { loadPageFiles, type PageAsset, type PageFiles } from './pageFiles';
import { registerPages } from './pages';
import { pageSecurityHeaders } from './securityHeaders';
import { loadPageTexts } from './pageTexts';

const links = createDeviceCheckLinks({ secret: 'pages-test-secret-0123456789abcdef', publicUrl: 'http://unused' });
const texts = loadPageTexts(join(__dirname, '../../flows'));
// No build's copies: the bodies are compressed on first request (the build's own are in src/cli/buildWebAssets.test.ts).
const files = loadPageFiles(undefined, mkdtempSync(join(tmpdir(), 'no-web-assets-')));
const bundle = files.assets['webchat-minimal.js'];

const servers: Server[] = [];
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await startPages(files);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

async function startPages(pageFiles: PageFiles): Promise<string> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  servers.push(server);
  registerPages(server, {
    files: pageFiles,
    links,
    texts,
    pageHeaders: pageSecurityHeaders({ directLineOrigin: 'https://europe.directline.botframework.com' }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The src of each script and the href of each stylesheet, in page order. */
function assetUrlsOf(html: string): string[] {
  return [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((match) => match[1]!);
}

describe('the files a candidate\'s browser loads', () => {
  test('the page allows scripts from this server only, and connections to it and to Direct Line', async () => {
    const response = await rawGet(`${baseUrl}/`, { host: 'help.example.com' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toMatch(/connect-src 'self' ws:\/\/help\.example\.com wss:\/\/help\.example\.com https:\/\/europe\.directline\.botframework\.com wss:\/\/europe\.directline\.botframework\.com;/);
    const html = response.body.toString('utf8');
    expect(html).not.toMatch(/(https?:)?\/\/[a-z]/i);
  });

  test('the chat page loads markdown-it, Web Chat\'s minimal bundle and our scripts, all deferred, each at a URL naming its version', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"([^>]*)>/g)];
    expect(scripts.map(([, url]) => url).sort()).toEqual(
      ['markdown-it.min.js', 'webchat-minimal.js', 'deviceCheck.js', 'chat.js'].map((name) => `/assets/${files.assets[name as PageAsset].hash}/${name}`).sort(),
    );
    expect(scripts.every(([, , attributes]) => attributes === ' defer')).toBe(true);
    expect(html).toContain(`<link rel="stylesheet" href="/assets/${files.assets['styles.css'].hash}/styles.css">`);
  });

  test.each(['/', `/check?t=${links.tokenFor('webchat/c-1')}`])('everything %s loads is cached for a year, so a repeat visit asks for none of it', async (page) => {
    const urls = assetUrlsOf(await (await fetch(`${baseUrl}${page}`)).text());
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      const response = await fetch(`${baseUrl}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(url.split('/')[2]).toBe(contentHash(Buffer.from(await response.arrayBuffer())));
    }
  });

  test('a browser that takes Brotli gets Web Chat\'s bundle as Brotli bytes that decompress to exactly the file', async () => {
    const response = await rawGet(`${baseUrl}/assets/${bundle.hash}/webchat-minimal.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(bundle.body.length / 4);
    expect(brotliDecompressSync(response.body).equals(bundle.body)).toBe(true);
  });

  test.each([['gzip, deflate'], ['br;q=0, gzip'], ['gzip;q=1, br;q=0.5']])('a browser that says %p gets gzip', async (acceptEncoding) => {
    const response = await rawGet(`${baseUrl}/assets/${bundle.hash}/webchat-minimal.js`, { 'accept-encoding': acceptEncoding });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(gunzipSync(response.body).equals(bundle.body)).toBe(true);
  });

  test('a browser that names no encoding gets the file as it is', async () => {
    const response = await rawGet(`${baseUrl}/assets/${files.assets['chat.js'].hash}/chat.js`, {});
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(Number(response.headers['content-length'])).toBe(files.assets['chat.js'].body.length);
    expect(response.body.equals(files.assets['chat.js'].body)).toBe(true);
  });

  test('a browser holding the Brotli copy gets 304; one that can only take gzip gets the gzip bytes, not a 304 for Brotli\'s', async () => {
    const url = `${baseUrl}/assets/${bundle.hash}/webchat-minimal.js`;
    const brotli = await rawGet(url, { 'accept-encoding': 'br' });
    const etag = String(brotli.headers.etag);
    expect(etag).toBe(`"${bundle.hash}-br"`);
    expect((await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': `W/${etag}` })).status).toBe(304);
    const gzipOnly = await rawGet(url, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(gzipOnly.status).toBe(200);
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
  });

  test('the chat page itself comes compressed, and the browser asks again on every visit (no-cache, a 304 when unchanged)', async () => {
    const response = await rawGet(`${baseUrl}/`, { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'de' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.vary).toBe('Accept-Encoding, Accept-Language');
    expect(brotliDecompressSync(response.body).toString('utf8')).toContain('<html lang="de">');
    const again = await rawGet(`${baseUrl}/`, { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'de', 'if-none-match': String(response.headers.etag) });
    expect(again.status).toBe(304);
  });

  test('a changed file gets a new URL, and its old one is gone', async () => {
    const chat = files.assets['chat.js'];
    const changed = asset(Buffer.concat([chat.body, Buffer.from('\n// changed\n')]), 'chat.js');
    const otherUrl = await startPages({ ...files, assets: { ...files.assets, 'chat.js': changed } });
    const urls = assetUrlsOf(await (await fetch(`${otherUrl}/`)).text());
    expect(urls).toContain(`/assets/${changed.hash}/chat.js`);
    expect(urls).not.toContain(`/assets/${chat.hash}/chat.js`);
    expect((await fetch(`${otherUrl}/assets/${chat.hash}/chat.js`)).status).toBe(404);
    expect((await fetch(`${otherUrl}/assets/${changed.hash}/chat.js`)).status).toBe(200);
  });

  test.each([
    '/assets/AAAAAAAAAAAAAAAA/chat.js',
    `/assets/${bundle.hash}/chat.js`,
    `/assets/${bundle.hash}/webchat.js`,
    '/assets/chat.js',
    '/webchat/webchat.js',
    '/assets/../package.json',
    '/assets/styles.css',
    '/assets/index.html',
    '/assets/tsconfig.json',
    '/src/web/public/chat.js',
  ])('%s is not served', async (path) => {
    expect((await fetch(`${baseUrl}${path}`)).status).toBe(404);
  });

});

describe('a candidate whose browser speaks another language', () => {
  test('a Spanish browser gets the chat page in Spanish: <html lang>, title, heading, button, and the script\'s words as data', async () => {
    const response = await fetch(`${baseUrl}/`, { headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.8' } });
    expect(response.headers.get('content-language')).toBe('es');
    expect(response.headers.get('vary')).toMatch(/Accept-Language/);
    const html = await response.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<title>Ayuda con el enlace de su entrevista en video</title>');
    expect(html).toContain('>Empezar de nuevo</button>');
    expect(html).toContain('aria-label="Chat con el asistente de ayuda para entrevistas"');
    const data = JSON.parse(/<script type="application\/json" id="page-texts">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data.couldNotConnect).toMatch(/^Lo sentimos, el chat no se pudo conectar/);
    expect(html).not.toMatch(/\{\{|Start over|Loading the chat/);
  });

  test.each([
    ['pt-PT,pt;q=0.9', 'pt-BR', 'Começar de novo'],
    ['de-CH', 'de', 'Neu beginnen'],
    ['fr-CA,en;q=0.5', 'fr', 'Recommencer'],
    ['it-IT,ja', 'en', 'Start over'],
    [undefined, 'en', 'Start over'],
  ])('Accept-Language %p gets the page in %s', async (header, language, startOver) => {
    const response = await fetch(`${baseUrl}/`, { headers: header ? { 'accept-language': header } : {} });
    expect(response.headers.get('content-language')).toBe(language);
    const html = await response.text();
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`>${startOver}</button>`);
  });

  test('a link with ?lang=es shows Spanish to a German browser', async () => {
    const html = await (await fetch(`${baseUrl}/?lang=es`, { headers: { 'accept-language': 'de' } })).text();
    expect(html).toContain('<html lang="es">');
  });

  test('each language is its own cached copy: a browser holding the English page gets the Spanish one in full', async () => {
    const english = await fetch(`${baseUrl}/`);
    const spanish = await fetch(`${baseUrl}/`, { headers: { 'accept-language': 'es', 'if-none-match': String(english.headers.get('etag')) } });
    expect(spanish.status).toBe(200);
  });

  test('the device-check page speaks French to a French browser, and the texts its script shows are French', async () => {
    const html = await (await fetch(`${baseUrl}/check?t=${links.tokenFor('webchat/c-1')}`, { headers: { 'accept-language': 'fr-FR' } })).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Vérifiez votre caméra et votre micro</h1>');
    expect(html).toContain('choisissez <strong>Autoriser</strong>.');
    const data = JSON.parse(/id="page-texts">(.*?)<\/script>/s.exec(html)![1]!);
    expect(data['outcome.NotAllowedError']).toBe('Votre navigateur ou votre appareil bloque la caméra ou le micro.');
    expect(data['notSent.expired_link']).toMatch(/^Ce lien a expiré/);
  });

  test('a broken device-check link explains itself in German to a German browser', async () => {
    const response = await fetch(`${baseUrl}/check?t=nonsense`, { headers: { 'accept-language': 'de-DE' } });
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Dieser Link funktioniert nicht mehr</h1>');
    expect(html).toContain('Dieser Link ist ungültig.');
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
