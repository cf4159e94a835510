import type { CompiledFlow } from '../flow';
import { commandChoice } from './render';
import type { Reply } from './types';

/** Lowercase words only, so cues match however the candidate punctuates ("is this a scam??"). */
export function plainWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[’]/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim()} `;
}

/** The flow's cues and small-talk phrases as plain words, worked out once per flow rather than per message. */
interface PlainPhrases {
  beyond: { id: string; cues: string[] }[];
  social: { id: string; phrase: string }[];
}
const plainPhrasesOf = new WeakMap<CompiledFlow, PlainPhrases>();
function plainPhrases(flow: CompiledFlow): PlainPhrases {
  let phrases = plainPhrasesOf.get(flow);
  if (!phrases) {
    phrases = {
      beyond: Object.entries(flow.guide.beyond).map(([id, entry]) => ({ id, cues: entry.cues.map(plainWords) })),
      social: Object.entries(flow.guide.social)
        .flatMap(([id, entry]) => entry.words.map((w) => ({ id, phrase: plainWords(w) })))
        .sort((a, b) => b.phrase.length - a.phrase.length),
    };
    plainPhrasesOf.set(flow, phrases);
  }
  return phrases;
}

/** A question beyond the guide the message asks (pay, scheduling, accommodations…), if any. */
export function beyondIn(flow: CompiledFlow, text: string): { id: string; recruiter: boolean; replies: Reply[]; rest: string } | undefined {
  const words = plainWords(text);
  for (const { id, cues } of plainPhrases(flow).beyond) {
    const cue = cues.find((c) => words.includes(c));
    if (!cue) continue;
    const entry = flow.guide.beyond[id]!;
    // What the message says besides the question: "my link expired, can I get an extension" names a problem too.
    // Every cue of the question is taken out ("panicking, the deadline is in an hour"), so only the problem is left.
    const rest = entry.withProblem ? cues.reduce((left, c) => left.replace(c, ' '), words).replace(/\s+/g, ' ').trim() : '';
    const replies: Reply[] = entry.recruiter
      ? [{ text: entry.say }, { text: flow.guide.beyondOffer, choices: [commandChoice(flow, 'human'), commandChoice(flow, 'menu')] }]
      : [{ text: entry.say, choices: [commandChoice(flow, 'menu')] }];
    return { id, recruiter: entry.recruiter, replies, rest };
  }
  return undefined;
}

/**
 * The small talk a message is ("hi", "thanks!", "ok thanks bye"): only when every word is small
 * talk, so "hi, my link expired" is still about the link. The last kind named wins ("ok thanks bye").
 */
export function socialIn(flow: CompiledFlow, text: string): string | undefined {
  let rest = plainWords(text);
  let last: { id: string; at: number } | undefined;
  for (const { id, phrase } of plainPhrases(flow).social) {
    const at = rest.indexOf(phrase);
    if (at < 0) continue;
    if (!last || at > last.at) last = { id, at };
    while (rest.includes(phrase)) rest = rest.replace(phrase, ' ');
  }
  const leftover = rest.trim().split(' ').filter((w) => w && !SOFTENERS.has(w));
  return leftover.length === 0 ? last?.id : undefined;
}

const SOFTENERS = new Set(['so', 'very', 'a', 'lot', 'for', 'the', 'help', 'your', 'and', 'oh', 'you', 'again', 'all', 'that', 'is', 'it', 'bot']);
