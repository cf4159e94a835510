import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTicketsCli } from '../src/cli/tickets';
import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

/**
 * Erasure must reach the disk, not just the rows: SQLite keeps deleted content in free space of its
 * pages and in old frames of the -wal file unless told otherwise. These tests read every file in
 * DATA_DIR byte by byte while the bot is still running (a closed database checkpoints and removes
 * its -wal, which would hide what a copy of a live server's disk shows).
 */
let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot({ DATA_DIR: mkdtempSync(join(tmpdir(), 'erasure-')), TICKETS_API_TOKEN: API_TOKEN });
});
afterEach(() => bot.close());

const DAY = 24 * 60 * 60 * 1000;
const API_TOKEN = 'erasure-test-tickets-token-0123456789';

/** Which of `secrets` some file of the data folder still contains, as "file: secret". */
function tracesIn(dataDir: string, secrets: string[]): string[] {
  return readdirSync(dataDir).flatMap((file) => {
    const bytes = readFileSync(join(dataDir, file));
    return secrets.filter((secret) => bytes.includes(Buffer.from(secret))).map((secret) => `${file}: ${secret}`);
  });
}

test('after "delete my data" no file of the data folder (database, -wal, -shm) still holds the candidate\'s name, email or link token', async () => {
  const secrets = ['Zora Testwell', 'zora.testwell@example.net', 'tok-9f8e7d6c5b4a'];
  const candidate = new Candidate(bot.url);
  await candidate.says(`Hi, I'm ${secrets[0]} (${secrets[1]}), my link https://interview.example.com/i/${secrets[2]} won't open`);
  await candidate.says('no');
  await candidate.says(`my email again: ${secrets[1]}`);
  expect(tracesIn(bot.dataDir, secrets).length).toBeGreaterThan(0);

  await candidate.says('delete my data');
  expect(candidate.text).toMatch(/erased/i);

  expect(tracesIn(bot.dataDir, secrets)).toEqual([]);
});

test('after the retention purge no file of the data folder still holds an expired ticket\'s or conversation\'s name, email or link token, nor a recruiter\'s reply', async () => {
  const [name, email, token, newLink] = ['Quill Ardent', 'quill.ardent@example.net', 'tok-1a2b3c4d5e6f', 'tok-reply-7a8b9c'];
  const secrets = [name, email, token, newLink];
  const candidate = new Candidate(bot.url);
  await candidate.says(`my link https://interview.example.com/i/${token} shows an error`);
  const ticketId = await candidate.filesTicket([name, email, 'Analyst', 'Contoso', `Error at /i/${token}`]);
  expect(ticketId).toMatch(/^CS-\d{6,}$/);
  // The recruiter's answer is in the ticket's history, and its response under the Idempotency-Key.
  const reply = await fetch(`${bot.url}/api/tickets/${ticketId}/reply`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'erasure-reply-1' },
    body: JSON.stringify({ text: `${name}, try https://interview.example.com/i/${newLink}`, by: 'Sam Recruiter' }),
  });
  expect(reply.status).toBe(202);
  expect(tracesIn(bot.dataDir, secrets).length).toBeGreaterThan(0);

  // The operator's purge, run as if 91 days had passed, against the live server's files.
  const later = new Date(Date.now() + 91 * DAY);
  let output = '';
  expect(await runTicketsCli(['purge', '--json'], { env: { DATA_DIR: bot.dataDir }, out: (text) => (output += text), now: () => later })).toBe(0);
  expect(JSON.parse(output)).toMatchObject({ tickets: 1, conversationItems: expect.any(Number) });

  expect(tracesIn(bot.dataDir, secrets)).toEqual([]);
});
