import type { Request, Response, Server } from 'restify';
import { LINK_PROBLEMS } from '../deviceCheck/endpoint';
import type { DeviceCheckLinks } from '../deviceCheck/links';
import { gzipped, type Asset, type PublicFile } from './assets';
import { linkProblemPage } from './linkProblemPage';

export interface PagesOptions {
  files: Record<PublicFile, Asset>;
  webChatBundle: Asset;
  links: Pick<DeviceCheckLinks, 'verify'>;
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
export function registerPages(server: Server, { files, webChatBundle, links, pageHeaders }: PagesOptions): void {
  server.get('/', async function candidatePage(req: Request, res: Response) {
    pageHeaders(req, res);
    await send(req, res, files['index.html']);
  });

  server.get('/check', async function deviceCheckPage(req: Request, res: Response) {
    pageHeaders(req, res);
    res.setHeader('Cache-Control', 'no-store');
    const check = links.verify(new URL(req.url ?? '/', 'http://localhost').searchParams.get('t'));
    if ('error' in check) {
      const problem = LINK_PROBLEMS[check.error];
      res.sendRaw(problem.status, linkProblemPage(problem.message), { 'Content-Type': 'text/html; charset=utf-8' });
      return;
    }
    await send(req, res, files['check.html']);
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
async function send(req: Request, res: Response, file: Asset): Promise<void> {
  res.header('ETag', file.etag);
  res.header('Vary', 'Accept-Encoding');
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
