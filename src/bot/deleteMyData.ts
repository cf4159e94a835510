import type { CompiledFlow } from '../flow';
import type { Understanding } from '../engine/understanding';
import { conversationKey, type TurnRunner } from '../conversation/turns';
import type { DeviceProfiles } from '../conversation/deviceProfiles';
import type { ConversationReferences } from '../conversation/references';
import type { Logger } from '../log';
import type { SideCommand } from './candidateBot';
import { ANSWER_CONFIDENCE } from '../engine/interpret';

/** A channel of ours that keeps the conversation's messages (the local Direct Line, for replays). */
export interface ChannelHistory {
  erase(channelId: string, conversationId: string): void | Promise<void>;
}

/**
 * "delete my data": erases this conversation's state, transcript, device details, the reference
 * kept to answer it later (it names the candidate's chat account) and the messages our own channel
 * would replay. Tickets already sent belong to the recruiter's process now, and the reply says so.
 */
export function deleteMyData(
  flow: CompiledFlow,
  understanding: Understanding,
  stored: { turns: TurnRunner; devices: DeviceProfiles; references: ConversationReferences; history?: ChannelHistory },
  log: Logger,
): SideCommand {
  const phrases = [{ id: 'delete', phrases: flow.guide.privacy.delete }];
  return async function eraseConversation(context, text) {
    const match = understanding.matchPhrase(text, phrases);
    if (!match || match.confidence < ANSWER_CONFIDENCE) return false;
    const key = conversationKey(context.activity.channelId, context.activity.conversation.id);
    const { channelId, conversation } = context.activity;
    await Promise.all([stored.turns.forget(key), stored.devices.forget(key), stored.references.forget(key), stored.history?.erase(channelId, conversation.id)]);
    log.info({ channelId }, 'conversation data erased on request');
    await context.sendActivity(flow.guide.privacy.deleted);
    return true;
  };
}
