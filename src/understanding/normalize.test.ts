import { normalizeWords } from './normalize';

describe('reading what a candidate typed', () => {
  it.each([
    ["doesn't", 'does not'],
    ['doesnt', 'does not'],
    ['Doesn’t', 'does not'],
    ["won't", 'will not'],
    ['cant', 'can not'],
    ['isnt', 'is not'],
    ["I'm", 'i am'],
  ])('"%s" reads "%s", with or without the apostrophe', (typed, read) => expect(normalizeWords(typed).join(' ')).toBe(read));

  it('keeps numbers and drops punctuation', () => {
    expect(normalizeWords('Error 404!!! "Not found"?')).toEqual(['error', '404', 'not', 'found']);
  });

  it('joins hyphenated words, so "re-record" is one word', () => {
    expect(normalizeWords('re-record my e-mail')).toEqual(['rerecord', 'my', 'email']);
  });
});
