import type { Server } from 'restify';
import { registerInsightsApi, type InsightsApiOptions } from './insightsApi';
import { registerInsightsPage } from './insightsPageRoutes';

export { registerInsightsApi, windowOf } from './insightsApi';
export { loadInsightsPageFiles, registerInsightsPage } from './insightsPageRoutes';

/**
 * The operators' insights (issue 19): GET /api/insights behind the tickets API's token, and the page
 * at /insights that reads it. Neither exists without TICKETS_API_TOKEN.
 */
export function registerInsights(server: Server, options: InsightsApiOptions): void {
  if (!options.token) return;
  registerInsightsApi(server, options);
  registerInsightsPage(server);
}
