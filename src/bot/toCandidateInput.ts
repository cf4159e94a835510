import type { Activity } from 'botbuilder';
import type { CandidateInput } from '../engine/types';
import { parseTeamsClientInfo, parseWebChatJoin, type DeviceProfile } from '../device';
import { parseDeviceCheck } from '../device/checkResult';
import { isGroupConversation, mentionsBot, textForBot } from './teams/addressing';

/** Web Chat's page sends this event when it connects (see the ticket and web chat issues). */
export const WEBCHAT_JOIN = 'webchat/join';
/** The page reports the camera and microphone check with this event (see src/deviceCheck). */
export const WEBCHAT_DEVICE_CHECK = 'webchat/device-check';

/**
 * Reads what the candidate did from a Bot Framework activity. Returns undefined for activities
 * that need no answer (typing, message reactions, the bot's own join, unknown types, and messages
 * in a Teams channel or group chat that don't mention the bot).
 */
export function toCandidateInput(activity: Partial<Activity>): CandidateInput | undefined {
  switch (activity.type) {
    case 'message': {
      // A card submit (Action.Submit data) or a messageBack carries the choice id in `value`.
      // Clicking one of the bot's own cards addresses the bot, even in a channel.
      const choice = choiceFrom(activity.value);
      if (choice) return { kind: 'choice', id: choice };
      if (isGroupConversation(activity) && !mentionsBot(activity)) return undefined;
      return { kind: 'text', text: textForBot(activity) };
    }
    case 'conversationUpdate': {
      // Recruiters' channels and group chats get no candidate welcome.
      if (isGroupConversation(activity)) return undefined;
      // Direct Line starts a Web Chat conversation without the page's locale; the page's join event,
      // right behind it, carries it (and the device): that one greets, in the candidate's language.
      if (activity.channelId === 'webchat' && !activity.locale) return undefined;
      const botId = activity.recipient?.id;
      // Installing the Teams app adds only the bot; the Emulator and Web Chat add the candidate.
      const joined =
        activity.channelId === 'msteams'
          ? (activity.membersAdded?.some((member) => member.id === botId) ?? false)
          : (activity.membersAdded?.some((member) => member.id !== botId) ?? false);
      return joined ? { kind: 'start' } : undefined;
    }
    case 'installationUpdate':
      return activity.action === 'add' && !isGroupConversation(activity) ? { kind: 'start' } : undefined;
    case 'event': {
      if (activity.name === WEBCHAT_JOIN) return { kind: 'start' };
      const result = activity.name === WEBCHAT_DEVICE_CHECK ? parseDeviceCheck(activity.value) : undefined;
      return result && { kind: 'device-check', result };
    }
    default:
      return undefined;
  }
}

/**
 * What an activity tells us about the candidate's device: the Web Chat join event's browser
 * details, or the Teams client's platform and locale. Junk is ignored, never fatal. A Teams channel
 * or group chat is recruiters': what their clients say is no candidate's device.
 */
export function deviceFrom(activity: Partial<Activity>): DeviceProfile | undefined {
  if (activity.type === 'event' && activity.name === WEBCHAT_JOIN) return parseWebChatJoin(activity.value);
  if (activity.channelId === 'msteams' && !isGroupConversation(activity)) return parseTeamsClientInfo(activity.entities);
  return undefined;
}

function choiceFrom(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const choice = (value as { choice?: unknown }).choice;
  return typeof choice === 'string' && choice.length > 0 && choice.length <= 200 ? choice : undefined;
}
