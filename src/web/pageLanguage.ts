import { matchLanguage } from '../languages';
import { qualityValues } from './qualityValues';

/**
 * The language a page is shown in: `?lang=es` (a link a recruiter sends) over the browser's
 * Accept-Language (its q-values respected: "fr;q=0.5, es" is Spanish first), else English.
 */
export function pageLanguage(url: string | undefined, acceptLanguage: string | undefined, languages: readonly string[]): string {
  const chosen = new URL(url ?? '/', 'http://localhost').searchParams.get('lang');
  for (const tag of [...(chosen ? [chosen] : []), ...acceptedLanguages(acceptLanguage)]) {
    const language = matchLanguage(tag, languages);
    if (language) return language;
  }
  return 'en';
}

/** "de-CH, fr;q=0.9, *;q=0.1" → ["de-CH", "fr", "*"]: most wanted first, q=0 left out. */
export function acceptedLanguages(header: string | undefined): string[] {
  return qualityValues(header)
    .map((entry, order) => ({ ...entry, order }))
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map(({ value }) => value);
}
