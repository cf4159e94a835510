import type { CompiledFlow } from '../../src/flow';
import type { MessyConversation, Turn } from './script';
import { TICKET } from './script';

/** What the bot answered to one candidate message, as text (all replies of the turn). */
export interface PlayedTurn {
  says: string;
  reply: string;
}

export interface TurnVerdict {
  ok: boolean;
  problems: string[];
  fallback: boolean;
  wrongTopic: boolean;
}

export interface ConversationVerdict {
  name: string;
  ok: boolean;
  turns: TurnVerdict[];
}

export interface ListeningMetrics {
  conversations: number;
  passing: number;
  /** Conversations whose first message names a guide problem and whose first reply is that topic's advice. */
  firstReplyRight: { right: number; of: number };
  wrongTopicJumps: number;
  /** A "didn't get that" right after another one. */
  repeatedFallbacks: number;
  /** Candidate messages until the ticket number shows, per ticket script (undefined: no ticket). */
  messagesToTicket: { oneMessage: (number | undefined)[]; oneCorrection: (number | undefined)[] };
}

/**
 * Tells which topic a reply comes from by the first line of each step's text in the flow, so a jump
 * to another topic is seen however the bot got there. Keys outside the guide's topics: "beyond"
 * (an answer beyond the guide), "social" (small talk), "fallback" (didn't understand).
 */
export function replyClassifier(flow: CompiledFlow): (reply: string) => Set<string> {
  const signatures: [string, string][] = [];
  const add = (text: string | undefined, topic: string) => {
    const first = (text ?? '').split('\n')[0]!.split('{')[0]!.replace(/\*\*/g, '').trim();
    if (first.length >= 12) signatures.push([first.slice(0, 60), topic]);
  };
  for (const at of flow.nodes.values()) {
    const node = at.node;
    if (node.type === 'form') {
      add(node.say, at.topic);
      for (const f of node.fields) add(f.ask, at.topic);
    } else if (node.type !== 'branch') add(node.say, at.topic);
  }
  const guide = flow.guide as unknown as Record<string, unknown>;
  for (const [key, topic] of [['beyond', 'beyond'], ['social', 'social']] as const) {
    const section = guide[key] as Record<string, { say?: string }> | undefined;
    for (const entry of Object.values(section ?? {})) if (typeof entry === 'object') add(entry.say, topic);
  }
  add(flow.guide.notUnderstood, 'fallback');
  return (reply) => {
    const plain = reply.replace(/\*\*/g, '');
    return new Set(signatures.filter(([text]) => plain.includes(text)).map(([, topic]) => topic));
  };
}

export function judgeConversation(flow: CompiledFlow, script: MessyConversation, played: PlayedTurn[]): ConversationVerdict {
  const topicsOf = replyClassifier(flow);
  const turns = script.turns.map((turn, i) => judgeTurn(flow, topicsOf, turn, played[i]));
  return { name: script.name, ok: turns.every((t) => t.ok), turns };
}

function judgeTurn(flow: CompiledFlow, topicsOf: (reply: string) => Set<string>, [, expect = {}]: Turn, played: PlayedTurn | undefined): TurnVerdict {
  if (!played) return { ok: false, problems: ['not played'], fallback: false, wrongTopic: false };
  const topics = topicsOf(played.reply);
  const fallback = topics.has('fallback');
  const problems: string[] = [];
  if (fallback && !expect.fallbackOk) problems.push('said it did not understand');
  const guideTopics = [...topics].filter((t) => flow.topics.has(t));
  const wrongTopic = expect.topic !== undefined && guideTopics.length > 0 && !topics.has(expect.topic);
  if (expect.topic && !topics.has(expect.topic)) problems.push(`expected topic ${expect.topic}, got ${[...topics].join(', ') || 'none'}`);
  if (expect.shows && !expect.shows.test(played.reply)) problems.push(`expected to show ${expect.shows}`);
  if (expect.never?.test(played.reply)) problems.push(`must not show ${expect.never}`);
  return { ok: problems.length === 0, problems, fallback, wrongTopic };
}

export function measure(flow: CompiledFlow, scripts: MessyConversation[], played: PlayedTurn[][]): ListeningMetrics {
  const verdicts = scripts.map((s, i) => judgeConversation(flow, s, played[i] ?? []));
  const firstNamesProblem = scripts.map((s) => s.turns[0]?.[1]?.topic).map((t) => t !== undefined && flow.topics.has(t));
  const toTicket = (kind: MessyConversation['ticket']) =>
    scripts.flatMap((s, i) => (s.ticket === kind ? [messagesUntilTicket(played[i] ?? [])] : []));
  return {
    conversations: scripts.length,
    passing: verdicts.filter((v) => v.ok).length,
    firstReplyRight: {
      right: verdicts.filter((v, i) => firstNamesProblem[i] && v.turns[0]?.ok).length,
      of: firstNamesProblem.filter(Boolean).length,
    },
    wrongTopicJumps: verdicts.reduce((n, v) => n + v.turns.filter((t) => t.wrongTopic).length, 0),
    repeatedFallbacks: verdicts.reduce((n, v) => n + v.turns.filter((t, i) => t.fallback && v.turns[i - 1]?.fallback).length, 0),
    messagesToTicket: { oneMessage: toTicket('one-message'), oneCorrection: toTicket('one-correction') },
  };
}

function messagesUntilTicket(played: PlayedTurn[]): number | undefined {
  const at = played.findIndex((t) => TICKET.test(t.reply));
  return at < 0 ? undefined : at + 1;
}

export function describeMetrics(m: ListeningMetrics): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`;
  const counts = (xs: (number | undefined)[]) => xs.map((x) => x ?? 'no ticket').join(', ');
  return [
    `conversations passing: ${m.passing}/${m.conversations} (${pct(m.passing, m.conversations)})`,
    `right advice in the first reply: ${m.firstReplyRight.right}/${m.firstReplyRight.of} (${pct(m.firstReplyRight.right, m.firstReplyRight.of)})`,
    `wrong-topic jumps: ${m.wrongTopicJumps}`,
    `repeated fallbacks: ${m.repeatedFallbacks}`,
    `messages to a ticket, all details in one message: ${counts(m.messagesToTicket.oneMessage)}`,
    `messages to a ticket, with one correction: ${counts(m.messagesToTicket.oneCorrection)}`,
  ].join('\n');
}
