import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
  /** Filled on first request by a client that accepts gzip. */
  gzipped?: Promise<Buffer>;
}

/** The page files, served by name: nothing outside this list is reachable. */
export const PUBLIC_FILES = ['index.html', 'check.html', 'chat.js', 'checkPage.js', 'deviceCheck.js', 'styles.css'] as const;
export type PublicFile = (typeof PUBLIC_FILES)[number];

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

const gzipAsync = promisify(gzip);

/**
 * The page files from src/web/public. They are not compiled, so they are found from the package
 * root whether this runs from src/ (tests) or dist/src/ (npm start). Read once at start-up: a
 * missing file stops the server rather than a candidate's page.
 */
export function loadPublicFiles(root = packageRoot()): Record<PublicFile, Asset> {
  const folder = join(root, 'src/web/public');
  return Object.fromEntries(PUBLIC_FILES.map((name) => [name, asset(readFileSync(join(folder, name)), name)])) as Record<PublicFile, Asset>;
}

/**
 * Web Chat's self-contained UMD bundle (~4 MB, ~1 MB gzipped), straight from node_modules: no CDN,
 * so the page works where a CDN is blocked and its version is the one package-lock.json pins.
 */
export function loadWebChatBundle(): Asset {
  const packageDir = join(dirname(require.resolve('botframework-webchat')), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const body = readFileSync(join(packageDir, 'dist/webchat.js'));
  return { body, contentType: CONTENT_TYPES.js!, etag: `"webchat-${version}"` };
}

/** The body gzipped, computed once (asynchronously: 4 MB would block the event loop for a while). */
export function gzipped(file: Asset): Promise<Buffer> {
  file.gzipped ??= gzipAsync(file.body, { level: 9 });
  return file.gzipped;
}

export function asset(body: Buffer, name: string): Asset {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
  return { body, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', etag: `"${hash}"` };
}

export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: cannot find src/web/public`);
  }
}
