import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ticketNumberFloor } from '../src/tickets/store/ticketNumberFloor';
import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

/** An operator (or a cleanup script) deletes the database files while the bot runs. */
let dataDir: string;
let bot: TestBot | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'wiped-'));
});
afterEach(() => bot?.close());

const ticketNumber = (id: string) => Number(id.slice('CS-'.length));
const fileTicket = (url: string, name: string) => new Candidate(url).filesTicket([name, `${name.toLowerCase()}@example.com`, 'Analyst', 'Contoso', 'Error 12']);

function wipeDatabaseFiles() {
  for (const file of readdirSync(dataDir)) rmSync(join(dataDir, file));
}

test('when the database files are deleted under a running bot, /healthz answers 503 naming them and no ticket is accepted into the void', async () => {
  bot = await startTestBot({ DATA_DIR: dataDir });
  expect(await fileTicket(bot.url, 'Before')).toMatch(/^CS-\d{6,}$/);
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);

  wipeDatabaseFiles();

  const health = await fetch(`${bot.url}/healthz`);
  expect(health.status).toBe(503);
  const { problems } = (await health.json()) as { problems: string[] };
  expect(problems).toEqual([expect.stringMatching(/State database .*bot\.sqlite was deleted/), expect.stringMatching(/Ticket database .*tickets\.sqlite was deleted/)]);
  // The candidate is not told a ticket number that no restart will ever find.
  expect(await fileTicket(bot.url, 'After')).toBeUndefined();
});

test('after the database files are lost and the bot restarts, new tickets never reuse a number an earlier ticket had', async () => {
  bot = await startTestBot({ DATA_DIR: dataDir });
  const before = [await fileTicket(bot.url, 'First'), await fileTicket(bot.url, 'Second')];
  await bot.close();
  wipeDatabaseFiles();
  // Numbers run ahead of the clock only within a burst (see ticketNumberFloor); a real restart takes
  // longer than the second this scripted one might not.
  while (ticketNumberFloor(new Date()) <= ticketNumber(before[1]!)) await sleep(50);

  bot = await startTestBot({ DATA_DIR: dataDir });
  const after = (await fileTicket(bot.url, 'Third'))!;
  expect(after).toMatch(/^CS-\d{6,}$/);
  for (const id of before) expect(ticketNumber(after)).toBeGreaterThan(ticketNumber(id!));
});
