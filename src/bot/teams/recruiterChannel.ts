import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { conversationKey } from '../../conversation/turns';
import { isGroupConversation } from './addressing';

/** A recruiters' conversation as a "register for tickets" message would register it. */
export interface ChannelRegistration {
  key: string;
  /** Where ticket cards are posted, proactively. */
  reference: Partial<ConversationReference>;
}

/**
 * The conversation a "register for tickets" message registers, or undefined where tickets must not
 * go. Tickets carry candidates' names and emails, so in Teams only a channel or group chat can
 * register, never a personal chat (that is a candidate's). Other channels, the Emulator included,
 * are candidates' or a developer's: an operator registers those (`npm run tickets -- channels add`).
 */
export function recruiterChannel(activity: Partial<Activity> & Pick<Activity, 'channelId' | 'conversation'>): ChannelRegistration | undefined {
  if (activity.channelId !== 'msteams' || !isGroupConversation(activity)) return undefined;
  const reference = TurnContext.getConversationReference(activity);
  // A channel message's conversation id names its thread (";messageid=…"): posting there would bury
  // every ticket in the registration thread, and registering from two threads would post twice.
  const channelId = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  if (activity.conversation.conversationType !== 'channel' || typeof channelId !== 'string') return asRegistered(reference);
  const { activityId: _thread, ...rest } = reference;
  return asRegistered({ ...rest, conversation: { ...reference.conversation!, id: channelId } });
}

function asRegistered(reference: Partial<ConversationReference>): ChannelRegistration {
  return { key: conversationKey(reference.channelId!, reference.conversation!.id), reference };
}
