import { allowedTypos, damerauLevenshtein } from './damerauLevenshtein';

describe('counting a candidate’s typos', () => {
  it.each([
    ['received', 'recieved', 1, 'two letters swapped'],
    ['found', 'fond', 1, 'a letter left out'],
    ['camera', 'cammera', 1, 'a letter doubled'],
    ['expired', 'expierd', 1, 'the swap of "re" and "er"'],
    ['microphone', 'micrphne', 2, 'two letters left out'],
    ['link', 'link', 0, 'no typo'],
  ])('%s / %s: %i (%s)', (a, b, distance) => expect(damerauLevenshtein(a, b, 3)).toBe(distance));

  it('stops counting past the limit it is given', () => {
    expect(damerauLevenshtein('microphone', 'recruiter', 2)).toBe(3);
  });

  it('allows no typo in short words, where one changed letter makes another word ("no"/"now")', () => {
    expect(allowedTypos('now')).toBe(0);
    expect(allowedTypos('fond')).toBe(1);
    expect(allowedTypos('recieved')).toBe(2);
  });
});
