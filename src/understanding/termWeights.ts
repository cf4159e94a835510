import type { LanguageAnalysis } from './language';
import { english } from './languages';

export type Vector = Map<string, number>;

/** A common word reaches full weight once this many training examples use it. */
const COMMON_WORD_FULL_EVIDENCE = 3;
/** Weight of a word no training text uses: it dilutes a match without pointing anywhere. */
const UNKNOWN_WORD_WEIGHT = 1;

/**
 * How much each term says about which class a message belongs to: terms found in few classes weigh
 * more (inverse class frequency), and everyday words weigh less until the training uses them
 * repeatedly, so "make" from one example cannot outweigh "404" from twenty.
 */
export function termWeights(
  examples: { label: string; counts: Map<string, number> }[],
  classCount: number,
  language: LanguageAnalysis = english,
): Map<string, number> {
  const commonStems = new Set([...language.commonWords].map(language.stem));
  const classesByTerm = new Map<string, Set<string>>();
  const examplesByTerm = new Map<string, number>();
  for (const { label, counts } of examples) {
    for (const term of counts.keys()) {
      const classes = classesByTerm.get(term) ?? new Set<string>();
      classes.add(label);
      classesByTerm.set(term, classes);
      examplesByTerm.set(term, (examplesByTerm.get(term) ?? 0) + 1);
    }
  }
  const weights = new Map<string, number>();
  for (const [term, classes] of classesByTerm) {
    const common = term.split(' ').every((part) => commonStems.has(part));
    const evidence = common ? Math.min(1, (1 + Math.log(examplesByTerm.get(term)!)) / (1 + Math.log(COMMON_WORD_FULL_EVIDENCE))) : 1;
    weights.set(term, Math.log((classCount + 1) / classes.size) * evidence);
  }
  return weights;
}

/** A training example's vector: weighted, sublinear in repeats, unit length. */
export function exampleVector(counts: Map<string, number>, weights: Map<string, number>): Vector {
  const vector: Vector = new Map();
  for (const [term, count] of counts) vector.set(term, (1 + Math.log(count)) * (weights.get(term) ?? 0));
  return scaleToUnit(vector, 0);
}

/**
 * A message's vector. Words the training never uses count toward its length, so a message that is
 * mostly about something else scores lower; unseen word pairs don't, being merely new combinations.
 */
export function messageVector(counts: Map<string, number>, weights: Map<string, number>): Vector {
  const vector: Vector = new Map();
  let unknown = 0;
  for (const [term, count] of counts) {
    const weight = weights.get(term);
    if (weight !== undefined) vector.set(term, (1 + Math.log(count)) * weight);
    else if (!term.includes(' ')) unknown += (UNKNOWN_WORD_WEIGHT * (1 + Math.log(count))) ** 2;
  }
  return scaleToUnit(vector, unknown);
}

function scaleToUnit(vector: Vector, extraSquaredLength: number): Vector {
  let squared = extraSquaredLength;
  for (const weight of vector.values()) squared += weight * weight;
  if (squared === 0) return new Map();
  const length = Math.sqrt(squared);
  for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}
