import { clip } from './clip';

test('text within the limit is left as it is', () => {
  expect(clip('Check the link', 14)).toBe('Check the link');
});

test('longer text is cut to the limit, the cut marked with an ellipsis', () => {
  expect(clip('Check the link for typos', 10)).toBe('Check the…');
  expect(clip('Check the link for typos', 10)).toHaveLength(10);
});

test('an emoji at the cut is dropped whole, never halved', () => {
  const clipped = clip('ok 😭😭😭', 5);
  expect(clipped).toBe('ok …');
  expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
});
