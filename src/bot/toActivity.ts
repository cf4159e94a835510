import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import type { Reply } from '../engine/types';

/**
 * Renders a channel-neutral reply as a Bot Framework message. Choices become suggested actions
 * of type imBack: clicking one sends its label as text, so clicking and typing take one path.
 */
export function toActivity(reply: Reply, values: Record<string, string> = {}): Partial<Activity> {
  const text = fill(reply.text, values);
  if (!reply.choices || reply.choices.length === 0) return { type: 'message', text, textFormat: 'markdown' };
  const actions = reply.choices.map((choice) => ({ type: ActionTypes.ImBack, title: choice.label, value: choice.label }));
  return { ...MessageFactory.suggestedActions(actions, text), textFormat: 'markdown' };
}

/** `{ticketId}` and the like: values only known once the turn's effects ran. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
