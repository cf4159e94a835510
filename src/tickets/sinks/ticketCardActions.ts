/**
 * What a recruiter can do from a ticket card: Adaptive Card 1.5 Universal Actions (`Action.Execute`,
 * answered by the bot's `adaptiveCard/action` invoke with the refreshed card), each with an
 * `Action.Submit` fallback for clients without them (the same data arrives as a message's `value`).
 */

export const CARD_VERBS = ['assign', 'reply', 'send-link', 'resolve', 'refresh'] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** The inputs' ids: their values arrive beside the action's data. */
export const REPLY_INPUT = 'replyText';
export const LINK_INPUT = 'newLink';

/** What every action of the card carries; `ticketCard` also tells a card's Submit from a candidate's button click. */
export interface CardActionData {
  ticketCard: CardVerb;
  ticketId: string;
}

type CardElement = Record<string, unknown>;

/** "I'll take it", "Reply to candidate", "Send a new link", "Mark resolved"; the two with inputs open beneath the card. */
export function ticketCardActions(ticketId: string): CardElement[] {
  return [
    execute("I'll take it", 'assign', ticketId),
    showCard('Reply to candidate', [
      { type: 'Input.Text', id: REPLY_INPUT, label: 'Your reply (it reaches their chat and their email)', isMultiline: true, maxLength: 4000, isRequired: true, errorMessage: 'Type a reply first.' },
    ], execute('Send reply', 'reply', ticketId)),
    showCard('Send a new link', [
      {
        type: 'Input.Text',
        id: LINK_INPUT,
        label: 'New interview link (https://…)',
        style: 'Url',
        placeholder: 'https://',
        isRequired: true,
        regex: '^https://\\S+$',
        errorMessage: 'Paste the whole link, starting with https://',
      },
    ], execute('Send the link', 'send-link', ticketId)),
    execute('Mark resolved', 'resolve', ticketId),
  ];
}

/** Universal Actions clients fetch the card again when it is shown, so everyone sees where the ticket stands. */
export function ticketCardRefresh(ticketId: string): CardElement {
  return { action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: data('refresh', ticketId) } };
}

function execute(title: string, verb: CardVerb, ticketId: string): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: data(verb, ticketId),
    fallback: { type: 'Action.Submit', title, data: data(verb, ticketId) },
  };
}

function showCard(title: string, inputs: CardElement[], send: CardElement): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: inputs, actions: [send] } };
}

function data(ticketCard: CardVerb, ticketId: string): CardActionData {
  return { ticketCard, ticketId };
}
