import { positionOf } from '../flow/position';
import { RESOLVED } from '../flow/targets';
import type { Engine } from './decideTurn';
import { menuReply } from './render';
import type { CandidateInput, OpenTicket, Reply, SavedConversation, TurnDecision } from './types';

/** The turn the satisfaction question wraps (the link doctor's, which wraps decideTurn's). */
export type Step = (engine: Engine, saved: SavedConversation | undefined, input: CandidateInput, ticket?: OpenTicket) => TurnDecision;

/** A button's id: `csat.4`, `csat.skip`. */
const SCORE_CHOICE = /^csat\.([1-5])$/;
const SKIP_CHOICE = 'csat.skip';
/** "4", "4/5", "4 out of 5", "4 stars", "⭐⭐⭐⭐": a score however it is typed. */
const TYPED_SCORE = /^\s*(?:([1-5])\s*(?:\/\s*5|out of 5|sur 5|de 5|von 5|stars?|estrellas?|étoiles?|sterne|estrelas?|points?|\*)?|(⭐{1,5}|\*{1,5}))\s*[.!]*\s*$/iu;
/** How surely typed words give a score ("great" is 5): nearly the whole message. */
const WORDS_CONFIDENCE = 0.8;

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
  if (saved?.csat === 'asked' && (input.kind === 'text' || input.kind === 'choice')) {
    const answer = readAnswer(engine, input);
    if (answer === 'skip') return { state: { ...saved, csat: 'done', misses: 0 }, replies: [menuReply(flow, words.skipped)], effects: [] };
    if (answer !== undefined) return { state: { ...saved, csat: 'rated', misses: 0 }, replies: [menuReply(flow, words.thanks)], effects: [{ type: 'csat', score: answer }] };
    return withCsat(step(engine, { ...saved, csat: 'done' }, input, ticket), 'done');
  }
  if (saved?.csat === 'rated' && input.kind === 'text') {
    const result = step(engine, { ...saved, csat: 'done' }, input, ticket);
    // Nothing the guide can place: it was said about the bot.
    if (result.state.misses > saved.misses) return { state: { ...saved, csat: 'done' }, replies: [menuReply(flow, words.commentThanks)], effects: [{ type: 'csat-comment', text: input.text }] };
    return withCsat(result, 'done');
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

function readAnswer({ flow, understanding }: Engine, input: CandidateInput): number | 'skip' | undefined {
  if (input.kind === 'choice') {
    if (input.id === SKIP_CHOICE) return 'skip';
    const score = SCORE_CHOICE.exec(input.id)?.[1];
    return score ? Number(score) : undefined;
  }
  if (input.kind !== 'text') return undefined;
  const typed = TYPED_SCORE.exec(input.text);
  if (typed) return typed[1] ? Number(typed[1]) : [...typed[2]!].length;
  const { scoreWords, skipWords, skip } = flow.guide.csat;
  const options = [
    ...Object.entries(scoreWords).map(([score, phrases]) => ({ id: score, phrases })),
    { id: 'skip', phrases: [skip, ...skipWords] },
  ];
  const match = understanding.matchPhrase(input.text, options);
  if (!match || match.confidence < WORDS_CONFIDENCE) return undefined;
  return match.id === 'skip' ? 'skip' : Number(match.id);
}

function withCsat(result: TurnDecision, csat: NonNullable<SavedConversation['csat']>): TurnDecision {
  return { ...result, state: { ...result.state, csat } };
}
