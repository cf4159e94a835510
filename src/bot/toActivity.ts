import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../engine/types';
import { choiceCard } from './teams/choiceCard';

/**
 * Renders a channel-neutral reply as a Bot Framework message. Choices become suggested actions
 * of type imBack: clicking one sends its label as text, so clicking and typing take one path.
 * In Teams, whose suggested actions show only in personal chats, they become card buttons.
 */
export function toActivity(reply: Reply, values: Record<string, string> = {}, channelId?: string): Partial<Activity> {
  const text = fill(reply.text, values);
  if (!reply.choices || reply.choices.length === 0) return { type: 'message', text, textFormat: 'markdown' };
  if (channelId === 'msteams') return { type: 'message', attachments: [choiceCard(text, reply.choices)] };
  const actions = reply.choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice.label, value: choice.label }));
  return { ...MessageFactory.suggestedActions(actions, text), textFormat: 'markdown' };
}

/** `{ticketId}` and the like: values only known once the turn's effects ran. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
