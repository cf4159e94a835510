import { createLogger } from '../log';
import { storedInsights, type InsightFact } from '../insights';
import type { InsightRow } from '../tickets/ticketStore';
import { createAppMetrics } from './appMetrics';
import { sample } from '../../test/support/prometheus';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const MINUTE = 60_000;
const log = createLogger('silent');

function fakeTickets({ pending = [], oldest = [], insights = [] as InsightRow[], failing = false } = {} as {
  pending?: Array<{ sink: string; count: number }>;
  oldest?: Array<{ sink: string; since: number }>;
  insights?: InsightRow[];
  failing?: boolean;
}) {
  const reads: Array<[number, number]> = [];
  const fail = () => Promise.reject(new Error('database is down'));
  return {
    reads,
    deliveries: {
      pending: () => (failing ? fail() : Promise.resolve(pending)),
      oldestPending: () => (failing ? fail() : Promise.resolve(oldest)),
    } as never,
    insights: {
      append: async () => undefined,
      between: (from: number, to: number) => {
        reads.push([from, to]);
        return failing ? fail() : Promise.resolve(insights.filter((row) => row.at >= from && row.at <= to));
      },
    },
  };
}

const rows = (key: string, at: number, ...facts: InsightFact[]) => storedInsights(key, facts, new Date(at));

test('pending deliveries and the oldest one\'s age are read from the store per sink, 0 for a sink with none waiting', async () => {
  const tickets = fakeTickets({ pending: [{ sink: 'webhook', count: 3 }], oldest: [{ sink: 'webhook', since: NOW - 90_000 }] });
  const metrics = createAppMetrics({ tickets, sinks: ['webhook', 'email'], sessionTimeoutMinutes: 30, log, now: () => NOW });
  const { text, contentType } = await metrics.scrape();
  expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(sample(text, 'bot_deliveries_pending', { sink: 'webhook' })).toBe(3);
  expect(sample(text, 'bot_deliveries_pending', { sink: 'email' })).toBe(0);
  expect(sample(text, 'bot_outbox_oldest_pending_seconds', { sink: 'webhook' })).toBe(90);
  expect(sample(text, 'bot_outbox_oldest_pending_seconds', { sink: 'email' })).toBe(0);
});

test('the last 24 hours\' sessions by outcome, with the insights report\'s definitions, judged at the scrape', async () => {
  const insights = [
    // Two days ago: outside the window.
    ...rows('old', NOW - 48 * 60 * MINUTE, { kind: 'turn' }, { kind: 'resolved' }),
    ...rows('escalated', NOW - 5 * 60 * MINUTE, { kind: 'turn' }, { kind: 'entered', node: 'link/expired', topic: 'link', asksHelped: false }),
    ...rows('escalated', NOW - 5 * 60 * MINUTE + MINUTE, { kind: 'turn' }, { kind: 'escalated', how: 'ticket' }),
    ...rows('resolved', NOW - 3 * 60 * MINUTE, { kind: 'turn' }, { kind: 'entered', node: 'link/expired', topic: 'link', asksHelped: true }, { kind: 'resolved' }),
    ...rows('hello', NOW - 2 * 60 * MINUTE, { kind: 'turn' }),
  ];
  const tickets = fakeTickets({ insights });
  const metrics = createAppMetrics({ tickets, sinks: [], sessionTimeoutMinutes: 30, log, now: () => NOW });
  const { text } = await metrics.scrape();
  expect(sample(text, 'bot_sessions_last_24h', { outcome: 'escalated' })).toBe(1);
  expect(sample(text, 'bot_sessions_last_24h', { outcome: 'resolved' })).toBe(1);
  expect(sample(text, 'bot_sessions_last_24h', { outcome: 'unengaged' })).toBe(1);
  expect(sample(text, 'bot_sessions_last_24h', { outcome: 'resolved-implied' })).toBe(0);
  expect(sample(text, 'bot_sessions_last_24h', { outcome: 'abandoned' })).toBe(0);
  // A session that began before the window is read whole, then left out by its start.
  expect(tickets.reads[0]).toEqual([NOW - 48 * 60 * MINUTE, NOW]);
});

test('the day\'s sessions are read again at most once a minute, however often Prometheus scrapes', async () => {
  let now = NOW;
  const tickets = fakeTickets();
  const metrics = createAppMetrics({ tickets, sinks: [], sessionTimeoutMinutes: 30, log, now: () => now });
  await metrics.scrape();
  now += 30_000;
  await metrics.scrape();
  expect(tickets.reads).toHaveLength(1);
  now += 30_000;
  await metrics.scrape();
  expect(tickets.reads).toHaveLength(2);
});

test('a store that can\'t be read leaves its gauges out of the scrape; the rest still answers', async () => {
  const metrics = createAppMetrics({ tickets: fakeTickets({ failing: true }), sinks: ['webhook'], sessionTimeoutMinutes: 30, log, now: () => NOW });
  metrics.turn({ input: 'text', seconds: 0.01 });
  const { text } = await metrics.scrape();
  expect(sample(text, 'bot_turns_total', { input: 'text' })).toBe(1);
  expect(sample(text, 'bot_deliveries_pending')).toBeUndefined();
  expect(sample(text, 'bot_outbox_oldest_pending_seconds')).toBeUndefined();
  expect(sample(text, 'bot_sessions_last_24h')).toBeUndefined();
  expect(text).toMatch(/^process_cpu_user_seconds_total /m);
});
