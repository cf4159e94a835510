import type { Activity } from 'botbuilder';
import type { CandidateInput } from '../engine/types';
import { parseTeamsClientInfo, parseWebChatJoin, type DeviceProfile } from '../device';

/** Web Chat's page sends this event when it connects (see the ticket and web chat issues). */
export const WEBCHAT_JOIN = 'webchat/join';

/**
 * Reads what the candidate did from a Bot Framework activity. Returns undefined for activities
 * that need no answer (typing, message reactions, the bot's own join, unknown types).
 */
export function toCandidateInput(activity: Partial<Activity>): CandidateInput | undefined {
  switch (activity.type) {
    case 'message': {
      // A card submit (Action.Submit data) or a messageBack carries the choice id in `value`.
      const choice = choiceFrom(activity.value);
      if (choice) return { kind: 'choice', id: choice };
      return { kind: 'text', text: typeof activity.text === 'string' ? activity.text : '' };
    }
    case 'conversationUpdate': {
      const botId = activity.recipient?.id;
      const joined = activity.membersAdded?.some((member) => member.id !== botId) ?? false;
      return joined ? { kind: 'start' } : undefined;
    }
    case 'event':
      return activity.name === WEBCHAT_JOIN ? { kind: 'start' } : undefined;
    default:
      return undefined;
  }
}

/**
 * What an activity tells us about the candidate's device: the Web Chat join event's browser
 * details, or the Teams client's platform and locale. Junk is ignored, never fatal.
 */
export function deviceFrom(activity: Partial<Activity>): DeviceProfile | undefined {
  if (activity.type === 'event' && activity.name === WEBCHAT_JOIN) return parseWebChatJoin(activity.value);
  if (activity.channelId === 'msteams') return parseTeamsClientInfo(activity.entities);
  return undefined;
}

function choiceFrom(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const choice = (value as { choice?: unknown }).choice;
  return typeof choice === 'string' && choice.length > 0 && choice.length <= 200 ? choice : undefined;
}
