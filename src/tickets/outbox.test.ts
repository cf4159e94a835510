import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureLog } from './fixtures/captureLog';
import { aDraft, CANDIDATE_EMAIL, CANDIDATE_ERROR, CANDIDATE_NAME, manualClock } from './fixtures/drafts';
import { startWebhookReceiver, type WebhookReceiver } from './fixtures/webhookReceiver';
import { createOutbox, type Outbox } from './outbox';
import type { TicketSink } from './sink';
import { teamsSink, type TeamsChannel } from './sinks/teamsSink';
import { webhookSink } from './sinks/webhookSink';
import { openTicketStore } from './store/sqlite';
import type { TicketStore } from './ticketStore';

const SECRET = 'recruiter-shared-secret-0123456789';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let dataDir: string;
let clock: ReturnType<typeof manualClock>;
let logs: ReturnType<typeof captureLog>;
let receiver: WebhookReceiver;
const cleanups: Array<() => unknown> = [];

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  clock = manualClock();
  logs = captureLog();
  receiver = await startWebhookReceiver(SECRET);
  cleanups.push(() => receiver.close());
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Whatever each test did, the logs named no candidate and quoted nothing they typed.
  for (const secret of [CANDIDATE_NAME, CANDIDATE_EMAIL, CANDIDATE_ERROR, 'Sorry, this page']) {
    expect(logs.raw()).not.toContain(secret);
  }
});

/** The bot's side: a store on DATA_DIR and an outbox over the given sinks, as after a (re)start. */
function startBot(sinks: Record<string, TicketSink> = { webhook: webhookSink({ url: receiver.url, secret: SECRET, now: clock.ms }) }) {
  const store = openTicketStore(dataDir, { now: clock.now });
  const outbox = createOutbox({ store, sinks, log: logs.log, now: clock.now, random: () => 0.5, pollMs: 60 * MINUTE });
  const stop = async () => {
    await outbox.stop();
    await store.close();
  };
  cleanups.push(stop);
  return { store, outbox, sinks: Object.keys(sinks), stop };
}

async function deliveryOf(store: TicketStore, ticketId: string, sink = 'webhook') {
  return (await store.deliveries.forTicket(ticketId)).find((d) => d.sink === sink)!;
}

function warnings() {
  return logs.lines().filter((line) => line.level === 40);
}

test('the recruiter’s webhook receives the ticket once, signed, after coming back up', async () => {
  const { store, outbox, sinks } = startBot();
  receiver.answerWith({ status: 503 });
  const { ticket } = await store.openTicket(aDraft(), sinks);

  expect(await outbox.deliverDue()).toEqual({ attempted: 1, delivered: 0, failed: 1 });
  expect(await deliveryOf(store, ticket.id)).toMatchObject({ deliveredAt: null, attempts: 1, lastErrorCode: 'http_503' });

  receiver.answerWith({ status: 200 });
  expect(await outbox.deliverDue()).toEqual({ attempted: 0, delivered: 0, failed: 0 }); // not due for another second
  clock.advance(1 * SECOND);
  expect(await outbox.deliverDue()).toEqual({ attempted: 1, delivered: 1, failed: 0 });
  clock.advance(60 * MINUTE);
  expect(await outbox.deliverDue()).toEqual({ attempted: 0, delivered: 0, failed: 0 });

  expect(receiver.accepted()).toEqual([ticket.id]);
  expect(receiver.requests.map((r) => [r.status, r.idempotencyKey, r.signatureValid])).toEqual([
    [503, ticket.id, true],
    [200, ticket.id, true],
  ]);
  expect(await deliveryOf(store, ticket.id)).toMatchObject({ deliveredAt: clock.ms() - 60 * MINUTE, attempts: 2 });
});

test('a ticket opened while the recruiter’s server is not even listening arrives once it starts', async () => {
  const port = receiver.port;
  await receiver.close();
  const { store, outbox, sinks } = startBot();
  const { ticket } = await store.openTicket(aDraft(), sinks);

  await outbox.deliverDue();
  expect(await deliveryOf(store, ticket.id)).toMatchObject({ deliveredAt: null, lastErrorCode: 'ECONNREFUSED' });

  receiver = await startWebhookReceiver(SECRET, port);
  clock.advance(1 * SECOND);
  await outbox.deliverDue();
  expect(receiver.accepted()).toEqual([ticket.id]);
  expect(receiver.requests).toHaveLength(1);
});

test('tickets the bot could not deliver before a restart are delivered by the restarted bot, once', async () => {
  const first = startBot();
  receiver.answerWith({ status: 503 });
  const opened: string[] = [];
  for (const key of ['conv-1', 'conv-2']) opened.push((await first.store.openTicket(aDraft({ conversationKey: key }), first.sinks)).ticket.id);
  await first.outbox.deliverDue();
  await first.stop();

  receiver.answerWith({ status: 200 });
  clock.advance(5 * SECOND);
  const second = startBot();
  expect(await second.outbox.deliverDue()).toMatchObject({ delivered: 2 });
  await second.outbox.deliverDue();

  expect(receiver.accepted().sort()).toEqual(opened);
  expect(receiver.requests.filter((r) => r.status === 200)).toHaveLength(2);
});

