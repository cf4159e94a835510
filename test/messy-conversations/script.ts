/**
 * A messy conversation: what a candidate types, turn by turn, and what each reply must (and must
 * not) do. Written the way people type, before the bot was changed to pass them.
 */
export interface Expect {
  /** The guide topic the reply must come from ("beyond": an honest answer outside the guide, "social": small talk). */
  topic?: string;
  /** Text the reply must show. */
  shows?: RegExp;
  /** Text the reply must not show (a question already answered, another topic's advice). */
  never?: RegExp;
  /** The reply may say it didn't understand (rare: gibberish). */
  fallbackOk?: boolean;
}

export type Turn = [says: string, expect?: Expect];

export interface MessyConversation {
  name: string;
  /** Which point of the issue it covers (1 answers in context … 5 social turns). */
  point: 1 | 2 | 3 | 4 | 5;
  turns: Turn[];
  /** Counted for "messages to a ticket": all details in one message, or with one correction. */
  ticket?: 'one-message' | 'one-correction';
}

// What the form asks, so a script can say "not asked again".
export const ASKS_NAME = /full name/i;
export const ASKS_EMAIL = /Which email address/i;
export const ASKS_POSITION = /Which position/i;
export const ASKS_COMPANY = /Which company/i;
export const ASKS_DEVICE = /Which device do you use/i;
export const ASKS_BROWSER = /Which browser do you open/i;
export const REVIEW = /Here's what I'll send/i;
export const TICKET = /CS-\d{6,}/;
export const NOT_EMAIL = /doesn't look like an email/i;
