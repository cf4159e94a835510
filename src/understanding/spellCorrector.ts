import { allowedTypos, damerauLevenshtein } from './damerauLevenshtein';

/** The closest known word to a word the vocabulary lacks, or undefined when none is close enough. */
export type SpellCorrector = (word: string) => string | undefined;

/**
 * Proposes the closest vocabulary word ("fond" → "found", "recieved" → "received") within the
 * typos allowed for its length; ties go to the word seen most often. The first letter must
 * match — people rarely mistype it, and the rule keeps "snow" from becoming "know". Words with
 * digits are never proposed for: "404" is not a typo of "403".
 */
export function createSpellCorrector(frequencies: ReadonlyMap<string, number>): SpellCorrector {
  const byStart = new Map<string, string[]>();
  for (const word of frequencies.keys()) {
    if (allowedTypos(word) === 0) continue;
    const bucket = byStart.get(word[0]!) ?? [];
    bucket.push(word);
    byStart.set(word[0]!, bucket);
  }
  // Typos repeat across messages; remembering answers keeps the search off the hot path.
  const remembered = new Map<string, string | undefined>();
  const MAX_REMEMBERED = 10_000;

  return function closestKnownWord(word: string): string | undefined {
    const max = allowedTypos(word);
    if (max === 0 || /\d/.test(word)) return undefined;
    if (remembered.has(word)) return remembered.get(word);
    let best: string | undefined;
    let bestDistance = max + 1;
    let bestFrequency = -1;
    for (const candidate of byStart.get(word[0]!) ?? []) {
      const distance = damerauLevenshtein(word, candidate, Math.min(max, bestDistance));
      if (distance > max) continue;
      const frequency = frequencies.get(candidate) ?? 0;
      if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
        best = candidate;
        bestDistance = distance;
        bestFrequency = frequency;
      }
    }
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(word, best);
    return best;
  };
}
