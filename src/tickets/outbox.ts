import type { Logger } from '../log';
import { DEFAULT_BACKOFF, retryDelay, type BackoffPolicy } from './backoff';
import type { Delivery } from './store/deliveryRows';
import { SinkError, type FailureKind, type TicketSink } from './sink';
import type { TicketStore } from './ticketStore';

export interface OutboxOptions {
  store: TicketStore;
  /** By name; the names are those given to store.openTicket. */
  sinks: Record<string, TicketSink>;
  log: Logger;
  now?: () => Date;
  /** In [0, 1), for jitter. */
  random?: () => number;
  /** How often due deliveries are looked for when nothing kicks the outbox. */
  pollMs?: number;
  /** How long a claimed row is reserved; longer than any sink's own timeout. */
  claimMs?: number;
  /** Rows claimed and delivered concurrently at a time. */
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** Told of each delivery attempt's result, by sink (metrics). */
  onDelivery?: (delivery: { sink: string; result: 'sent' | 'failed' }) => void;
}

export interface DeliveryPass {
  attempted: number;
  delivered: number;
  failed: number;
}

export interface Outbox {
  /** Starts polling, beginning with whatever a previous process left undelivered. */
  start(): void;
  /** Waits for the delivery in flight, then stops; for SIGTERM. */
  stop(): Promise<void>;
  /** One pass over the due rows; passes never overlap. */
  deliverDue(): Promise<DeliveryPass>;
  /** Deliver soon, without waiting for the next poll: a ticket was just opened. */
  kick(): void;
}

const DEFAULT_POLL_MS = 5000;
const DEFAULT_CLAIM_MS = 60_000;
const DEFAULT_BATCH_SIZE = 16;
/** A pass stops after this many full batches, so one pass cannot run forever; the next poll goes on. */
const MAX_BATCHES_PER_PASS = 20;

interface Failure {
  code: string;
  kind: FailureKind;
  message: string;
  status?: number;
  retryAfterMs?: number;
}

/**
 * Delivers opened tickets to every sink at least once, retrying with exponential backoff and never
 * giving up. Rows are claimed for claimMs before a sink is called and marked delivered only after it
 * succeeded, so a process that dies mid-delivery leaves its rows to be claimed again once the claim
 * expires; the receiver may then see a ticket twice, always with the same id to deduplicate on.
 */
