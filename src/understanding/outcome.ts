/**
 * "Same error", "still blank", "nope, didn't work": a reply to "Did that help?" that says no
 * without saying "no". Read only at advice steps, where it answers the question just asked.
 */
const NOT_HELPED = [
  /\bsame (error|thing|problem|page|message|issue|result|screen|404)\b/,
  /\bstill\b/,
  /\bdid ?n[o']?t (really )?(work|help|change)\b/,
  /\bdidnt (really )?(work|help|change)\b/,
  /\b(doesn'?t|does not|won'?t|not) (work|working|load|loading|open|help)\b/,
  /\bno (luck|change|difference|joy|answer|reply|response)\b/,
  /\b(nothing|neither|either)\b/,
  /\b(nope|nah)\b/,
];

export function saysNotHelped(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return NOT_HELPED.some((pattern) => pattern.test(lower));
}

/** "Zoom was open. works now", "ok that did it": yes, wrapped in the candidate's own story. */
const HELPED = [
  /\b(works|working|worked|loads|loading|opens|opened) (now|fine|again)\b/,
  /\b(that|it|this) (did it|fixed it|worked|helped|was it)\b/,
  /\b(fixed|solved|sorted) (it|now)\b/,
  /\ball good( now)?\b/,
];

/** Says the advice worked, and nothing that says it didn't. */
export function saysHelped(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return HELPED.some((pattern) => pattern.test(lower)) && !saysNotHelped(lower);
}
