import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { asset, packageRoot, type Asset } from '../web/assets';
import { send } from '../web/sendAsset';
import { sendPageHeaders } from '../web/securityHeaders';

/** The page's own files, in src/web/public beside the candidate page's (not compiled, served as they are). */
const PAGE_FILES = ['insights.html', 'insights.js', 'insights.css'] as const;
type PageFile = (typeof PAGE_FILES)[number];

export interface InsightsPageFiles {
  page: Asset;
  script: Asset;
  styles: Asset;
  /** uPlot from node_modules, under a path that names its version. */
  uPlot: { base: string; script: Asset; styles: Asset };
}

/**
 * Read once at start-up: a missing file stops the server, not an operator's page. uPlot (MIT, ~50 KB)
 * comes from node_modules at the version package-lock.json pins; no CDN.
 */
export function loadInsightsPageFiles(root = packageRoot()): InsightsPageFiles {
  const read = (name: PageFile) => readFileSync(join(root, 'src/web/public', name));
  const uPlotDir = dirname(require.resolve('uplot/package.json'));
  const { version } = JSON.parse(readFileSync(join(uPlotDir, 'package.json'), 'utf8')) as { version: string };
  const base = `/vendor/uplot/${encodeURIComponent(version)}`;
  const html = read('insights.html').toString('utf8').replaceAll('{{uPlot}}', base);
  return {
    page: asset(Buffer.from(html), 'insights.html'),
    script: asset(read('insights.js'), 'insights.js'),
    styles: asset(read('insights.css'), 'insights.css'),
    uPlot: {
      base,
      script: { ...asset(readFileSync(join(uPlotDir, 'dist/uPlot.iife.min.js')), 'uPlot.js'), etag: `"uplot-${version}-js"` },
      styles: { ...asset(readFileSync(join(uPlotDir, 'dist/uPlot.min.css')), 'uPlot.css'), etag: `"uplot-${version}-css"` },
    },
  };
}

/**
 * The operators' page headers: scripts, styles and requests to this server only (no inline script
 * or style, no CDN), never framed, no camera or microphone, no referrer.
 */
export function setInsightsPageHeaders(_req: Request, res: Response): void {
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ];
  sendPageHeaders(res, policy, 'camera=(), microphone=(), geolocation=(), payment=()');
  res.setHeader('X-Frame-Options', 'DENY');
}

/**
 * GET /insights (the page), /assets/insights.js and .css, and uPlot at /vendor/uplot/<version>/.
 * The page holds no data: it asks for the token and reads GET /api/insights with it.
 */
export function registerInsightsPage(server: Server, files: InsightsPageFiles = loadInsightsPageFiles()): void {
  server.get('/insights', async function insightsPage(req: Request, res: Response) {
    setInsightsPageHeaders(req, res);
    await send(req, res, files.page);
  });
  const assets: [string, Asset, string][] = [
    ['/assets/insights.js', files.script, 'no-cache'],
    ['/assets/insights.css', files.styles, 'no-cache'],
    // The version is in the path: a new one is a new URL.
    [`${files.uPlot.base}/uPlot.iife.min.js`, files.uPlot.script, 'public, max-age=31536000, immutable'],
    [`${files.uPlot.base}/uPlot.min.css`, files.uPlot.styles, 'public, max-age=31536000, immutable'],
  ];
  for (const [url, file, cache] of assets) {
    server.get(url, async function insightsPageAsset(req: Request, res: Response) {
      res.header('Cache-Control', cache);
      res.header('X-Content-Type-Options', 'nosniff');
      await send(req, res, file);
    });
  }
}
