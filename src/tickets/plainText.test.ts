import { plainText } from './plainText';

test.each([
  ['bold words', 'copy the **whole** link', 'copy the whole link'],
  ['bold around punctuation', '**Chrome and Safari work best.**', 'Chrome and Safari work best.'],
  ['italic placeholders', 'open **Settings** › **Apps** › *(your browser)*', 'open Settings › Apps › (your browser)'],
  ['a bold label with its colon', '**Safari:** open **Settings**', 'Safari: open Settings'],
  ['a link', 'see [the guide](https://example.com/guide)', 'see the guide (https://example.com/guide)'],
  ['escapes', 'iPhone \\(iOS 17.5\\)\\!', 'iPhone (iOS 17.5)!'],
  ['code ticks', 'type `start over`', 'type start over'],
  ['bold cut open by clipping', "You're on **Instagram in-app br…", "You're on Instagram in-app br…"],
])('the bot’s Markdown reads plainly on a ticket: %s', (_name, markdown, expected) => {
  expect(plainText(markdown)).toBe(expected);
});

test('list lines, line breaks and lone stars or underscores stay as they are', () => {
  const text = 'First:\n- the link was mistyped\n- 2 * 3 = 6, file_name_here\n1. Reload';
  expect(plainText(text)).toBe(text);
});
