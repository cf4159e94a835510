import { neutraliseLine, neutralisedLines, neutraliseText } from './neutralise';
import { deviceCheckLine } from './deviceCheckLine';
import { interviewLinkLine } from './interviewLinkLine';
import { plainText } from './plainText';
import { languageName } from './languageName';
import { stepLabels, summarySentence } from './summarySentence';
import type { Ticket, TranscriptLine } from './ticket';

export { deviceCheckLine, interviewLinkLine, stepLabels, summarySentence };

/**
 * A ticket as the recruiter reads it, shared by the email and Teams sinks. Everything the candidate
 * supplied is untrusted: one-line fields are flattened so they cannot fake the layout, control, bidi
 * and invisible characters are shown for what they are (./neutralise.ts), and each output format
 * escapes it its own way (HTML here, plain text runs in the card). The bot's own words (flows/ is
 * Markdown) are made plain (./plainText.ts): a recruiter reads no "**" and no "\\(" anywhere.
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
    // Only when it isn't English: the recruiter knows to answer in it (the quoted words stay as typed).
    ...(ticket.language && ticket.language !== 'en' ? [{ label: 'Language', value: languageName(ticket.language) }] : []),
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

/**
 * The link the candidate pasted, cleaned, and what was found about it (warnings first); none on older
 * tickets. The link is text, never a link: a look-alike of the platform's host may be phishing.
 */
export function interviewLinkFacts(ticket: Ticket): Fact[] {
  const findings = interviewLinkLine(ticket);
  if (!ticket.interviewLink || findings === undefined) return [];
  return [
    { label: 'Interview link', value: oneLine(ticket.interviewLink.url) || '(none given)' },
    { label: 'Link findings', value: findings },
  ];
}