test('successive failures wait longer each time, up to 10 minutes', async () => {
  const { store, outbox, sinks } = startBot();
  receiver.answerWith({ status: 500 });
  const { ticket } = await store.openTicket(aDraft(), sinks);

  const waits: number[] = [];
  for (let i = 0; i < 13; i++) {
    await outbox.deliverDue();
    const wait = (await deliveryOf(store, ticket.id)).nextAttemptAt - clock.ms();
    waits.push(wait);
    clock.advance(wait);
  }
  expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600].map((s) => s * SECOND));
  expect((await deliveryOf(store, ticket.id)).attempts).toBe(13);
});

test('a webhook that refuses the ticket (HTTP 400) is asked again every 10 minutes, and the status is logged', async () => {
  const { store, outbox, sinks } = startBot();
  receiver.answerWith({ status: 400 });
  const { ticket } = await store.openTicket(aDraft(), sinks);

  await outbox.deliverDue();
  expect((await deliveryOf(store, ticket.id)).nextAttemptAt - clock.ms()).toBe(10 * MINUTE);
  expect(warnings()).toEqual([
    expect.objectContaining({ ticketId: ticket.id, sink: 'webhook', attempt: 1, status: 400, kind: 'permanent', retryInMs: 10 * MINUTE }),
  ]);

  receiver.answerWith({ status: 200 });
  clock.advance(10 * MINUTE);
  await outbox.deliverDue();
  expect(receiver.accepted()).toEqual([ticket.id]);
});

test('a throttled webhook (429, Retry-After: 90) is asked again after 90 seconds, not sooner', async () => {
  const { store, outbox, sinks } = startBot();
  receiver.answerWith({ status: 429, headers: { 'retry-after': '90' } });
  const { ticket } = await store.openTicket(aDraft(), sinks);
  await outbox.deliverDue();
  receiver.answerWith({ status: 200 });

  clock.advance(89 * SECOND);
  await outbox.deliverDue();
  expect(receiver.accepted()).toEqual([]);
  clock.advance(1 * SECOND);
  await outbox.deliverDue();
  expect(receiver.accepted()).toEqual([ticket.id]);
});

test('a delivery claimed by a process that then crashed is retried once its claim expires', async () => {
  const { store, outbox, sinks } = startBot();
  const { ticket } = await store.openTicket(aDraft(), sinks);
  // What a crashed process leaves behind: a claim and no outcome.
  expect(await store.deliveries.claimDue({ now: clock.ms(), claimMs: 60 * SECOND, sinks, limit: 10 })).toHaveLength(1);

  clock.advance(59 * SECOND);
  expect(await outbox.deliverDue()).toEqual({ attempted: 0, delivered: 0, failed: 0 });
  clock.advance(1 * SECOND);
  expect(await outbox.deliverDue()).toEqual({ attempted: 1, delivered: 1, failed: 0 });
  expect(receiver.accepted()).toEqual([ticket.id]);
});

test('two bots sharing DATA_DIR deliver each ticket once between them', async () => {
  const a = startBot();
  const b = startBot();
  const opened: string[] = [];
  for (let i = 0; i < 40; i++) opened.push((await a.store.openTicket(aDraft({ conversationKey: `c${i}` }), a.sinks)).ticket.id);

  const [passA, passB] = await Promise.all([a.outbox.deliverDue(), b.outbox.deliverDue()]);

  expect(passA.delivered + passB.delivered).toBe(40);
  expect(receiver.requests).toHaveLength(40);
  expect(receiver.accepted().sort()).toEqual(opened);
});

test('a webhook that is down does not hold back the recruiters’ Teams channel', async () => {
  const posted: string[] = [];
  const teams = teamsSink({ channels: async () => [{ key: 'team', reference: { conversation: { id: 't' } } }], send: async () => void posted.push('card') });
  const { store, outbox, sinks } = startBot({ webhook: webhookSink({ url: receiver.url, secret: SECRET }), teams });
  receiver.answerWith({ status: 503 });
  const { ticket } = await store.openTicket(aDraft(), sinks);

  await outbox.deliverDue();

  expect(posted).toEqual(['card']);
  expect(await store.deliveryStatus(ticket.id)).toEqual([
    expect.objectContaining({ sink: 'webhook', delivered: false, attempts: 1 }),
    expect.objectContaining({ sink: 'teams', delivered: true, attempts: 1 }),
  ]);
});

