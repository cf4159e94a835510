import type { Request, Response, Server } from 'restify';
import { LINK_PROBLEMS } from '../deviceCheck/endpoint';
import type { DeviceCheckLinks } from '../deviceCheck/links';
import type { LoadedTexts } from '../languages';
import { asset, type Asset } from './assets';
import { compressInBackground } from './compressedBodies';
import { linkProblemPage } from './linkProblemPage';
import { localizePage } from './localizedPages';
import { PAGE_TEMPLATES, type PageAsset, type PageFiles, type PageTemplate } from './pageFiles';
import { pageLanguage } from './pageLanguage';
import { send } from './sendAsset';
import { chatHtml, type PageReply } from './chatHtml';

export interface PagesOptions {
  /** The page templates and what they load (loadPageFiles). */
  files: PageFiles;
  links: Pick<DeviceCheckLinks, 'verify'>;
  /** The pages' words in every language (./pageTexts.ts). */
  texts: Pick<LoadedTexts, 'languages' | 'texts'>;
  /** Sets the HTML pages' security headers (see securityHeaders.ts). */
  pageHeaders: (req: Request, res: Response) => void;
  /** What the bot says first, by language, rendered into the chat page (without one: the message box alone). */
  greetings?: Record<string, readonly PageReply[]>;
}

/** A year, immutable: the URL names the file's version, so a changed file is a new URL. */
const FOREVER = 'public, max-age=31536000, immutable';

/**
 * GET / (the candidate's chat), GET /check?t= (the device check opened from a link), and what
 * they load at /assets/<hash>/<name>: a repeat visit asks for none of it.
 */
export function registerPages(server: Server, { files, links, texts, pageHeaders, greetings = {} }: PagesOptions): { assetUrl(name: PageAsset): string } {
  const assetUrls = new Map(Object.entries(files.assets).map(([name, file]) => [name, `/assets/${file.hash}/${name}`]));
  const welcome = (language: string) => chatHtml({ replies: greetings[language] ?? [], language, texts: texts.texts[language]! });
  const pages = localizedPages(files.templates, texts, (name) => assetUrls.get(name), welcome);
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
      res.sendRaw(problem.status, linkProblemPage(check.error, language, texts.texts[language]!, assetUrls.get('styles.css')!), { 'Content-Type': 'text/html; charset=utf-8' });
      return;
    }
    await send(req, res, pages[language]!['check.html']);
  });

  for (const [name, file] of Object.entries(files.assets) as [PageAsset, Asset][]) {
    server.get(assetUrls.get(name)!, async function pageAsset(req: Request, res: Response) {
      res.header('Cache-Control', FOREVER);
      res.header('X-Content-Type-Options', 'nosniff');
      await send(req, res, file);
    });
  }

  return { assetUrl: (name) => assetUrls.get(name)! };
}

/**
 * Each HTML page in each language, made and compressed once at start-up (~5 ms a page at
 * Brotli's best): a request only picks one.
 */
function localizedPages(
  templates: PageFiles['templates'],
  { languages, texts }: PagesOptions['texts'],
  assetUrl: (name: string) => string | undefined,
  welcome: (language: string) => string,
): Record<string, Record<PageTemplate, Asset>> {
  const page = (name: PageTemplate, language: string) => {
    const file = asset(Buffer.from(localizePage(templates[name], language, texts[language]!, assetUrl, { welcome: welcome(language) })), name);
    compressInBackground(file);
    return [name, file];
  };
  return Object.fromEntries(languages.map((language) => [language, Object.fromEntries(PAGE_TEMPLATES.map((name) => page(name, language)))]));
}
