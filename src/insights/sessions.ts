import type { InsightEvent } from './event';

/**
 * How an engaged session ended, in Copilot Studio's terms; `unengaged` when no topic, fallback or
 * escalation was reached. `resolved-implied`: it stopped right after an advice's "did that help?".
 */
export type SessionOutcome = 'unengaged' | 'resolved' | 'resolved-implied' | 'escalated' | 'abandoned';

/** The events of one conversation no more than the timeout apart, judged as if it ended at as-of when still open. */
export interface Session {
  conversation: string;
  /** `at` of its first event. */
  start: number;
  /** `at` of its last event. */
  end: number;
  /** Its last event is less than the timeout before as-of: it may go on, but is judged as if it ended at as-of. */
  open: boolean;
  /** Sorted by `at`, in arrival order when equal. */
  events: InsightEvent[];
  engaged: boolean;
  outcome: SessionOutcome;
  /** Topics entered, each once, in the order first entered. */
  topics: string[];
}

export interface SessionOptions {
  /** SESSION_TIMEOUT_MINUTES: a gap longer than this between two events starts a new session. */
  timeoutMinutes: number;
  /** The time the sessions are judged at (ms since epoch); later events are ignored. */
  asOf: number;
}

const MINUTE_MS = 60 * 1000;

/** Groups events into sessions per conversation and judges each one's outcome; pure, input in any order. */
export function sessionsOf(events: InsightEvent[], { timeoutMinutes, asOf }: SessionOptions): Session[] {
  if (!(timeoutMinutes > 0)) throw new Error(`The session timeout must be a positive number of minutes, got ${timeoutMinutes}`);
  const timeoutMs = timeoutMinutes * MINUTE_MS;
  const byConversation = new Map<string, InsightEvent[]>();
  for (const event of events) {
    if (event.at > asOf) continue;
    const list = byConversation.get(event.conversation);
    if (list) list.push(event);
    else byConversation.set(event.conversation, [event]);
  }
  const sessions: Session[] = [];
  for (const [conversation, list] of byConversation) {
    list.sort((a, b) => a.at - b.at); // stable: equal times keep their arrival order
    let current: InsightEvent[] = [];
    for (const event of list) {
      const last = current[current.length - 1];
      if (last && event.at - last.at > timeoutMs) {
        sessions.push(sessionFrom(conversation, current, asOf, timeoutMs));
        current = [];
      }
      current.push(event);
    }
    if (current.length > 0) sessions.push(sessionFrom(conversation, current, asOf, timeoutMs));
  }
  return sessions.sort((a, b) => a.start - b.start || compare(a.conversation, b.conversation));
}

function sessionFrom(conversation: string, events: InsightEvent[], asOf: number, timeoutMs: number): Session {
  const start = events[0]!.at;
  const end = events[events.length - 1]!.at;
  const engaged = events.some((e) => e.kind === 'entered' || e.kind === 'fallback' || e.kind === 'escalated');
  const topics: string[] = [];
  for (const e of events) if (e.kind === 'entered' && !topics.includes(e.topic)) topics.push(e.topic);
  return { conversation, start, end, open: asOf - end < timeoutMs, events, engaged, outcome: engaged ? outcomeOf(events) : 'unengaged', topics };
}

/**
 * The later of a confirmation and an escalation wins; without either, a session whose last step was
 * an advice asking "did that help?" is resolved, implied, and any other is abandoned. An open
 * session is judged the same way, as if it ended at as-of.
 */
function outcomeOf(events: InsightEvent[]): SessionOutcome {
  const last = lastStep(events);
  const decided = events.findLast((e) => e.kind === 'resolved' || e.kind === 'escalated');
  if (decided) return decided.kind === 'resolved' ? 'resolved' : 'escalated';
  return last?.kind === 'entered' && last.asksHelped ? 'resolved-implied' : 'abandoned';
}

/** The last event that moved the session: entered, resolved, escalated or fallback (not turns or CSAT). */
function lastStep(events: InsightEvent[]): InsightEvent | undefined {
  return events.findLast((e) => e.kind === 'entered' || e.kind === 'resolved' || e.kind === 'escalated' || e.kind === 'fallback');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
