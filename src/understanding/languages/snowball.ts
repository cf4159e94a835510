/**
 * The Snowball stemmers for Spanish, French, German and Portuguese, from @orama/stemmers.
 * The package's type declarations are ES-module ones, which a CommonJS project cannot import
 * (TS1479), but it ships CommonJS builds: required here, with their one-function type.
 */
type Stemmer = (word: string) => string;

/* eslint-disable @typescript-eslint/no-require-imports */
const stemmers = {
  es: (require('@orama/stemmers/spanish') as { stemmer: Stemmer }).stemmer,
  fr: (require('@orama/stemmers/french') as { stemmer: Stemmer }).stemmer,
  de: (require('@orama/stemmers/german') as { stemmer: Stemmer }).stemmer,
  pt: (require('@orama/stemmers/portuguese') as { stemmer: Stemmer }).stemmer,
};

export function snowballStemmer(language: keyof typeof stemmers): Stemmer {
  return stemmers[language];
}

/**
 * A Snowball stemmer for a language nobody wrote an analysis for yet ("it", "nl", "sv"), when
 * @orama/stemmers has one: its files are named by the language's English name ("italian").
 */
export function snowballStemmerFor(code: string): Stemmer | undefined {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code.split('-')[0]!)?.toLowerCase();
  } catch {
    return undefined;
  }
  if (!name || !/^[a-z]+$/.test(name)) return undefined;
  try {
    return (require(`@orama/stemmers/${name}`) as { stemmer: Stemmer }).stemmer;
  } catch {
    return undefined;
  }
}
