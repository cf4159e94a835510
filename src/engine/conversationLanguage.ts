import type { Language } from '../flow';
import { foldedWords } from '../understanding/languages/foldedWords';

/** What language identification (src/understanding) says about one message, given the conversation's language. */
export interface LanguageGuess {
  /** The language to answer in: the prior unless the message is clearly in another language the bot speaks. */
  language: string;
  /** The message is clearly in a language the bot doesn't speak (its code, e.g. "it"). */
  unsupported?: string;
}

export type IdentifyLanguage = (text: string, prior: string) => LanguageGuess;

/** Lowercase words without accents, as the understanding reads them: "En Español!" → "en espanol". */
function folded(text: string): string {
  return foldedWords(text).join(' ');
}

/** Words a request for a language alone may carry besides the phrase: "english please", "can you speak english". */
const MAX_EXTRA_WORDS = 2;
/** A bare language name names the language asked for only in a short message: "my english is bad, …" asks nothing. */
const MAX_WORDS_WITH_A_NAME = 5;

/**
 * The language a message asks for ("English please", "en español", "auf Deutsch bitte"), and
 * whether the message is only that request; "english please, my camera won't start" asks for
 * English and says more. The longest phrase wins ("in english" over "english").
 */
export function languageAskedFor(text: string, languages: readonly Language[]): { language: string; only: boolean } | undefined {
  const message = folded(text);
  if (message === '') return undefined;
  const words = message.split(' ').length;
  let best: { code: string; length: number; words: number } | undefined;
  for (const { code, phrase, words: phraseWords } of switchPhrasesOf(languages)) {
    if (!` ${message} `.includes(` ${phrase} `)) continue;
    // A bare language name inside a longer message ("my english is bad") asks for nothing.
    if (phraseWords === 1 && words > MAX_WORDS_WITH_A_NAME) continue;
    if (!best || phrase.length > best.length) best = { code, length: phrase.length, words: phraseWords };
  }
  return best && { language: best.code, only: words <= best.words + MAX_EXTRA_WORDS };
}

/** Every language's switch phrases, folded once: the same few hundred on every message. */
const foldedSwitches = new WeakMap<readonly Language[], { code: string; phrase: string; words: number }[]>();
function switchPhrasesOf(languages: readonly Language[]): { code: string; phrase: string; words: number }[] {
  let phrases = foldedSwitches.get(languages);
  if (!phrases) {
    phrases = languages.flatMap(({ code, switch: said }) =>
      said.map((p) => folded(p)).filter((p) => p !== '').map((phrase) => ({ code, phrase, words: phrase.split(' ').length })),
    );
    foldedSwitches.set(languages, phrases);
  }
  return phrases;
}

/** "English, Español, Français, Deutsch and Português": the languages in their own names. */
export function languageList(languages: readonly Language[]): string {
  const names = languages.map((l) => l.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
