import type { DeviceFacts } from '../device';
import type { FormFieldId } from './schema';

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
  device?: DeviceFacts;
  /** The outcome of the last camera and microphone check, for guards. */
  check?: CheckOutcome;
  /** The escalation form's answers, only while the candidate is in the form (see src/flow/formActions.ts). */
  form?: FormAnswers;
}

/** What the candidate told the escalation form so far. */
export interface FormAnswers {
  /** Field answers as typed, cleaned of control characters. */
  fields: Partial<Record<FormFieldId, string>>;
  device?: FormDeviceAnswers;
  /** Set by "Send it" for the step the form leads to: only a sent form opens a ticket. */
  sent?: true;
}

/** The interview device, as the candidate described it in the form. */
export interface FormDeviceAnswers {
  /** The candidate confirmed the device the bot already knew is the interview device. */
  confirmed?: boolean;
  deviceType?: 'computer' | 'phone' | 'tablet';
  browser?: string;
}

/** What a camera and microphone check found, reduced to what the tree branches on. */
export type CheckOutcome = 'ok' | 'blocked' | 'no-device' | 'in-use' | 'failed';


/** Longest path kept: enough for any route through the guide, bounded for storage. */
export const MAX_PATH = 40;
