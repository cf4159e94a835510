import type { Request, Response, Next } from 'restify';
import { createRateLimit, type RateLimit } from './rateLimit';

/**
 * Flood control for /api/messages, per conversation and per user id — never per IP: in production
 * every request there comes from the Bot Framework's own addresses, so an IP limit would throttle
 * every candidate at once.
 */
export function messageRateLimit({ burst, perSecond }: { burst: number; perSecond: number }) {
  // A candidate may use several conversations (a reload, Teams and web): the user gets twice the room.
  const limits: { conversation: RateLimit; user: RateLimit } = {
    conversation: createRateLimit({ burst, perMinute: perSecond * 60, maxClients: 100_000 }),
    user: createRateLimit({ burst: burst * 2, perMinute: perSecond * 120, maxClients: 100_000 }),
  };
  return function rateLimitMessages(req: Request, res: Response, next: Next) {
    const body = req.body as { channelId?: unknown; conversation?: { id?: unknown }; from?: { id?: unknown } } | undefined;
    const channel = String(body?.channelId ?? '');
    const checks: [RateLimit, string][] = [[limits.conversation, `${channel}/${String(body?.conversation?.id ?? '')}`]];
    if (typeof body?.from?.id === 'string') checks.push([limits.user, `${channel}/${body.from.id}`]);
    const denied = checks.find(([limit, key]) => !limit.allow(key));
    if (!denied) return next();
    const seconds = Math.max(1, denied[0].retryAfter(denied[1]));
    res.header('Retry-After', String(seconds));
    res.json(429, { error: 'TooManyRequests', message: `Too many messages in this conversation; retry in ${seconds} s` });
    return next(false);
  };
}
