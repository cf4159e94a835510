import type { Request, Response, Next } from 'restify';
import { clientAddress } from './clientAddress';
import { createRateLimit } from './rateLimit';
import { sendError } from './sendError';

/**
 * Limits unauthenticated traffic by address, before any token is verified: each request answered
 * 401 spends one of the address's tokens, and an address with none left gets 429 without its
 * token being looked at. The Bot Framework's own addresses never fail authentication, so real
 * candidates behind them are never slowed by this; a forger is.
 */
export function failedAuthLimit({ burst = 20, perMinute = 20, onLimited }: { burst?: number; perMinute?: number; onLimited?: (limit: 'failed_auth') => void } = {}) {
  const limit = createRateLimit({ burst, perMinute });
  return function limitFailedAuth(req: Request, res: Response, next: Next) {
    const address = clientAddress(req);
    const wait = limit.retryAfter(address);
    if (wait > 0) {
      onLimited?.('failed_auth');
      res.header('Retry-After', String(wait));
      sendError(res, 429, 'TooManyRequests', `Too many unauthenticated requests from this address; retry in ${wait} s`);
      return next(false);
    }
    res.once('finish', () => {
      if (res.statusCode === 401) limit.allow(address);
    });
    return next();
  };
}
