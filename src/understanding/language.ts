/**
 * How a message in one language becomes words and stems. Everything the classifier and answer
 * matching know about a language is here; they take one of these and stay language-neutral.
 */
export interface LanguageAnalysis {
  /** The conversation's language code: "en", "es", "fr", "de", "pt-BR". */
  readonly code: LanguageCode;
  /** Lowercase words, accents folded where the language allows, punctuation dropped, numbers kept. */
  words(text: string): string[];
  /** One word's stem, so "caducó", "caducado" and "caduca" count as one word. */
  stem(word: string): string;
  /** Words that say nothing about which problem it is (never negations: "no", "pas", "nicht"). */
  readonly stopWords: ReadonlySet<string>;
  /** Words for the same thing, mapped to one ("webcam" → "camera"). */
  readonly synonyms: Readonly<Record<string, string>>;
  /** Everyday content words: full weight only once several training examples use them. */
  readonly commonWords: ReadonlySet<string>;
  /** Words that add nothing to an answer ("yes thanks", "sí gracias"). */
  readonly fillers: ReadonlySet<string>;
  /** Reads the words in context before stemming (English: "my resume" is a CV, not the button). */
  readonly inContext?: (words: string[]) => string[];
}

/** A language's BCP 47 tag, as its folder in flows/locales is named: "en", "es", "pt-BR". */
export type LanguageCode = string;

/** The languages with an analysis written for them (src/understanding/languages/); any other is read generically. */
export const LANGUAGE_CODES: readonly LanguageCode[] = ['en', 'es', 'fr', 'de', 'pt-BR'];

export function isLanguageCode(code: string): code is LanguageCode {
  return /^[a-z]{2,3}(-[A-Z]{2})?$/.test(code);
}

/** A space-separated word list as a set. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}
