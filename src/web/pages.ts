import type { Request, Response, Server } from 'restify';
import { LINK_PROBLEMS } from '../deviceCheck/endpoint';
import type { DeviceCheckLinks } from '../deviceCheck/links';
import type { LoadedTexts } from '../languages';
import { asset, gzipped, type Asset, type PublicFile } from './assets';
import { linkProblemPage } from './linkProblemPage';
import { localizePage } from './localizedPages';
import { pageLanguage } from './pageLanguage';

export interface PagesOptions {
  files: Record<PublicFile, Asset>;
  webChatBundle: Asset;
  links: Pick<DeviceCheckLinks, 'verify'>;
  /** The pages' words in every language (./pageTexts.ts). */
  texts: Pick<LoadedTexts, 'languages' | 'texts'>;
  /** Sets the HTML pages' security headers (see securityHeaders.ts). */
  pageHeaders: (req: Request, res: Response) => void;
}

/** Page scripts and styles, by URL; the same names as in src/web/public. */
const ASSET_URLS: Partial<Record<PublicFile, string>> = {
  'chat.js': '/assets/chat.js',
  'checkPage.js': '/assets/checkPage.js',
  'deviceCheck.js': '/assets/deviceCheck.js',
  'styles.css': '/assets/styles.css',
};

/**
 * GET / (the candidate's chat), GET /check?t= (the device check opened from a link), their
 * scripts and styles, and Web Chat's bundle at /webchat/webchat.js.
 */
export function registerPages(server: Server, { files, webChatBundle, links, texts, pageHeaders }: PagesOptions): void {
  const pages = localizedPages(files, texts);
  /** The page's language from `?lang=` or Accept-Language, said in the response, which varies by it. */
  const languageOf = (req: Request, res: Response): string => {
    const language = pageLanguage(req.url, req.headers['accept-language'], texts.languages);
    res.header('Content-Language', language);
    return language;
  };

  server.get('/', async function candidatePage(req: Request, res: Response) {
    pageHeaders(req, res);
    const language = languageOf(req, res);
    await send(req, res, pages[language]!['index.html']);
  });

  server.get('/check', async function deviceCheckPage(req: Request, res: Response) {
    pageHeaders(req, res);
    res.setHeader('Cache-Control', 'no-store');
    const language = languageOf(req, res);
    const check = links.verify(new URL(req.url ?? '/', 'http://localhost').searchParams.get('t'));
    if ('error' in check) {
      const problem = LINK_PROBLEMS[check.error];
      res.sendRaw(problem.status, linkProblemPage(check.error, language, texts.texts[language]!), { 'Content-Type': 'text/html; charset=utf-8' });
      return;
    }
    await send(req, res, pages[language]!['check.html']);
  });

  for (const [name, url] of Object.entries(ASSET_URLS) as [PublicFile, string][]) {
    server.get(url, async function pageAsset(req: Request, res: Response) {
      res.header('Cache-Control', 'no-cache');
      res.header('X-Content-Type-Options', 'nosniff');
      await send(req, res, files[name]);
    });
  }

  server.get('/webchat/webchat.js', async function webChatScript(req: Request, res: Response) {
    // Versioned by its ETag; a day's caching spares phones 1 MB on every visit.
    res.header('Cache-Control', 'public, max-age=86400');
    res.header('X-Content-Type-Options', 'nosniff');
    await send(req, res, webChatBundle);
  });
}

/** Sends a file, or 304 when the browser has it, gzipped when that's worth it and accepted. */
export async function send(req: Request, res: Response, file: Asset): Promise<void> {
  res.header('ETag', file.etag);
  // The pages differ by language too (above); a cache must not hand a Spanish page to a German browser.
  res.header('Vary', file.contentType.startsWith('text/html') ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.sendRaw(304, '');
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': file.contentType };
  if (file.body.length > 32 * 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    const body = await gzipped(file);
    res.sendRaw(200, body, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.length) });
    return;
  }
  res.sendRaw(200, file.body, { ...headers, 'Content-Length': String(file.body.length) });
}

type HtmlPage = Extract<PublicFile, `${string}.html`>;

/** Each HTML page in each language, made once at start-up: a request only picks one. */
function localizedPages(files: Record<PublicFile, Asset>, { languages, texts }: PagesOptions['texts']): Record<string, Record<HtmlPage, Asset>> {
  const html: HtmlPage[] = ['index.html', 'check.html'];
  return Object.fromEntries(
    languages.map((language) => [
      language,
      Object.fromEntries(html.map((name) => [name, asset(Buffer.from(localizePage(files[name].body.toString('utf8'), language, texts[language]!)), name)])) as Record<HtmlPage, Asset>,
    ]),
  );
}
