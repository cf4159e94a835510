import { allowedTypos, damerauLevenshtein } from './damerauLevenshtein';
import type { LanguageAnalysis } from './language';
import { english } from './languages';
import { LruCache } from '../lruCache';

export interface PhraseOption<T extends string> {
  id: T;
  phrases: string[];
}

export interface PhraseMatch<T extends string> {
  id: T;
  confidence: number;
}

const FILLER_WEIGHT = 0.15;
/** Each typo corrected along the way. */
const TYPO_FACTOR = 0.9;
/** Below this, the message is not taken to be any of the options at all. */
const MIN_CONFIDENCE = 0.5;

interface Token {
  word: string;
  stem: string;
  weight: number;
  /** Numbers ("404") match exactly or not at all. */
  hasDigit: boolean;
  /** How many typos the word may carry (see allowedTypos). */
  typos: number;
}

/**
 * Which of the offered answers a typed message means: a clicked button sends its label (confidence
 * 1); "nope", "still brokn" or "no, I already tried that" are matched word by word, allowing typos.
 * Only whole words match, so the "no" option never fires on "not found", and a message with words
 * no phrase explains ("my camera doesn't work") is not taken for the answer "doesn't work".
 * When phrases of several options explain parts of the message, the one explaining most of it wins.
 */
export function matchPhrase<T extends string>(
  text: string,
  options: PhraseOption<T>[],
  language: LanguageAnalysis = english,
): PhraseMatch<T> | undefined {
  const { tokens, key } = messageTokens.getOrCompute(`${language.code}\n${text}`, () => tokenizeWithKey(text, language));
  if (tokens.length === 0) return undefined;

  const found: (Occurrence & { id: T; weight: number })[] = [];
  for (const option of options) {
    for (const phrase of option.phrases) {
      const { tokens: words, key: phraseKey } = tokenizePhrase(phrase, language);
      if (words.length === 0) continue;
      if (phraseKey === key) return { id: option.id, confidence: 1 };
      for (const occurrence of occurrences(words, tokens)) {
        const weight = occurrence.positions.reduce((sum, at) => sum + tokens[at]!.weight, 0);
        found.push({ ...occurrence, id: option.id, weight });
      }
    }
  }
  // The weightiest phrases claim their words first: in "it's not working now", "not working"
  // (no) beats "working now" (yes), and an overlapping phrase explains nothing.
  found.sort((a, b) => b.weight - a.weight || a.typos - b.typos);
  const explainedBy: (T | undefined)[] = tokens.map(() => undefined);
  const explainedWeight = new Map<T, number>();
  let typos = 0;
  for (const occurrence of found) {
    // Phrases of one option may overlap ("already tried" + "tried that"); another option's may not.
    if (occurrence.positions.some((at) => explainedBy[at] !== undefined && explainedBy[at] !== occurrence.id)) continue;
    let explainsMore = false;
    for (const at of occurrence.positions) {
      if (explainedBy[at] !== undefined) continue;
      explainedBy[at] = occurrence.id;
      explainedWeight.set(occurrence.id, (explainedWeight.get(occurrence.id) ?? 0) + tokens[at]!.weight);
      explainsMore = true;
    }
    // "si" read exactly is not made doubtful by "sip", a longer phrase of the same answer within a typo of it.
    if (explainsMore) typos += occurrence.typos;
  }
  const ranked = [...explainedWeight].sort((a, b) => b[1] - a[1]);
  const [winner, runnerUp] = ranked;
  if (!winner) return undefined;

  // A word the winning option's phrases use elsewhere ("button" in "the button is greyed out",
  // next to a phrase "no button") is on topic for that answer, so it barely counts against it.
  const winnerWords = new Set(
    options.filter((o) => o.id === winner[0]).flatMap((o) => o.phrases.flatMap((phrase) => tokenizePhrase(phrase, language).tokens.map((t) => t.stem))),
  );
  let explained = 0;
  let explainedWords = 0;
  let unexplainedFillers = 0;
  let unexplainedWords = 0;
  tokens.forEach((token, i) => {
    if (explainedBy[i] !== undefined) {
      explained += token.weight;
      if (token.weight === 1) explainedWords += 1;
    } else if (token.weight < 1 || winnerWords.has(token.stem)) unexplainedFillers += FILLER_WEIGHT;
    else unexplainedWords += 1;
  });
  // Leftover fillers barely matter ("ok yes"), hence the square root.
  const coverage = Math.sqrt(explained / (explained + unexplainedFillers));
  // Extra words weigh against the answer in proportion: "I clicked Start New by mistake and lost my
  // answers" is still that choice, but "my camera doesn't work" is not the answer "doesn't work".
  const wordsExplained = explainedWords + unexplainedWords === 0 ? 1 : explainedWords / (explainedWords + unexplainedWords);
  const share = winner[1] / explained;
  const tie = runnerUp !== undefined && runnerUp[1] === winner[1];
  const confidence = coverage * (0.5 + 0.5 * share) * wordsExplained * TYPO_FACTOR ** Math.min(typos, 3);
  if (tie || confidence < MIN_CONFIDENCE) return undefined;
  return { id: winner[0], confidence: Math.round(confidence * 1000) / 1000 };
}

