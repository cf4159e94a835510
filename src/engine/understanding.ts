/**
 * What the engine needs from free-text understanding. `src/understanding` implements it; the
 * engine only depends on this shape, so the method can change without touching the tree.
 */
export interface Understanding {
  /** The topic a message is about ("none" when out of scope or unsure), best guesses first. */
  classify(text: string): Classification;
  /** Which of the offered answers the message means, if any (a clicked label scores 1). */
  matchPhrase<T extends string>(text: string, options: { id: T; phrases: string[] }[]): PhraseMatch<T> | undefined;
  /** Below this confidence a topic is never routed to silently. */
  readonly threshold: number;
}

export interface Classification {
  topic: string;
  confidence: number;
  ranked: { topic: string; confidence: number }[];
}

export interface PhraseMatch<T extends string> {
  id: T;
  confidence: number;
}
