import { Gauge, type Registry } from 'prom-client';
import type { TicketStore } from '../tickets/ticketStore';
import type { Logger } from '../log';

export interface OutboxGaugeOptions {
  deliveries: Pick<TicketStore['deliveries'], 'pending' | 'oldestPending'>;
  /** The configured sinks: shown at 0 when nothing waits for them, so an alert has a series to watch. */
  sinks: readonly string[];
  log: Logger;
  now?: () => number;
}

/**
 * What waits in the outbox, read from the store on each scrape (one cheap query each, over the
 * undelivered rows only): the rows per sink, and how long the oldest of them has waited. Every
 * instance on one database reports the same numbers: aggregate them with max(), not sum().
 */
export function registerOutboxGauges(registry: Registry, { deliveries, sinks, log, now = Date.now }: OutboxGaugeOptions): void {
  new Gauge({
    name: 'bot_deliveries_pending',
    help: 'Ticket deliveries not yet made, by sink (read from the store at scrape time).',
    labelNames: ['sink'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const rows = await deliveries.pending();
        for (const sink of sinks) this.set({ sink }, 0);
        for (const { sink, count } of rows) this.set({ sink }, Number(count));
      } catch (error) {
        log.warn({ err: (error as Error).name }, 'metrics: could not count pending deliveries');
      }
    },
  });
  new Gauge({
    name: 'bot_outbox_oldest_pending_seconds',
    help: 'How long the oldest undelivered ticket has waited for each sink, in seconds (0 when none waits).',
    labelNames: ['sink'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        const rows = await deliveries.oldestPending();
        const at = now();
        for (const sink of sinks) this.set({ sink }, 0);
        for (const { sink, since } of rows) this.set({ sink }, Math.max(0, (at - since) / 1000));
      } catch (error) {
        log.warn({ err: (error as Error).name }, 'metrics: could not read the oldest pending delivery');
      }
    },
  });
}
