import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../engine/types';
import { choiceCard } from './teams/choiceCard';

/**
 * Renders a channel-neutral reply as a Bot Framework message. Choices become suggested actions
 * of type imBack: clicking one sends its label as text, so clicking and typing take one path.
 * In Teams, whose suggested actions show only in personal chats, they become card buttons.
 */
export function toActivity(reply: Reply, channelId?: string): Partial<Activity> {
  const { text } = reply;
  if (!reply.choices || reply.choices.length === 0) return { type: 'message', text, textFormat: 'markdown' };
  if (channelId === 'msteams') return { type: 'message', attachments: [choiceCard(text, reply.choices)] };
  const actions = reply.choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice.label, value: choice.label }));
  return { ...MessageFactory.suggestedActions(actions, text), textFormat: 'markdown' };
}
