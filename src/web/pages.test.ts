import { get } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import restify, { type Server } from 'restify';
import { createDeviceCheckLinks } from '../deviceCheck/links';
import { loadPublicFiles, loadWebChatBundle } from './assets';
import { registerPages } from './pages';
import { pageSecurityHeaders } from './securityHeaders';
import { loadPageTexts } from './pageTexts';

let server: Server;
let baseUrl: string;
const links = createDeviceCheckLinks({ secret: 'pages-test-secret-0123456789abcdef', publicUrl: 'http://unused' });
const bundle = loadWebChatBundle();
const texts = loadPageTexts(join(__dirname, '../../flows'));

beforeAll(async () => {
  server = restify.createServer({ handleUncaughtExceptions: false });
  registerPages(server, {
    files: loadPublicFiles(),
    webChatBundle: bundle,
    links,
    texts,
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
