import { adviceMessages, MAX_WORDS_PER_MESSAGE, wordsIn } from './messageLength';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

test('words are what a reader counts: markup, arrows and list numbers are not words', () => {
  expect(wordsIn("1. Open **Settings** › **Apps** › *(your browser)*: don't skip the in-app one.")).toBe(10);
});

test('advice that fits is one message, its steps numbered under it', () => {
  expect(adviceMessages('Check the link.', ['Copy all of it.', 'Paste it.'])).toEqual(['Check the link.\n\n1. Copy all of it.\n2. Paste it.']);
});

test('longer advice is split into as few messages as fit, as even as possible, numbers carrying on', () => {
  const messages = adviceMessages(words(20), [words(25), words(25), words(5)]);
  expect(messages.map(wordsIn)).toEqual([45, 30]);
  expect(messages[1]).toMatch(/^2\. /);
  expect(messages.every((m) => wordsIn(m) <= MAX_WORDS_PER_MESSAGE)).toBe(true);
});

test('a step too long on its own is sent alone rather than cut (the loader reports it)', () => {
  expect(adviceMessages('Short.', [words(70), 'Then reload.']).map(wordsIn)).toEqual([1, 70, 2]);
});

test('many steps are split quickly', () => {
  const started = Date.now();
  expect(adviceMessages('Steps.', Array.from({ length: 200 }, () => words(12))).length).toBeGreaterThan(40);
  expect(Date.now() - started).toBeLessThan(500);
});
