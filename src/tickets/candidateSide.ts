import type { Logger } from '../log';
import { clip } from '../clip';
import type { HistoryEvent, TicketStatus } from './lifecycle';
import { neutraliseText } from './neutralise';
import { SinkError, type TicketSink } from './sink';
import type { TicketStore } from './ticketStore';

/**
 * What a candidate does to their own ticket from the chat: answers (`candidate-reply`) or marks it
 * resolved. Each is saved in the ticket's history first, then passed on as `ticket.updated` to
 * every sink that delivered the ticket, so the recruiter hears it where the ticket reached them.
 */
export interface CandidateSide {
  /** `text` is as the transcript keeps it (phone numbers and dates of birth masked). */
  replied(ticketId: string, text: string): Promise<void>;
  resolved(ticketId: string): Promise<void>;
  /** Waits for the updates still being sent (shutdown, tests). */
  settled(): Promise<void>;
}

export interface CandidateSideOptions {
  store: Pick<TicketStore, 'get' | 'lifecycle' | 'changeLifecycle' | 'deliveryStatus'>;
  /** By name, as the outbox has them; only those with `update` are told. */
  sinks: Record<string, TicketSink>;
  log: Pick<Logger, 'info' | 'warn'>;
  /** How long one sink may take before the update counts as failed. */
  timeoutMs?: number;
  now?: () => Date;
}

/** Who the history names for what the candidate did: never their name, which the ticket already has. */
export const CANDIDATE = 'candidate';

export function createCandidateSide({ store, sinks, log, timeoutMs = 15_000, now = () => new Date() }: CandidateSideOptions): CandidateSide {
  const sending = new Set<Promise<void>>();

  async function record(ticketId: string, event: HistoryEvent, status?: TicketStatus): Promise<void> {
    const lifecycle = await store.changeLifecycle(ticketId, { events: [event], status });
    if (!lifecycle) return;
    // The candidate's turn must not wait for a slow helpdesk: the history has it already.
    const telling = tell(ticketId, event, lifecycle.status).finally(() => sending.delete(telling));
    sending.add(telling);
  }

  /** Each sink that has the ticket gets the update once; failures are logged (sink and reason, never the words). */
  async function tell(ticketId: string, event: HistoryEvent, status: TicketStatus): Promise<void> {
    const [ticket, deliveries] = await Promise.all([store.get(ticketId), store.deliveryStatus(ticketId)]);
    if (!ticket) return;
    const reached = deliveries.filter((d) => d.delivered && sinks[d.sink]?.update).map((d) => d.sink);
    await Promise.all(
      reached.map(async (sink) => {
        try {
          await withTimeout(sinks[sink]!.update!(ticket, { event, status }), timeoutMs);
          log.info({ ticketId, sink, event: event.type }, 'ticket update sent to the recruiter');
        } catch (error) {
          const reason = error instanceof SinkError ? error.message : error instanceof Error ? error.name : 'error';
          log.warn({ ticketId, sink, event: event.type, reason }, 'ticket update did not reach the recruiter');
        }
      }),
    );
  }

  return {
    async replied(ticketId, text) {
      const before = await store.lifecycle(ticketId);
      if (!before) return;
      // The recruiter was waiting for this answer: the ticket is theirs to act on again.
      const status = before.status === 'waiting-on-candidate' ? 'open' : undefined;
      await record(ticketId, { at: now().toISOString(), by: CANDIDATE, type: 'candidate-reply', text: clip(neutraliseText(text).trim(), 4000) }, status);
    },
    async resolved(ticketId) {
      await record(ticketId, { at: now().toISOString(), by: CANDIDATE, type: 'status-changed', status: 'resolved', text: 'it works now' }, 'resolved');
    },
    async settled() {
      await Promise.all([...sending]);
    },
  };
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SinkError(`no answer within ${Math.round(ms / 1000)} s`, { code: 'timeout', kind: 'transient' })), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
