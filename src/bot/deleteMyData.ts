import type { CompiledFlow } from '../flow';
import type { Understanding } from '../engine/understanding';
import { conversationKey, type TurnRunner } from '../conversation/turns';
import type { DeviceProfiles } from '../conversation/deviceProfiles';
import type { ConversationReferences } from '../conversation/references';
import type { Logger } from '../log';
import type { SideCommand } from './candidateBot';

const CONFIDENCE = 0.75;

/**
 * "delete my data": erases this conversation's state, transcript, device details and the reference
 * kept to answer it later (it names the candidate's chat account). Tickets already sent belong to
 * the recruiter's process now, and the reply says so.
 */
export function deleteMyData(
  flow: CompiledFlow,
  understanding: Understanding,
  stored: { turns: TurnRunner; devices: DeviceProfiles; references: ConversationReferences },
  log: Logger,
): SideCommand {
  const phrases = [{ id: 'delete', phrases: flow.guide.privacy.delete }];
  return async function eraseConversation(context, text) {
    const match = understanding.matchPhrase(text, phrases);
    if (!match || match.confidence < CONFIDENCE) return false;
    const key = conversationKey(context.activity.channelId, context.activity.conversation.id);
    await Promise.all([stored.turns.forget(key), stored.devices.forget(key), stored.references.forget(key)]);
    log.info({ channelId: context.activity.channelId }, 'conversation data erased on request');
    await context.sendActivity(flow.guide.privacy.deleted);
    return true;
  };
}
