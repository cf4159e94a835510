import type { CompiledFlow } from '../flow';
import { choiceEvent } from '../flow/events';
import { answersAt } from './interpret';
import type { Understanding } from './understanding';

/** The parts of a message an answer may sit in: "my camera doesn't work, macbook chrome". */
const PARTS = /[,.;!?\n]+|\s+(?:and|but|using|with|in|on)\s+/i;

/**
 * What the message that named the problem already answers, as the events to send: the topic's
 * first question, read in the whole message or in any part of it ("…, macbook chrome" answers
 * "Which browser?"); or, when the first question isn't answered, the question one of its choices
 * leads to ("You're chatting on Edge. Is that the interview device?" skipped when the message
 * names the device and browser used for the interview).
 */
export function answersAhead(flow: CompiledFlow, understanding: Understanding, state: string, text: string, sure: number): string[] {
  const here = answerIn(flow, understanding, state, text, sure);
  if (here) return [here];
  const node = flow.nodes.get(state);
  if (node?.node.type !== 'question') return [];
  for (const choice of node.node.choices) {
    const next = `${node.topic}/${choice.next}`;
    if (flow.nodes.get(next)?.node.type !== 'question') continue;
    const answer = answerIn(flow, understanding, next, text, sure);
    if (answer) return [choiceEvent(choice.id), answer];
  }
  return [];
}

function answerIn(flow: CompiledFlow, understanding: Understanding, state: string, text: string, sure: number): string | undefined {
  if (flow.nodes.get(state)?.node.type !== 'question') return undefined;
  const options = answersAt(flow, state);
  const readings = [text, ...text.split(PARTS).map((p) => p.trim()).filter((p) => p && p !== text)];
  let best: { id: string; confidence: number } | undefined;
  for (const reading of readings) {
    const match = understanding.matchPhrase(reading, options);
    if (match && match.confidence >= sure && (!best || match.confidence > best.confidence)) best = match;
  }
  return best?.id;
}
