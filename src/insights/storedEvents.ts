import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { InsightEvent, InsightFact } from './event';

/** An insight event as the ticket database keeps it (structurally `InsightRow` of src/tickets/ticketStore.ts). */
export interface StoredInsight {
  conversation: string;
  at: number;
  fact: string;
}

/**
 * The conversation an event belongs to, one-way: sessions are told apart without a channel's
 * conversation id (a Teams or Web Chat id) ever reaching the insights.
 */
export function conversationTag(conversationKey: string): string {
  return createHash('sha256').update(conversationKey).digest('base64url').slice(0, 16);
}

/** A turn's facts as rows to store. */
export function storedInsights(conversationKey: string, facts: readonly InsightFact[], at: Date): StoredInsight[] {
  const conversation = conversationTag(conversationKey);
  return facts.map((fact) => ({ conversation, at: at.getTime(), fact: JSON.stringify(fact) }));
}

const Fact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('turn') }),
  z.object({ kind: z.literal('entered'), node: z.string(), topic: z.string(), asksHelped: z.boolean() }),
  z.object({ kind: z.literal('fallback'), text: z.string() }),
  z.object({ kind: z.literal('resolved') }),
  z.object({ kind: z.literal('escalated'), how: z.enum(['ticket', 'self']) }),
  z.object({ kind: z.literal('csat'), score: z.number().int().min(1).max(5) }),
  z.object({ kind: z.literal('comment'), text: z.string() }),
]);

/**
 * Stored rows back as events, checked: a row this build can't read (written by a newer one, or
 * damaged) is counted and left out, never a reason to show no report.
 */
export function eventsFromStored(rows: readonly StoredInsight[]): { events: InsightEvent[]; unreadable: number } {
  const events: InsightEvent[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const fact = Fact.safeParse(parseJson(row.fact));
    if (fact.success) events.push({ conversation: row.conversation, at: row.at, ...(fact.data as InsightFact) });
    else unreadable += 1;
  }
  return { events, unreadable };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
