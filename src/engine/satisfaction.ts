import { positionOf } from '../flow/position';
import { RESOLVED } from '../flow/targets';
import type { Engine } from './decideTurn';
import { menuReply } from './render';
import type { CandidateInput, Effect, OpenTicket, Reply, SavedConversation, TurnDecision } from './types';
import { commandIn } from './interpret';

/** The turn the satisfaction question wraps (the link doctor's, which wraps decideTurn's). */
export type Step = (engine: Engine, saved: SavedConversation | undefined, input: CandidateInput, ticket?: OpenTicket) => TurnDecision;

/** A button's id: `csat.4`, `csat.skip`. */
const SCORE_CHOICE = /^csat\.([1-5])$/;
const SKIP_CHOICE = 'csat.skip';
/** "4", "4/5", "4 out of 5", "4 stars", "⭐⭐⭐⭐": a score however it is typed. */
const TYPED_SCORE = /^\s*(?:([1-5])\s*(?:\/\s*5|out of 5|sur 5|de 5|von 5|stars?|estrellas?|étoiles?|sterne|estrelas?|points?|\*)?|(⭐{1,5}|\*{1,5}))\s*[.!]*\s*$/iu;
/** How surely typed words give a score ("great" is 5): nearly the whole message. */
const WORDS_CONFIDENCE = 0.8;
/** "8/10", "10/10". */
const OUT_OF_TEN = /^\s*(\d{1,2})\s*\/\s*10\s*[.!]*\s*$/;
const THUMB_UP = /^\s*👍[\u{1F3FB}-\u{1F3FF}]?\s*$/u;
const THUMB_DOWN = /^\s*👎[\u{1F3FB}-\u{1F3FF}]?\s*$/u;
/** A number standing alone: not part of "404", "4.5" or "4/5" (those are read above). */
const NUMBER = /(?<![\d/.,])\d+(?![\d/.,]*\d)/gu;
/** "out of 5", "sur cinq", "stars": the scale's words, around a score. */
const SCALE_WORDS = /\b(?:out of|of|sur|de|von|em|über)\s+(?:5|five|cinq|cinco|fünf|funf)\b|\b(?:stars?|estrellas?|étoiles?|sterne|estrelas?|points?|puntos?|punkte|pontos?)\b/giu;
/** Classifier confidence that a message names a guide problem (the same bar as for a second problem). */
const PROBLEM_CONFIDENCE = 0.6;

/**
 * The one satisfaction question (CSAT), pure, around the turn: asked once per conversation, after
 * the candidate confirmed a solution or a ticket was sent (never in the middle of the guide). A
 * score (a button, "4", "4/5", "great", "⭐⭐⭐⭐⭐") is thanked and returned as a `csat` effect; the next
 * message, if it is no problem or command the bot can place, is the optional comment. "Skip", or
 * anything else, lets the question go: the message is read as usual, never held up by the question.
 */
export function decideTurnWithSatisfaction(step: Step, engine: Engine, saved: SavedConversation | undefined, input: CandidateInput, ticket?: OpenTicket): TurnDecision {
  const { flow } = engine;
  const words = flow.guide.csat;
  const done = { ...saved!, csat: 'done' as const };
  if (saved?.csat === 'asked' && (input.kind === 'text' || input.kind === 'choice')) {
    const answer = readAnswer(engine, input);
    if (answer === 'skip') return { state: { ...done, misses: 0 }, replies: [menuReply(flow, words.skipped)], effects: [] };
    // "0", "6": the scale again, nothing lost.
    if (answer === 'out-of-range') return { state: saved, replies: [question(engine)], effects: [] };
    if (answer) {
      const scored: Effect = { type: 'csat', score: answer.score };
      // "2 but my camera still doesn't work": the score kept, the new problem answered.
      if (answer.rest && namesSomethingToDo(engine, answer.rest)) {
        const result = step(engine, done, { kind: 'text', text: answer.rest }, ticket);
        return withCsat({ ...result, effects: [scored, ...result.effects] }, 'done');
      }
      // "4 - the link checker was nice": the score and its comment at once.
      if (answer.rest) return { state: { ...done, misses: 0 }, replies: [menuReply(flow, words.commentThanks)], effects: [scored, { type: 'csat-comment', text: answer.rest }] };
      return { state: { ...saved, csat: 'rated', misses: 0 }, replies: [menuReply(flow, words.thanks)], effects: [scored] };
    }
    const result = step(engine, done, input, ticket);
    // "great, it took forever": no score, nothing for the guide either; it was said about the bot.
    if (input.kind === 'text' && result.state.misses > saved.misses) return { state: done, replies: [menuReply(flow, words.commentThanks)], effects: [{ type: 'csat-comment', text: input.text }] };
    return withCsat(result, 'done');
  }
  if (saved?.csat === 'rated' && input.kind === 'text') {
    if (saysSkip(engine, input.text)) return { state: { ...done, misses: 0 }, replies: [menuReply(flow, words.skipped)], effects: [] };
    // A question, a command or a problem is for the guide (or the recruiter): only the rest is a comment.
    if (/\?\s*$/.test(input.text) || namesSomethingToDo(engine, input.text)) return withCsat(step(engine, done, input, ticket), 'done');
    return { state: done, replies: [menuReply(flow, words.commentThanks)], effects: [{ type: 'csat-comment', text: input.text }] };
  }
  const result = step(engine, saved, input, ticket);
  const csat = saved?.csat === 'rated' && input.kind !== 'device' && input.kind !== 'device-check' ? 'done' : saved?.csat;
  if (csat === undefined && concluded(engine, result)) return withCsat({ ...result, replies: [...result.replies, question(engine)] }, 'asked');
  return csat ? withCsat(result, csat) : result;
}

