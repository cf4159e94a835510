import type { FailureKind } from './sink';

export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
  /** ±fraction of each delay, so tickets that failed together do not retry together. */
  jitter: number;
  /** The longest Retry-After honoured; a receiver asking for a day is asked again sooner. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1000,
  factor: 2,
  capMs: 10 * 60 * 1000,
  jitter: 0.2,
  maxRetryAfterMs: 60 * 60 * 1000,
};

/**
 * Delay before the next attempt after `failures` failed attempts (1 after the first): base × factor^(n-1),
 * capped, then jittered by ±jitter and capped again, so a capped delay never exceeds the cap.
 */
export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, failures - 1);
  const raw = Math.min(policy.capMs, policy.baseMs * policy.factor ** exponent);
  const jittered = raw * (1 + policy.jitter * (2 * random() - 1));
  return Math.round(Math.min(policy.capMs, jittered));
}

export interface RetryableFailure {
  kind: FailureKind;
  retryAfterMs?: number;
}

/** When to try again: what the receiver asked for, the cap for a refusal, else exponential backoff. */
export function retryDelay(
  failure: RetryableFailure,
  failures: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  if (failure.retryAfterMs !== undefined && Number.isFinite(failure.retryAfterMs)) {
    // Never sooner than the base delay, so a "Retry-After: 0" cannot make a busy loop.
    return Math.round(Math.min(policy.maxRetryAfterMs, Math.max(policy.baseMs, failure.retryAfterMs)));
  }
  if (failure.kind === 'permanent') return backoffDelay(Number.POSITIVE_INFINITY, random, policy);
  return backoffDelay(failures, random, policy);
}
