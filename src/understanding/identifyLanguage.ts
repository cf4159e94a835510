import type { detectAll as DetectAll } from 'tinyld';
import { LruCache } from '../lruCache';
import { isLanguageCode, LANGUAGE_CODES, type LanguageCode } from './language';
import { foldedWords } from './languages/foldedWords';

/**
 * Which language a candidate writes in, from a prior (the conversation's language so far, or the
 * browser's locale) and one message. Measured in docs/LANGUAGE-ID.md: no language detector's
 * confidence tells "ok", "404" or "Chrome" from a real sentence, a length gate does. So a message
 * switches the language only when it has enough letters, and short or neutral ones keep the prior.
 */
export interface LanguageGuess {
  /** The language to answer in: the prior, or the one the message is clearly written in. */
  language: LanguageCode;
  /** Whether `language` differs from the prior. */
  switched: boolean;
  /** The message is clearly in a language the bot doesn't speak (tinyld's code: "it", "nl", "pl"…). */
  unsupported?: string;
}

export interface LanguageContext {
  prior: LanguageCode;
  /** The languages the bot may switch to; all five by default. */
  supported?: readonly LanguageCode[];
  /**
   * The words the bot knows in each language (`vocabularyOf` its training examples). With them, a
   * message switches only when more of its words are known in the new language than in the current
   * one: "contact recruiter", "Computer" or "Software Engineer" stay English. Measured with the
   * flows' examples on docs/language-id-messages.tsv: English lines kept 98 → 100 %, lines in es,
   * fr, de, pt-BR kept in their own conversation 93–98 → 100 %, switches from English unchanged but
   * pt-BR (67 → 64 %, one line); none of the 247 messy-conversation lines switches any more (4 did).
   */
  vocabularies?: ReadonlyMap<LanguageCode, ReadonlySet<string>>;
}

/** The words of some texts, as `identifyLanguage` compares them (lowercase, accents folded). */
export function vocabularyOf(texts: Iterable<string>): ReadonlySet<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of foldedWords(text)) words.add(word);
  return words;
}

/** Letters needed to switch away from English (measured: 0 of 30 neutral messages switch, es 88 %, de 95 %). */
const FROM_ENGLISH_LETTERS = 8;
/** From another language, "Samsung Galaxy S21" must not switch a German conversation to English. */
const FROM_OTHER_LETTERS = 14;
const FROM_OTHER_CONFIDENCE = 0.036;
/**
 * "Clearly another language": measured on 40 Italian, Dutch, Polish and Turkish lines (34 caught)
 * and 553 lines in our languages or neutral (none flagged: docs/language-id-messages.tsv,
 * test/languages/*.tsv, the English dev set).
 */
const UNSUPPORTED_LETTERS = 14;
const UNSUPPORTED_CONFIDENCE = 0.5;
/** Detector answers that are noise on chat lines in our languages ("was soll ich … anziehen" → Latin). */
const NEVER_UNSUPPORTED = new Set(['la', 'af', 'eo']);

/**
 * tinyld's model takes ~300 ms to load: loaded on the first message that needs it (the server
 * warms it once it listens), not while the bot starts.
 */
let detector: typeof DetectAll | undefined;
const detectAll: typeof DetectAll = (...args) => {
  detector ??= (require('tinyld') as { detectAll: typeof DetectAll }).detectAll;
  return detector(...args);
};

/** tinyld names languages without a region: our "pt-BR" is its "pt". */
const toDetector = (code: LanguageCode): string => code.split('-')[0]!;
const fromDetector = (code: string, supported: readonly LanguageCode[]): LanguageCode | undefined =>
  supported.find((ours) => toDetector(ours) === code);

/** Addresses, emails and tokens with digits or "_" (ids, error codes) are in no language. */
function wordsOnly(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .split(/\s+/)
    .filter((token) => token !== '' && !token.includes('@') && !/[\d_]/.test(token))
    .join(' ');
}

export function identifyLanguage(text: string, { prior, supported = LANGUAGE_CODES, vocabularies }: LanguageContext): LanguageGuess {
  const kept = { language: prior, switched: false };
  const words = wordsOnly(text);
  const letters = words.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return kept;

  if (letters >= UNSUPPORTED_LETTERS) {
    const [top] = detectAll(words);
    const ours = top && fromDetector(top.lang, supported);
    if (top && !(ours && supported.includes(ours)) && !NEVER_UNSUPPORTED.has(top.lang) && top.accuracy >= UNSUPPORTED_CONFIDENCE) {
      return { ...kept, unsupported: top.lang };
    }
  }

  const [best] = detectAll(words, { only: supported.map(toDetector) });
  const detected = best && fromDetector(best.lang, supported);
  if (!best || !detected || detected === prior || !supported.includes(detected)) return kept;
  const clear =
    prior === 'en' ? letters >= FROM_ENGLISH_LETTERS : letters >= FROM_OTHER_LETTERS && best.accuracy >= FROM_OTHER_CONFIDENCE;
  if (!clear) return kept;
  if (vocabularies) {
    const known = (code: LanguageCode) => {
      const vocabulary = vocabularies.get(code);
      return vocabulary ? foldedWords(words).filter((word) => vocabulary.has(word)).length : 0;
    };
    if (known(detected) <= known(prior)) return kept;
  }
  return { language: detected, switched: true };
}

/**
 * `identifyLanguage` for the languages a deployment has (codes as the flows name them), in the
 * shape the engine asks for: `(text, prior) => guess`. A prior it doesn't know reads as English.
 */
export function createLanguageIdentifier(
  languages: readonly string[],
  vocabularies?: ReadonlyMap<LanguageCode, ReadonlySet<string>>,
): (text: string, prior: string) => LanguageGuess {
  const supported = languages.filter(isLanguageCode);
  // A clicked button arrives as its label's text: the same few hundred messages, over and over.
  const remembered = new LruCache<string, LanguageGuess>(REMEMBERED_MESSAGES);
  return function identify(text, prior) {
    const known = supported.includes(prior) ? prior : 'en';
    const key = `${known}\u0000${text}`;
    let guess = text.length <= MAX_REMEMBERED_LENGTH ? remembered.get(key) : undefined;
    if (!guess) {
      guess = identifyLanguage(text, { prior: known, supported, ...(vocabularies && { vocabularies }) });
      if (text.length <= MAX_REMEMBERED_LENGTH) remembered.set(key, guess);
    }
    return guess;
  };
}

/** Button labels and short answers repeat across conversations; long messages rarely do. */
const REMEMBERED_MESSAGES = 2_000;
const MAX_REMEMBERED_LENGTH = 60;
