import type { LanguageAnalysis } from '../language';
import { wordSet } from '../language';
import { ENGLISH_FILLERS } from './english';
import { foldedWords, rememberedStems } from './foldedWords';
import { englishTechWords } from './shared';
import { snowballStemmer } from './snowball';

/**
 * "lädt", "laedt" and "ladt" are one word: umlauts and their two-letter spellings read as the
 * plain vowel (the Snowball stemmer drops umlauts itself), "ß" as "ss".
 */
function foldUmlauts(lowered: string): string {
  return lowered.replace(/[äa]e/g, 'a').replace(/[öo]e/g, 'o').replace(/(?<!q)[üu]e/g, 'u').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
}

/** German, umlauts folded, the Snowball stemmer. */
export const german: LanguageAnalysis = {
  code: 'de',
  words: (text) => foldedWords(text, foldUmlauts),
  stem: rememberedStems(snowballStemmer('de')),
  // Negations ("nicht", "kein", "nie") and "neu", "wieder", "nochmal" stay.
  stopWords: wordSet(
    `der die das den dem des ein eine einen einem einer eines und oder aber wenn dass
     ich mich mir du dich dir er sie es wir uns ihr euch man mein meine meinen meinem meiner dein deine sein seine ihre
     ist sind bin bist war waren habe hab hast hat haben hatte wird werden kann kannst konnen konnte muss
     zu von vom in im an am auf fur mit bei beim aus als um
     hallo hi moin danke bitte ok mal doch halt eben schon nur sehr auch so da hier
     was wie wo wer warum wann welche brauche will mochte hilfe helfen`,
  ),
  synonyms: {
    videos: 'video',
    ...englishTechWords('kamera', 'mikrofon', 'link'),
    mikro: 'mikrofon', mic: 'mikrofon',
    browser: 'browser',
    recruiterin: 'recruiter', personaler: 'recruiter', personalerin: 'recruiter', personalabteilung: 'recruiter',
    rechner: 'computer', notebook: 'computer',
    handy: 'handy', smartphone: 'handy', telefon: 'handy',
    webseite: 'seite', website: 'seite', internetseite: 'seite', plattform: 'seite', portal: 'seite',
    tab: 'fenster', mensch: 'person', jemand: 'person', mitarbeiter: 'person', mitarbeiterin: 'person',
  },
  commonWords: new Set(),
  fillers: new Set([
    ...ENGLISH_FILLERS,
    ...wordSet(`danke bitte ok also na naja mal doch halt eben schon ich es das hat ist und oder aber auch noch jetzt leider sorry hallo`),
  ]),
};
