/**
 * Edit distance counting an adjacent swap as one edit ("recieved" is one edit from "received"),
 * in the optimal-string-alignment form. Gives up early and returns `max + 1` once the distance
 * must exceed `max`, which keeps typo look-ups over the whole vocabulary cheap.
 */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  // Three rolling rows (two back, for swaps; previous; current), reused across calls: this runs
  // for every word pair a typed answer is compared on.
  if (rows.length < 3 * width) rows = new Int32Array(3 * width * 2);
  let older = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) {
    rows[older + j] = 0;
    rows[previous + j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[older + j - 2]! + 1);
      rows[current + j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    [older, previous, current] = [previous, current, older];
  }
  return Math.min(rows[previous + b.length]!, max + 1);
}

let rows = new Int32Array(3 * 32);

/** How many typos a word of this length may carry and still be recognised. */
export function allowedTypos(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 7) return 1;
  return 2;
}
