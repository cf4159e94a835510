import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The content codings this server sends besides identity, best first. */
export const CODINGS = ['br', 'gzip'] as const;
export type Coding = (typeof CODINGS)[number];

export interface Asset {
  body: Buffer;
  contentType: string;
  /** sha256 of the body, base64url, 16 characters: the name of its version. */
  hash: string;
  /** The identity body's ETag; each compressed body has its own (sendAsset.ts). */
  etag: string;
  /** The body compressed, by coding: read from the build's files, made at start-up, or made on first request. */
  encoded?: Partial<Record<Coding, Promise<Buffer>>>;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export function asset(body: Buffer, name: string): Asset {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const hash = contentHash(body);
  return { body, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', hash, etag: `"${hash}"` };
}

/** Names a file's version, in its URL and in the build's compressed copies (dist/web-assets/<hash>.br). */
export function contentHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 16);
}

export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: cannot find src/web/public`);
  }
}