test('with no Teams channel registered the ticket waits, warned about once, and goes out as soon as one is registered', async () => {
  const posted: string[] = [];
  const channels: TeamsChannel[] = [];
  const teams = teamsSink({ channels: async () => channels, send: async (reference) => void posted.push((reference.conversation as { id: string }).id) });
  const { store, outbox, sinks } = startBot({ teams });
  const { ticket } = await store.openTicket(aDraft(), sinks);

  for (let i = 0; i < 5; i++) {
    await outbox.deliverDue();
    clock.advance(10 * MINUTE);
  }
  expect(posted).toEqual([]);
  expect(await deliveryOf(store, ticket.id, 'teams')).toMatchObject({ deliveredAt: null, attempts: 5, lastErrorCode: 'no_recruiter_channel' });
  expect(warnings()).toEqual([expect.objectContaining({ ticketId: ticket.id, sink: 'teams', code: 'no_recruiter_channel', attempt: 1 })]);

  channels.push({ key: 'team', reference: { conversation: { id: 'recruiters' } } });
  clock.advance(10 * MINUTE);
  await outbox.deliverDue();
  expect(posted).toEqual(['recruiters']);
});

test('tickets for a sink that is no longer configured wait for it, and go out once it is configured again', async () => {
  const mailbox: string[] = [];
  const email: TicketSink = { name: 'email', deliver: async (t) => void mailbox.push(t.id) };
  const before = startBot({ email, webhook: webhookSink({ url: receiver.url, secret: SECRET }) });
  receiver.answerWith({ status: 503 });
  const { ticket } = await before.store.openTicket(aDraft(), before.sinks);
  await before.stop(); // stopped before delivering anything

  receiver.answerWith({ status: 200 });
  const withoutEmail = startBot();
  withoutEmail.outbox.start();
  await withoutEmail.outbox.deliverDue();
  expect(receiver.accepted()).toEqual([ticket.id]);
  expect(await deliveryOf(withoutEmail.store, ticket.id, 'email')).toMatchObject({ deliveredAt: null, attempts: 0 });
  await withoutEmail.stop();
  expect(warnings()).toEqual([expect.objectContaining({ sink: 'email', undelivered: 1 })]);

  const emailAgain = startBot({ email });
  await emailAgain.outbox.deliverDue();
  expect(mailbox).toEqual([ticket.id]);
});

test('a ticket opened while the bot runs is delivered right away, without waiting for the next poll', async () => {
  const { store, outbox, sinks } = startBot();
  outbox.start();
  await outbox.deliverDue(); // the start-up pass
  const arrived = receiver.nextArrival();
  const { ticket } = await store.openTicket(aDraft(), sinks);
  outbox.kick();
  await arrived;
  await outbox.stop();
  expect(receiver.accepted()).toEqual([ticket.id]);
});

test('on SIGTERM the bot finishes the delivery in flight before it stops', async () => {
  const { store, outbox, sinks } = startBot();
  receiver.answerWith({ status: 200, delayMs: 300 });
  const { ticket } = await store.openTicket(aDraft(), sinks);
  outbox.start();
  await receiver.nextArrival();

  await outbox.stop();

  expect((await deliveryOf(store, ticket.id)).deliveredAt).not.toBeNull();
  expect(receiver.accepted()).toEqual([ticket.id]);
});

test('a sink that throws something unexpected is retried, and its message is not logged', async () => {
  const { store, outbox } = startBot({
    flaky: { name: 'flaky', deliver: async () => Promise.reject(new TypeError(`cannot read ${CANDIDATE_NAME}`)) },
  });
  const { ticket } = await store.openTicket(aDraft(), ['flaky']);
  await outbox.deliverDue();
  expect(await deliveryOf(store, ticket.id, 'flaky')).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'TypeError' });
});

test('each attempt\'s result is told by sink (metrics), and the oldest waiting ticket is known until it is delivered', async () => {
  const store = openTicketStore(dataDir, { now: clock.now });
  const told: Array<{ sink: string; result: string }> = [];
  const outbox = createOutbox({
    store,
    sinks: { webhook: webhookSink({ url: receiver.url, secret: SECRET, now: clock.ms }) },
    log: logs.log,
    now: clock.now,
    random: () => 0.5,
    pollMs: 60 * MINUTE,
    onDelivery: (delivery) => told.push(delivery),
  });
  cleanups.push(async () => {
    await outbox.stop();
    await store.close();
  });
  receiver.answerWith({ status: 503 });
  const opened = clock.ms();
  await store.openTicket(aDraft(), ['webhook']);
  await outbox.deliverDue();
  expect(await store.deliveries.oldestPending()).toEqual([{ sink: 'webhook', since: opened }]);

  receiver.answerWith({ status: 200 });
  clock.advance(10 * MINUTE);
  await outbox.deliverDue();
  expect(told).toEqual([
    { sink: 'webhook', result: 'failed' },
    { sink: 'webhook', result: 'sent' },
  ]);
  expect(await store.deliveries.oldestPending()).toEqual([]);
});
