import { clip } from '../../clip';
import type { TicketLifecycle } from '../lifecycle';
import { assigneeOf } from '../ticketActions';
import { whatHappened } from '../whatHappened';

/** The last events a card shows; the API and the CLI have the whole history. */
const MAX_CARD_HISTORY = 5;
const MAX_CARD_EVENT_TEXT = 200;

export interface CardStatus {
  status: string;
  /** Who took the ticket, if anyone did. */
  assignee: string | undefined;
  latest: string[];
}

/**
 * Where the ticket stands, as the card shows it above its actions: the status, who took it, and the
 * latest history lines ("10:05 UTC Sam Recruiter: replied (reached chat, email): New link …").
 */
export function ticketCardStatus(lifecycle: TicketLifecycle): CardStatus {
  return {
    status: lifecycle.status,
    assignee: assigneeOf(lifecycle),
    latest: lifecycle.history.slice(-MAX_CARD_HISTORY).map((event) => {
      const when = `${event.at.slice(0, 16).replace('T', ' ')} UTC`;
      const said = event.text === undefined ? '' : `: ${clip(event.text.replace(/\s+/g, ' '), MAX_CARD_EVENT_TEXT)}`;
      return `${when} ${event.by}: ${whatHappened(event)}${said}`;
    }),
  };
}
