import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

let bot: TestBot;
let dataDir: string;
beforeAll(async () => {
  // A folder the bot creates itself, as on a first start.
  dataDir = join(mkdtempSync(join(tmpdir(), 'perm-')), 'data');
  bot = await startTestBot({ DATA_DIR: dataDir });
});
afterAll(() => bot.close());

const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

test('other accounts on the server cannot read the data folder or any database file in it (0700 / 0600, -wal and -shm too)', async () => {
  const candidate = new Candidate(bot.url);
  expect(await candidate.filesTicket(['Ada Perm', 'ada.perm@example.com', 'Analyst', 'Contoso', 'Error 12'])).toMatch(/^CS-\d{6,}$/);

  expect(modeOf(dataDir)).toBe('700');
  const files = readdirSync(dataDir).sort();
  expect(files).toEqual(expect.arrayContaining(['bot.sqlite', 'bot.sqlite-shm', 'bot.sqlite-wal', 'tickets.sqlite', 'tickets.sqlite-shm', 'tickets.sqlite-wal']));
  expect(Object.fromEntries(files.map((file) => [file, modeOf(join(dataDir, file))]))).toEqual(Object.fromEntries(files.map((file) => [file, '600'])));
});
