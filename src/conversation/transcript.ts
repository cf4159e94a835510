import type { CandidateInput, Reply } from '../engine/types';
import { clip } from '../clip';
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

/** The transcript after this turn: what the candidate sent and what the bot answered. */
export function appendTurn(stored: unknown, input: CandidateInput, replies: Reply[], at: string): StoredTranscript {
  const said = input.kind === 'text' ? input.text : input.kind === 'choice' ? `[clicked ${input.id}]` : undefined;
  const added: TranscriptLine[] = [
    ...(said !== undefined ? [{ from: 'candidate' as const, text: said.slice(0, MAX_TEXT), at }] : []),
    ...replies.map((r) => ({ from: 'bot' as const, text: clip(r.text, MAX_BOT_TEXT), at })),
  ];
  return { lines: compact([...linesOf(stored), ...added].slice(-MAX_LINES)) };
}

function compact(lines: TranscriptLine[]): StoredLine[] {
  return lines.map((line, i) => (i > 0 && lines[i - 1]!.at === line.at ? { from: line.from, text: line.text } : line));
}

