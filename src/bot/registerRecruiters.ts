import { TurnContext } from 'botbuilder';
import type { CompiledFlow } from '../flow';
import type { Understanding } from '../engine/understanding';
import type { TicketStore } from '../tickets/ticketStore';
import { conversationKey } from '../conversation/turns';
import type { SideCommand } from './candidateBot';

const CONFIDENCE = 0.75;

/**
 * "register for tickets", said in a recruiters' channel or chat: new tickets are posted there as
 * cards from then on. The conversation reference is what a proactive message needs.
 */
export function registerRecruiters(flow: CompiledFlow, understanding: Understanding, tickets: TicketStore): SideCommand {
  const phrases = [{ id: 'register', phrases: flow.guide.recruiters.register }];
  return async function registerForTickets(context, text) {
    const match = understanding.matchPhrase(text, phrases);
    if (!match || match.confidence < CONFIDENCE) return false;
    const { activity } = context;
    tickets.registerRecruiterChannel(conversationKey(activity.channelId, activity.conversation.id), {
      ...TurnContext.getConversationReference(activity),
    });
    await context.sendActivity(flow.guide.recruiters.registered);
    return true;
  };
}
