/**
 * "Same error", "still blank", "nope, didn't work": a reply to "Did that help?" that says no
 * without saying "no". Read only at advice steps, where it answers the question just asked.
 */
/** "Now what?", "so what do I do now": asks for the next step. */
const WHAT_NEXT = /\b(now what|what now|what next|then what|what (do|should|can) i do( now| next)?)\b/;

const NOT_HELPED = [
  /\bsame (error|thing|problem|page|message|issue|result|screen|404)\b/,
  /\bstill\b/,
  /\bdid ?n[o']?t (really )?(work|help|change)\b/,
  /\bdidnt (really )?(work|help|change)\b/,
  /\b(doesn'?t|does not|won'?t|not) (work|working|load|loading|open|help)\b/,
  /\bno (luck|change|difference|joy|answer|reply|response)\b/,
  /\b(nothing|neither|either)\b/,
  /\b(nope|nah)\b/,
  // "I did check the link", "so what do I do now", "this is on my phone already": done, still stuck.
  WHAT_NEXT,
  /\bi (did|have|already|just) (check|checked|tried|try|open|opened|copied|copy|clicked|click|restarted|refreshed|reloaded)\b/,
  /\b(checked|opened|copied|tried|clicked|refreshed|reloaded) (it|the link|that|again|twice|both)\b/,
  /\b(link|url) (is|looks|seems) (fine|ok|okay|correct|right)\b/,
  /\balready\b/,
  // "yeah wifi works fine" at the internet check: the connection is fine, the problem is not solved.
  /\b(wifi|wi-fi|internet|connection|network)\s+(works|is|seems|looks)\s+(fine|ok|okay|good|great)\b/,
];

export function saysNotHelped(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return NOT_HELPED.some((pattern) => pattern.test(lower));
}

/** "Ok so what now": the candidate asks for the next step (at a question, its answer decides it). */
export function asksWhatNext(text: string): boolean {
  return WHAT_NEXT.test(text.toLowerCase().replace(/’/g, "'"));
}

/** "Zoom was open. works now", "ok that did it": yes, wrapped in the candidate's own story. */
const HELPED = [
  /\b(works|working|worked|loads|loading|opens|opened) (now|fine|again)\b/,
  /\b(that|it|this) (did it|fixed it|worked|helped|was it)\b/,
  /\b(fixed|solved|sorted) (it|now)\b/,
  /\ball good( now)?\b/,
  // "found it, it was off. turned it on": the setting the advice pointed to, put right.
  /\b(turned|switched|toggled) (it|them|that) (back )?on\b/,
  /\b(allowed|enabled) (it|them|that|access)\b/,
  // "ok chrome works!!", "safari worked": what they tried, then that it works.
  /\b(chrome|safari|edge|firefox|it|that|this|everything|camera|mic|microphone|link|page|phone|laptop|resume|retake|button) (now )?(works|worked|is working|loads|loaded|opens|opened)\b(?![^.!?]*\bbut\b)/,
];

/** Says the advice worked, and nothing that says it didn't. */
export function saysHelped(text: string): boolean {
  const lower = text.toLowerCase().replace(/’/g, "'");
  return HELPED.some((pattern) => pattern.test(lower)) && !saysNotHelped(lower);
}
