import type { Request, Response, Next } from 'restify';
import { createRateLimiter, type RateLimiter } from './rateLimiter';

/**
 * Flood control for /api/messages, per conversation and per user id — never per IP: in production
 * every request there comes from the Bot Framework's own addresses, so an IP limit would throttle
 * every candidate at once.
 */
export function messageRateLimit({ burst, perSecond }: { burst: number; perSecond: number }) {
  // A candidate may use several conversations (a reload, Teams and web): the user gets twice the room.
  const limits: { conversation: RateLimiter; user: RateLimiter } = {
    conversation: createRateLimiter({ capacity: burst, refillPerSecond: perSecond }),
    user: createRateLimiter({ capacity: burst * 2, refillPerSecond: perSecond * 2 }),
  };
  return function rateLimitMessages(req: Request, res: Response, next: Next) {
    const body = req.body as { channelId?: unknown; conversation?: { id?: unknown }; from?: { id?: unknown } } | undefined;
    const channel = String(body?.channelId ?? '');
    const decisions = [
      limits.conversation.take(`${channel}/${String(body?.conversation?.id ?? '')}`),
      ...(typeof body?.from?.id === 'string' ? [limits.user.take(`${channel}/${body.from.id}`)] : []),
    ];
    const denied = decisions.find((d) => !d.allowed);
    if (!denied) return next();
    res.header('Retry-After', String(denied.retryAfterSeconds));
    res.json(429, { error: 'TooManyRequests', message: `Too many messages in this conversation; retry in ${denied.retryAfterSeconds} s` });
    return next(false);
  };
}
