import type { Next, Request, Response } from 'restify';
import { isLoopback } from './loopback';
import { sendError } from './sendError';

/**
 * With authentication off, replies only go to this machine (the Emulator, the local Direct Line):
 * otherwise anyone could make the bot POST to any address (blind SSRF, port probing by timing).
 * ALLOW_UNAUTHENTICATED_NETWORK lifts this, deliberately.
 */
export function loopbackServiceUrlGuard(req: Request, res: Response, next: Next) {
  const serviceUrl = (req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl;
  let url: URL | undefined;
  try {
    url = new URL(String(serviceUrl));
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname)) return next();
  sendError(
    res,
    400,
    'BadActivity',
    'serviceUrl must be on this machine (localhost) while MicrosoftAppId is empty; set MicrosoftAppId, or ALLOW_UNAUTHENTICATED_NETWORK=true for a deliberately exposed development bot',
  );
  return next(false);
}
