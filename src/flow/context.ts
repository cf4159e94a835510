import type { DeviceFacts } from '../device';

/**
 * What the decision tree remembers besides where it is. Kept small: it is saved on every turn,
 * and the benchmark budget is a few KB per conversation.
 */
export interface ConversationContext {
  /** The topic the candidate is in, for tickets and analytics. */
  topic: string | null;
  /** State ids of the guidance already given, oldest first: "the steps the bot already gave". */
  path: string[];
  /** What is known of the candidate's device, for guards and tickets. */
  device?: DeviceSummary;
  /** The outcome of the last camera and microphone check, for guards. */
  check?: CheckOutcome;
}

/** What a camera and microphone check found, reduced to what the tree branches on. */
export type CheckOutcome = 'ok' | 'blocked' | 'no-device' | 'in-use' | 'failed';

/** The device facts guards read; `src/device` produces them. Every field optional: we may know nothing. */
export type DeviceSummary = DeviceFacts;

/** Longest path kept: enough for any route through the guide, bounded for storage. */
export const MAX_PATH = 40;
