import { z } from 'zod';
import { Actor, MessageText } from './lifecycle';
import { checkNewInterviewLink } from './newInterviewLink';
import { ticketCard, type AdaptiveCard } from './sinks/ticketCard';
import { CARD_VERBS, LINK_INPUT, REPLY_INPUT, type CardVerb } from './sinks/ticketCardActions';
import type { TicketActions } from './ticketActions';
import { TicketId } from './ticket';
import type { TicketStore } from './ticketStore';

/**
 * A recruiter's click on a ticket card, done: the bot layer hands over what the card sent (an
 * `Action.Execute`'s verb and data, or an `Action.Submit`'s value) and who clicked, and gets the card
 * as it now stands, or why nothing was done. Every change goes through ticketActions, as the API's do.
 */
export type CardActionOutcome =
  | { done: true; ticketId: string; verb: CardVerb; card: AdaptiveCard }
  | { done: false; status: 400 | 404; problem: string };

const CardAction = z.looseObject({
  ticketCard: z.enum(CARD_VERBS),
  ticketId: z.string().transform((id) => id.toUpperCase()).pipe(TicketId),
});

/** How the card introduces a new link to the candidate; their chat shows it as a link. */
export const newLinkMessage = (link: string) => `Here is a new link for your interview: ${link}`;

export interface TicketCardActionsOptions {
  store: Pick<TicketStore, 'get' | 'lifecycle'>;
  actions: TicketActions;
}

export function createTicketCardActions({ store, actions }: TicketCardActionsOptions) {
  return async function actOnTicketCard(sent: unknown, clickedBy: string | undefined): Promise<CardActionOutcome> {
    const action = CardAction.safeParse(sent);
    if (!action.success) return { done: false, status: 400, problem: 'This card action is not one the bot knows, or it names no ticket. Nothing was changed.' };
    const { ticketCard: verb, ticketId } = action.data;
    const ticket = await store.get(ticketId);
    if (!ticket) return { done: false, status: 404, problem: `There is no ticket ${ticketId} any more (tickets are deleted after the retention period). Nothing was changed.` };
    const by = Actor.safeParse(clickedBy ?? '').data ?? 'a recruiter in Teams';

    if (verb === 'assign') await actions.assign(ticketId, by);
    if (verb === 'resolve') await actions.changeStatus(ticketId, { status: 'resolved', by });
    if (verb === 'reply') {
      const text = MessageText.safeParse(action.data[REPLY_INPUT]);
      if (!text.success) return { done: false, status: 400, problem: 'Type a reply first. Nothing was sent to the candidate.' };
      await actions.reply(ticket, { text: text.data, by });
    }
    if (verb === 'send-link') {
      const link = checkNewInterviewLink(action.data[LINK_INPUT]);
      if (!link.ok) return { done: false, status: 400, problem: link.problem };
      await actions.reply(ticket, { text: newLinkMessage(link.link), by });
    }
    const lifecycle = await store.lifecycle(ticketId);
    return { done: true, ticketId, verb, card: ticketCard(ticket, lifecycle) };
  };
}

export type ActOnTicketCard = ReturnType<typeof createTicketCardActions>;
