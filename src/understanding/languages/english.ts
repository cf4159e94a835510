import { COMMON_WORDS } from '../commonWords';
import type { LanguageAnalysis } from '../language';
import { wordSet } from '../language';
import { normalizeWords } from '../normalize';
import { stem } from '../stem';
import { STOP_WORDS } from '../stopWords';
import { SYNONYMS } from '../synonyms';

/**
 * Words that add nothing to an answer: "yes thanks", "I already tried that", "ok it worked".
 * They count a little when nothing explains them, so "yes thanks" is still a clear "yes".
 */
export const ENGLISH_FILLERS = wordSet(
  `i me my it its that this the a an to of is was am are be been so just well ok okay oh ah um uh hmm please pls
   thanks thank thx you now really actually and also too want wanna need like would can could let us do does did
   have has had go see still already by with for on in at or
   all anymore either yet though sadly unfortunately sorry u ur omg lol haha wow yay plz ty ugh argh meh`,
);

const OWNERS = new Set(['my', 'a', 'your', 'his', 'her', 'their', 'our']);

/**
 * "Resume" is the button that continues an interview, but "my resume" is a CV, which this bot
 * doesn't help with. Telling them apart here keeps "help me write my resume" out of scope.
 */
function senseOfResume(words: string[]): string[] {
  return words.map((word, i) => (word === 'resume' && i > 0 && OWNERS.has(words[i - 1]!) ? 'cv' : word));
}

/** English: contractions expanded ("doesnt" → "does not"), the Porter stemmer. */
export const english: LanguageAnalysis = {
  code: 'en',
  words: normalizeWords,
  stem,
  stopWords: STOP_WORDS,
  synonyms: SYNONYMS,
  commonWords: COMMON_WORDS,
  fillers: ENGLISH_FILLERS,
  inContext: senseOfResume,
};
