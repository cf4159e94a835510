import type { Reply } from '../engine/types';

/**
 * Fills `{ticketId}` and the like: values known only once the turn's effects ran. A placeholder
 * with no value is dropped with the sentence around it rather than shown to a candidate.
 */
export function fillValues(replies: Reply[], values: Record<string, string>): Reply[] {
  return replies.map((reply) => ({ ...reply, text: fill(reply.text, values) }));
}

function fill(text: string, values: Record<string, string>): string {
  if (!/\{\w+\}/.test(text)) return text;
  return text
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder))
    .filter((sentence) => !/\{\w+\}/.test(sentence))
    .join(' ');
}
