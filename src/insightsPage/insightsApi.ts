import type { Request, Response, Server } from 'restify';
import { parseSince, readInsightsReport } from '../insights';
import type { InsightLog } from '../tickets/ticketStore';
import { bearerGuard } from '../server/bearerGuard';
import { sendError } from '../server/sendError';

export interface InsightsApiOptions {
  /** TICKETS_API_TOKEN: without one the route is not registered (404 like any unknown path). */
  token: string | undefined;
  /** Where the turn runner keeps the insight events (the ticket database). */
  insights: Pick<InsightLog, 'between'>;
  /** SESSION_TIMEOUT_MINUTES. */
  timeoutMinutes: number;
  now?: () => number;
}

const HOUR_MS = 3_600_000;
/** A window longer than this reads too many events for one request; the CLI has no such limit. */
const MAX_WINDOW_MS = 366 * 24 * HOUR_MS;
const DEFAULT_SINCE = '30d';
const DURATION = /^\s*\d+[mhdw]\s*$/;

/**
 * GET /api/insights?since=7d&asOf=ISO: the insights report (src/insights, the same JSON as
 * `npm run insights -- --json`) for the sessions that started in the window, judged at `asOf`
 * (default now). Behind the tickets API's bearer token, compared in constant time, and its limit
 * per address; `Cache-Control: no-store`.
 */
export function registerInsightsApi(server: Server, { token, insights, timeoutMinutes, now = Date.now }: InsightsApiOptions): void {
  if (!token) return;
  const authorized = bearerGuard(token, { name: 'the tickets API token', perAddress: { burst: 30, perMinute: 60 } });

  server.get('/api/insights', async function insightsRoute(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const window = windowOf(new URL(req.url ?? '/', 'http://localhost').searchParams, now());
    if ('problem' in window) return sendError(res, 400, 'bad_request', window.problem);
    const { since, asOf } = window;
    const { report } = await readInsightsReport(insights, { timeoutMinutes, since, asOf });
    res.header('Cache-Control', 'no-store');
    res.json(200, report);
  });
}

/** `since` (a duration before `asOf`, or an ISO time) and `asOf` (an ISO time, default now), or what is wrong with them. */
export function windowOf(query: URLSearchParams, now: number): { since: number; asOf: number } | { problem: string } {
  const asOfText = query.get('asOf');
  let asOf = now;
  if (asOfText !== null && asOfText !== '') {
    const parsed = DURATION.test(asOfText) ? undefined : attempt(() => parseSince(asOfText, now));
    if (parsed === undefined) return { problem: 'asOf must be an ISO time with a zone, like 2026-11-30T12:00:00Z.' };
    asOf = parsed;
  }
  const since = attempt(() => parseSince(query.get('since') || DEFAULT_SINCE, asOf));
  if (since === undefined) return { problem: 'since must be a duration like 7d, 30d, 90d, 24h or 2w, or an ISO time with a zone, like 2026-11-01T00:00:00Z.' };
  if (since > asOf) return { problem: 'since must be before asOf.' };
  if (asOf - since > MAX_WINDOW_MS) return { problem: 'since may reach back 366 days at most.' };
  return { since, asOf };
}

function attempt(parse: () => number): number | undefined {
  try {
    return parse();
  } catch {
    return undefined;
  }
}
