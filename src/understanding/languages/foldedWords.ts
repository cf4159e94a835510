/**
 * Words of a message in a language other than English: lowercase, accents folded ("caducó" =
 * "caduco", "não" = "nao"), so what candidates type without accents reads the same as the training.
 */

/** A language's own folding before accents are dropped (German: "ü" = "ue" = "u"). */
export type Fold = (lowered: string) => string;

/** Splits text into lowercase words without accents; digits are kept ("404"), punctuation separates words. */
export function foldedWords(text: string, fold: Fold = (s) => s, elisions?: RegExp): string[] {
  const lowered = fold(text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'"))
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // "e-mail", "re-enviar": the hyphen joins one word.
    .replace(/([a-z])-([a-z])/g, '$1$2');
  const words: string[] = [];
  for (const raw of lowered.split(/[^a-z0-9']+/)) {
    // French "l'entretien", "j'ai", "qu'il": the elided article or pronoun says nothing.
    const word = (elisions ? raw.replace(elisions, '') : raw).replace(/'/g, '');
    if (word !== '') words.push(word);
  }
  return words;
}

/** A stemmer remembered per word: candidates reuse the same few hundred words. */
export function rememberedStems(stem: (word: string) => string): (word: string) => string {
  const remembered = new Map<string, string>();
  const MAX_REMEMBERED = 20_000;
  return (word) => {
    let stemmed = remembered.get(word);
    if (stemmed === undefined) {
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      stemmed = stem(word);
      remembered.set(word, stemmed);
    }
    return stemmed;
  };
}
