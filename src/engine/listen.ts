import type { CompiledFlow } from '../flow';
import type { FormNode } from '../flow/schema';
import type { FormAnswers } from '../flow/context';
import type { Slots } from '../understanding/slots';
import { detailsListIn, deviceCorrectionIn, earlierAnswerFixIn, isQuestionBack, nameCorrectionIn } from './formCorrections';
import type { FormEvent } from '../flow/events';
import { choiceEvent, commandEvent, topicEvent, NO, SOLVED, YES } from '../flow/events';
import { fieldOf } from '../flow/formStates';
import { positionOf, type FlowStateValue } from '../flow/position';
import { ESCALATION_TOPIC } from '../flow/escalationTopic';
import { resolveTarget } from '../flow/targets';
import { answersAt, commandIn, ANSWER_CONFIDENCE, type Intent } from './interpret';
import { beyondIn, plainWords, socialIn } from './beyondGuide';
import { correctionIn, withoutFiller } from './formFill';
import { menuReply, renderState } from './render';
import { formChoices } from './formQuestions';
import { asksWhatNext } from '../understanding/outcome';
import { splitSentences } from '../understanding/splitSentences';
import type { Classification, Understanding } from './understanding';
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
  | { kind: 'event'; intent: Intent; before?: Reply[] }
  | { kind: 'reply'; replies: Reply[]; offersRecruiter: boolean; question: boolean }
  /** Inside a topic, a message that names no other problem clearly: "didn't get that", and the step's question again. */
  | { kind: 'unplaced' }
  | { kind: 'none' };

/**
 * Reads a message against what was just asked before anything else: a command, the answer to
 * the question (in any phrasing: "same error" is a no), small talk, a question beyond the guide.
 * `none` lets the topic classifier have its say.
 */
