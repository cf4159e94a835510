import type { CompiledFlow } from '../flow';
import type { CandidateInput, Effect, SavedConversation } from '../engine/types';
import type { InsightFact } from './event';
import { clip } from '../clip';

/** Long enough to see what was asked; an unrecognised message becomes an example, not a transcript. */
const MAX_TEXT = 200;

/**
 * What a turn tells the insights, purely, from the state before and after it and its effects:
 * a turn, each node entered (in order), the fallback, a confirmed resolution, an escalation.
 * `said` is the candidate's message as the transcript keeps it (phone numbers and birth dates
 * already hidden); what else could name them (an address, a link, a long number) is masked here.
 * Opening the chat counts as a turn (a session that goes no further is unengaged); a device
 * report or a device check's result is no turn of the candidate's.
 */
export function turnEvents(flow: CompiledFlow, before: SavedConversation | undefined, after: SavedConversation, input: CandidateInput, effects: readonly Effect[], said?: string): InsightFact[] {
  if (input.kind === 'device' || input.kind === 'device-check') return [];
  const facts: InsightFact[] = [{ kind: 'turn' }];
  for (const node of entered(before?.snapshot.context.path ?? [], after.snapshot.context.path)) {
    const at = flow.nodes.get(node);
    if (!at) continue;
    facts.push({ kind: 'entered', node, topic: at.topic, asksHelped: at.node.type === 'advice' && !at.node.passOn });
  }
  if (after.misses > (before?.misses ?? 0) && input.kind === 'text') facts.push({ kind: 'fallback', text: masked(said ?? input.text) });
  if (effects.some((effect) => effect.type === 'resolve')) facts.push({ kind: 'resolved' });
  for (const effect of effects) {
    if (effect.type === 'csat') facts.push({ kind: 'csat', score: effect.score });
    if (effect.type === 'csat-comment') facts.push({ kind: 'comment', text: masked(effect.text) });
  }
  if (effects.some((effect) => effect.type === 'escalate')) facts.push({ kind: 'escalated', how: effects.some((effect) => effect.type === 'open-ticket') ? 'ticket' : 'self' });
  return facts;
}

/**
 * The nodes entered this turn: what the path (every visit, the last 40) gained. "Start over"
 * empties it, so a path that doesn't continue the old one is all new.
 */
export function entered(before: readonly string[], after: readonly string[]): string[] {
  for (let added = 0; added <= after.length; added++) {
    const kept = after.length - added;
    if (kept > before.length) continue;
    if (after.slice(0, kept).every((node, i) => node === before[before.length - kept + i])) return after.slice(kept);
  }
  return [...after];
}

/** Personal data a fallback message may hold, masked: emails, links, long numbers (ids, phones); then clipped. */
export function masked(text: string): string {
  const hidden = text
    .replace(/\S+@\S+\.\S+/g, '[email]')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, '[link]')
    .replace(/\+?\d[\d\s().-]{4,}\d/g, '[number]')
    .replace(/\s+/g, ' ')
    .trim();
  return clip(hidden, MAX_TEXT);
}
