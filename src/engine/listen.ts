import type { CompiledFlow } from '../flow';
import type { FormNode } from '../flow/schema';
import type { FormEvent } from '../flow/events';
import { choiceEvent, commandEvent, topicEvent, NO, SOLVED, YES } from '../flow/events';
import { fieldOf } from '../flow/formStates';
import { positionOf, type FlowStateValue } from '../flow/position';
import { ESCALATION_TOPIC } from '../flow/escalationTopic';
import { resolveTarget } from '../flow/targets';
import { answersAt, commandIn, ANSWER_CONFIDENCE, type Intent } from './interpret';
import { beyondIn, socialIn } from './beyondGuide';
import { correctionIn, withoutFiller } from './formFill';
import { menuReply, renderState } from './render';
import type { Understanding } from './understanding';
import type { Reply } from './types';

/** The message that names the problem may answer its first question with a little less certainty: the topic confirms it. */
export const FIRST_ANSWER_CONFIDENCE = 0.6;
/** At a question, a looser answer still wins unless a topic is at least this sure. */
const ANOTHER_TOPIC_CONFIDENCE = 0.6;
/** Below this a loose answer is no answer at all. */
const LOOSE_ANSWER = 0.5;
/** "Same error" at an advice step means no, unless another problem is named this surely. */
const SWITCH_CONFIDENCE = 0.8;

export type Heard =
  | { kind: 'event'; intent: Intent }
  | { kind: 'reply'; replies: Reply[]; offersRecruiter: boolean; question: boolean }
  | { kind: 'none' };

/**
 * Reads a message against what was just asked before anything else: a command, the answer to
 * the question (in any phrasing: "same error" is a no), small talk, a question beyond the guide.
 * `none` lets the topic classifier have its say.
 */
export function listen(flow: CompiledFlow, understanding: Understanding, state: string, text: string): Heard {
  const command = commandIn(flow, understanding, text);
  if (command) return event(command);
  const answers = answersAt(flow, state);
  const answer = understanding.matchPhrase(text, answers);
  if (answer && answer.confidence >= ANSWER_CONFIDENCE) return event(answer.id);

  const node = flow.nodes.get(state)?.node;
  const here = flow.nodes.get(state)?.topic;
  const { topic, confidence } = understanding.classify(text);
  const elsewhere = topic !== 'none' && topic !== here && flow.topics.has(topic);
  const beyond = beyondIn(flow, text);
  // Advice that says "contact the recruiter" is answered the way the recruiter question is: "I'll email them myself".
  if (node?.type === 'advice' && answersTheNextQuestion(flow, understanding, state, text)) return event(choiceEvent(NO));
  if (node?.type === 'advice' && understanding.saysNotHelped(text) && !beyond && !(elsewhere && confidence >= SWITCH_CONFIDENCE)) return event(choiceEvent(NO));
  if (node?.type === 'advice' && understanding.saysHelped(text) && !beyond && !(elsewhere && confidence >= SWITCH_CONFIDENCE)) return event(choiceEvent(YES));
  // At a question too, "zoom was open, works now" ends the problem rather than starting another.
  if (node?.type === 'question' && understanding.saysHelped(text) && !beyond && !(elsewhere && confidence >= SWITCH_CONFIDENCE)) return event(SOLVED);
  if (node?.type === 'question' && answer && answer.confidence >= LOOSE_ANSWER && !(elsewhere && confidence >= ANOTHER_TOPIC_CONFIDENCE)) return event(answer.id);

  const social = socialIn(flow, text);
  if (social) {
    const say = flow.guide.social[social]!.say;
    const pending = node?.type === 'advice' || node?.type === 'question' ? renderState(flow, state).filter((r) => r.choices) : [];
    const atMenu = !node && social === 'greeting';
    return { kind: 'reply', replies: atMenu ? [menuReply(flow, say)] : [{ text: say }, ...pending], offersRecruiter: false, question: false };
  }
  if (beyond) return { kind: 'reply', replies: beyond.replies, offersRecruiter: beyond.recruiter, question: beyond.recruiter };
  return { kind: 'none' };
}

