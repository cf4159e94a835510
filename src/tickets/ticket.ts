import { z } from 'zod';
import type { DeviceProfile } from '../device';
import { neutraliseLine, neutraliseText } from './neutralise';
import { clip } from '../clip';

/**
 * A recruiter ticket: everything the recruiter needs to act without writing back to ask.
 *
 * Text fields are clipped, not rejected: a candidate who pastes a 10 000-character error still gets
 * a ticket, because a draft that fails validation would be a ticket lost. Only a draft with the
 * wrong shape (a bug in the bot) is refused.
 */

/** Keeps at most `max` characters, marking the cut with an ellipsis. */
function clipped(max: number, neutralise: (text: string) => string = (text) => text) {
  return z.string().transform((text) => clip(neutralise(text), max));
}


const ShortText = clipped(200);
const LongText = clipped(4000);
/**
 * What the candidate typed into the form, stored inert (./neutralise.ts): every reader (API,
 * webhook receiver, CLI, an operator's SQL client) gets text that can't run escapes or fake a layout.
 */
const OneLineText = clipped(200, neutraliseLine);
const TypedText = clipped(4000, neutraliseText);

/** Any JSON object; kept as given (a Bot Framework conversation reference, a device check). */
const JsonObject = z.record(z.string(), z.unknown());

export const Step = z.object({
  id: ShortText,
  /** The advice in a few words, for "already tried: …" (flows/ `label`); absent on older tickets. */
  label: ShortText.optional(),
  /** The advice in full, in plain text (no Markdown), its steps one "- " line each. */
  text: LongText,
});
export type Step = z.output<typeof Step>;

export const TranscriptLine = z.object({
  from: z.enum(['candidate', 'bot']),
  text: LongText,
  at: z.string(),
});
export type TranscriptLine = z.output<typeof TranscriptLine>;

export const TicketDevice = z.object({
  /** One line, from describeDevice: "Instagram in-app browser on iPhone (iOS 17.5)". */
  summary: OneLineText,
  /** The merged DeviceProfile; checked only as an object, since older tickets keep older shapes. */
  profile: z.custom<DeviceProfile>((value) => isPlainObject(value), 'expected a DeviceProfile object').optional(),
  userAgent: clipped(1000).optional(),
});
export type TicketDevice = z.output<typeof TicketDevice>;

/**
 * The interview link the candidate pasted, as the link doctor (src/links) cleaned, unwrapped and
 * judged it. A finding is checked only for its `kind` and kept whole: tickets outlive the kinds
 * and fields of their day, so an older or newer finding still parses (interviewLinkLine.ts words it).
 */
export const TicketInterviewLink = z.object({
  /** The cleaned link; it came from the candidate, so it is stored inert like their one-line text. */
  url: clipped(2000, neutraliseLine),
  host: OneLineText.nullable(),
  /** In the order found; the link doctor gives 17 at most (10 wrappers, one of each other kind). */
  findings: z.array(z.looseObject({ kind: ShortText })).max(20),
});
export type TicketInterviewLink = z.output<typeof TicketInterviewLink>;

/** What the bot supplies when it opens a ticket. */
export const TicketDraft = z.object({
  /** Identifies the conversation; with `topic`, what makes two tickets the same. */
  conversationKey: z.string().min(1).max(500),
  /** channelId of the conversation: "msteams", "webchat", "directline"… */
  channel: z.string().min(1).max(100),
  /** Topic id, e.g. "page-wont-load". */
  topic: z.string().min(1).max(100),
  /** The topic's menu label, for subjects and cards; the id is shown when it is missing. */
  topicLabel: OneLineText.optional(),
  candidate: z.object({ name: OneLineText, email: OneLineText }),
  job: z.object({ position: OneLineText, company: OneLineText }),
  /** The error as the candidate typed it, its lines kept and control characters shown. */
  errorText: TypedText,
  /** What happens, in the flow's words, completing "<name> (<job>) …": "gets a 404 (not found) page on their interview link". */
  problem: ShortText.optional(),
  /** What the recruiter can most likely do, from the flow: "Send a new interview link." */
  suggestedAction: ShortText.optional(),
  /** The guidance the bot already gave, so the recruiter does not repeat it. */
  stepsTried: z.array(Step).max(100),
  device: TicketDevice,
  /** The browser's or Teams client's locale as it came ("en-GB"): for the recruiter, not a choice of language. */
  locale: OneLineText.optional(),
  /**
   * The language the candidate talked to the bot in, the one their messages from the recruiter are
   * written in: one of ours (`en`, `es`, `fr`, `de`, `pt-BR`: flows/locales). Absent on older
   * tickets, which are English; a tag that isn't one of ours ("es-MX") is read as the closest one.
   */
  language: z.string().max(35).optional(),
  timezone: OneLineText.optional(),
  /** Results of an in-browser device check (a later issue); passed through as given. */
  deviceCheck: z.unknown().optional(),
  /** The link the candidate pasted and what the link doctor found; absent on older tickets and when none was pasted. */
  interviewLink: TicketInterviewLink.optional(),
  /** Bot Framework ConversationReference, so a recruiter's reply can reach the candidate later. */
  conversationReference: JsonObject,
  transcript: z.array(TranscriptLine).max(500),
});
export type TicketDraftInput = z.input<typeof TicketDraft>;
export type TicketDraft = z.output<typeof TicketDraft>;

/** "CS-000123": six digits, more once there have been a million tickets. */
export const TicketId = z.string().regex(/^CS-\d{6,}$/, 'expected a ticket id like "CS-000123"');

export const Ticket = TicketDraft.extend({
  id: TicketId,
  createdAt: z.iso.datetime({ offset: true }),
});
export type Ticket = z.output<typeof Ticket>;

export function formatTicketId(sequence: number): string {
  return `CS-${String(sequence).padStart(6, '0')}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
