import {
  createdLine,
  deviceCheckLine,
  interviewLinkFacts,
  stepLabels,
  stepTexts,
  suggestedAction,
  summaryFacts,
  summarySentence,
  textBlocks,
  topicName,
  transcriptText,
} from '../renderTicket';
import type { Ticket } from '../ticket';
import { INITIAL_STATUS, type TicketLifecycle } from '../lifecycle';
import { clip } from '../../clip';
import { ticketCardActions, ticketCardRefresh } from './ticketCardActions';
import { ticketCardStatus } from './ticketCardStatus';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The Bot Framework message that carries the card; what teamsSink hands to `send`. */
export interface TicketActivity {
  type: 'message';
  /** Shown in Teams notifications and the activity feed. */
  summary: string;
  attachments: Array<{ contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE; content: AdaptiveCard }>;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Array<Record<string, unknown>>;
  /** What a recruiter can do from the card (./ticketCardActions.ts). */
  actions?: Array<Record<string, unknown>>;
  /** Universal Actions clients fetch the current card with this when they show it. */
  refresh?: Record<string, unknown>;
  msteams?: { width: 'Full' };
}

/** A TextRun of a RichTextBlock: text shown as it is, styled by its properties. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  size?: 'Medium';
  isSubtle?: boolean;
}

/** A ticket as new: open, nobody on it, no history beyond its creation. */
const NEW_TICKET: TicketLifecycle = { status: INITIAL_STATUS, history: [] };

/** Longest error shown on the card; the email and the API carry all of it. */
const MAX_CARD_ERROR_LENGTH = 500;
/**
 * Teams refuses cards over about 28 KB: the full advice and the conversation are cut here (the
 * email, the API and the CLI have all of it), while the summary and the action stay whole.
 */
const MAX_CARD_STEPS = 8;
const MAX_CARD_LABELS = 20;
const MAX_CARD_STEP_LENGTH = 600;
const MAX_CARD_TRANSCRIPT_LINES = 12;
const MAX_CARD_TRANSCRIPT_LINE_LENGTH = 300;
/** A real interview link fits whole; a link and 20 findings at their limits would not (warnings come first, so they stay). */
const MAX_CARD_LINK_LENGTH = 500;
const MAX_CARD_FINDINGS_LENGTH = 1000;

/**
 * An Adaptive Card 1.5 for a recruiter channel: the summary sentence, the suggested action and the
 * steps already tried first, then the full details. All text is in RichTextBlock TextRuns, which
 * Teams shows as written, without Markdown: nothing needs escaping, so a recruiter sees "(iOS 17.5)"
 * and never "\(iOS 17.5\)", and nothing a candidate typed can become a link or a heading.
 */
export function ticketCard(ticket: Ticket, lifecycle: TicketLifecycle = NEW_TICKET): AdaptiveCard {
  const action = suggestedAction(ticket);
  const check = deviceCheckLine(ticket);
  const labels = stepLabels(ticket);
  const steps = stepTexts(ticket);
  const transcript = ticket.transcript.slice(-MAX_CARD_TRANSCRIPT_LINES);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      line([run(summarySentence(ticket), { weight: 'Bolder', size: 'Medium' })]),
      ...(action ? [line([run('Suggested action: ', { weight: 'Bolder' }), run(action)])] : []),
      line([run('Already tried:', { weight: 'Bolder' })]),
      ...(labels.length > 0 ? labels.slice(0, MAX_CARD_LABELS).map((label) => line([run(`• ${label}`)], 'None')) : [line([run('Nothing yet.')], 'None')]),
      ...(labels.length > MAX_CARD_LABELS ? [line([run(`• and ${labels.length - MAX_CARD_LABELS} more`)], 'None')] : []),
      { ...line([run(`${ticket.id}: ${topicName(ticket)}`, { weight: 'Bolder' })], 'Large'), separator: true },
      line([run(`Opened ${createdLine(ticket)}`, { isSubtle: true })], 'None'),
      ...summaryFacts(ticket).map(({ label, value }) =>
        fact(label, label === 'Error' ? clip(value, MAX_CARD_ERROR_LENGTH) : value),
      ),
      ...(check ? [fact('Device check', check)] : []),
      ...interviewLinkFacts(ticket).map(({ label, value }) => fact(label, clip(value, label === 'Interview link' ? MAX_CARD_LINK_LENGTH : MAX_CARD_FINDINGS_LENGTH))),
      line([run('Steps the bot already suggested, in full', { weight: 'Bolder' })], 'Large'),
      ...(steps.length > 0 ? steps.slice(0, MAX_CARD_STEPS).flatMap((text, i) => stepLines(clip(text, MAX_CARD_STEP_LENGTH), i)) : [line([run('None.')], 'None')]),
      ...(steps.length > MAX_CARD_STEPS ? [line([run(`${steps.length - MAX_CARD_STEPS} more in the email and the API.`, { isSubtle: true })])] : []),
      line([run('Conversation', { weight: 'Bolder' })], 'Large'),
      ...(ticket.transcript.length > transcript.length
        ? [line([run(`The last ${transcript.length} of ${ticket.transcript.length} lines; the email and the API have all of them.`, { isSubtle: true })], 'None')]
        : []),
      ...(transcript.length > 0
        ? transcript.map((said) => line([run(`${said.from}: `, { weight: 'Bolder' }), run(clip(transcriptText(said).replace(/\n/g, ' '), MAX_CARD_TRANSCRIPT_LINE_LENGTH))], 'Small'))
        : [line([run('No transcript.')], 'None')]),
      ...statusLines(lifecycle),
    ],
    actions: ticketCardActions(ticket.id),
    refresh: ticketCardRefresh(ticket.id),
    msteams: { width: 'Full' },
  };
}

export function ticketActivity(ticket: Ticket, lifecycle?: TicketLifecycle): TicketActivity {
  return {
    type: 'message',
    summary: `New candidate ticket ${ticket.id}: ${topicName(ticket)}`,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: ticketCard(ticket, lifecycle) }],
  };
}

/** Where the ticket stands, just above the actions: status, who took it, the latest history. */
function statusLines(lifecycle: TicketLifecycle): Array<Record<string, unknown>> {
  const { status, assignee, latest } = ticketCardStatus(lifecycle);
  return [
    { ...line([run('Status: ', { weight: 'Bolder' }), run(status)], 'Large'), separator: true },
    fact('Taken by', assignee ?? 'nobody yet'),
    ...latest.map((event) => line([run(event, { isSubtle: true })], 'None')),
  ];
}

/** "1. First paragraph", its other lines, then "• step" for each step of the advice. */
function stepLines(text: string, index: number): Array<Record<string, unknown>> {
  return textBlocks(text).flatMap((block, b) =>
    block.kind === 'list'
      ? block.items.map((item) => line([run(`    • ${item}`)], 'None'))
      : block.lines.map((text, l) => line([run(b === 0 && l === 0 ? `${index + 1}. ${text}` : `    ${text}`)], b === 0 && l === 0 ? 'Small' : 'None')),
  );
}

/** "Candidate: Priya Shah", the label bold; a FactSet would render its values as Markdown. */
function fact(label: string, value: string): Record<string, unknown> {
  return line([run(`${label}: `, { weight: 'Bolder' }), run(value)], 'None');
}

function run(text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text, ...style };
}

function line(inlines: TextRun[], spacing?: 'None' | 'Small' | 'Large'): Record<string, unknown> {
  return { type: 'RichTextBlock', inlines, ...(spacing && { spacing }) };
}
