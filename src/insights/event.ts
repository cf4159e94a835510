/**
 * What the insights keep of a turn: where the candidate went and how it ended, never what they
 * wrote (an unrecognised message is kept only with personal data masked, to become a new example).
 * One row each; `conversation` is a one-way hash of the conversation's key, so no channel id is kept.
 */
export type InsightEvent = { conversation: string; at: number } & InsightFact;

/** An event without whose and when: what `turnEvents` derives from a turn, purely. */
export type InsightFact =
  /** The candidate wrote, clicked or opened the chat: a session is the turns no more than SESSION_TIMEOUT_MINUTES apart. */
  | { kind: 'turn' }
  /**
   * The candidate arrived at a node of the tree (`topic/node`). `asksHelped`: it is advice that ends in
   * "did that help?", so a session that stops right after it counts as resolved, implied.
   */
  | { kind: 'entered'; node: string; topic: string; asksHelped: boolean }
  /** The bot could not place a message (the fallback); `text` is it with personal data masked, clipped. */
  | { kind: 'fallback'; text: string }
  /** The candidate confirmed the advice worked. */
  | { kind: 'resolved' }
  /** A ticket was opened (`ticket`) or the candidate chose to write to the recruiter themselves (`self`). */
  | { kind: 'escalated'; how: 'ticket' | 'self' }
  /** The answer to "how did I do?", 1 to 5, once per session. */
  | { kind: 'csat'; score: number }
  /** What the candidate added after their score, with personal data masked, clipped. */
  | { kind: 'comment'; text: string };

export type InsightKind = InsightFact['kind'];