export function listen(flow: CompiledFlow, understanding: Understanding, state: string, text: string): Heard {
  const command = commandIn(flow, understanding, text);
  // "are u a real person" asks about the bot, in a command's words: the question is answered.
  const asked = command && isQuestionBack(text) ? beyondIn(flow, text) : undefined;
  if (asked && !asked.recruiter) return { kind: 'reply', replies: asked.replies, offersRecruiter: false, question: false };
  if (command) return event(command);
  const answers = answersAt(flow, state);
  const whole = understanding.matchPhrase(text, answers);
  if (whole && whole.confidence >= ANSWER_CONFIDENCE) return event(whole.id);

  const node = flow.nodes.get(state)?.node;
  // "wait is there no way to redo it? i see a retake button": what they say last is what they see.
  const answer = node?.type === 'question' ? lastSentenceAnswer(understanding, text, answers) ?? whole : whole;
  const here = flow.nodes.get(state)?.topic;
  const classification = understanding.classify(text);
  const { topic, confidence } = classification;
  const elsewhere = topic !== 'none' && topic !== here && flow.topics.has(topic);
  const beyond = beyondIn(flow, text);
  // Advice that says "contact the recruiter" is answered the way the recruiter question is: "I'll email them myself".
  if (node?.type === 'advice' && answersTheNextQuestion(flow, understanding, state, text)) return event(choiceEvent(NO));
  if (node?.type === 'advice' && understanding.saysHelped(text) && !beyond && !(elsewhere && confidence >= SWITCH_CONFIDENCE)) return event(choiceEvent(YES));
  // "ok i opened it again and i see resume and start new": an answer to the topic's first question, read there.
  if (node?.type === 'advice' && here && !beyond && answersTheTopicsQuestion(flow, understanding, state, here, text)) {
    return topicIntent(here);
  }
  // "I can't open the link, it says expired": still stuck, and what they see now is another problem.
  const instead = here ? problemBeside(flow, classification, here) : undefined;
  if (node?.type === 'advice' && instead && !beyond) return topicIntent(instead);
  if (node?.type === 'advice' && understanding.saysNotHelped(text) && !beyond && !(elsewhere && confidence >= SWITCH_CONFIDENCE)) return event(choiceEvent(NO));
  // At a question too, "zoom was open, works now" ends the problem rather than starting another.
  if (node?.type === 'question' && understanding.saysHelped(text) && !beyond && !(elsewhere && confidence >= SWITCH_CONFIDENCE)) return event(SOLVED);
  if (node?.type === 'question' && answer && answer.confidence >= LOOSE_ANSWER && !(elsewhere && confidence >= ANOTHER_TOPIC_CONFIDENCE)) return event(answer.id);

  // "ok so what now" while a question is open: its answer decides what's next, so it is asked again, never a jump.
  if (node?.type === 'question' && asksWhatNext(text) && !beyond && !(elsewhere && confidence >= SWITCH_CONFIDENCE)) {
    return { kind: 'reply', replies: [{ text: flow.guide.whatNext }, ...renderState(flow, state).filter((r) => r.choices)], offersRecruiter: false, question: false };
  }

  const social = socialIn(flow, text);
  if (social) {
    const say = flow.guide.social[social]!.say;
    const pending = node?.type === 'advice' || node?.type === 'question' ? renderState(flow, state).filter((r) => r.choices) : [];
    const atMenu = !node && social === 'greeting';
    return { kind: 'reply', replies: atMenu ? [menuReply(flow, say)] : [{ text: say }, ...pending], offersRecruiter: false, question: false };
  }
  if (beyond) {
    // The question answered, then the problem the same message names (the offer to pass it on would come too early).
    const problem = beyond.rest ? understanding.classify(beyond.rest) : undefined;
    if (problem && problem.topic !== here && problem.topic !== ESCALATION_TOPIC && flow.topics.has(problem.topic) && problem.confidence >= ANOTHER_TOPIC_CONFIDENCE) {
      return { kind: 'event', intent: { kind: 'event', event: topicEvent(problem.topic), topic: problem.topic }, before: [{ text: flow.guide.beyond[beyond.id]!.say }] };
    }
    return { kind: 'reply', replies: beyond.replies, offersRecruiter: beyond.recruiter, question: beyond.recruiter };
  }
  // Inside a topic, another one takes over only on strong evidence: "so im stuck with it?" (a weak
  // page-won't-load guess) is said back as unclear, with the step's question, never a jump.
  const clearElsewhere = elsewhere && confidence >= ANOTHER_TOPIC_CONFIDENCE;
  if ((node?.type === 'advice' || node?.type === 'question') && topic !== 'none' && topic !== here && !clearElsewhere) return instead ? topicIntent(instead) : { kind: 'unplaced' };
  return { kind: 'none' };
}

/**
 * A problem named beside the one being followed: "I can't open the link it says expired" at the
 * typo check splits between page-won't-load and link-expired. Leaving out the problem the candidate
 * already has, what is left must name the other clearly.
 */
function problemBeside(flow: CompiledFlow, { topic, confidence, ranked }: Classification, here: string): string | undefined {
  if (topic === here || topic === ESCALATION_TOPIC || !flow.topics.has(topic)) return undefined;
  const followed = ranked.find((r) => r.topic === here)?.confidence ?? 0;
  return confidence >= ANOTHER_TOPIC_CONFIDENCE * (1 - followed) ? topic : undefined;
}

function topicIntent(topic: string): Heard {
  return { kind: 'event', intent: { kind: 'event', event: topicEvent(topic), topic } };
}

/** Whether the message answers the question "No, still stuck" leads to (the recruiter's "send a ticket or email them?"). */
function answersTheNextQuestion(flow: CompiledFlow, understanding: Understanding, state: string, text: string): boolean {
  const at = flow.nodes.get(state);
  if (at?.node.type !== 'advice') return false;
  const next = resolveTarget(flow.topics.get(at.topic)!, at.node.notHelped, flow.topics);
  if (!next || flow.nodes.get(next)?.node.type !== 'question') return false;
  return (understanding.matchPhrase(text, answersAt(flow, next))?.confidence ?? 0) >= ANSWER_CONFIDENCE;
}

