import { createRateLimit, type RateLimit } from './rateLimit';

/** What the endpoint answers instead of running the turn. */
export interface Refusal {
  status: number;
  body: { error: string; message: string };
  headers?: Record<string, string>;
}

/** The ids of an activity that the limit is keyed on; read after the activity guard checked them. */
interface Addressed {
  channelId?: unknown;
  conversation?: { id?: unknown };
  from?: { id?: unknown };
}

/**
 * Flood control for /api/messages, per conversation and per user id — never per IP: in production
 * every request there comes from the Bot Framework's own addresses, so an IP limit would throttle
 * every candidate at once. It runs once the request is authenticated: ids in a request with a
 * forged token are whatever the forger wrote, and must not spend a real conversation's allowance.
 */
export function messageRateLimit({ burst, perSecond, onLimited }: { burst: number; perSecond: number; onLimited?: (limit: 'conversation' | 'user') => void }) {
  // A candidate may use several conversations (a reload, Teams and web): the user gets twice the room.
  const limits: { conversation: RateLimit; user: RateLimit } = {
    conversation: createRateLimit({ burst, perMinute: perSecond * 60, maxClients: 100_000 }),
    user: createRateLimit({ burst: burst * 2, perMinute: perSecond * 120, maxClients: 100_000 }),
  };
  return function admitMessage(activity: Addressed): Refusal | undefined {
    const channel = String(activity.channelId ?? '');
    const checks: [RateLimit, string, 'conversation' | 'user'][] = [[limits.conversation, `${channel}/${String(activity.conversation?.id ?? '')}`, 'conversation']];
    if (typeof activity.from?.id === 'string') checks.push([limits.user, `${channel}/${activity.from.id}`, 'user']);
    const denied = checks.find(([limit, key]) => !limit.allow(key));
    if (!denied) return undefined;
    onLimited?.(denied[2]);
    const seconds = Math.max(1, denied[0].retryAfter(denied[1]));
    return {
      status: 429,
      headers: { 'Retry-After': String(seconds) },
      body: { error: 'TooManyRequests', message: `Too many messages in this conversation; retry in ${seconds} s` },
    };
  };
}
