import { createRateLimit } from './rateLimit';

function clock() {
  let at = 0;
  return { now: () => at, advance: (ms: number) => (at += ms) };
}

describe('the per-address rate limit', () => {
  test('a burst is allowed, the next request is refused, and one more is allowed once a token refilled', () => {
    const time = clock();
    const limit = createRateLimit({ burst: 3, perMinute: 6, now: time.now });
    expect([1, 2, 3, 4].map(() => limit.allow('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limit.retryAfter('10.0.0.1')).toBe(10);
    time.advance(10_000);
    expect(limit.allow('10.0.0.1')).toBe(true);
    expect(limit.allow('10.0.0.1')).toBe(false);
  });

  test('one address spending its burst does not limit another', () => {
    const limit = createRateLimit({ burst: 1, perMinute: 1, now: clock().now });
    expect(limit.allow('10.0.0.1')).toBe(true);
    expect(limit.allow('10.0.0.1')).toBe(false);
    expect(limit.allow('10.0.0.2')).toBe(true);
  });

  test('memory stays bounded: the least recently seen address is forgotten first', () => {
    const limit = createRateLimit({ burst: 1, perMinute: 1, maxClients: 2, now: clock().now });
    limit.allow('a');
    limit.allow('b');
    limit.allow('a'); // refused, but seen most recently
    limit.allow('c'); // forgets b
    expect(limit.allow('a')).toBe(false);
    expect(limit.allow('b')).toBe(true);
  });
});
