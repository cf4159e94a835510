import { neutraliseLine } from './neutralise';

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "Spanish (es)", "Brazilian Portuguese (pt-BR)": the candidate's language in the recruiter's words. */
export function languageName(code: string): string {
  let name = code;
  try {
    name = LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    /* not a language tag: shown as it is */
  }
  return neutraliseLine(name === code ? code : `${name} (${code})`);
}
