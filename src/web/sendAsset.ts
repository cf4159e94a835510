import type { Request, Response } from 'restify';
import { preferredCoding } from './acceptEncoding';
import type { Asset } from './assets';
import { encodedBody } from './compressedBodies';

/** Below this, compressing saves less than its headers and CPU cost. */
const SMALLEST_COMPRESSED = 1024;

/**
 * Sends a file in the coding the browser prefers (Brotli, else gzip, else as it is), or 304 when
 * it has that very representation. Each coding has its own strong ETag ("<hash>-br"): the bytes
 * differ, and a cache must never answer a gzip-only browser's revalidation with Brotli bytes.
 */
export async function send(req: Request, res: Response, file: Asset): Promise<void> {
  const coding = file.body.length >= SMALLEST_COMPRESSED ? preferredCoding(req.headers['accept-encoding']) : undefined;
  const etag = coding ? file.etag.replace(/"$/, `-${coding}"`) : file.etag;
  res.header('ETag', etag);
  // The pages differ by language too; a cache must not hand a Spanish page to a German browser.
  res.header('Vary', file.contentType.startsWith('text/html') ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding');
  if (matches(req.headers['if-none-match'], etag)) {
    res.sendRaw(304, '');
    return;
  }
  const body = coding ? await encodedBody(file, coding) : file.body;
  const headers: Record<string, string> = { 'Content-Type': file.contentType, 'Content-Length': String(body.length) };
  if (coding) headers['Content-Encoding'] = coding;
  res.sendRaw(200, body, headers);
}

/** If-None-Match's weak comparison (RFC 9110 §13.1.2): a list of tags, `W/` ignored, or `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
