import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from './storage/sqliteStore';
import { openTicketStore } from './tickets/store/sqlite';
import { purgeExpired } from './retention';

const DAY = 24 * 60 * 60 * 1000;

test('after the retention period, old tickets, transcripts and conversation state are erased and recent ones kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'retention-'));
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const state = openSqliteStore(dir, 'bot.sqlite', { now: () => clock });
  const tickets = openTicketStore(dir, { now: () => new Date(clock) });
  const draft = (conversationKey: string) => ({
    conversationKey,
    channel: 'webchat',
    topic: 'link-expired',
    candidate: { name: 'Old Candidate', email: 'old@example.com' },
    job: { position: 'P', company: 'C' },
    errorText: 'expired',
    stepsTried: [],
    device: { summary: 'Chrome on Windows computer' },
    conversationReference: {},
    transcript: [],
  });

  await state.write({ 'conversation/webchat/old': { a: 1 }, 'transcript/conversation/webchat/old': { lines: [] } });
  const old = (await tickets.openTicket(draft('conversation/webchat/old'), [])).ticket;
  clock += 100 * DAY;
  await state.write({ 'conversation/webchat/new': { a: 2 } });
  const recent = (await tickets.openTicket(draft('conversation/webchat/new'), [])).ticket;

  const report = await purgeExpired({ tickets, conversations: state }, 90, new Date(clock));
  expect(report).toMatchObject({ tickets: 1, conversationItems: 2 });
  expect(await tickets.get(old.id)).toBeUndefined();
  expect(await tickets.get(recent.id)).toBeDefined();
  expect(Object.keys(await state.read(['conversation/webchat/old', 'conversation/webchat/new']))).toEqual(['conversation/webchat/new']);
  state.close();
  await tickets.close();
});
