import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyValueStore, StoreItems } from '../src/storage/keyValueStore';
import type { TicketStore } from '../src/tickets/ticketStore';
import { Candidate } from './support/candidate';
import { describeWithPostgres, startTestPostgres, type TestPostgres } from './support/postgres';
import { startTestBot, type TestBot } from './support/testBot';

/**
 * A turn that opens a ticket performs it before the conversation moves on: whatever fails in
 * between, the candidate keeps their answers, no ticket is lost and none is opened twice.
 */

/** The real ticket store; `failNextOpen` makes opening throw as a locked or full database would. */
function failingOpens(failures: { next: number }) {
  return (store: TicketStore): TicketStore =>
    new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'openTicket' && failures.next > 0) {
          failures.next -= 1;
          return async () => {
            throw Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
}

/** The real state store; the process "dies" on the next save: it never reaches the database. */
function dyingSaves(crash: { armed: boolean }) {
  return (store: KeyValueStore): KeyValueStore => ({
    read: (keys) => store.read(keys),
    delete: (keys) => store.delete(keys),
    async write(changes: StoreItems) {
      if (crash.armed && Object.keys(changes).some((key) => key.startsWith('conversation/'))) {
        crash.armed = false;
        throw new Error('killed: the process stopped before saving');
      }
      return store.write(changes);
    },
  });
}

/** From "my link expired" to the review card, answers given; the next click is "Send it". */
async function reachReview(candidate: Candidate) {
  await candidate.says('my link expired');
  await candidate.says('talk to a recruiter');
  await candidate.clicks('Send the recruiter a ticket');
  for (const answer of ['Grace Hopper', 'grace@example.com', 'Engineer', 'Navy', 'It says expired']) await candidate.says(answer);
  await candidate.clicks('Computer');
  await candidate.clicks('Chrome');
  expect(candidate.buttons).toContain('Send it');
}

const ticketNumber = (candidate: Candidate) => /CS-\d{6,}/.exec(candidate.text)?.[0];

function ticketLossSuite(backend: () => Promise<{ env: Record<string, string>; stop(): Promise<void> }>) {
  let setup: { env: Record<string, string>; stop(): Promise<void> };
  beforeAll(async () => {
    setup = await backend();
  });
  afterAll(() => setup.stop());

  test('a ticket store that fails once: the candidate is asked to try again, keeps their answers, and one ticket opens', async () => {
    const failures = { next: 0 };
    const bot = await startTestBot(setup.env, { wrapStores: { tickets: failingOpens(failures) } });
    try {
      const candidate = new Candidate(bot.url);
      await reachReview(candidate);
      failures.next = 1;
      await candidate.clicks('Send it');
      expect(candidate.text).toMatch(/something went wrong on my side/i);
      expect(ticketNumber(candidate)).toBeUndefined();

      await candidate.says('Send it');
      const id = ticketNumber(candidate);
      expect(id).toBeDefined();
      const ticket = await bot.app.tickets.get(id!);
      expect(ticket?.candidate).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' });
      expect(await bot.app.tickets.openedSince(`conversation/emulator/${candidate.conversationId}`, new Date(0))).toEqual([id]);
    } finally {
      await bot.close();
    }
  });

  test('a crash after the ticket was stored but before the conversation was saved: after a restart the same ticket is shown, none is doubled', async () => {
    const crash = { armed: false };
    const first = await startTestBot(setup.env, { wrapStores: { state: dyingSaves(crash) } });
    const candidate = new Candidate(first.url);
    let conversationKey: string;
    try {
      await reachReview(candidate);
      crash.armed = true;
      await candidate.clicks('Send it');
      expect(ticketNumber(candidate)).toBeUndefined();
      conversationKey = `conversation/emulator/${candidate.conversationId}`;
      expect(await first.app.tickets.openedSince(conversationKey, new Date(0))).toHaveLength(1);
    } finally {
      await first.close();
    }

    const restarted = await startTestBot({ ...setup.env, DATA_DIR: first.dataDir });
    try {
      const again = new Candidate(restarted.url, candidate.conversationId);
      await again.says('Send it');
      const shown = ticketNumber(again);
      expect(shown).toBeDefined();
      expect(await restarted.app.tickets.openedSince(conversationKey, new Date(0))).toEqual([shown]);
    } finally {
      await restarted.close();
    }
  });
}

describe('on SQLite, a ticket is never lost or doubled', () => {
  ticketLossSuite(async () => ({ env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'ticket-loss-')) }, stop: async () => undefined }));
});

describeWithPostgres('on PostgreSQL, a ticket is never lost or doubled', () => {
  ticketLossSuite(async () => {
    const db: TestPostgres = await startTestPostgres();
    return { env: { STORAGE: 'postgres', DATABASE_URL: db.url }, stop: () => db.stop() };
  });
});
