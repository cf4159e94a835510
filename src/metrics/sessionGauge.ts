import { Gauge, type Registry } from 'prom-client';
import { readInsightsReport, type InsightsReport, type SessionOutcome } from '../insights';
import type { InsightLog } from '../tickets/ticketStore';
import type { Logger } from '../log';

const DAY_MS = 24 * 3_600_000;
/** Scrapes come every few seconds; the day's sessions are read again at most this often. */
const REFRESH_MS = 60_000;

export interface SessionGaugeOptions {
  insights: Pick<InsightLog, 'between'>;
  /** SESSION_TIMEOUT_MINUTES. */
  timeoutMinutes: number;
  log: Logger;
  now?: () => number;
  refreshMs?: number;
}

/** The report's counts under the outcome names of src/insights/sessions.ts. */
export function sessionsByOutcome(report: InsightsReport): Record<SessionOutcome, number> {
  return {
    unengaged: report.unengaged,
    resolved: report.resolvedConfirmed,
    'resolved-implied': report.resolvedImplied,
    escalated: report.escalated,
    abandoned: report.abandoned,
  };
}

/**
 * `bot_sessions_last_24h{outcome}`: the sessions that started in the last 24 hours, judged as of
 * the scrape (an open one as if it ended then), from the insight events with the insights report's
 * own definitions. A window, not a counter: it goes down as old sessions leave it.
 */
export function registerSessionGauge(registry: Registry, { insights, timeoutMinutes, log, now = Date.now, refreshMs = REFRESH_MS }: SessionGaugeOptions): void {
  let last: { at: number; counts: Record<SessionOutcome, number> } | undefined;
  new Gauge({
    name: 'bot_sessions_last_24h',
    help: 'Sessions that started in the last 24 hours, by outcome (unengaged, resolved, resolved-implied, escalated, abandoned), judged at scrape time.',
    labelNames: ['outcome'],
    registers: [registry],
    async collect() {
      const asOf = now();
      if (!last || asOf - last.at >= refreshMs) {
        try {
          const since = asOf - DAY_MS;
          const { report } = await readInsightsReport(insights, { timeoutMinutes, since, asOf });
          last = { at: asOf, counts: sessionsByOutcome(report) };
        } catch (error) {
          log.warn({ err: (error as Error).name }, 'metrics: could not read the insight events');
          last = undefined;
        }
      }
      this.reset();
      if (last) for (const [outcome, count] of Object.entries(last.counts)) this.set({ outcome }, count);
    },
  });
}
