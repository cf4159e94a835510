import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ZodError } from 'zod';
import { aDraft, manualClock } from '../fixtures/drafts';
import { formatTicketId } from '../ticket';
import { ticketNumberFloor } from './ticketNumberFloor';
import { TICKET_SCHEMA_VERSION } from './sqliteSchema';
import { openTicketStore, TICKETS_FILE } from './sqlite';
import type { TicketStore } from '../ticketStore';
import { TICKET_MIGRATIONS } from './sqliteSchema';
import { ticketLifecycleContract } from './lifecycle.contract';
import { insightLogContract } from './insights.contract';

let dataDir: string;
const opened: TicketStore[] = [];
const clock = manualClock();

function open(): TicketStore {
  const store = openTicketStore(dataDir, { now: clock.now });
  opened.push(store);
  return store;
}

async function closeAll(): Promise<void> {
  for (const store of opened.splice(0)) await store.close();
}

function rawCount(table: string): number {
  const db = new Database(path.join(dataDir, TICKETS_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/** The id of the n-th ticket (from 0) opened in the test's first second: numbers start at the clock's floor. */
let nth: (n: number) => string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-'));
  const first = ticketNumberFloor(clock.now());
  nth = (n) => formatTicketId(first + n);
});

afterEach(async () => {
  await closeAll();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('recruiters see consecutive ticket numbers (CS- and the clock\'s floor, see ticketNumberFloor) in the order problems were reported', async () => {
  const store = open();
  const ids: string[] = [];
  for (const c of ['a', 'b', 'c']) ids.push((await store.openTicket(aDraft({ conversationKey: c }), ['webhook'])).ticket.id);
  expect(ids).toEqual([nth(0), nth(1), nth(2)]);
  expect(ids[0]).toMatch(/^CS-\d{6,}$/);
});

test('a ticket is stored with everything the bot supplied, plus its id and the time it was opened', async () => {
  const store = open();
  const { ticket, created } = await store.openTicket(aDraft(), ['webhook']);
  expect(created).toBe(true);
  expect(ticket).toEqual({ ...aDraft(), id: nth(0), createdAt: clock.now().toISOString() });
  expect(await store.get(nth(0))).toEqual(ticket);
  expect(await store.get('CS-999999')).toBeUndefined();
});

test('a candidate who asks twice about the same problem gives the recruiter one ticket, delivered once per sink', async () => {
  const store = open();
  const first = await store.openTicket(aDraft(), ['webhook', 'email']);
  clock.advance(60_000);
  const again = await store.openTicket(aDraft({ errorText: 'still broken' }), ['webhook', 'email', 'teams']);

  expect(again).toEqual({ ticket: first.ticket, created: false });
  expect(rawCount('tickets')).toBe(1);
  expect((await store.deliveryStatus(first.ticket.id)).map((d) => d.sink)).toEqual(['webhook', 'email']);
});

test('the same candidate with a different problem gets a second ticket', async () => {
  const store = open();
  await store.openTicket(aDraft({ topic: 'page-wont-load' }), ['webhook']);
  const second = await store.openTicket(aDraft({ topic: 'camera-microphone' }), ['webhook']);
  expect(second).toMatchObject({ created: true, ticket: { id: nth(1) } });
});

test('a ticket and its deliveries are saved together or not at all', async () => {
  const store = open();
  const db = new Database(path.join(dataDir, TICKETS_FILE));
  db.exec('DROP TABLE outbox'); // the outbox insert now fails inside the transaction
  db.close();

  await expect(store.openTicket(aDraft(), ['webhook'])).rejects.toMatchObject({ message: expect.stringMatching(/no such table: outbox/) });
  expect(rawCount('tickets')).toBe(0);
  expect(await store.get(nth(0))).toBeUndefined();
});

test('a draft of the wrong shape is refused and nothing is saved', async () => {
  const store = open();
  const { candidate: _missing, ...withoutCandidate } = aDraft();
  await expect(store.openTicket(withoutCandidate as never, ['webhook'])).rejects.toThrow(ZodError);
  expect(rawCount('tickets')).toBe(0);
  expect(rawCount('outbox')).toBe(0);
});

test('a candidate who pastes a very long error still gets a ticket, with the error clipped', async () => {
  const store = open();
  const { ticket } = await store.openTicket(aDraft({ errorText: 'x'.repeat(10_000) }), ['webhook']);
  expect(ticket.errorText).toHaveLength(4000);
  expect(ticket.errorText.endsWith('…')).toBe(true);
});

test('tickets and their pending deliveries are still there after a restart', async () => {
  const before = open();
  const { ticket } = await before.openTicket(aDraft(), ['webhook', 'email']);
  await closeAll();

  const after = open();
  expect(await after.get(ticket.id)).toEqual(ticket);
  expect(await after.deliveries.pending()).toEqual([
    { sink: 'email', count: 1 },
    { sink: 'webhook', count: 1 },
  ]);
  expect((await after.openTicket(aDraft({ conversationKey: 'other' }), [])).ticket.id).toBe(nth(1));
});

test('the ticket list shows the newest first, with each sink’s progress', async () => {
  const store = open();
  for (const key of ['first', 'second', 'third']) {
    await store.openTicket(aDraft({ conversationKey: key }), ['webhook']);
    clock.advance(1000);
  }
  const [row] = await store.deliveries.claimDue({ now: clock.ms(), claimMs: 60_000, sinks: ['webhook'], limit: 1 });
  await store.deliveries.markDelivered(row!.rowId, clock.ms());

  const page = await store.list({ limit: 2 });
  expect(page.map((t) => t.id)).toEqual([nth(2), nth(1)]);
  expect(page[0]).toEqual({
    id: nth(2),
    createdAt: new Date(clock.ms() - 1000).toISOString(),
    topic: 'page-wont-load',
    channel: 'webchat',
    position: 'Warehouse Supervisor',
    company: 'Northwind Traders',
    status: 'open',
    deliveries: [{ sink: 'webhook', delivered: false, attempts: 0, nextAttemptAt: new Date(clock.ms() - 1000).toISOString() }],
  });
  expect(await store.list({ limit: 2, offset: 2 })).toEqual([
    expect.objectContaining({ id: nth(0), deliveries: [expect.objectContaining({ sink: 'webhook', delivered: true, attempts: 1 })] }),
  ]);
});

test('retention deletes old tickets with their deliveries, keeps recent ones, and never reuses a number', async () => {
  const store = open();
  await store.openTicket(aDraft({ conversationKey: 'old-delivered' }), ['webhook']);
  await store.openTicket(aDraft({ conversationKey: 'old-undelivered' }), ['webhook', 'email']);
  const [oldRow] = await store.deliveries.claimDue({ now: clock.ms(), claimMs: 1, sinks: ['webhook'], limit: 1 });
  await store.deliveries.markDelivered(oldRow!.rowId, clock.ms());
  clock.advance(91 * 24 * 3600 * 1000);
  const { ticket: recent } = await store.openTicket(aDraft({ conversationKey: 'recent' }), ['webhook']);

  const purged = await store.purgeOlderThan(new Date(clock.ms() - 90 * 24 * 3600 * 1000));

  expect(purged).toEqual({ tickets: 2, undelivered: 1 });
  expect((await store.list()).map((t) => t.id)).toEqual([recent.id]);
  expect(rawCount('outbox')).toBe(1);
  const afterPurge = (await store.openTicket(aDraft({ conversationKey: 'after-purge' }), [])).ticket.id;
  expect(afterPurge).toBe(formatTicketId(Number(recent.id.slice(3)) + 1));
});

test('registered recruiter channels are kept across restarts, and registering again refreshes the reference', async () => {
  const store = open();
  await store.registerRecruiterChannel('team-a', { conversation: { id: 'a' }, serviceUrl: 'https://smba.one/' });
  clock.advance(1000);
  await store.registerRecruiterChannel('team-b', { conversation: { id: 'b' } });
  clock.advance(1000);
  await store.registerRecruiterChannel('team-a', { conversation: { id: 'a' }, serviceUrl: 'https://smba.two/' });
  await closeAll();

  const after = open();
  expect(await after.recruiterChannels()).toEqual([
    { key: 'team-b', reference: { conversation: { id: 'b' } }, registeredAt: new Date(clock.ms() - 1000).toISOString() },
    { key: 'team-a', reference: { conversation: { id: 'a' }, serviceUrl: 'https://smba.two/' }, registeredAt: clock.now().toISOString() },
  ]);
  expect(await after.unregisterRecruiterChannel('team-b')).toBe(true);
  expect((await after.recruiterChannels()).map((c) => c.key)).toEqual(['team-a']);
});

test('a tickets file from a newer build is refused with a message saying what to do', async () => {
  open();
  await closeAll();
  const db = new Database(path.join(dataDir, TICKETS_FILE));
  db.pragma(`user_version = ${TICKET_SCHEMA_VERSION + 1}`);
  db.close();
  expect(() => open()).toThrow(/newer than this build understands.*Run a newer build/s);
});

describe('a ticket\'s lifecycle in tickets.sqlite', () => {
  ticketLifecycleContract(open, clock);

  test('retention leaves no row of a purged ticket\'s history or remembered requests', async () => {
    const store = open();
    const { ticket } = await store.openTicket(aDraft(), []);
    await store.claimRequest(ticket.id, 'key', 'reply:x', 60_000);
    await store.changeLifecycle(ticket.id, { events: [{ at: clock.now().toISOString(), by: 'Sam', type: 'recruiter-reply', text: 'hi' }], answer: { key: 'key', response: { status: 202, body: {} } } });
    expect([rawCount('ticket_events'), rawCount('ticket_requests')]).toEqual([2, 1]);
    await store.purgeOlderThan(new Date(clock.ms() + 1));
    expect([rawCount('ticket_events'), rawCount('ticket_requests')]).toEqual([0, 0]);
  });

  test('tickets opened before tickets had a lifecycle read as open, created when they were opened', async () => {
    // A file as the previous build left it: only the first migration, one ticket in it.
    const file = path.join(dataDir, TICKETS_FILE);
    const db = new Database(file);
    db.exec(TICKET_MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    const createdAt = Date.parse('2025-02-01T09:30:00.000Z');
    const ticket = { ...aDraft(), id: 'CS-000042', createdAt: new Date(createdAt).toISOString() };
    db.prepare('INSERT INTO tickets (id, seq, created_at, conversation_key, topic, channel, body) VALUES (?, 42, ?, ?, ?, ?, ?)').run(
      ticket.id, createdAt, ticket.conversationKey, ticket.topic, ticket.channel, JSON.stringify(ticket),
    );
    db.close();

    expect(await open().lifecycle('CS-000042')).toEqual({ status: 'open', history: [{ at: '2025-02-01T09:30:00.000Z', by: 'bot', type: 'created' }] });
  });
});

describe('insight events in tickets.sqlite', () => {
  insightLogContract(open);

  test('a purge that deletes only insight events still leaves nothing of them in the -wal file', async () => {
    const store = open();
    await store.insights.append([{ conversation: 'tag', at: clock.ms() - 1, fact: '{"kind":"fallback","text":"gone"}' }]);
    expect(fs.statSync(path.join(dataDir, `${TICKETS_FILE}-wal`)).size).toBeGreaterThan(0);
    expect(await store.purgeOlderThan(clock.now())).toEqual({ tickets: 0, undelivered: 0 });
    expect(rawCount('insight_events')).toBe(0);
    expect(fs.statSync(path.join(dataDir, `${TICKETS_FILE}-wal`)).size).toBe(0);
  });

  test('a tickets file from before insight events (schema version 2) migrates with its tickets intact', async () => {
    // A file as the previous build left it: the first two migrations, one ticket with its history in it.
    const file = path.join(dataDir, TICKETS_FILE);
    const db = new Database(file);
    db.exec(TICKET_MIGRATIONS[0]!);
    db.exec(TICKET_MIGRATIONS[1]!);
    db.pragma('user_version = 2');
    const createdAt = Date.parse('2025-02-01T09:30:00.000Z');
    const ticket = { ...aDraft(), id: 'CS-000042', createdAt: new Date(createdAt).toISOString() };
    db.prepare("INSERT INTO tickets (id, seq, created_at, conversation_key, topic, channel, body, status) VALUES (?, 42, ?, ?, ?, ?, ?, 'waiting-on-candidate')").run(
      ticket.id, createdAt, ticket.conversationKey, ticket.topic, ticket.channel, JSON.stringify(ticket),
    );
    db.prepare("INSERT INTO ticket_events (ticket_id, at, event) VALUES (?, ?, json_object('by', 'bot', 'type', 'created'))").run(ticket.id, createdAt);
    db.close();

    const store = open();
    expect(await store.get('CS-000042')).toEqual(ticket);
    expect(await store.lifecycle('CS-000042')).toEqual({ status: 'waiting-on-candidate', history: [{ at: '2025-02-01T09:30:00.000Z', by: 'bot', type: 'created' }] });
    await store.insights.append([{ conversation: 'tag', at: createdAt, fact: '{"kind":"turn"}' }]);
    expect(await store.insights.between(createdAt, createdAt)).toEqual([{ conversation: 'tag', at: createdAt, fact: '{"kind":"turn"}' }]);
    await closeAll();
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(TICKET_SCHEMA_VERSION);
      expect(TICKET_SCHEMA_VERSION).toBe(3);
    } finally {
      check.close();
    }
  });
});
