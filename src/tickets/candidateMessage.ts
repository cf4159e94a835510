import { clip } from '../clip';
import { fill } from '../languages';
import { textsFor, type CandidateTexts } from './emailTexts';
import { neutraliseLine } from './neutralise';
import type { Ticket } from './ticket';

/**
 * A recruiter's reply as the candidate reads it: in their chat (Markdown, as every bot message is)
 * and by email (plain text: short, no HTML, no images, no tracked links). Both say who wrote and
 * which ticket it is about, so a candidate can tell it from the bot's own answers. Their words are
 * flows/email.yaml's, in the candidate's language (the ticket's `language`).
 */

export interface RecruiterReply {
  /** The recruiter's name, one line (lifecycle.ts, Actor). */
  by: string;
  /** What they wrote, already made inert (lifecycle.ts, MessageText). */
  text: string;
}

export interface CandidateEmail {
  to: string;
  subject: string;
  text: string;
  /** Stable per reply, so a resent email is recognisably the same one. */
  messageId: string;
  ticketId: string;
}

/** "Message from Sam Recruiter, recruiter, about ticket CS-000123:", then the text with its web addresses as links. */
export function chatMessage(ticket: Pick<Ticket, 'id' | 'language'>, { by, text }: RecruiterReply, texts: CandidateTexts): string {
  const intro = fill(textsFor(ticket.language, texts)['chat.intro']!, { recruiter: escapeMarkdown(by), ticketId: ticket.id });
  return `${intro}\n\n${withLineBreaks(linkified(text))}`;
}

/** Web Chat's Markdown joins lines a single break separates; a recruiter's lines stay lines (a hard break). */
function withLineBreaks(markdown: string): string {
  return markdown.replace(/(?<!\n)\n(?!\n)/g, '  \n');
}

export function emailMessage(ticket: Ticket, { by, text }: RecruiterReply, replyNumber: number, texts: CandidateTexts): CandidateEmail {
  const words = textsFor(ticket.language, texts);
  const say = (key: string, values: Record<string, string>) => fill(words[`email.${key}`]!, values);
  const job = clip(neutraliseLine(say('job', { position: ticket.job.position, company: ticket.job.company })), 120);
  return {
    to: ticket.candidate.email,
    subject: clip(say('subject', { recruiter: by, ticketId: ticket.id }), 200),
    text: [
      say('greeting', { name: neutraliseLine(ticket.candidate.name) }),
      '',
      say('intro', { recruiter: by, ticketId: ticket.id, job }),
      '',
      text,
      '',
      say('replyToAnswer', {}),
      '',
      say('footer', { ticketId: ticket.id }),
      '',
    ].join('\n'),
    messageId: `${ticket.id.toLowerCase()}.reply-${replyNumber}`,
    ticketId: ticket.id,
  };
}

/** An http(s) address not already inside a Markdown link or autolink. Trailing punctuation ends a sentence, not the address. */
const BARE_URL = /(?<![(<[])\bhttps?:\/\/[^\s<>()[\]]+[^\s<>()[\].,;:!?'"]/g;

/** Web Chat and Teams both render `[address](address)` as a link; a bare address only sometimes. */
export function linkified(text: string): string {
  return text.replace(BARE_URL, (url) => `[${url}](${url})`);
}

/** A name can't make itself bold, a link or a heading in the line that introduces the reply. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}
