import type { Request, Response, Next } from 'restify';
import { sendError } from './sendError';

/**
 * Refuses compressed request bodies on every route, before any body is read. No Bot Framework
 * channel, Direct Line client or browser compresses what it posts, and accepting it costs twice:
 * restify's gunzip stream has no error handler (a body that isn't gzip crashed the process), and
 * a 200 KB gzip body can unpack to 200 MB past the size limit. Refusing is the smallest surface.
 */
export function refuseCompressedBodies(req: Request, res: Response, next: Next) {
  const encoding = (req.header('content-encoding') ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return next();
  res.header('Accept-Encoding', 'identity');
  sendError(res, 415, 'UnsupportedEncoding', 'Compressed request bodies are not accepted: send the body without Content-Encoding');
  return next(false);
}
