import { parseSince } from './parseSince';

const NOW = Date.parse('2026-11-08T12:00:00Z');
const HOUR = 60 * 60 * 1000;

test.each([
  ['7d', NOW - 7 * 24 * HOUR],
  ['24h', NOW - 24 * HOUR],
  ['90m', NOW - 1.5 * HOUR],
  ['2w', NOW - 14 * 24 * HOUR],
  [' 7d ', NOW - 7 * 24 * HOUR],
  ['2026-11-01T00:00:00Z', Date.parse('2026-11-01T00:00:00Z')],
  ['2026-11-01T09:30:00+02:00', Date.parse('2026-11-01T07:30:00Z')],
  ['2026-11-01T00:00Z', Date.parse('2026-11-01T00:00:00Z')],
  ['2026-11-01', Date.parse('2026-11-01T00:00:00Z')],
])('--since %j starts the window at the right time', (value, expected) => {
  expect(new Date(parseSince(value, NOW)).toISOString()).toBe(new Date(expected).toISOString());
});

test.each(['', '7', 'd', '7 days', '1y', '-7d', '7.5d', 'yesterday', '11/01/2026', '2026-02-30', '2026-13-01'])(
  '--since %j is refused with the forms it takes',
  (value) => {
    expect(() => parseSince(value, NOW)).toThrow('--since takes 7d, 24h, 90m, 2w or an ISO time like 2026-11-01T00:00:00Z');
  },
);

test('a time without a zone is refused, saying to add one', () => {
  expect(() => parseSince('2026-11-01T00:00:00', NOW)).toThrow('has no time zone: add Z or an offset');
});
