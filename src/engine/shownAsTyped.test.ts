import { shownAsTyped } from './shownAsTyped';
import { fillValues } from '../conversation/replyValues';

test.each([
  ['Dev (Backend)', 'Dev (Backend)'],
  ['Oops! Something went wrong', 'Oops! Something went wrong'],
  ['jo_marsh@example.com', 'jo_marsh@example.com'],
])('"%s" is shown exactly as typed: nothing in it formats', (typed, shown) => {
  expect(shownAsTyped(typed)).toBe(shown);
});

test('what would format is shown with look-alikes, never with a backslash a Teams card would show', () => {
  const shown = shownAsTyped('**bold** _it_ `code` ~~gone~~ ![img](http://x.example/a.png)\n# heading');
  expect(shown).not.toMatch(/\*\*|(^|\s)_|`|~~|\]\(|\\|\n/);
  expect(shown.replace(/\u200b/g, '')).toBe('∗∗bold∗∗ ＿it＿ ˋcodeˋ ∼∼gone∼∼ ![img](http://x.example/a.png) # heading');
});

test('a typed {placeholder} is never filled with a value of the turn', () => {
  expect(fillValues([{ text: `**Name:** ${shownAsTyped('{ticketId}')}` }], { ticketId: 'CS-60312345' })[0]!.text).not.toContain('CS-');
});
