import { clip } from '../clip';
import { neutraliseLine } from './neutralise';
import { plainText } from './plainText';
import type { Ticket } from './ticket';
import { languageName } from './languageName';

/** Long enough for real names and titles; a pasted paragraph must not push the rest off the line. */
const MAX_PART_LENGTH = 60;
/** More than this and the sentence stops being read; the list below the sentence has them all. */
const MAX_STEPS_NAMED = 3;
const UNKNOWN_DEVICE = 'Unknown device';

/**
 * The ticket in one plain sentence, built only from its fields: who, which job, what happens, on what
 * device, what was already tried. "Priya Shah (Marketing Manager, Globex) gets a 404 (not found) page
 * on their interview link, using Chrome 129 on Windows 11 computer; already tried: re-copying the
 * whole link from the invitation." A missing part is left out rather than guessed; "their", never
 * a gendered pronoun. Plain text: each surface escapes it its own way.
 */
export function summarySentence(ticket: Ticket): string {
  const who = part(ticket.candidate.name) || 'The candidate';
  const job = [part(ticket.job.position), part(ticket.job.company)].filter(Boolean).join(', ');
  const device = oneLine(ticket.device.summary);
  const sentence = [
    job ? `${who} (${job})` : who,
    ` ${whatHappens(ticket)}`,
    device && device !== UNKNOWN_DEVICE ? `, using ${device}` : '',
    `; ${triedPhrase(stepLabels(ticket))}`,
    // The recruiter's reply should be in it; the candidate's words below are quoted as typed.
    ticket.language && ticket.language !== 'en' ? `; chatted in ${languageName(ticket.language)}` : '',
  ].join('');
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Each step the bot suggested, in a few words: its label, or for older tickets its first line. */
export function stepLabels(ticket: Ticket): string[] {
  return ticket.stepsTried.map((step) => {
    const label = step.label ?? plainText(step.text).split('\n')[0] ?? '';
    return clip(oneLine(label).replace(/[.:]$/, ''), MAX_PART_LENGTH);
  });
}

/** The topic's own phrase ("gets a 404 …"); older tickets without one name the topic. */
function whatHappens(ticket: Ticket): string {
  if (ticket.problem) return oneLine(ticket.problem).replace(/\.$/, '');
  return `has a problem: ${oneLine(ticket.topicLabel ?? ticket.topic)}`;
}

function triedPhrase(labels: string[]): string {
  if (labels.length === 0) return 'no guide steps tried yet';
  const named = labels.slice(0, MAX_STEPS_NAMED);
  const more = labels.length - named.length;
  if (more > 0) return `already tried: ${named.join(', ')} and ${more} more`;
  return `already tried: ${named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`}`;
}

function part(text: string): string {
  return clip(oneLine(text), MAX_PART_LENGTH);
}

function oneLine(text: string): string {
  return neutraliseLine(text);
}
