import { normalizeWords } from './normalize';
import { createSpellCorrector } from './spellCorrector';
import { stem } from './stem';
import { STOP_WORDS } from './stopWords';
import { SYNONYMS } from './synonyms';

/** Turns a message into the stems that carry its meaning: "My webcam isnt recieving" → ["camera", "not", "receiv"]. */
export type Analyzer = (text: string) => string[];

/** Words shorter than this are corrected only when the correction makes a pair seen in training. */
const TRUSTED_CORRECTION_LENGTH = 6;

const STEM_SYNONYMS = new Map(Object.entries(SYNONYMS).map(([word, canonical]) => [stem(word), stem(canonical)]));

function canonicalStem(word: string): string | undefined {
  const canonical = SYNONYMS[word] ?? word;
  if (STOP_WORDS.has(canonical)) return undefined;
  const stemmed = stem(canonical);
  return STEM_SYNONYMS.get(stemmed) ?? stemmed;
}

/** Analysis without typo correction: for training text, which is spelled as intended. */
export function plainStems(text: string): string[] {
  return senseOfResume(normalizeWords(text)).flatMap((word) => canonicalStem(word) ?? []);
}

const OWNERS = new Set(['my', 'a', 'your', 'his', 'her', 'their', 'our']);

/**
 * "Resume" is the button that continues an interview, but "my resume" is a CV, which this bot
 * doesn't help with. Telling them apart here keeps "help me write my resume" out of scope.
 */
function senseOfResume(words: string[]): string[] {
  return words.map((word, i) => (word === 'resume' && i > 0 && OWNERS.has(words[i - 1]!) ? 'cv' : word));
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
export function createAnalyzer(trainingTexts: readonly string[]): Analyzer {
  const frequencies = new Map<string, number>();
  const knownStems = new Set<string>();
  const knownPairs = new Set<string>();
  const count = (word: string) => frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
  for (const text of trainingTexts) {
    for (const word of normalizeWords(text)) count(word);
    const stems = plainStems(text);
    stems.forEach((s, i) => {
      knownStems.add(s);
      if (i > 0) knownPairs.add(`${stems[i - 1]} ${s}`);
    });
  }
  for (const word of [...STOP_WORDS, ...Object.keys(SYNONYMS)]) count(word);
  const closestKnownWord = createSpellCorrector(frequencies);

  return function analyze(text: string): string[] {
    const words = senseOfResume(normalizeWords(text));
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
