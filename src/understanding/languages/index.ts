import type { LanguageAnalysis, LanguageCode } from '../language';
import { ENGLISH_FILLERS } from './english';
import { foldedWords, rememberedStems } from './foldedWords';
import { englishTechWords } from './shared';
import { snowballStemmerFor } from './snowball';
import { english } from './english';
import { french } from './french';
import { german } from './german';
import { portuguese } from './portuguese';
import { spanish } from './spanish';

const LANGUAGES: Record<string, LanguageAnalysis> = { en: english, es: spanish, fr: french, de: german, 'pt-BR': portuguese };

/** The analysis for a language code: the one written for it, else a generic one (a new language needs no code). */
export function analysisFor(code: LanguageCode): LanguageAnalysis {
  return LANGUAGES[code] ?? genericAnalysis(code);
}

/**
 * A language added as a folder of flows only: accents folded, its Snowball stemmer when
 * @orama/stemmers has one (else words as they are), no stop words. Its examples carry the rest.
 */
function genericAnalysis(code: LanguageCode): LanguageAnalysis {
  const stemmer = snowballStemmerFor(code);
  return {
    code,
    words: (text) => foldedWords(text),
    stem: stemmer ? rememberedStems(stemmer) : (word) => word,
    stopWords: new Set(),
    synonyms: englishTechWords('camera', 'microphone', 'link'),
    commonWords: new Set(),
    fillers: ENGLISH_FILLERS,
  };
}

export { english };
