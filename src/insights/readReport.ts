import { insightsReport, type InsightsReport } from './report';
import { sessionsOf } from './sessions';
import { eventsFromStored, type StoredInsight } from './storedEvents';

/** A session that began before `since` may have turns after it: read this much earlier, then count by start. */
const LOOK_BACK_MS = 24 * 3_600_000;

export interface ReadReportOptions {
  timeoutMinutes: number;
  /** Sessions that started from then on; all of them without it. */
  since?: number;
  asOf: number;
}

/**
 * The insights report from the stored events (the CLI, the operators' page and /metrics alike):
 * read from a day before `since`, sessions judged at `asOf`; `unreadable` counts rows this build can't read.
 */
export async function readInsightsReport(
  log: { between(from: number, to: number): Promise<StoredInsight[]> },
  { timeoutMinutes, since, asOf }: ReadReportOptions,
): Promise<{ report: InsightsReport; unreadable: number }> {
  const { events, unreadable } = eventsFromStored(await log.between(since === undefined ? 0 : since - LOOK_BACK_MS, asOf));
  return { report: insightsReport(sessionsOf(events, { timeoutMinutes, asOf }), { asOf, ...(since !== undefined && { since }) }), unreadable };
}
