import type { Request, Response, Server } from 'restify';
import { bearerGuard } from '../server/bearerGuard';

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
  const authorized = bearerGuard(token, { name: 'the metrics token' });
  server.get('/metrics', async function metrics(req: Request, res: Response) {
    if (!authorized(req, res)) return;
    const { contentType, text } = await scrape();
    res.sendRaw(200, text, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });
}
