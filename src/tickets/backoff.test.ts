import { backoffDelay, DEFAULT_BACKOFF, retryDelay } from './backoff';

const noJitter = () => 0.5;
const MINUTE = 60_000;

test('a failing sink is retried after 1 s, 2 s, 4 s … and never more than 10 minutes apart', () => {
  const schedule = Array.from({ length: 14 }, (_, i) => backoffDelay(i + 1, noJitter));
  expect(schedule).toEqual([
    1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 10 * MINUTE, 10 * MINUTE, 10 * MINUTE, 10 * MINUTE,
  ]);
  expect(backoffDelay(1_000_000, noJitter)).toBe(10 * MINUTE);
});

test.each([
  ['lowest', 0, 4 * 800],
  ['highest', 0.999_999, 4 * 1200],
])('jitter spreads retries by ±20%% (%s draw)', (_name, draw, expected) => {
  expect(backoffDelay(3, () => draw)).toBeCloseTo(expected, -1);
});

test('jitter never pushes a capped retry beyond 10 minutes, only earlier', () => {
  expect(backoffDelay(20, () => 0.999_999)).toBe(10 * MINUTE);
  expect(backoffDelay(20, () => 0)).toBe(8 * MINUTE);
});

test.each([
  ['a receiver that refuses the ticket is asked again at the cap', { kind: 'permanent' as const }, 1, 10 * MINUTE],
  ['a receiver that is down backs off exponentially', { kind: 'transient' as const }, 3, 4000],
  ['a receiver asking to wait 2 minutes is asked again in 2 minutes', { kind: 'transient' as const, retryAfterMs: 2 * MINUTE }, 1, 2 * MINUTE],
  ['"Retry-After: 0" still waits the base delay', { kind: 'transient' as const, retryAfterMs: 0 }, 5, 1000],
  ['a receiver asking to wait a day is asked again within the hour', { kind: 'transient' as const, retryAfterMs: 24 * 60 * MINUTE }, 1, 60 * MINUTE],
])('%s', (_name, failure, failures, expected) => {
  expect(retryDelay(failure, failures, noJitter, DEFAULT_BACKOFF)).toBe(expected);
});
