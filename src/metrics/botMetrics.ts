import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { boundedLabel } from './boundedLabel';

/** Turns take from about a millisecond (a button) to seconds (a ticket opened, a link checked). */
const TURN_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Channels are a handful (emulator, webchat, directline, msteams); anything beyond is `other`. */
const MAX_CHANNELS = 20;
/** The limits that answer 429 on /api/messages (src/server). */
const RATE_LIMITS = ['conversation', 'user', 'failed_auth'];

export interface TurnObserved {
  /** The candidate's input kind: start, text, choice, device-check. */
  input: string;
  seconds: number;
}

export interface DeliveryObserved {
  sink: string;
  result: 'sent' | 'failed';
}

/**
 * One app's metrics: a registry of its own (never prom-client's global one: tests start several apps
 * in one process), the process metrics, and the counters the wiring feeds through small hooks.
 * The hooks never throw: a metric is not worth a candidate's turn.
 */
export function createBotMetrics({ sinks = [] }: { sinks?: readonly string[] } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const turns = new Counter({ name: 'bot_turns_total', help: 'Conversation turns run for a candidate input, by its kind (start, text, choice, device-check).', labelNames: ['input'], registers });
  const turnSeconds = new Histogram({ name: 'bot_turn_duration_seconds', help: 'How long a turn took: state read, engine, effects, state saved.', labelNames: ['input'], buckets: TURN_BUCKETS, registers });
  const replies = new Counter({ name: 'bot_replies_total', help: 'Replies sent to candidates in answer to their messages, by channel.', labelNames: ['channel'], registers });
  const ticketsOpened = new Counter({ name: 'bot_tickets_opened_total', help: 'Tickets opened (a ticket asked for again for the same problem is not counted twice).', registers });
  const deliveries = new Counter({ name: 'bot_deliveries_total', help: 'Ticket delivery attempts by sink and result (sent or failed; a failed one is retried).', labelNames: ['sink', 'result'], registers });
  const rateLimited = new Counter({ name: 'bot_rate_limited_total', help: 'Requests refused with 429, by limit (conversation, user, failed_auth).', labelNames: ['limit'], registers });
  const channel = boundedLabel(MAX_CHANNELS);
  // Known series start at 0, so rate() and increase() see the first event.
  for (const sink of sinks) for (const result of ['sent', 'failed']) deliveries.inc({ sink, result }, 0);
  for (const limit of RATE_LIMITS) rateLimited.inc({ limit }, 0);

  return {
    registry,
    turn({ input, seconds }: TurnObserved): void {
      turns.inc({ input });
      turnSeconds.observe({ input }, seconds);
    },
    replied({ channel: channelId, count }: { channel: string; count: number }): void {
      if (count > 0) replies.inc({ channel: channel(channelId) }, count);
    },
    ticketOpened(): void {
      ticketsOpened.inc();
    },
    delivered({ sink, result }: DeliveryObserved): void {
      deliveries.inc({ sink, result });
    },
    limited(limit: string): void {
      rateLimited.inc({ limit });
    },
  };
}

export type BotMetrics = ReturnType<typeof createBotMetrics>;
