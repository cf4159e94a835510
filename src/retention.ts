import type { TicketStore } from './tickets/ticketStore';
import type { Logger } from './log';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Checked a few times a day: retention is counted in days, and a purge is cheap. */
const INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface RetentionTargets {
  tickets: Pick<TicketStore, 'purgeOlderThan'>;
  /** The conversation store, when it can delete by age (the embedded SQLite one can). */
  conversations?: { deleteOlderThan(before: Date): number | Promise<number> };
}

export interface PurgeReport {
  before: string;
  tickets: number;
  undeliveredTickets: number;
  conversationItems: number;
}

/** Deletes tickets (with the insight events kept beside them), transcripts and conversation state older than the retention period. */
export async function purgeExpired(targets: RetentionTargets, days: number, now: Date = new Date()): Promise<PurgeReport> {
  const before = new Date(now.getTime() - days * DAY_MS);
  const { tickets, undelivered } = await targets.tickets.purgeOlderThan(before);
  const conversationItems = (await targets.conversations?.deleteOlderThan(before)) ?? 0;
  return { before: before.toISOString(), tickets, undeliveredTickets: undelivered, conversationItems };
}

/** Runs the purge at start-up and then every few hours; returns a stop function. */
export function scheduleRetention(targets: RetentionTargets, days: number, log: Logger, now: () => Date = () => new Date()): () => void {
  const run = async () => {
    try {
      const report = await purgeExpired(targets, days, now());
      if (report.tickets + report.conversationItems > 0) log.info({ ...report, days }, 'retention purge');
    } catch (error) {
      log.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'retention purge failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
