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

/**
 * Where to start new messages: fewest messages, then the longest one shortest. `best[i]` is the
 * best way to send the first i pieces; a piece too long on its own still goes alone.
 */
function bestCuts(words: number[]): number[] {
  const best: { cuts: number[]; count: number; longest: number }[] = [{ cuts: [], count: 0, longest: 0 }];
  for (let end = 1; end <= words.length; end++) {
    for (let start = end - 1; start >= 0; start--) {
      const size = sum(words.slice(start, end));
      if (size > MAX_WORDS_PER_MESSAGE && end - start > 1) break;
      const before = best[start]!;
      const option = { cuts: start === 0 ? [] : [...before.cuts, start], count: before.count + 1, longest: Math.max(before.longest, size) };
      const current = best[end];
      if (!current || option.count < current.count || (option.count === current.count && option.longest < current.longest)) best[end] = option;
    }
  }
  return best[words.length]!.cuts;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