export function createOutbox({
  store,
  sinks,
  log,
  now = () => new Date(),
  random = Math.random,
  pollMs = DEFAULT_POLL_MS,
  claimMs = DEFAULT_CLAIM_MS,
  batchSize = DEFAULT_BATCH_SIZE,
  backoff = DEFAULT_BACKOFF,
  onDelivery,
}: OutboxOptions): Outbox {
  const sinkNames = Object.keys(sinks);
  let started = false;
  let stopped = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let kickPending = false;
  /** The last pass queued; each pass waits for the one before. */
  let passes: Promise<unknown> = Promise.resolve();

  async function attempt(row: Delivery): Promise<boolean> {
    const { ticketId, sink } = row;
    try {
      const ticket = await store.get(ticketId);
      if (!ticket) throw new SinkError('the ticket is no longer stored', { code: 'ticket_missing', kind: 'permanent' });
      await sinks[sink]!.deliver(ticket);
    } catch (err) {
      onDelivery?.({ sink, result: 'failed' });
      await recordFailure(row, describeFailure(err));
      return false;
    }
    onDelivery?.({ sink, result: 'sent' });
    try {
      await store.deliveries.markDelivered(row.rowId, now().getTime());
      log.info({ ticketId, sink, attempt: row.attempts + 1 }, 'ticket delivered');
    } catch (err) {
      // The receiver has it; once the claim expires it gets it again, with the same idempotency key.
      log.error({ ticketId, sink, err: safeError(err) }, 'ticket delivered but not recorded; it will be sent again');
    }
    return true;
  }

  async function recordFailure(row: Delivery, failure: Failure): Promise<void> {
    const { ticketId, sink } = row;
    const attempt = row.attempts + 1;
    const retryInMs = retryDelay(failure, attempt, random, backoff);
    try {
      await store.deliveries.markFailed(row.rowId, { ...failure, nextAttemptAt: now().getTime() + retryInMs });
    } catch (err) {
      // The claim is still held; once it expires the row is claimed and tried again.
      log.error({ ticketId, sink, err: safeError(err) }, 'could not record a failed ticket delivery');
    }
    // "Waiting" repeats (no recruiter channel yet) would warn every few minutes for days: warn once.
    const repeat = failure.kind === 'waiting' && row.lastErrorCode === failure.code;
    const { code, kind, status, message: reason } = failure;
    log[repeat ? 'debug' : 'warn']({ ticketId, sink, attempt, code, kind, status, retryInMs, reason }, 'ticket delivery failed; will retry');
  }

  async function pass(): Promise<DeliveryPass> {
    const result: DeliveryPass = { attempted: 0, delivered: 0, failed: 0 };
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS && !stopped; batch++) {
      const claimed = await store.deliveries.claimDue({ now: now().getTime(), claimMs, sinks: sinkNames, limit: batchSize });
      const outcomes = await Promise.all(claimed.map(attempt));
      result.attempted += claimed.length;
      result.delivered += outcomes.filter(Boolean).length;
      result.failed += outcomes.filter((ok) => !ok).length;
      if (claimed.length < batchSize) break;
    }
    return result;
  }

  function deliverDue(): Promise<DeliveryPass> {
    const next = passes.then(pass);
    passes = next.catch((err: unknown) => log.error({ err: safeError(err) }, 'ticket delivery pass failed'));
    return next;
  }

  function poll(): void {
    pollTimer = undefined;
    void deliverDue()
      .catch(() => undefined) // logged where the pass is chained
      .finally(() => {
        if (!stopped) pollTimer = setTimeout(poll, pollMs).unref();
      });
  }

  function kick(): void {
    if (!started || stopped || kickPending) return;
    kickPending = true;
    setImmediate(() => {
      kickPending = false;
      if (!stopped) void deliverDue().catch(() => undefined);
    });
  }

  return {
    start() {
      if (started) return;
      started = true;
      void warnAboutUnconfiguredSinks().catch((err: unknown) => log.error({ err: safeError(err) }, 'could not count waiting tickets'));
      pollTimer = setTimeout(poll, 0).unref();
    },
    async stop() {
      stopped = true;
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = undefined;
      await passes;
    },
    deliverDue,
    kick,
  };

  async function warnAboutUnconfiguredSinks(): Promise<void> {
    for (const { sink, count } of await store.deliveries.pending()) {
      if (!(sink in sinks)) {
        log.warn({ sink, undelivered: count }, 'tickets are waiting for a sink that is not configured; they are kept until it is');
      }
    }
  }
}

function describeFailure(err: unknown): Failure {
  if (err instanceof SinkError) {
    const { code, kind, message, status, retryAfterMs } = err;
    return { code, kind, message, status, retryAfterMs };
  }
  // Another library's error: its message may quote anything, so only its name and code are kept.
  const { code, retryAfterMs } = (err ?? {}) as { code?: unknown; retryAfterMs?: unknown };
  const name = err instanceof Error ? err.name : typeof err;
  const failure: Failure = {
    code: typeof code === 'string' ? code : name,
    kind: 'transient',
    message: `${name}${typeof code === 'string' ? ` ${code}` : ''}`,
  };
  if (typeof retryAfterMs === 'number') failure.retryAfterMs = retryAfterMs;
  return failure;
}

/** What may be logged of an unexpected error: its kind and code, not its message. */
function safeError(err: unknown): { name: string; code?: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return { name: err instanceof Error ? err.name : typeof err, ...(typeof code === 'string' ? { code } : {}) };
}
