import type { CompiledFlow } from '../flow';
import { MENU, MORE_PROBLEMS, RESOLVED } from '../flow/targets';
import { choiceEvent, commandEvent, topicEvent, NO, PASS_ON, TRIED, WRITE_MYSELF, YES, type Command } from '../flow/events';
import type { Understanding } from './understanding';

/** What a typed message means at the current point of the conversation. */
export type Intent =
  | { kind: 'event'; event: string; topic?: string }
  | { kind: 'clarify'; topics: string[] }
  | { kind: 'unclear' };

/** A typed answer must be at least this sure to count as a click; otherwise topics get a say. */
export const ANSWER_CONFIDENCE = 0.75;
/** Above this a topic is clear enough to route even when another one is close behind. */
const CLEAR_CONFIDENCE = 0.5;
/** Below CLEAR_CONFIDENCE, the best topic must lead the next by this much to be routed to. */
const TIE_MARGIN = 0.1;
/** Topics this close to the best guess are offered together when the bot is unsure. */
const CLARIFY_FLOOR_RATIO = 0.5;

/**
 * Reads a message in the order a person would: a command ("start over") wins anywhere, then an
 * answer to what was just asked, then a (new) topic. Below the confidence threshold nothing is
 * routed silently: the candidate is asked which topic they meant.
 */
export function interpret(flow: CompiledFlow, understanding: Understanding, state: string, text: string): Intent {
  const command = commandIn(flow, understanding, text);
  if (command) return { kind: 'event', event: command };

  const answer = understanding.matchPhrase(text, answersAt(flow, state));
  if (answer && answer.confidence >= ANSWER_CONFIDENCE) return { kind: 'event', event: answer.id };

  const classification = understanding.classify(text);
  const [first, second] = classification.ranked;
  // Two topics almost tied at low confidence: asking beats guessing.
  const tooClose = first && second && classification.confidence < CLEAR_CONFIDENCE && first.confidence - second.confidence < TIE_MARGIN;
  if (classification.topic !== 'none' && flow.topics.has(classification.topic) && !tooClose) {
    const topic = classification.topic;
    // "It still won't load" while following that topic's advice means the advice didn't help.
    if (topicOf(flow, state) === topic && flow.nodes.get(state)?.node.type === 'advice') return { kind: 'event', event: choiceEvent(NO) };
    return { kind: 'event', event: topicEvent(topic), topic };
  }
  const best = classification.ranked[0]?.confidence ?? 0;
  const floor = understanding.threshold * CLARIFY_FLOOR_RATIO;
  const near = classification.ranked
    .filter((r) => flow.topics.has(r.topic) && r.confidence >= floor && r.confidence >= best * CLARIFY_FLOOR_RATIO)
    .slice(0, 3)
    .map((r) => r.topic);
  // One near topic is no choice: "Which of these is closest?" over a single button reads as a bug.
  return near.length > 1 ? { kind: 'clarify', topics: near } : { kind: 'unclear' };
}

/** The command event a message asks for ("start over", "menu", "talk to a recruiter"), if any. */
export function commandIn(
  flow: CompiledFlow,
  understanding: Understanding,
  text: string,
  allowed: readonly Command[] = ['restart', 'menu', 'human'],
): string | undefined {
  const options = allowed.map((c) => ({ id: commandEvent(c) as string, phrases: [flow.guide.labels[c], ...flow.guide.commands[c]] }));
  const match = understanding.matchPhrase(text, options);
  return match && match.confidence >= ANSWER_CONFIDENCE ? match.id : undefined;
}

/** Phrases for the answers the current state offers, keyed by the event each answer sends. */
export function answersAt(flow: CompiledFlow, state: string): { id: string; phrases: string[] }[] {
  if (state === MENU || state === MORE_PROBLEMS || state === RESOLVED) {
    // Every topic's label, on the first list or behind "Something else": typing one picks it anywhere.
    return [...flow.guide.menu.topics, ...flow.guide.menu.more.topics].flatMap((id) => {
      const topic = flow.topics.get(id);
      return topic ? [{ id: topicEvent(id), phrases: [topic.label] }] : [];
    });
  }
  const node = flow.nodes.get(state)?.node;
  if (node?.type === 'advice' && node.passOn) {
    // "Yes" here passes it on; a bare "no" is still "not helped", so more help follows, never a dead end.
    const { yes, no } = flow.guide.passOn;
    const { didItHelp } = flow.guide;
    return [
      { id: choiceEvent(PASS_ON), phrases: [yes.label, ...yes.synonyms] },
      { id: choiceEvent(WRITE_MYSELF), phrases: [no.label, ...no.synonyms] },
      { id: choiceEvent(NO), phrases: [didItHelp.no.label, ...didItHelp.no.synonyms] },
      { id: choiceEvent(TRIED), phrases: didItHelp.tried.synonyms },
    ];
  }
  if (node?.type === 'advice') {
    const { yes, no, tried } = flow.guide.didItHelp;
    return [
      { id: choiceEvent(YES), phrases: [yes.label, ...yes.synonyms] },
      { id: choiceEvent(NO), phrases: [no.label, ...no.synonyms] },
      { id: choiceEvent(TRIED), phrases: tried.synonyms },
    ];
  }
  if (node?.type === 'question') return node.choices.map((c) => ({ id: choiceEvent(c.id), phrases: [c.label, ...c.synonyms] }));
  if (node?.type === 'check') return [{ id: choiceEvent('skip'), phrases: [node.skip.label, ...node.skip.synonyms] }];
  return [];
}

function topicOf(flow: CompiledFlow, state: string): string | undefined {
  return flow.nodes.get(state)?.topic;
}