/** The last sentence's clear answer, when a message of several sentences answers only at its end. */
function lastSentenceAnswer(understanding: Understanding, text: string, answers: { id: string; phrases: string[] }[]) {
  const sentences = splitSentences(text);
  if (sentences.length < 3) return undefined;
  const last = understanding.matchPhrase(sentences[sentences.length - 1]!, answers);
  return last && last.confidence >= ANSWER_CONFIDENCE ? last : undefined;
}

/** Whether the message clearly answers the first question of the topic being followed, with a choice leading elsewhere than here. */
function answersTheTopicsQuestion(flow: CompiledFlow, understanding: Understanding, state: string, topicId: string, text: string): boolean {
  const topic = flow.topics.get(topicId);
  const start = topic ? resolveTarget(topic, topic.start, flow.topics) : undefined;
  const question = start ? flow.nodes.get(start)?.node : undefined;
  if (!start || question?.type !== 'question') return false;
  const answer = understanding.matchPhrase(text, answersAt(flow, start));
  if (!answer || answer.confidence < ANSWER_CONFIDENCE) return false;
  const choice = question.choices.find((c) => choiceEvent(c.id) === answer.id);
  return choice !== undefined && resolveTarget(topic!, choice.next, flow.topics) !== state;
}

/** An earlier answer replaced, and the candidate told which and to what. */
function corrected(form: FormNode, field: FormNode['fields'][number], value: string): InsideForm {
  return {
    kind: 'corrected',
    event: { type: 'form.correct', field: field.id, value },
    reply: { text: form.corrected.replaceAll('{field}', field.label.toLowerCase()).replaceAll('{value}', value) },
  };
}

/** A new address typed at another question, when the form already has a different one: the candidate fixing a typo. */
function emailCorrection(form: FormNode, understanding: Understanding, kind: string | undefined, text: string, answered: FormAnswers | undefined): InsideForm | undefined {
  if (kind === 'email') return undefined;
  const field = form.fields.find((f) => f.kind === 'email');
  const before = field ? answered?.fields[field.id] : undefined;
  const email = before ? understanding.details(text).email : undefined;
  if (!field || !email || email === before) return undefined;
  return corrected(form, field, email);
}

/** "oh wait typo gmail not gmial", "sorry i meant senior ux designer": an earlier answer, fixed. */
function earlierFix(form: FormNode, asking: string | undefined, text: string, answered: FormAnswers | undefined): InsideForm | undefined {
  const index = form.fields.findIndex((f) => f.id === asking);
  const kind = form.fields[index]?.kind ?? 'text';
  // The problem in words may say "not" freely ("404 not found"); an address question is answered by an address.
  if (kind === 'longText') return undefined;
  const previous = index > 0 && kind !== 'email' ? form.fields[index - 1]!.id : undefined;
  const fix = asking ? earlierAnswerFixIn(text, answered, previous) : undefined;
  const field = fix && fix.field !== asking ? form.fields.find((f) => f.id === fix.field) : undefined;
  if (!fix || !field) return undefined;
  return corrected(form, field, fix.value);
}