/**
 * The options' phrases come from the flow, the same few hundred on every message: each is
 * tokenized (normalized and stemmed) once. Bounded, in case a caller passes phrases of its own.
 */
const phraseTokens = new Map<string, Tokenized>();
const MAX_CACHED_PHRASES = 5000;
/** One message is matched against several option sets in a turn (delete, commands, answers): tokenized once. */
const messageTokens = new LruCache<string, Tokenized>(64);

interface Tokenized {
  tokens: Token[];
  /** The words joined: equal keys mean the message is exactly that phrase. */
  key: string;
}

function tokenizePhrase(phrase: string, language: LanguageAnalysis): Tokenized {
  const cacheKey = `${language.code}\n${phrase}`;
  let cached = phraseTokens.get(cacheKey);
  if (!cached) {
    // The flow's phrases never reach the limit: only a caller passing phrases of its own could.
    if (phraseTokens.size >= MAX_CACHED_PHRASES) phraseTokens.clear();
    cached = tokenizeWithKey(phrase, language);
    phraseTokens.set(cacheKey, cached);
  }
  return cached;
}

function tokenizeWithKey(text: string, language: LanguageAnalysis): Tokenized {
  const { fillers, stem } = language;
  const tokens = language.words(text).map((raw): Token => {
    // "noooo", "yesss": drawn-out letters are emphasis, not spelling.
    const word = raw.replace(/([a-z])\1{2,}/g, '$1');
    return { word, stem: stem(word), weight: fillers.has(word) ? FILLER_WEIGHT : 1, hasDigit: /\d/.test(word), typos: allowedTypos(word) };
  });
  return { tokens, key: tokens.map((t) => t.word).join(' ') };
}

/** Where `phrase` occurs in `tokens`, word for word or within a typo, skipping fillers in between. */
interface Occurrence {
  positions: number[];
  typos: number;
}

function occurrences(phrase: Token[], tokens: Token[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (let start = 0; start < tokens.length; start++) {
    // Most starts don't match the phrase's first word: decided before anything is allocated.
    const first = sameWord(phrase[0]!, tokens[start]!);
    if (first === undefined) continue;
    const positions = [start];
    let typos = first === 'typo' ? 1 : 0;
    let at = start + 1;
    for (let i = 1; i < phrase.length; i++) {
      const expected = phrase[i]!;
      while (at < tokens.length && tokens[at]!.weight < 1 && !sameWord(expected, tokens[at]!)) at++;
      const token = tokens[at];
      if (!token) break;
      const match = sameWord(expected, token);
      if (match === undefined) break;
      if (match === 'typo') typos++;
      positions.push(at++);
    }
    if (positions.length === phrase.length) found.push({ positions, typos });
  }
  return found;
}

function sameWord(expected: Token, token: Token): 'exact' | 'typo' | undefined {
  if (expected.word === token.word || expected.stem === token.stem) return 'exact';
  if (token.hasDigit || expected.hasDigit) return undefined;
  const max = Math.min(token.typos, expected.typos);
  if (max > 0 && token.word[0] === expected.word[0] && damerauLevenshtein(token.word, expected.word, max) <= max) return 'typo';
  return undefined;
}
