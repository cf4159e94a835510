import type { LanguageAnalysis, LanguageCode } from '../language';
import { english } from './english';
import { french } from './french';
import { german } from './german';
import { portuguese } from './portuguese';
import { spanish } from './spanish';

const LANGUAGES: Record<LanguageCode, LanguageAnalysis> = { en: english, es: spanish, fr: french, de: german, 'pt-BR': portuguese };

/** The analysis for a language code ("en", "es", "fr", "de", "pt-BR"). */
export function analysisFor(code: LanguageCode): LanguageAnalysis {
  return LANGUAGES[code];
}

export { english };
