import { matchPhrase } from './matchPhrase';

/** What the conversation engine takes as a real answer (src/engine/interpret.ts, ANSWER_CONFIDENCE). */
const TAKEN_AS_ANSWER = 0.75;

// Shaped like flows/guide.yaml's "Did that help?", written out so these tests don't move with its wording.
const didItHelp = [
  { id: 'yes', phrases: ['Yes, that worked', 'yes', 'y', 'yep', 'yeah', 'it worked', 'works now', 'fixed', 'thanks'] },
  { id: 'no', phrases: ['No, still stuck', 'no', 'n', 'nope', 'nah', 'still broken', 'still not working', "didn't work", "doesn't work", 'not working', 'same error'] },
  { id: 'tried', phrases: ['already tried', 'tried that', 'did that already', 'i tried that', 'tried it'] },
] as const;
const answer = (text: string) => matchPhrase(text, didItHelp.map((o) => ({ id: o.id, phrases: [...o.phrases] })));
const understoodAs = (text: string) => {
  const match = answer(text);
  return match && match.confidence >= TAKEN_AS_ANSWER ? match.id : undefined;
};

describe('a candidate answering "Did that help?" in their own words', () => {
  it.each([
    ['nope', 'no'],
    ['still broken', 'no'],
    ['Noooo', 'no'],
    ['nah, same error', 'no'],
    ["it's still not working now", 'no'],
    ['yes thanks', 'yes'],
    ['yeah it worked', 'yes'],
    ['Yes! It works now, thank you', 'yes'],
    ['i already tried that', 'tried'],
    ['I tried that already', 'tried'],
    ['no, I already tried that', 'tried'],
  ])('"%s" counts as %s', (text, id) => expect(understoodAs(text)).toBe(id));
});

describe('a candidate who clicks a suggested action', () => {
  it.each(['Yes, that worked', 'No, still stuck'])('sends the label "%s", matched with certainty', (label) => {
    expect(answer(label)?.confidence).toBe(1);
  });

  it('is matched with certainty whatever the casing and punctuation', () => {
    expect(answer('no still stuck')).toEqual({ id: 'no', confidence: 1 });
  });
});

describe('a candidate who mistypes an answer', () => {
  it.each([
    ['stil brokn', 'no'],
    ['Yes, that workd', 'yes'],
    ['alredy tried', 'tried'],
  ])('"%s" still counts as %s, a little less surely', (text, id) => {
    const match = answer(text);
    expect(match?.id).toBe(id);
    expect(match!.confidence).toBeGreaterThanOrEqual(TAKEN_AS_ANSWER);
    expect(match!.confidence).toBeLessThan(1);
  });
});

describe('a candidate describing a problem is not taken to be answering yes or no', () => {
  it.each([
    'page not found',
    'not found',
    "my camera doesn't work",
    'no camera',
    'no sound when I record',
    'I know',
    'now what',
    'the link says 404',
    'yes no',
    'ok',
  ])('"%s"', (text) => expect(understoodAs(text)).toBeUndefined());
});

describe('question choices and commands', () => {
  const choices = [
    { id: 'retake-shown', phrases: ['I see a Retake button', 'retake button', 'i see retake'] },
    { id: 'retake-hidden', phrases: ['No button, or retakes disabled', 'no button', 'disabled', 'greyed out'] },
  ];
  const commands = [
    { id: 'restart', phrases: ['start over', 'restart', 'begin again'] },
    { id: 'menu', phrases: ['menu', 'main menu'] },
  ];

  it('a clicked choice label is certain', () => {
    expect(matchPhrase('No button, or retakes disabled', choices)).toEqual({ id: 'retake-hidden', confidence: 1 });
  });

  it.each([
    ['the button is greyed out', 'retake-hidden'],
    ['i see the retake button', 'retake-shown'],
  ])('"%s" picks %s', (text, id) => expect(matchPhrase(text, choices)?.id).toBe(id));

  it('"I want to start over" is the restart command', () => {
    expect(matchPhrase('I want to start over', commands)?.id).toBe('restart');
  });

  it('a sentence that merely contains a command word is not that command', () => {
    const match = matchPhrase('can I restart question three after my camera froze', commands);
    expect(match?.confidence ?? 0).toBeLessThan(TAKEN_AS_ANSWER);
  });

  it('nothing matches when no option was offered', () => {
    expect(matchPhrase('yes', [])).toBeUndefined();
  });
});
