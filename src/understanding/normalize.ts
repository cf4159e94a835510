/**
 * Turns what a candidate typed into lowercase words, so "Doesn't", "doesnt" and "does n't" all read
 * "does not": negations carry meaning here ("not found", "not working") and must survive as words.
 */

// Candidates often drop the apostrophe, so both spellings of each contraction are listed.
const CONTRACTIONS: Record<string, string> = {
  cant: 'can not', cannot: 'can not', wont: 'will not', dont: 'do not', doesnt: 'does not', didnt: 'did not',
  isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not', havent: 'have not', hasnt: 'has not',
  hadnt: 'had not', couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not', aint: 'is not',
  im: 'i am', ive: 'i have', youre: 'you are', theyre: 'they are',
  thats: 'that is', whats: 'what is', wheres: 'where is', hows: 'how is', theres: 'there is', heres: 'here is',
  its: 'it is', lets: 'let us',
};

const SUFFIXES: [RegExp, string][] = [
  [/n't$/, ' not'],
  [/'re$/, ' are'],
  [/'ve$/, ' have'],
  [/'ll$/, ' will'],
  [/'m$/, ' am'],
  [/'d$/, ' would'],
  [/'s$/, ''], // possessive or "is": neither matters for routing
];

const IRREGULAR_NEGATIONS: Record<string, string> = { "can't": 'can not', "won't": 'will not', "ain't": 'is not', "shan't": 'shall not' };

/** Splits text into lowercase words; digits are kept ("404"), other punctuation separates words. */
export function normalizeWords(text: string): string[] {
  const lowered = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    // "re-record", "e-mail", "log-in": the hyphen joins one word.
    .replace(/([a-z])-([a-z])/g, '$1$2');
  const words: string[] = [];
  for (const raw of lowered.split(/[^a-z0-9']+/)) {
    const word = raw.replace(/^'+|'+$/g, '');
    if (word === '') continue;
    for (const part of expand(word).split(' ')) {
      const clean = part.replace(/'/g, '');
      if (clean !== '') words.push(clean);
    }
  }
  return words;
}

function expand(word: string): string {
  const irregular = IRREGULAR_NEGATIONS[word];
  if (irregular) return irregular;
  const bare = CONTRACTIONS[word];
  if (bare && !word.includes("'")) return bare;
  if (word.includes("'")) {
    const joined = word.replace(/'/g, '');
    const contraction = CONTRACTIONS[joined];
    if (contraction) return contraction;
    for (const [suffix, replacement] of SUFFIXES) {
      if (suffix.test(word)) return word.replace(suffix, replacement);
    }
  }
  return word;
}