/** The question and its buttons: 1 to 5, and skip. */
function question({ flow }: Engine): Reply {
  const { ask, skip } = flow.guide.csat;
  return { text: ask, choices: [...['1', '2', '3', '4', '5'].map((score) => ({ id: `csat.${score}`, label: score })), { id: SKIP_CHOICE, label: skip }] };
}

/** The candidate confirmed a solution, or a ticket was sent, and nothing else is under way. */
function concluded({ flow }: Engine, result: TurnDecision): boolean {
  if (!result.effects.some((effect) => effect.type === 'resolve' || effect.type === 'open-ticket')) return false;
  const { node, part } = positionOf(result.state.snapshot.value);
  return part === undefined && (node === RESOLVED || flow.nodes.get(node)?.node.type === 'end');
}

type Answer = { score: number; rest?: string } | 'skip' | 'out-of-range' | undefined;

function readAnswer(engine: Engine, input: CandidateInput): Answer {
  if (input.kind === 'choice') {
    if (input.id === SKIP_CHOICE) return 'skip';
    const score = SCORE_CHOICE.exec(input.id)?.[1];
    return score ? { score: Number(score) } : undefined;
  }
  if (input.kind !== 'text') return undefined;
  const text = input.text.trim();
  const typed = TYPED_SCORE.exec(text);
  if (typed) return { score: typed[1] ? Number(typed[1]) : [...typed[2]!].length };
  const tenths = OUT_OF_TEN.exec(text);
  if (tenths) return { score: Math.min(5, Math.max(1, Math.round(Number(tenths[1]) / 2))) };
  if (THUMB_UP.test(text)) return { score: 4 };
  if (THUMB_DOWN.test(text)) return { score: 1 };
  // One number in a short message: "thanks, 5", "nota 4", "4 - the link checker was nice"; "404" is no score.
  const numbers = text.match(NUMBER) ?? [];
  if (numbers.length === 1) {
    const value = Number(numbers[0]);
    const rest = text.replace(NUMBER, ' ').replace(SCALE_WORDS, ' ').replace(/^[\s,.;:!-]+|[\s,.;:!-]+$/g, '').replace(/\s+/g, ' ');
    if (value >= 1 && value <= 5) return { score: value, ...(/\p{L}{3}/u.test(rest) && !isFiller(rest) && { rest }) };
    if (!/\p{L}{2}/u.test(rest) && value <= 10) return 'out-of-range';
  }
  if (saysSkip(engine, text)) return 'skip';
  const match = engine.understanding.matchPhrase(text.replace(SCALE_WORDS, ' ').trim(), Object.entries(engine.flow.guide.csat.scoreWords).map(([score, phrases]) => ({ id: score, phrases })));
  return match && match.confidence >= WORDS_CONFIDENCE ? { score: Number(match.id) } : undefined;
}

function saysSkip({ flow, understanding }: Engine, text: string): boolean {
  const { skipWords, skip } = flow.guide.csat;
  return (understanding.matchPhrase(text, [{ id: 'skip', phrases: [skip, ...skipWords] }])?.confidence ?? 0) >= WORDS_CONFIDENCE;
}

/** "thanks, 5", "nota 4", "5 from me": two words or fewer around a score are no comment. */
function isFiller(text: string): boolean {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length <= 2;
}

/** A command, or a guide problem named clearly: the message is for the guide, not about the bot. */
function namesSomethingToDo({ flow, understanding }: Engine, text: string): boolean {
  if (commandIn(flow, understanding, text)) return true;
  const { topic, confidence } = understanding.classify(text);
  return confidence >= PROBLEM_CONFIDENCE && flow.topics.has(topic);
}

function withCsat(result: TurnDecision, csat: NonNullable<SavedConversation['csat']>): TurnDecision {
  return { ...result, state: { ...result.state, csat } };
}