/** When the ticket was opened, in UTC and in the candidate's own time zone when known. */
export function createdLine(ticket: Ticket): string {
  const created = new Date(ticket.createdAt);
  const utc = `${created.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const local = ticket.timezone ? localTime(created, ticket.timezone) : undefined;
  return local ? `${utc} (${local} for the candidate)` : utc;
}

/** The email's plain-text part and the CLI's `show`: the five-second part (sentence, action, labels), then every detail. */
export function renderText(ticket: Ticket): string {
  const facts = (list: Fact[], indent = '') => list.map(({ label, value }) => `${indent}${`${label}:`.padEnd(24 - indent.length)}${value}`);
  const action = suggestedAction(ticket);
  const check = deviceCheckLine(ticket);
  const link = interviewLinkFacts(ticket);
  const labels = stepLabels(ticket);
  const lines = [
    summarySentence(ticket),
    '',
    ...(action ? [`Suggested action: ${action}`, ''] : []),
    'Already tried:',
    ...(labels.length > 0 ? labels.map((label) => `  - ${label}`) : ['  (nothing yet)']),
    '',
    `Ticket ${ticket.id}, opened ${createdLine(ticket)}`,
    '',
    ...facts(summaryFacts(ticket).filter((fact) => fact.label !== 'Error')),
    '',
    'Error, exactly as the candidate typed it:',
    ...quoted(ticket.errorText),
    '',
    ...(check ? [...facts([{ label: 'Device check', value: check }]), ''] : []),
    ...(link.length > 0 ? [...facts(link), ''] : []),
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
    'Steps the bot already suggested, in full:',
    ...stepTexts(ticket).flatMap((text, i) => neutralisedLines(text).map((line, j) => (j === 0 ? `  ${i + 1}. ${line}` : `     ${line}`))),
    ...(ticket.stepsTried.length === 0 ? ['  (none)'] : []),
    '',
    'Conversation:',
    ...(ticket.transcript.length > 0 ? ticket.transcript.flatMap(transcriptLines) : ['  (no transcript)']),
    '',
    `Ticket id: ${ticket.id}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function renderHtml(ticket: Ticket): string {
  const rows = (list: Fact[]) =>
    list.map(({ label, value }) => `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n');
  const action = suggestedAction(ticket);
  const check = deviceCheckLine(ticket);
  const link = interviewLinkFacts(ticket);
  const labels = stepLabels(ticket);
  const steps = stepTexts(ticket).map((text) => `<li>${blocksHtml(text)}</li>`).join('\n');
  const transcript = ticket.transcript
    .map((line) => `<tr><td valign="top" style="color: #666">${escapeHtml(oneLine(line.at))}</td><th align="left" valign="top">${line.from}</th><td style="white-space: pre-wrap">${escapeHtml(transcriptText(line))}</td></tr>`)
    .join('\n');
  return [
    '<!doctype html>',
    // A language and a title: a screen reader opening the email in a browser reads both (axe: html-has-lang, document-title).
    `<html lang="en"><head><meta charset="utf-8"><title>Ticket ${escapeHtml(ticket.id)}: ${escapeHtml(topicName(ticket))}</title></head><body style="font-family: sans-serif">`,
    `<p style="font-size: 1.15em; font-weight: bold; margin-top: 0">${escapeHtml(summarySentence(ticket))}</p>`,
    action ? `<p>Suggested action: ${escapeHtml(action)}</p>` : '',
    `<p>Already tried:</p>`,
    labels.length > 0 ? `<ul>\n${labels.map((label) => `<li>${escapeHtml(label)}</li>`).join('\n')}\n</ul>` : '<p>Nothing yet.</p>',
    '<hr>',
    `<h2>Ticket ${escapeHtml(ticket.id)}: ${escapeHtml(topicName(ticket))}</h2>`,
    `<p>Opened ${escapeHtml(createdLine(ticket))}. The troubleshooting guide did not solve this candidate's interview link problem.</p>`,
    '<table cellpadding="4">',
    rows(summaryFacts(ticket).filter((fact) => fact.label !== 'Error')),
    '</table>',
    '<h3>Error, exactly as the candidate typed it</h3>',
    `<pre style="white-space: pre-wrap">${escapeHtml(neutraliseText(ticket.errorText)) || '(none given)'}</pre>`,
    ...(check ? ['<h3>Device check</h3>', `<p>${escapeHtml(check)}</p>`] : []),
    ...(link.length > 0 ? ['<h3>Interview link</h3>', `<table cellpadding="4">\n${rows(link)}\n</table>`] : []),
    '<h3>Browser details</h3>',
    browserDetails(ticket).length > 0 ? `<table cellpadding="4">\n${rows(browserDetails(ticket))}\n</table>` : '<p>Nothing detected.</p>',
    '<table cellpadding="4">',
    rows([
      { label: 'Locale', value: oneLine(ticket.locale ?? '') || 'unknown' },
      { label: 'Time zone', value: oneLine(ticket.timezone ?? '') || 'unknown' },
      { label: 'Chatted on', value: oneLine(ticket.channel) },
    ]),
    '</table>',
    '<h3>Steps the bot already suggested, in full</h3>',
    ticket.stepsTried.length > 0 ? `<ol>\n${steps}\n</ol>` : '<p>None.</p>',
    '<h3>Conversation</h3>',
    ticket.transcript.length > 0 ? `<table cellpadding="4">\n${transcript}\n</table>` : '<p>No transcript.</p>',
    `<p style="color: #666">Ticket id: ${escapeHtml(ticket.id)}</p>`,
    '</body></html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

/** The flow's suggestion for the recruiter, one line; absent on older tickets. */
export function suggestedAction(ticket: Ticket): string | undefined {
  return ticket.suggestedAction ? oneLine(ticket.suggestedAction) || undefined : undefined;
}

/** Each advice the bot gave, in full and plain (older tickets kept the flow's Markdown). */
export function stepTexts(ticket: Ticket): string[] {
  return ticket.stepsTried.map((step) => plainText(step.text));
}

/** A line of the conversation as written: the candidate's words as typed, the bot's made plain. */
export function transcriptText(line: TranscriptLine): string {
  return neutraliseText(line.from === 'bot' ? plainText(line.text) : line.text);
}

/**
 * "  [10:00] candidate: first line", then its other lines marked as its own ("    | second line"),
 * so a line break in what a candidate typed can't print as a line the bot or someone else said.
 */
export function transcriptLines(line: TranscriptLine): string[] {
  const [first = '', ...more] = transcriptText(line).split('\n');
  return [`  [${oneLine(line.at)}] ${line.from}: ${first}`, ...more.map((text) => `    | ${text}`)];
}

/** The bot's plain text as paragraphs and "- " lists, for formats that lay them out (HTML, cards). */
export function textBlocks(text: string): Array<{ kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] }> {
  const blocks: Array<{ kind: 'paragraph'; lines: string[] } | { kind: 'list'; items: string[] }> = [];
  for (const line of neutralisedLines(text)) {
    if (line.trim() === '') continue;
    const item = /^\s*[-•]\s+(.*)$/.exec(line)?.[1];
    const last = blocks.at(-1);
    if (item !== undefined) {
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
    } else if (last?.kind === 'paragraph') last.lines.push(line);
    else blocks.push({ kind: 'paragraph', lines: [line] });
  }
  return blocks;
}

function blocksHtml(text: string): string {
  return textBlocks(text)
    .map((block) =>
      block.kind === 'list'
        ? `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
        : `<p>${block.lines.map(escapeHtml).join('<br>')}</p>`,
    )
    .join('');
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
