import type { Request, Response, Server } from 'restify';
import { secretMatcher } from '../server/secretMatcher';
import { sendError } from '../server/sendError';

export interface MetricsRouteOptions {
  /** METRICS_TOKEN: without one the route is not registered (404 like any unknown path). */
  token: string | undefined;
  /** The Prometheus text of one scrape, and its content type. */
  scrape: () => Promise<{ contentType: string; text: string }>;
}

/**
 * GET /metrics for Prometheus, only with `Authorization: Bearer <METRICS_TOKEN>` (compared in
 * constant time; 401 otherwise). The token is never logged: restify's error log names the path only.
 */
export function registerMetricsRoute(server: Server, { token, scrape }: MetricsRouteOptions): void {
  if (!token) return;
  const isToken = secretMatcher(token);
  server.get('/metrics', async function metrics(req: Request, res: Response) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!isToken(match?.[1])) {
      res.header('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'unauthorized', 'Send the metrics token as "Authorization: Bearer <token>".');
    }
    const { contentType, text } = await scrape();
    res.sendRaw(200, text, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });
}
