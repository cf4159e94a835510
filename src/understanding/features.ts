import type { LanguageAnalysis } from './language';
import { english } from './languages';
import { createSpellCorrector } from './spellCorrector';

/** Turns a message into the stems that carry its meaning: "My webcam isnt recieving" → ["camera", "not", "receiv"]. */
export type Analyzer = (text: string) => string[];

/** Words shorter than this are corrected only when the correction makes a pair seen in training. */
const TRUSTED_CORRECTION_LENGTH = 6;

/** A word's stem after synonyms, or undefined for a stop word. */
type CanonicalStem = (word: string) => string | undefined;

const canonicalStems = new WeakMap<LanguageAnalysis, CanonicalStem>();

function canonicalStemOf(language: LanguageAnalysis): CanonicalStem {
  let canonicalStem = canonicalStems.get(language);
  if (!canonicalStem) {
    const { synonyms, stopWords, stem } = language;
    const stemSynonyms = new Map(Object.entries(synonyms).map(([word, canonical]) => [stem(word), stem(canonical)]));
    canonicalStem = (word) => {
      const canonical = synonyms[word] ?? word;
      if (stopWords.has(canonical)) return undefined;
      const stemmed = stem(canonical);
      return stemSynonyms.get(stemmed) ?? stemmed;
    };
    canonicalStems.set(language, canonicalStem);
  }
  return canonicalStem;
}

function wordsInContext(text: string, language: LanguageAnalysis): string[] {
  const words = language.words(text);
  return language.inContext ? language.inContext(words) : words;
}

/** Analysis without typo correction: for training text, which is spelled as intended. */
export function plainStems(text: string, language: LanguageAnalysis = english): string[] {
  const canonicalStem = canonicalStemOf(language);
  return wordsInContext(text, language).flatMap((word) => canonicalStem(word) ?? []);
}

/** Stems plus adjacent pairs ("not found", "start new"), counted: the terms the classifier weighs. */
export function termCounts(stems: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  stems.forEach((term, i) => {
    add(term);
    const next = stems[i + 1];
    if (next !== undefined) add(`${term} ${next}`);
  });
  return counts;
}

/**
 * Builds the analyzer for candidates' messages from the training texts. A word the training never
 * uses (not even as another form of the same stem) is taken for a typo of the closest known word.
 * Short words are easily real words ("love" is not "lose"), so those are corrected only when the
 * result forms a pair the training uses with a neighbour: "page not fond" → "not found".
 */
export function createAnalyzer(trainingTexts: readonly string[], language: LanguageAnalysis = english): Analyzer {
  const canonicalStem = canonicalStemOf(language);
  const frequencies = new Map<string, number>();
  const knownStems = new Set<string>();
  const knownPairs = new Set<string>();
  const count = (word: string) => frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
  for (const text of trainingTexts) {
    for (const word of language.words(text)) count(word);
    const stems = plainStems(text, language);
    stems.forEach((s, i) => {
      knownStems.add(s);
      if (i > 0) knownPairs.add(`${stems[i - 1]} ${s}`);
    });
  }
  for (const word of [...language.stopWords, ...Object.keys(language.synonyms)]) count(word);
  const closestKnownWord = createSpellCorrector(frequencies);

  return function analyze(text: string): string[] {
    const words = wordsInContext(text, language);
    const stems = words.map(canonicalStem);
    return words.flatMap((word, i) => {
      const asIs = stems[i];
      if (frequencies.has(word) || asIs === undefined || knownStems.has(asIs)) return asIs ?? [];
      const corrected = closestKnownWord(word);
      if (corrected === undefined) return asIs;
      const correctedStem = canonicalStem(corrected);
      const trusted =
        word.length >= TRUSTED_CORRECTION_LENGTH ||
        (correctedStem !== undefined &&
          (knownPairs.has(`${neighbour(stems, i, -1)} ${correctedStem}`) ||
            knownPairs.has(`${correctedStem} ${neighbour(stems, i, +1)}`)));
      if (!trusted) return asIs;
      return correctedStem ?? [];
    });
  };
}

/** The nearest content stem before (-1) or after (+1) position i, skipping stop words. */
function neighbour(stems: (string | undefined)[], i: number, direction: -1 | 1): string | undefined {
  for (let j = i + direction; j >= 0 && j < stems.length; j += direction) {
    if (stems[j] !== undefined) return stems[j];
  }
  return undefined;
}
