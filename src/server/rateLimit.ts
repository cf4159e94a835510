export interface RateLimitOptions {
  /** Requests allowed in a burst. */
  burst: number;
  /** Requests per minute allowed once the burst is spent. */
  perMinute: number;
  /** Clients remembered at once; the least recently seen is forgotten first, which only ever lets a request through. */
  maxClients?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client (an IP address): cheap protection for the public, unauthenticated
 * endpoints (Direct Line tokens cost a conversation each; device-check tokens are worth guessing).
 */
export function createRateLimit({ burst, perMinute, maxClients = 10_000, now = Date.now }: RateLimitOptions) {
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  const level = (bucket: Bucket | undefined, at: number) => (bucket ? Math.min(burst, bucket.tokens + (at - bucket.at) * refillPerMs) : burst);
  /**
   * A bucket that has filled up again says no more than a missing one, so the least recently seen
   * are dropped as they refill: the map holds the clients of the last `burst / perMinute` minutes,
   * not the last `maxClients` (each conversation and user id is a client of the message limit).
   */
  const forgetRefilled = (at: number) => {
    for (const [client, bucket] of buckets) {
      if (level(bucket, at) < burst) return;
      buckets.delete(client);
    }
  };

  return {
    /** Takes one request from the client's bucket: false when it is empty. */
    allow: function allowRequest(client: string): boolean {
      const at = now();
      const previous = buckets.get(client);
      const tokens = level(previous, at);
      // Re-inserting keeps the map in least-recently-seen order, so the oldest entry is the first key.
      buckets.delete(client);
      forgetRefilled(at);
      if (buckets.size >= maxClients) buckets.delete(buckets.keys().next().value!);
      const allowed = tokens >= 1;
      buckets.set(client, { tokens: allowed ? tokens - 1 : tokens, at });
      return allowed;
    },
    /** Seconds until the client may try again, for a Retry-After header. */
    retryAfter: function retryAfterSeconds(client: string): number {
      const tokens = level(buckets.get(client), now());
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / refillPerMs / 1000);
    },
  };
}

export type RateLimit = ReturnType<typeof createRateLimit>;
