import { createBotMetrics } from './botMetrics';
import { boundedLabel } from './boundedLabel';
import { sample } from '../../test/support/prometheus';

test('each app has its own registry: counts in one never show in another', async () => {
  const one = createBotMetrics();
  const two = createBotMetrics();
  one.turn({ input: 'text', seconds: 0.004 });
  one.ticketOpened();
  const [first, second] = await Promise.all([one.registry.metrics(), two.registry.metrics()]);
  expect(sample(first, 'bot_turns_total', { input: 'text' })).toBe(1);
  expect(sample(first, 'bot_tickets_opened_total')).toBe(1);
  expect(sample(second, 'bot_turns_total', { input: 'text' })).toBeUndefined();
  expect(sample(second, 'bot_tickets_opened_total')).toBe(0);
});

test('a turn lands in the latency bucket of its duration, from 1 ms to 5 s', async () => {
  const metrics = createBotMetrics();
  metrics.turn({ input: 'choice', seconds: 0.004 });
  metrics.turn({ input: 'choice', seconds: 3 });
  const text = await metrics.registry.metrics();
  expect(sample(text, 'bot_turn_duration_seconds_bucket', { input: 'choice', le: '0.001' })).toBe(0);
  expect(sample(text, 'bot_turn_duration_seconds_bucket', { input: 'choice', le: '0.005' })).toBe(1);
  expect(sample(text, 'bot_turn_duration_seconds_bucket', { input: 'choice', le: '5' })).toBe(2);
  expect(sample(text, 'bot_turn_duration_seconds_count', { input: 'choice' })).toBe(2);
});

test('deliveries per configured sink and the 429 limits start at 0, so the first event shows in rate()', async () => {
  const metrics = createBotMetrics({ sinks: ['webhook', 'email'] });
  metrics.delivered({ sink: 'webhook', result: 'failed' });
  metrics.limited('user');
  const text = await metrics.registry.metrics();
  expect(sample(text, 'bot_deliveries_total', { sink: 'webhook', result: 'failed' })).toBe(1);
  expect(sample(text, 'bot_deliveries_total', { sink: 'webhook', result: 'sent' })).toBe(0);
  expect(sample(text, 'bot_deliveries_total', { sink: 'email', result: 'sent' })).toBe(0);
  expect(sample(text, 'bot_rate_limited_total', { limit: 'user' })).toBe(1);
  expect(sample(text, 'bot_rate_limited_total', { limit: 'conversation' })).toBe(0);
  expect(sample(text, 'bot_rate_limited_total', { limit: 'failed_auth' })).toBe(0);
});

test('replies are counted by channel; a turn without replies adds nothing', async () => {
  const metrics = createBotMetrics();
  metrics.replied({ channel: 'msteams', count: 2 });
  metrics.replied({ channel: 'msteams', count: 0 });
  metrics.replied({ channel: 'webchat', count: 1 });
  const text = await metrics.registry.metrics();
  expect(sample(text, 'bot_replies_total', { channel: 'msteams' })).toBe(2);
  expect(sample(text, 'bot_replies_total', { channel: 'webchat' })).toBe(1);
});

test('a label from outside keeps its first values and counts the rest as other', () => {
  const label = boundedLabel(2);
  expect(['a', 'b', 'c', 'a', 'd'].map(label)).toEqual(['a', 'b', 'other', 'a', 'other']);
});

test('the process metrics are there', async () => {
  const text = await createBotMetrics().registry.metrics();
  expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
  expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
});
