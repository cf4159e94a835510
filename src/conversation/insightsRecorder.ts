import type { InsightFact, StoredInsight } from '../insights';
import { storedInsights } from '../insights';
import type { Logger } from '../log';

export interface InsightsRecorderOptions {
  /** Stores rows in one transaction (the ticket database's `insights.append`). */
  append: (rows: StoredInsight[]) => Promise<void>;
  log: Logger;
  /** How long facts wait to be stored together: one transaction for every turn in that time. */
  flushMs?: number;
}

/**
 * Keeps each turn's insight facts, in batches: a turn only adds its rows to a buffer (no candidate
 * waits on the insights, not even for a ticket file another process has locked), and every
 * `flushMs` the buffer is stored in one transaction, so the insights cost no write per turn.
 * A failed batch is logged and dropped: the insights may lose a few events, never a turn.
 */
export function createInsightsRecorder({ append, log, flushMs = 50 }: InsightsRecorderOptions) {
  let buffer: StoredInsight[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const rows = buffer;
    buffer = [];
    if (rows.length > 0) {
      writing = writing.then(() => append(rows)).catch((error: Error) => log.warn({ err: error.message, events: rows.length }, 'could not keep insight events'));
    }
    return writing;
  };

  return {
    record: async function recordInsights(conversationKey: string, facts: InsightFact[], at: Date): Promise<void> {
      if (facts.length === 0) return;
      buffer.push(...storedInsights(conversationKey, facts, at));
      if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref();
      }
    },
    /** Stores what is buffered, and waits for every batch: before the database closes. */
    flush,
  };
}
