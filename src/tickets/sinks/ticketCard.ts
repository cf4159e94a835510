import { createdLine, oneLine, stepLines, summaryFacts, topicName } from '../renderTicket';
import type { Ticket } from '../ticket';
import { clip } from '../../clip';

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
  msteams?: { width: 'Full' };
}

/** Longest error shown on the card; the email and the API carry all of it. */
const MAX_CARD_ERROR_LENGTH = 500;

/** An Adaptive Card 1.5 for a recruiter channel: the facts, then the steps the bot already gave. */
export function ticketCard(ticket: Ticket): AdaptiveCard {
  const facts = summaryFacts(ticket).map(({ label, value }) => ({
    title: label,
    value: escapeMarkdown(label === 'Error' ? clip(value, MAX_CARD_ERROR_LENGTH) : value),
  }));
  const steps = stepLines(ticket);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: escapeMarkdown(`${ticket.id}: ${topicName(ticket)}`),
        size: 'Medium',
        weight: 'Bolder',
        wrap: true,
      },
      { type: 'TextBlock', text: escapeMarkdown(`Opened ${createdLine(ticket)}`), isSubtle: true, spacing: 'None', wrap: true },
      { type: 'FactSet', facts },
      { type: 'TextBlock', text: 'Steps the bot already suggested', weight: 'Bolder', wrap: true },
      // The steps are the bot's own guidance from flows/, written in Markdown; "\r" separates list items.
      { type: 'TextBlock', text: steps.length > 0 ? steps.map((step) => `- ${step}`).join('\r') : 'None.', wrap: true },
    ],
    msteams: { width: 'Full' },
  };
}

export function ticketActivity(ticket: Ticket): TicketActivity {
  return {
    type: 'message',
    summary: `New candidate ticket ${ticket.id}: ${topicName(ticket)}`,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: ticketCard(ticket) }],
  };
}

/**
 * Teams renders Markdown in TextBlocks and fact values: without escaping, a candidate could put a
 * link or a fake heading on the recruiter's card. A backslash before a marker shows it literally.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()<>#~|!]/g, '\\$&')
    .replace(/^([-+])(?=\s)/, '\\$1')
    .replace(/^(\d+)\.(?=\s)/, '$1\\.');
}

