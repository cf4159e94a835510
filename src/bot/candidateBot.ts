import { TurnContext, type ConversationReference } from 'botbuilder';
import type { Effect } from '../engine/types';
import type { TurnRunner } from '../conversation/turns';
import { conversationKey } from '../conversation/turns';
import type { Logger } from '../log';
import { toCandidateInput } from './toCandidateInput';
import { toActivity } from './toActivity';

/** Performs a turn's effects (open a ticket, record an outcome). Receives where to reply later. */
export type EffectHandler = (effects: Effect[], origin: { key: string; reference: Partial<ConversationReference> }) => Promise<void>;

export interface CandidateBotOptions {
  turns: TurnRunner;
  onEffects: EffectHandler;
  log: Logger;
}

/** The bot's turn logic: the only place where Bot Framework activities meet the conversation engine. */
export function createCandidateBot({ turns, onEffects, log }: CandidateBotOptions) {
  return async function candidateBot(context: TurnContext): Promise<void> {
    const { activity } = context;
    const input = toCandidateInput(activity);
    if (!input) return;
    const key = conversationKey(activity.channelId, activity.conversation.id);
    const outcome = await turns.run(key, input);
    log.debug({ channelId: activity.channelId, input: input.kind, state: outcome.state, replies: outcome.replies.length }, 'turn');
    if (outcome.replies.length > 0) await context.sendActivities(outcome.replies.map(toActivity));
    if (outcome.effects.length > 0) await onEffects(outcome.effects, { key, reference: TurnContext.getConversationReference(activity) });
  };
}
