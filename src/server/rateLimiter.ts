/**
 * Token buckets keyed by a string (conversation, user id, client IP). Each key may burst up to
 * `capacity` requests and then gets `refillPerSecond`. Memory is bounded: a key whose bucket has
 * refilled is as good as new and is dropped; past `maxKeys` the oldest keys go first.
 */
export interface RateLimiterOptions {
  capacity: number;
  refillPerSecond: number;
  maxKeys?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed (for Retry-After). */
  retryAfterSeconds: number;
}

export function createRateLimiter({ capacity, refillPerSecond, maxKeys = 100_000, now = Date.now }: RateLimiterOptions) {
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    take: function take(key: string): RateDecision {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((t - bucket.at) / 1000) * refillPerSecond);
      bucket.at = t;
      // Re-inserting keeps the Map in least-recently-used order for eviction.
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
    },
    get size() {
      return buckets.size;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