/** "sorry its Jon not Jonn" at a later question: the name, fixed. */
function nameFix(form: FormNode, understanding: Understanding, asking: string | undefined, text: string, answered: FormAnswers | undefined): InsideForm | undefined {
  const field = form.fields.find((f) => f.id === 'name');
  const name = field && asking !== 'name' ? nameCorrectionIn(understanding, text, answered) : undefined;
  if (!field || !name) return undefined;
  return corrected(form, field, name);
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
  /** At the review, "the email is wrong, it's …": that field is changed, its new value checked like any answer. */
  | { kind: 'correction'; field: string; value: string }
  /** Before the review, an answer to an earlier question ("oops, it's noah.kim@gmail.com"). */
  | { kind: 'corrected'; event: FormEvent; reply: Reply }
  /** Not an answer, said back to the candidate before the question is asked again ("can I talk to a human?", "why do you need that?"). */
  | { kind: 'reask'; reply: Reply }
  /** Several details at once ("Jo Marsh, jo@example.com, Designer at Acme"): every field they answer is filled. */
  | { kind: 'details'; slots: Slots }
  /** At the review, the device or browser changed in words. */
  | { kind: 'device'; deviceType?: Slots['deviceType']; browser?: Slots['browser'] }
  | { kind: 'leave'; reply: Reply };

/**
 * A message inside the escalation form: commands and a clicked topic leave it; a correction in
 * words is applied at the review; a message that isn't an answer but names another problem asks
 * before the half-filled form is dropped. Anything else is the answer to the question.
 */
export function readInsideForm(flow: CompiledFlow, understanding: Understanding, value: FlowStateValue, text: string, answered?: FormAnswers): InsideForm {
  const { node, part } = positionOf(value);
  const form = flow.nodes.get(node)!.node as FormNode;
  // A button of the question, typed or clicked, before any command: "Etwas ändern" is within a typo of "Etwas anderes".
  const button = understanding.matchPhrase(text, formChoices(form, part!).map((c) => ({ id: c.id, phrases: [c.label] })));
  if (button?.confidence === 1) return { kind: 'answer' };
  const command = commandIn(flow, understanding, text, ['restart', 'menu']);
  if (command) return { kind: 'move', event: command };
  const labels = [...flow.topics.values()].map((t) => ({ id: topicEvent(t.id), phrases: [t.label] }));
  const clicked = understanding.matchPhrase(text, [...labels, { id: 'stay', phrases: [form.leave.stay] }]);
  if (clicked?.confidence === 1) return clicked.id === 'stay' ? { kind: 'stay' } : { kind: 'move', event: clicked.id };
  if (commandIn(flow, understanding, text, ['human'])) return { kind: 'reask', reply: { text: form.human } };
  if (part === 'review' || part === 'change') {
    // "carry on", "continue": the answer to "look at that instead?", never a name.
  } else if ((understanding.matchPhrase(text, [{ id: 'stay', phrases: form.leave.stayWords }])?.confidence ?? 0) >= ANSWER_CONFIDENCE) return { kind: 'stay' };

  if (part === 'review') {
    const correction = correctionIn(form, text);
    if (correction) return { kind: 'correction', ...correction };
    const device = deviceCorrectionIn(text);
    return device ? { kind: 'device', ...device } : { kind: 'answer' };
  }
  const field = form.fields.find((f) => f.id === fieldOf(part!));
  const list = field && field.kind !== 'longText' ? detailsListIn(understanding, text) : undefined;
  if (list) return { kind: 'details', slots: list };
  const earlier =
    emailCorrection(form, understanding, field?.kind, text, answered) ?? nameFix(form, understanding, field?.id, text, answered) ?? earlierFix(form, field?.id, text, answered);
  if (earlier) return earlier;
  if (!field || field.kind === 'longText') return { kind: 'answer' };
  if (isQuestionBack(text)) return { kind: 'reask', reply: { text: form.question } };
  const answer = withoutFiller(text);
  const fits = field.kind === 'email' ? understanding.details(text).email !== undefined : field.id === 'name' ? understanding.isName(answer) : answer.split(/\s+/).length <= 6;
  if (fits) return { kind: 'answer' };
  // "can I just talk to a human instead of this form": too long to be a clear command, clearly no answer.
  const words = plainWords(text);
  if ([flow.guide.labels.human, ...flow.guide.commands.human].some((phrase) => words.includes(plainWords(phrase)))) {
    return { kind: 'reask', reply: { text: form.human } };
  }
  const { topic, confidence } = understanding.classify(text);
  const other = flow.topics.get(topic);
  if (!other || topic === ESCALATION_TOPIC || confidence < LOOSE_ANSWER) return { kind: 'answer' };
  return {
    kind: 'leave',
    reply: { text: form.leave.ask.replaceAll('{topic}', other.label), choices: [{ id: topicEvent(topic), label: other.label }, { id: 'form.continue', label: form.leave.stay }] },
  };
}
