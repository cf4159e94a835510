import type { Logger } from '../log';
import type { TicketStore } from '../tickets/ticketStore';
import { createBotMetrics } from './botMetrics';
import { registerOutboxGauges } from './outboxGauges';
import { registerSessionGauge } from './sessionGauge';

export interface AppMetricsOptions {
  tickets: Pick<TicketStore, 'deliveries' | 'insights'>;
  /** The configured sink names. */
  sinks: readonly string[];
  /** SESSION_TIMEOUT_MINUTES. */
  sessionTimeoutMinutes: number;
  log: Logger;
  now?: () => number;
}

/**
 * Everything `/metrics` shows for one app: the counters the wiring feeds (turns, replies, tickets,
 * deliveries, 429s), the gauges read from the store at scrape time (outbox, sessions of the last
 * day) and the process metrics; `scrape` renders them as Prometheus text.
 */
export function createAppMetrics({ tickets, sinks, sessionTimeoutMinutes, log, now }: AppMetricsOptions) {
  const metrics = createBotMetrics({ sinks });
  registerOutboxGauges(metrics.registry, { deliveries: tickets.deliveries, sinks, log, now });
  registerSessionGauge(metrics.registry, { insights: tickets.insights, timeoutMinutes: sessionTimeoutMinutes, log, now });
  return {
    ...metrics,
    scrape: async () => ({ contentType: metrics.registry.contentType as string, text: await metrics.registry.metrics() }),
  };
}

export type AppMetrics = ReturnType<typeof createAppMetrics>;
