import type { Language } from '../flow';

/** What language identification (src/understanding) says about one message, given the conversation's language. */
export interface LanguageGuess {
  /** The language to answer in: the prior unless the message is clearly in another language the bot speaks. */
  language: string;
  /** The message is clearly in a language the bot doesn't speak (its code, e.g. "it"). */
  unsupported?: string;
}

export type IdentifyLanguage = (text: string, prior: string) => LanguageGuess;

/** Lowercase letters and digits without accents: "En Español!" → "en espanol". */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words a request for a language may carry besides the language's name: "english please", "can you speak english?". */
const MAX_EXTRA_WORDS = 3;

/**
 * The language a message asks for ("English please", "en español", "auf Deutsch bitte"), when the
 * message is that request and little else: "my english is bad, the camera won't start" is not one.
 */
export function languageAskedFor(text: string, languages: readonly Language[]): string | undefined {
  const message = folded(text);
  if (message === '') return undefined;
  const words = message.split(' ').length;
  let best: { code: string; length: number } | undefined;
  for (const language of languages) {
    for (const phrase of language.switch) {
      const wanted = folded(phrase);
      if (!wanted || !` ${message} `.includes(` ${wanted} `)) continue;
      if (words > wanted.split(' ').length + MAX_EXTRA_WORDS) continue;
      if (!best || wanted.length > best.length) best = { code: language.code, length: wanted.length };
    }
  }
  return best?.code;
}

/** "English, Español, Français, Deutsch and Português": the languages in their own names. */
export function languageList(languages: readonly Language[]): string {
  const names = languages.map((l) => l.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
