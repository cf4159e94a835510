import { neutraliseLine, neutralisedLines, neutraliseText } from './neutralise';
import type { Ticket } from './ticket';

/**
 * A ticket as the recruiter reads it, shared by the email and Teams sinks. Everything the candidate
 * supplied is untrusted: one-line fields are flattened so they cannot fake the layout, control, bidi
 * and invisible characters are shown for what they are (./neutralise.ts), and each output format
 * escapes it its own way (HTML here, Markdown in the card).
 */

export interface Fact {
  label: string;
  value: string;
}

const MAX_SUBJECT_LENGTH = 200;

/** "Page won't load / other error", or the topic id when the bot gave no label. */
export function topicName(ticket: Ticket): string {
  return oneLine(ticket.topicLabel ?? ticket.topic);
}

/** "[CS-000123] Interview link problem: Page won't load — Designer at Acme". */
export function subjectLine(ticket: Ticket): string {
  const subject = `[${ticket.id}] Interview link problem: ${topicName(ticket)} — ${jobLine(ticket)}`;
  return subject.length > MAX_SUBJECT_LENGTH ? `${subject.slice(0, MAX_SUBJECT_LENGTH - 1)}…` : subject;
}

/** The facts a recruiter scans first, in order; the error is flattened to one line. */
export function summaryFacts(ticket: Ticket): Fact[] {
  return [
    { label: 'Candidate', value: oneLine(ticket.candidate.name) },
    { label: 'Email', value: oneLine(ticket.candidate.email) },
    { label: 'Position', value: oneLine(ticket.job.position) },
    { label: 'Company', value: oneLine(ticket.job.company) },
    { label: 'Problem', value: topicName(ticket) },
    { label: 'Device', value: oneLine(ticket.device.summary) },
    { label: 'Error', value: oneLine(ticket.errorText) || '(none given)' },
  ];
}

/** Browser, system and permissions as detected, for whoever has to reproduce the problem. */
export function browserDetails(ticket: Ticket): Fact[] {
  const profile = (ticket.device.profile ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof profile[key] === 'string' ? oneLine(profile[key]) : undefined);
  const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' ') || undefined;
  const facts: Array<[string, string | undefined]> = [
    ['Browser', joined(text('browserName'), text('browserVersion'))],
    ['In-app browser of', text('inApp')],
    ['Engine', joined(text('engine'), text('engineVersion'))],
    ['System', joined(text('osName'), text('osVersion'))],
    ['Device type', joined(text('deviceType'), text('deviceVendor'), text('deviceModel'))],
    ['Camera permission', text('camera')],
    ['Microphone permission', text('microphone')],
    ['Detected from', text('source')],
    ['User agent', oneLineOrUndefined(ticket.device.userAgent ?? text('userAgent'))],
  ];
  return facts.filter((fact): fact is [string, string] => fact[1] !== undefined).map(([label, value]) => ({ label, value }));
}

/** When the ticket was opened, in UTC and in the candidate's own time zone when known. */
export function createdLine(ticket: Ticket): string {
  const created = new Date(ticket.createdAt);
  const utc = `${created.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const local = ticket.timezone ? localTime(created, ticket.timezone) : undefined;
  return local ? `${utc} (${local} for the candidate)` : utc;
}

export function renderText(ticket: Ticket): string {
  const facts = (list: Fact[], indent = '') => list.map(({ label, value }) => `${indent}${`${label}:`.padEnd(24 - indent.length)}${value}`);
  const lines = [
    `Ticket ${ticket.id}, opened ${createdLine(ticket)}`,
    '',
    "A candidate's interview link problem was not solved by the troubleshooting guide.",
    '',
    ...facts(summaryFacts(ticket).filter((fact) => fact.label !== 'Error')),
    '',
    'Error, exactly as the candidate typed it:',
    ...quoted(ticket.errorText),
    '',
    'Browser details:',
    ...facts(browserDetails(ticket), '  '),
    ...(browserDetails(ticket).length === 0 ? ['  (nothing detected)'] : []),
    '',
    ...facts([
      { label: 'Locale', value: oneLine(ticket.locale ?? '') || 'unknown' },
      { label: 'Time zone', value: oneLine(ticket.timezone ?? '') || 'unknown' },
      { label: 'Chatted on', value: oneLine(ticket.channel) },
    ]),
    '',
    'Steps the bot already suggested:',
    ...stepLines(ticket).map((step, i) => `  ${i + 1}. ${step}`),
    ...(ticket.stepsTried.length === 0 ? ['  (none)'] : []),
    '',
    `Ticket id: ${ticket.id}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function renderHtml(ticket: Ticket): string {
  const rows = (list: Fact[]) =>
    list.map(({ label, value }) => `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n');
  const steps = stepLines(ticket).map((step) => `<li>${escapeHtml(step)}</li>`).join('\n');
  return [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif">',
    `<h2>Ticket ${escapeHtml(ticket.id)}: ${escapeHtml(topicName(ticket))}</h2>`,
    `<p>Opened ${escapeHtml(createdLine(ticket))}. The troubleshooting guide did not solve this candidate's interview link problem.</p>`,
    '<table cellpadding="4">',
    rows(summaryFacts(ticket).filter((fact) => fact.label !== 'Error')),
    '</table>',
    '<h3>Error, exactly as the candidate typed it</h3>',
    `<pre style="white-space: pre-wrap">${escapeHtml(neutraliseText(ticket.errorText)) || '(none given)'}</pre>`,
    '<h3>Browser details</h3>',
    browserDetails(ticket).length > 0 ? `<table cellpadding="4">\n${rows(browserDetails(ticket))}\n</table>` : '<p>Nothing detected.</p>',
    '<table cellpadding="4">',
    rows([
      { label: 'Locale', value: oneLine(ticket.locale ?? '') || 'unknown' },
      { label: 'Time zone', value: oneLine(ticket.timezone ?? '') || 'unknown' },
      { label: 'Chatted on', value: oneLine(ticket.channel) },
    ]),
    '</table>',
    '<h3>Steps the bot already suggested</h3>',
    ticket.stepsTried.length > 0 ? `<ol>\n${steps}\n</ol>` : '<p>None.</p>',
    `<p style="color: #666">Ticket id: ${escapeHtml(ticket.id)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** The guidance already given, one line each. */
export function stepLines(ticket: Ticket): string[] {
  return ticket.stepsTried.map((step) => oneLine(step.text));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Collapses line breaks and tabs to single spaces and shows control, bidi and invisible characters. */
export function oneLine(text: string): string {
  return neutraliseLine(text);
}

function oneLineOrUndefined(text: string | undefined): string | undefined {
  return text === undefined ? undefined : oneLine(text) || undefined;
}

function jobLine(ticket: Ticket): string {
  const position = oneLine(ticket.job.position);
  const company = oneLine(ticket.job.company);
  return position && company ? `${position} at ${company}` : position || company || 'unknown position';
}

/** Multi-line text indented under its heading, so no line of it can pass for part of the ticket's layout. */
function quoted(text: string): string[] {
  return text.trim() === '' ? ['  | (none given)'] : neutralisedLines(text).map((line) => `  | ${line}`);
}

function localTime(date: Date, timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(date);
  } catch {
    return undefined; // not an IANA zone name: the candidate's zone is still listed as given
  }
}
