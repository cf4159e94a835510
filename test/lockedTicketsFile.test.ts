import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Candidate } from './support/candidate';
import { killHard, startBotProcess, type BotProcess } from './support/botProcess';

/**
 * Another process (a backup, the tickets CLI, a stuck script) holds the write lock on tickets.sqlite
 * while a candidate sends a ticket. The bot runs as its own process, so this test keeps running
 * even if the bot's event loop were stuck waiting for the lock.
 */
let bot: BotProcess;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'locked-'));
  bot = await startBotProcess({ DATA_DIR: dataDir, RATE_LIMIT_BURST: '1000' });
});
afterAll(() => killHard(bot));

/** Resolves once the bot has logged that it is opening a ticket (the line right before the store is asked). */
async function openingTicket(seenBefore: number): Promise<void> {
  while (!bot.stdout().slice(seenBefore).includes('"effect":"open-ticket"')) await sleep(10);
}

test('while another process locks tickets.sqlite, other candidates still get answers and /healthz still answers, before the lock is released', async () => {
  const sending = new Candidate(bot.url);
  await sending.says('talk to a recruiter');
  await sending.clicks('Send the recruiter a ticket');
  for (const answer of ['Lock Waiter', 'lock.waiter@example.com', 'Analyst', 'Contoso', 'Error 12']) await sending.says(answer);
  await sending.clicks('Computer');
  await sending.clicks('Chrome');

  const locker = new Database(join(dataDir, 'tickets.sqlite'));
  locker.exec('BEGIN IMMEDIATE');
  const events: string[] = [];
  const logged = bot.stdout().length;
  const sent = sending.clicks('Send it');
  await openingTicket(logged);

  const other = new Candidate(bot.url);
  const answered = Promise.all([
    other.says('the page will not load').then(() => events.push(other.text.length > 0 ? 'another candidate answered' : 'another candidate got nothing')),
    fetch(`${bot.url}/healthz`).then((response) => events.push(`healthz ${response.status}`)),
  ]);
  // Without a thread of its own the bot answers nobody until the lock goes; then give up waiting
  // well before its 5 s busy timeout, so the answers come after the release and the test shows it.
  await Promise.race([answered, sleep(3000)]);
  locker.exec('COMMIT');
  locker.close();
  events.push('lock released');
  await answered;

  expect(events.slice(0, 2).sort()).toEqual(['another candidate answered', 'healthz 200']);
  expect(events[2]).toBe('lock released');
  // The candidate who was sending gets the ticket once the lock is gone.
  await sent;
  expect(sending.text).toMatch(/CS-\d{6,}/);
});
