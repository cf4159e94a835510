import { createUsedLinks } from './usedLinks';

test('a link is used once; after it expires it is forgotten', () => {
  let now = 1_000;
  const used = createUsedLinks({ now: () => now });
  expect(used.claim('a', 2_000)).toBe(true);
  expect(used.claim('a', 2_000)).toBe(false);
  now = 2_000; // expired: the link itself is refused from now on, so remembering it is no longer needed
  expect(used.claim('a', 3_000)).toBe(true);
});

test('a link given back after a failed save can be used again', () => {
  const used = createUsedLinks({ now: () => 0 });
  used.claim('a', 10);
  used.release('a');
  expect(used.claim('a', 10)).toBe(true);
});

test('memory stays bounded: expired links make room first, then the longest-used live one', () => {
  let now = 0;
  const used = createUsedLinks({ capacity: 3, now: () => now });
  used.claim('expires-soon', 5);
  used.claim('b', 100);
  used.claim('c', 100);
  now = 10;
  used.claim('d', 100);
  expect(used.size).toBe(3);
  expect(used.claim('b', 100)).toBe(false); // still remembered: only the expired one was dropped
  used.claim('e', 100);
  expect(used.size).toBe(3);
  expect(used.claim('c', 100)).toBe(false);
});
