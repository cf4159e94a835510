import type { CandidateInput, Reply } from '../engine/types';
import { clip } from '../clip';
import { maskPersonalData } from './maskPersonalData';
import type { TranscriptLine } from '../tickets/ticket';

export type { TranscriptLine };

/** Enough context for a recruiter, bounded so a flood can't grow it without limit. */
const MAX_LINES = 60;
const MAX_TEXT = 1000;
/**
 * The bot's own words are the guide's, and a ticket lists the guidance given in full (stepsTried):
 * the transcript keeps their opening only. It is read and written every turn, so size is speed.
 */
const MAX_BOT_TEXT = 120;

/**
 * The conversation as the recruiter reads it on a ticket. Personal data: stored apart from the
 * tree's state (under its own key, written in the same batch), erased with "delete my data".
 */
export const transcriptKey = (conversationKey: string) => `transcript/${conversationKey}`;

/**
 * As stored, a line leaves out `at` when it is the previous line's: the bot's replies share the time
 * of the message they answer, and the timestamps were a fifth of a transcript's bytes.
 */
type StoredLine = Omit<TranscriptLine, 'at'> & { at?: string };
export interface StoredTranscript {
  lines: StoredLine[];
  /** The candidate was told once why a phone number or date of birth they typed was hidden. */
  personalDataNoticed?: true;
}

/** The transcript's lines, each with its time. */
export function linesOf(stored: unknown): TranscriptLine[] {
  const lines = (stored as { lines?: unknown } | undefined)?.lines;
  if (!Array.isArray(lines)) return [];
  let at = '';
  return (lines as StoredLine[]).map((line) => {
    at = line.at ?? at;
    return { from: line.from, text: line.text, at };
  });
}

/** What the candidate sent, as the transcript keeps it: phone numbers and dates of birth hidden. */
export interface Said {
  text?: string;
  /** Something personal was hidden from this message. */
  hidden: boolean;
}

/** Reads the candidate's message once per turn; the transcript and the privacy notice both use it. */
export function candidateSaid(input: CandidateInput, at: string): Said {
  const said = input.kind === 'text' ? input.text : input.kind === 'choice' ? `[clicked ${input.id}]` : undefined;
  if (said === undefined) return { hidden: false };
  return maskPersonalData(said.slice(0, MAX_TEXT), new Date(at));
}

/** The transcript after this turn: what the candidate sent and what the bot answered. */
export function appendTurn(stored: unknown, said: Said, replies: Reply[], at: string): StoredTranscript {
  const added: TranscriptLine[] = [
    ...(said.text !== undefined ? [{ from: 'candidate' as const, text: said.text, at }] : []),
    ...replies.map((r) => ({ from: 'bot' as const, text: clip(r.text, MAX_BOT_TEXT), at })),
  ];
  const noticed = noticedBefore(stored) || said.hidden;
  return { lines: compact([...linesOf(stored), ...added].slice(-MAX_LINES)), ...(noticed && { personalDataNoticed: true as const }) };
}

/** Whether this message hid personal data the candidate hasn't yet been told about. */
export function needsPersonalDataNotice(stored: unknown, said: Said): boolean {
  return said.hidden && !noticedBefore(stored);
}

function noticedBefore(stored: unknown): boolean {
  return (stored as StoredTranscript | undefined)?.personalDataNoticed === true;
}

function compact(lines: TranscriptLine[]): StoredLine[] {
  return lines.map((line, i) => (i > 0 && lines[i - 1]!.at === line.at ? { from: line.from, text: line.text } : line));
}

