import type { Slots } from '../understanding/slots';

/**
 * What the engine needs from free-text understanding. `src/understanding` implements it; the
 * engine only depends on this shape, so the method can change without touching the tree.
 */
export interface Understanding {
  /** The topic a message is about ("none" when out of scope or unsure), best guesses first. */
  classify(text: string): Classification;
  /** Which of the offered answers the message means, if any (a clicked label scores 1). */
  matchPhrase<T extends string>(text: string, options: { id: T; phrases: string[] }[]): PhraseMatch<T> | undefined;
  /** Details about the candidate the message gives (email, name, position, company, device, browser). */
  details(text: string): Details;
  /** Whether an answer can be someone's name (not a command, a sentence or an address). */
  isName(text: string): boolean;
  /** Whether a message answers "Did that help?" with no, in other words ("same error", "still blank"). */
  saysNotHelped(text: string): boolean;
  /** At "Did that help?": yes in the candidate's own words ("zoom was open, works now"). */
  saysHelped(text: string): boolean;
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

/** What a candidate said about themselves, in any message; the escalation form never asks for it again. */
export type Details = Slots & {
  /** The problem in the candidate's words: the message that named it. */
  errorText?: string;
  /** The guide topic of that problem, when the candidate asked for the recruiter before any advice. */
  problem?: string;
};
