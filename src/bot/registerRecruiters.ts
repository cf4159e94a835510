import type { CompiledFlow } from '../flow';
import type { Understanding } from '../engine/understanding';
import type { TicketStore } from '../tickets/ticketStore';
import type { SideCommand } from './candidateBot';
import { recruiterChannel } from './teams/recruiterChannel';
import { ANSWER_CONFIDENCE } from '../engine/interpret';

/**
 * "register for tickets", said in a recruiters' channel or chat (in Teams, with the bot mentioned;
 * the mention is already stripped from `text`): new tickets are posted there as cards from then on.
 * The conversation reference is what a proactive message needs. "stop tickets" undoes it.
 *
 * Ticket cards carry candidates' names and emails, so only a Teams channel whose request carried a
 * verified Bot Framework token (`authenticated`) may change where they go. Without one, anyone could
 * post "register for tickets" with their own serviceUrl; there, and in the Emulator, the bot says
 * an operator must do it (`npm run tickets -- channels add`, or POST /api/tickets/channels).
 */
export function registerRecruiters(flow: CompiledFlow, understanding: Understanding, tickets: TicketStore, authenticated: boolean): SideCommand {
  const { recruiters } = flow.guide;
  const phrases = [
    { id: 'register' as const, phrases: recruiters.register },
    { id: 'unregister' as const, phrases: recruiters.unregister },
  ];
  return async function registerForTickets(context, text) {
    const channel = recruiterChannel(context.activity);
    if (!channel && context.activity.channelId !== 'emulator') return false;
    const match = understanding.matchPhrase(text, phrases);
    if (!match || match.confidence < ANSWER_CONFIDENCE) return false;
    if (!channel || !authenticated) {
      await context.sendActivity(recruiters.operatorOnly);
    } else if (match.id === 'register') {
      await tickets.registerRecruiterChannel(channel.key, { ...channel.reference });
      await context.sendActivity(recruiters.registered);
    } else {
      const stopped = await tickets.unregisterRecruiterChannel(channel.key);
      await context.sendActivity(stopped ? recruiters.unregistered : recruiters.notRegistered);
    }
    return true;
  };
}
