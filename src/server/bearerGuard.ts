import type { Request, Response } from 'restify';
import { clientAddress } from './clientAddress';
import { createRateLimit } from './rateLimit';
import { secretMatcher } from './secretMatcher';
import { sendError } from './sendError';

export interface BearerGuardOptions {
  /** What the token is called in the 401's message: "the tickets API token". */
  name: string;
  /** A limit per address before the token is looked at: for a public endpoint whose token is worth guessing. */
  perAddress?: { burst: number; perMinute: number };
}

/**
 * The check in front of a route behind a bearer token, compared in constant time: answers 429
 * (over the address's limit) or 401 (with `WWW-Authenticate: Bearer`) itself and returns false,
 * or returns true for the right token.
 */
export function bearerGuard(token: string, { name, perAddress }: BearerGuardOptions) {
  const isToken = secretMatcher(token);
  const limit = perAddress && createRateLimit(perAddress);
  return function authorized(req: Request, res: Response): boolean {
    const client = clientAddress(req);
    if (limit && !limit.allow(client)) {
      res.header('Retry-After', String(limit.retryAfter(client)));
      sendError(res, 429, 'rate_limited', 'Too many requests from this address; try again in a minute.');
      return false;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (isToken(match?.[1])) return true;
    res.header('WWW-Authenticate', 'Bearer');
    sendError(res, 401, 'unauthorized', `Send ${name} as "Authorization: Bearer <token>".`);
    return false;
  };
}
