import type { Request } from 'restify';

/**
 * The address a request came from, for rate limits. The socket's, not X-Forwarded-For: a header
 * is whatever the client says. Behind a reverse proxy every candidate shares the proxy's address,
 * so limits there are per proxy (see docs/WEBCHAT.md).
 */
export function clientAddress(req: Request): string {
  return req.socket?.remoteAddress ?? 'unknown';
}