/** Whether the message answers the question "No, still stuck" leads to (the recruiter's "send a ticket or email them?"). */
function answersTheNextQuestion(flow: CompiledFlow, understanding: Understanding, state: string, text: string): boolean {
  const at = flow.nodes.get(state);
  if (at?.node.type !== 'advice') return false;
  const next = resolveTarget(flow.topics.get(at.topic)!, at.node.notHelped, flow.topics);
  if (!next || flow.nodes.get(next)?.node.type !== 'question') return false;
  return (understanding.matchPhrase(text, answersAt(flow, next))?.confidence ?? 0) >= ANSWER_CONFIDENCE;
}

function event(id: string): Heard {
  return { kind: 'event', intent: { kind: 'event', event: id } };
}

/** "Yes please", "please ask them": taking up the offer to pass a question to the recruiter. */
export function yesOption(flow: CompiledFlow) {
  const { yes } = flow.guide.didItHelp;
  return [{ id: 'yes', phrases: [yes.label, ...yes.synonyms, 'please', 'ask them', 'please ask them', 'pass it on', 'please do', 'send it', 'ok'] }];
}

export type InsideForm =
  | { kind: 'answer' }
  | { kind: 'stay' }
  | { kind: 'move'; event: string }
  | { kind: 'correction'; events: FormEvent[] }
  | { kind: 'leave'; reply: Reply };

/**
 * A message inside the escalation form: commands and a clicked topic leave it; a correction in
 * words is applied at the review; a message that isn't an answer but names another problem asks
 * before the half-filled form is dropped. Anything else is the answer to the question.
 */
export function readInsideForm(flow: CompiledFlow, understanding: Understanding, value: FlowStateValue, text: string): InsideForm {
  const command = commandIn(flow, understanding, text, ['restart', 'menu']);
  if (command) return { kind: 'move', event: command };
  const { node, part } = positionOf(value);
  const form = flow.nodes.get(node)!.node as FormNode;
  const labels = [...flow.topics.values()].map((t) => ({ id: topicEvent(t.id), phrases: [t.label] }));
  const clicked = understanding.matchPhrase(text, [...labels, { id: 'stay', phrases: [form.leave.stay] }]);
  if (clicked?.confidence === 1) return clicked.id === 'stay' ? { kind: 'stay' } : { kind: 'move', event: clicked.id };

  if (part === 'review') {
    const correction = correctionIn(form, text);
    if (!correction) return { kind: 'answer' };
    const kind = form.fields.find((f) => f.id === correction.field)?.kind;
    const value = kind === 'email' ? (understanding.details(correction.value).email ?? correction.value) : correction.value;
    return { kind: 'correction', events: [{ type: 'form.change' }, { type: `form.change.${correction.field}` }, { type: 'form.answer', value }] as FormEvent[] };
  }
  const field = form.fields.find((f) => f.id === fieldOf(part!));
  if (!field || field.kind === 'longText') return { kind: 'answer' };
  const answer = withoutFiller(text);
  const fits = field.kind === 'email' ? understanding.details(text).email !== undefined : field.id === 'name' ? understanding.isName(answer) : answer.split(/\s+/).length <= 6;
  if (fits) return { kind: 'answer' };
  const { topic, confidence } = understanding.classify(text);
  const other = flow.topics.get(topic);
  if (!other || topic === ESCALATION_TOPIC || confidence < LOOSE_ANSWER) return { kind: 'answer' };
  return {
    kind: 'leave',
    reply: { text: form.leave.ask.replaceAll('{topic}', other.label), choices: [{ id: topicEvent(topic), label: other.label }, { id: 'form.continue', label: form.leave.stay }] },
  };
}
