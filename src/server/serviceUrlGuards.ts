import type { Next, Request, Response } from 'restify';
import { isLoopback } from './loopback';
import { sendError } from './sendError';

/**
 * Where a request's replies may go. With authentication on, only to https channel endpoints (or
 * loopback, for the Emulator): a token-holding sender can't point the bot at an internal http
 * service. With it off, only to this machine (the Emulator, the local Direct Line): otherwise
 * anyone could make the bot POST to any address (blind SSRF, port probing by timing);
 * ALLOW_UNAUTHENTICATED_NETWORK lifts that, deliberately.
 */
export function serviceUrlGuard(req: Request, res: Response, next: Next) {
  const url = serviceUrlOf(req);
  if (url && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) return next();
  sendError(res, 400, 'BadActivity', 'serviceUrl must be an https URL');
  return next(false);
}

export function loopbackServiceUrlGuard(req: Request, res: Response, next: Next) {
  const url = serviceUrlOf(req);
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname)) return next();
  sendError(
    res,
    400,
    'BadActivity',
    'serviceUrl must be on this machine (localhost) while MicrosoftAppId is empty; set MicrosoftAppId, or ALLOW_UNAUTHENTICATED_NETWORK=true for a deliberately exposed development bot',
  );
  return next(false);
}

function serviceUrlOf(req: Request): URL | undefined {
  const serviceUrl = (req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl;
  try {
    return new URL(String(serviceUrl));
  } catch {
    return undefined;
  }
}
