/**
 * About what a phone shows at once without scrolling: a longer message is split (advice and its
 * steps, src/engine/render.ts) or, for one sentence or step, must be shortened in `flows/`.
 */
export const MAX_WORDS_PER_MESSAGE = 60;

/** A list item's number ("3. "): part of the layout, not something the candidate reads as a word. */
const LIST_NUMBER = /^\s*\d+\.\s/gm;
/** A word as a reader counts it: letters or digits, with inner apostrophes and hyphens ("don't", "in-app"). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words in a message as the candidate reads it: markup, arrows and list numbers don't count. */
export function wordsIn(text: string): number {
  return text.replace(LIST_NUMBER, '').match(WORD)?.length ?? 0;
}

/**
 * Advice and its numbered steps as messages of at most MAX_WORDS_PER_MESSAGE words: the advice
 * first, then the steps in order, a step never cut, numbers carrying on ("3." may open the
 * second). As few messages as fit, as even as possible, so no step is left alone at the end. A
 * piece too long on its own is a flow problem found at load (src/flow/check.ts).
 */
export function adviceMessages(say: string, steps: string[]): string[] {
  const lines = steps.map((step, i) => `${i + 1}. ${step}`);
  const words = [wordsIn(say), ...lines.map(wordsIn)];
  const cuts = bestCuts(words);
  const groups = [0, ...cuts].map((start, i) => [say, ...lines].slice(start, [...cuts, words.length][i]));
  return groups.map((group, i) => (i === 0 && group.length > 1 ? `${say}\n\n${group.slice(1).join('\n')}` : group.join('\n')));
}

/** Where to start new messages: fewest messages, then the longest one shortest. Advice has a handful of steps, so every way is tried. */
function bestCuts(words: number[]): number[] {
  let best: { cuts: number[]; longest: number } | undefined;
  for (let mask = 0; mask < 2 ** (words.length - 1); mask++) {
    const cuts = words.slice(1).flatMap((_, i) => (mask & (1 << i) ? [i + 1] : []));
    const sizes = [0, ...cuts].map((start, i) => sum(words.slice(start, [...cuts, words.length][i])));
    const longest = Math.max(...sizes);
    const fits = longest <= MAX_WORDS_PER_MESSAGE || cuts.length === words.length - 1;
    if (!fits) continue;
    if (!best || cuts.length < best.cuts.length || (cuts.length === best.cuts.length && longest < best.longest)) best = { cuts, longest };
  }
  return best!.cuts;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
