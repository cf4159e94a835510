import type { Pool } from 'pg';
import { describeWithPostgres, startTestPostgres, type TestPostgres } from '../../../test/support/postgres';
import { createPostgresPool } from '../../storage/postgresPool';
import { migratePostgres } from '../../storage/postgresSchema';
import { POSTGRES_MIGRATIONS } from '../../postgresMigrations';
import { aDraft, manualClock } from '../fixtures/drafts';
import { PostgresTicketStore } from './postgres';
import { ticketLifecycleContract } from './lifecycle.contract';
import { insightLogContract } from './insights.contract';

let db: TestPostgres;
let pools: Pool[] = [];
const clock = manualClock();

/** One "instance": its own pool on the shared database. */
function instance(): PostgresTicketStore {
  const pool = createPostgresPool(db.url);
  pools.push(pool);
  return new PostgresTicketStore({ pool, now: clock.now });
}

describeWithPostgres('PostgresTicketStore', () => {
  beforeAll(async () => {
    db = await startTestPostgres();
    const pool = createPostgresPool(db.url);
    await migratePostgres(pool, POSTGRES_MIGRATIONS);
    await pool.end();
  }, 60_000);
  afterEach(async () => {
    const pool = createPostgresPool(db.url);
    await pool.query("TRUNCATE tickets, outbox, recruiter_channels, ticket_events, ticket_requests, insight_events; ALTER SEQUENCE ticket_number RESTART");
    await pool.end();
    await Promise.all(pools.splice(0).map((p) => p.end()));
  });
  afterAll(async () => {
    await db?.stop();
  });

  test('recruiters see ticket numbers CS-000001, CS-000002… and each ticket reads back as saved', async () => {
    const store = instance();
    const ids: string[] = [];
    for (const key of ['a', 'b', 'c']) ids.push((await store.openTicket(aDraft({ conversationKey: key }), ['webhook'])).ticket.id);
    expect(ids).toEqual(['CS-000001', 'CS-000002', 'CS-000003']);
    const { ticket } = await store.openTicket(aDraft({ conversationKey: 'd' }), []);
    expect(await store.get(ticket.id)).toEqual(ticket);
    expect(await store.get('CS-999999')).toBeUndefined();
  });

  test('a conversation escalating the same topic on two instances at once gets one ticket, delivered once per sink', async () => {
    const stores = [instance(), instance(), instance(), instance()];
    const results = await Promise.all(stores.flatMap((s) => [s.openTicket(aDraft(), ['webhook', 'email']), s.openTicket(aDraft(), ['webhook', 'email'])]));
    const ids = new Set(results.map((r) => r.ticket.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [id] = [...ids];
    expect((await stores[0]!.deliveryStatus(id!)).map((d) => d.sink).sort()).toEqual(['email', 'webhook']);
    expect(await stores[0]!.list()).toHaveLength(1);
  });

  test('two instances claiming due deliveries at the same moment never take the same row', async () => {
    const a = instance();
    const b = instance();
    for (let i = 0; i < 30; i++) await a.openTicket(aDraft({ conversationKey: `c${i}` }), ['webhook']);
    const claim = (s: PostgresTicketStore) => s.deliveries.claimDue({ now: clock.ms(), claimMs: 60_000, sinks: ['webhook'], limit: 10 });
    const claimed = (await Promise.all([claim(a), claim(b), claim(a), claim(b)])).flat();
    expect(claimed).toHaveLength(30);
    expect(new Set(claimed.map((d) => d.rowId)).size).toBe(30);
    expect(await claim(b)).toEqual([]);
  });

  test("a crashed instance's claims expire and another instance picks the deliveries up", async () => {
    const crashed = instance();
    const survivor = instance();
    const { ticket } = await crashed.openTicket(aDraft(), ['webhook']);
    const [row] = await crashed.deliveries.claimDue({ now: clock.ms(), claimMs: 60_000, sinks: ['webhook'], limit: 5 });
    expect(row?.ticketId).toBe(ticket.id);
    expect(await survivor.deliveries.claimDue({ now: clock.ms() + 59_000, claimMs: 60_000, sinks: ['webhook'], limit: 5 })).toEqual([]);
    const [again] = await survivor.deliveries.claimDue({ now: clock.ms() + 61_000, claimMs: 60_000, sinks: ['webhook'], limit: 5 });
    expect(again?.rowId).toBe(row!.rowId);
    await survivor.deliveries.markDelivered(again!.rowId, clock.ms() + 62_000);
    expect(await survivor.deliveryStatus(ticket.id)).toEqual([
      { sink: 'webhook', delivered: true, attempts: 1, deliveredAt: new Date(clock.ms() + 62_000).toISOString() },
    ]);
  });

  test('a failed delivery waits for its retry time and shows why in the ticket list', async () => {
    const store = instance();
    const { ticket } = await store.openTicket(aDraft(), ['webhook']);
    const [row] = await store.deliveries.claimDue({ now: clock.ms(), claimMs: 60_000, sinks: ['webhook'], limit: 1 });
    await store.deliveries.markFailed(row!.rowId, { code: 'http_503', message: 'HTTP 503', nextAttemptAt: clock.ms() + 30_000 });
    expect(await store.deliveries.claimDue({ now: clock.ms() + 1_000, claimMs: 60_000, sinks: ['webhook'], limit: 1 })).toEqual([]);
    expect(await store.deliveries.pending()).toEqual([{ sink: 'webhook', count: 1 }]);
    expect(await store.deliveries.oldestPending()).toEqual([{ sink: 'webhook', since: clock.ms() }]);
    const [summary] = await store.list();
    expect(summary).toMatchObject({ id: ticket.id, position: ticket.job.position, company: ticket.job.company });
    expect(summary!.deliveries).toEqual([
      { sink: 'webhook', delivered: false, attempts: 1, nextAttemptAt: new Date(clock.ms() + 30_000).toISOString(), lastError: 'HTTP 503' },
    ]);
    expect(await store.deliveries.claimDue({ now: clock.ms() + 30_000, claimMs: 60_000, sinks: ['webhook'], limit: 1 })).toHaveLength(1);
  });

  test('the per-hour cap sees the tickets a conversation opened recently, newest first', async () => {
    const store = instance();
    await store.openTicket(aDraft({ topic: 'page-wont-load' }), []);
    await store.openTicket(aDraft({ topic: 'camera-microphone' }), []);
    expect(await store.openedSince(aDraft().conversationKey, new Date(0))).toEqual(['CS-000002', 'CS-000001']);
  });

  test('retention deletes old tickets with their deliveries, counts the undelivered ones, and never reuses a number', async () => {
    const store = instance();
    await store.openTicket(aDraft({ conversationKey: 'old' }), ['webhook']);
    clock.advance(100 * 24 * 3600 * 1000);
    await store.openTicket(aDraft({ conversationKey: 'recent' }), ['webhook']);
    expect(await store.purgeOlderThan(new Date(clock.ms() - 90 * 24 * 3600 * 1000))).toEqual({ tickets: 1, undelivered: 1 });
    expect((await store.list()).map((t) => t.id)).toEqual(['CS-000002']);
    expect((await store.openTicket(aDraft({ conversationKey: 'after' }), [])).ticket.id).toBe('CS-000003');
  });

  describe('a ticket\'s lifecycle', () => {
    ticketLifecycleContract(instance, clock);

    test('tickets opened before tickets had a lifecycle read as open, created when they were opened', async () => {
      const older = await startTestPostgres();
      const pool = createPostgresPool(older.url);
      try {
        // A database as the previous build left it, with one ticket in it; then this build's migrations.
        await migratePostgres(pool, POSTGRES_MIGRATIONS.slice(0, 2));
        const createdAt = Date.parse('2025-02-01T09:30:00.000Z');
        const ticket = { ...aDraft(), id: 'CS-000042', createdAt: new Date(createdAt).toISOString() };
        await pool.query('INSERT INTO tickets (id, seq, created_at, conversation_key, topic, channel, body) VALUES ($1, 42, $2, $3, $4, $5, $6)', [
          ticket.id, createdAt, ticket.conversationKey, ticket.topic, ticket.channel, JSON.stringify(ticket),
        ]);
        await migratePostgres(pool, POSTGRES_MIGRATIONS);
        expect(await new PostgresTicketStore({ pool }).lifecycle('CS-000042')).toEqual({
          status: 'open',
          history: [{ at: '2025-02-01T09:30:00.000Z', by: 'bot', type: 'created' }],
        });
      } finally {
        await pool.end();
        await older.stop();
      }
    }, 60_000);

    test('retention leaves no row of a purged ticket\'s history or remembered requests', async () => {
      const store = instance();
      const { ticket } = await store.openTicket(aDraft(), []);
      await store.claimRequest(ticket.id, 'key', 'reply:x', 60_000);
      await store.changeLifecycle(ticket.id, { events: [{ at: clock.now().toISOString(), by: 'Sam', type: 'recruiter-reply', text: 'hi' }] });
      await store.purgeOlderThan(new Date(clock.ms() + 1));
      const { rows } = await pools[0]!.query<{ events: string; requests: string }>(
        'SELECT (SELECT count(*) FROM ticket_events) AS events, (SELECT count(*) FROM ticket_requests) AS requests',
      );
      expect(rows[0]).toEqual({ events: 0, requests: 0 });
    });
  });

  describe('insight events', () => {
    insightLogContract(instance);

    test('a database from before insight events (schema version 3) migrates with its tickets intact', async () => {
      const older = await startTestPostgres();
      const pool = createPostgresPool(older.url);
      try {
        // A database as the previous build left it, with one ticket in it; then this build's migrations.
        await migratePostgres(pool, POSTGRES_MIGRATIONS.slice(0, 3));
        const createdAt = Date.parse('2025-02-01T09:30:00.000Z');
        const ticket = { ...aDraft(), id: 'CS-000042', createdAt: new Date(createdAt).toISOString() };
        await pool.query('INSERT INTO tickets (id, seq, created_at, conversation_key, topic, channel, body) VALUES ($1, 42, $2, $3, $4, $5, $6)', [
          ticket.id, createdAt, ticket.conversationKey, ticket.topic, ticket.channel, JSON.stringify(ticket),
        ]);
        await pool.query("INSERT INTO ticket_events (ticket_id, at, event) VALUES ($1, $2, '{\"by\":\"bot\",\"type\":\"created\"}')", [ticket.id, createdAt]);
        await migratePostgres(pool, POSTGRES_MIGRATIONS);
        expect(POSTGRES_MIGRATIONS).toHaveLength(4);
        const store = new PostgresTicketStore({ pool });
        expect(await store.get('CS-000042')).toEqual(ticket);
        expect(await store.lifecycle('CS-000042')).toEqual({ status: 'open', history: [{ at: '2025-02-01T09:30:00.000Z', by: 'bot', type: 'created' }] });
        await store.insights.append([{ conversation: 'tag', at: createdAt, fact: '{"kind":"turn"}' }]);
        expect(await store.insights.between(createdAt, createdAt)).toEqual([{ conversation: 'tag', at: createdAt, fact: '{"kind":"turn"}' }]);
      } finally {
        await pool.end();
        await older.stop();
      }
    }, 60_000);
  });

  test('recruiter channels register, refresh and unregister', async () => {
    const store = instance();
    await store.registerRecruiterChannel('team-a', { conversation: { id: 'a' } });
    clock.advance(1000);
    await store.registerRecruiterChannel('team-b', { conversation: { id: 'b' } });
    clock.advance(1000);
    await store.registerRecruiterChannel('team-a', { conversation: { id: 'a2' } });
    expect((await instance().recruiterChannels()).map((c) => [c.key, c.reference])).toEqual([
      ['team-b', { conversation: { id: 'b' } }],
      ['team-a', { conversation: { id: 'a2' } }],
    ]);
    expect(await store.unregisterRecruiterChannel('team-b')).toBe(true);
    expect(await store.unregisterRecruiterChannel('team-b')).toBe(false);
  });
});
