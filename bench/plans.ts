import type { CompiledFlow } from '../src/flow';
import { MENU, RESOLVED } from '../src/flow/targets';
import { positionOf } from '../src/flow/position';
import { fieldOf } from '../src/flow/formStates';
import { decideTurnInLanguage, type Engines } from '../src/engine/decideTurnInLanguage';
import type { CandidateInput, Reply, SavedConversation } from '../src/engine/types';
import { mergeDeviceSources, parseWebChatJoin, toFacts, type DeviceProfile } from '../src/device';
import { appendTurn, candidateSaid, type StoredTranscript } from '../src/conversation/transcript';
import { formAnswers } from './formAnswers';
import { joinEventValue } from './joinEvents';
import { pickFrom, seededRandom, type Random } from './random';
import { FIRST_MESSAGES, SAID_NO, SAID_YES } from './utterances';

/** The event our Web Chat page posts when the chat opens, with the browser's details (see src/bot). */
export const WEBCHAT_JOIN = 'webchat/join';

/** What the candidate's page posts in one turn. */
export type Sent = { type: 'event'; name: typeof WEBCHAT_JOIN; value: Record<string, unknown> } | { type: 'message'; text: string };

export interface PlannedTurn {
  send: Sent;
  /** The button labels the bot answers with, to check the real server follows the same path. */
  labels: string[];
  /** This turn opens a ticket: its reply carries the ticket number. */
  opensTicket: boolean;
}

export type Outcome = 'resolved' | 'emailed-recruiter' | 'ticket' | 'gave-up';

/** One candidate's conversation, decided in advance so the bot and the echo bot get the same activities. */
export interface Plan {
  /** The browser's language, sent as every activity's locale (bench/driver.ts). */
  locale: string;
  turns: PlannedTurn[];
  outcome: Outcome;
  /** What the server has stored once the conversation is over: the shape the large-store scenario writes. */
  stored: { state: SavedConversation; transcript: StoredTranscript; device?: { webchat: DeviceProfile } };
}

export interface PlanOptions {
  count: number;
  /** Share of candidates who end up sending the recruiter a ticket through the form. */
  escalationShare: number;
  seed?: number;
  /** Stops a candidate who goes round in circles; the tree should never need this many turns. */
  maxTurns?: number;
}

/**
 * Plans conversations by running candidates against the engine in-process: each candidate joins
 * from a real browser, describes the problem in their own words, then answers what the bot asks,
 * typing or clicking. The bot layer's own mapping is reproduced (join event → start with device facts,
 * a clicked button → its label as text), so the server must give the same buttons at every turn.
 */
export function planConversations(engines: Engines, { count, escalationShare, seed = 7, maxTurns = 30 }: PlanOptions): Plan[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, serial) => planOne(engines, random, serial, random() < escalationShare, maxTurns));
}

function planOne(engines: Engines, random: Random, serial: number, escalates: boolean, maxTurns: number): Plan {
  // The candidate's browser language picks the bot's (as Web Chat's locale does), and what they type may change it.
  let flow = engines.byLanguage.get('en')!.flow;
  const turns: PlannedTurn[] = [];
  let saved: SavedConversation | undefined;
  let transcript: StoredTranscript | undefined;
  let replies: Reply[] = [];
  const at = new Date(Date.UTC(2025, 0, 1) + serial * 60_000);

  const take = (send: Sent, input: CandidateInput) => {
    const result = decideTurnInLanguage(engines, saved, input, { locale });
    flow = engines.byLanguage.get(result.language)!.flow;
    // The server saves JSON; planning from the round-tripped state keeps both on the same path.
    saved = JSON.parse(JSON.stringify(result.state)) as SavedConversation;
    transcript = appendTurn(transcript, candidateSaid(input, at.toISOString()), result.replies, at.toISOString());
    replies = result.replies;
    turns.push({ send, labels: labelsOf(replies), opensTicket: result.effects.some((e) => e.type === 'open-ticket') });
  };
  const say = (text: string) => take({ type: 'message', text }, { kind: 'text', text });

  const join = joinEventValue(random);
  const locale = String(join.language ?? 'en-US');
  const profile = parseWebChatJoin(join);
  const merged = mergeDeviceSources(profile);
  take({ type: 'event', name: WEBCHAT_JOIN, value: join }, { kind: 'start', ...(merged && { device: toFacts(merged) }) });

  const topics = Object.keys(FIRST_MESSAGES).filter((t) => t !== 'outOfScope' && (escalates || t !== 'contact-recruiter'));
  const lines = random() < 0.1 ? FIRST_MESSAGES.outOfScope! : FIRST_MESSAGES[pickFrom(random, topics)]!;
  say(pickFrom(random, lines));

  // Patience: how many pieces of advice a candidate follows before saying one worked.
  const patience = escalates ? Infinity : 1 + Math.floor(random() * 3);
  let adviceSeen = 0;
  const answers = formAnswers(random, serial);
  let outcome: Outcome = 'gave-up';

  while (turns.length < maxTurns) {
    const state = positionOf(saved!.snapshot.value).node;
    const node = flow.nodes.get(state)?.node;
    const offered = labelsOf(replies);
    if (turns.at(-1)?.opensTicket) {
      outcome = 'ticket';
      break;
    }
    if (state === RESOLVED) {
      outcome = 'resolved';
      break;
    }
    if (node?.type === 'end') {
      outcome = 'emailed-recruiter';
      break;
    }
    if (node?.type === 'form') {
      say(formReply(flow, saved!, answers, offered, random));
    } else if (node?.type === 'advice') {
      adviceSeen += 1;
      const helped = adviceSeen >= patience;
      const { yes, no } = flow.guide.didItHelp;
      say(random() < 0.5 ? (helped ? yes.label : no.label) : pickFrom(random, helped ? SAID_YES : SAID_NO));
    } else if (node?.type === 'question' && state.startsWith('contact-recruiter/')) {
      say(escalates ? offered[0]! : offered[1]!);
    } else {
      // The menu, a clarifying question or a question of the tree: a button, as most candidates do.
      const commands = new Set(Object.values(flow.guide.labels));
      const usable = offered.filter((label) => !commands.has(label) && (escalates || state !== MENU || label !== flow.topics.get('contact-recruiter')?.label));
      if (usable.length === 0) break;
      say(pickFrom(random, usable));
    }
  }
  return {
    locale,
    turns,
    outcome,
    stored: { state: saved!, transcript: transcript!, ...(profile && { device: { webchat: profile } }) },
  };
}

/** The escalation form: each detail typed, the chat device confirmed (or described), then sent. */
function formReply(flow: CompiledFlow, saved: SavedConversation, answers: Record<string, string>, offered: string[], random: Random): string {
  const { node, part } = positionOf(saved.snapshot.value);
  const form = flow.nodes.get(node)?.node;
  if (!part || form?.type !== 'form') return offered[0] ?? 'cancel';
  const field = fieldOf(part);
  if (field) return answers[field]!;
  switch (part) {
    case 'device-confirm':
      return random() < 0.7 ? form.labels.yes : form.labels.no;
    case 'device-type':
    case 'device-browser':
      return pickFrom(random, offered.filter((label) => label !== form.labels.cancel));
    case 'review':
      return form.labels.send;
    default:
      return offered[0]!;
  }
}

const labelsOf = (replies: Reply[]) => replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []);
