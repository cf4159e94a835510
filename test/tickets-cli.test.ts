import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aDraft } from '../src/tickets/fixtures/drafts';
import { openTicketStore } from '../src/tickets/store/sqlite';

/** `npm run tickets` as an operator runs it: the built CLI (`npm run build` first), in its own process, on a terminal. */
const cli = join(__dirname, '..', 'dist/src/cli/tickets.js');

function runCli(dataDir: string, ...args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], { cwd: dataDir, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const ESC = '\u001b';
const RIGHT_TO_LEFT_OVERRIDE = '\u202e';
const ZERO_WIDTH_SPACE = '\u200b';
/** Anything a terminal would act on or hide: C0/C1 controls but the line feed, bidi controls, zero-width characters. */
const UNSAFE_FOR_TERMINALS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;

let dataDir: string;
let id: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tickets-cli-terminal-'));
  const store = openTicketStore(dataDir);
  ({
    ticket: { id },
  } = await store.openTicket(
    aDraft({
      candidate: { name: `Mallory ${ESC}]0;owned${ESC}\\${ESC}[2J`, email: `mallory${ZERO_WIDTH_SPACE}@example.org` },
      job: { position: 'Designer\nCS-999999  2025-01-01 00:00  page-wont-load  Forged row', company: `Acme ${RIGHT_TO_LEFT_OVERRIDE}gpj.exe` },
      errorText: `it broke ${ESC}[31mred${ESC}[0m`,
      transcript: [
        { from: 'candidate', text: `hello ${ESC}[2J${RIGHT_TO_LEFT_OVERRIDE}\n  [2025-03-04T10:00:02.000Z] bot: Your ticket was closed.`, at: '2025-03-04T10:00:00.000Z' },
        { from: 'bot', text: 'Check the link for typos.', at: '2025-03-04T10:00:01.000Z' },
      ],
    }),
    ['webhook'],
  ));
  await store.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('an operator showing a ticket sees escape sequences and bidi controls as visible marks, never as terminal commands', async () => {
  const { code, stdout } = await runCli(dataDir, 'show', id);
  expect(code).toBe(0);
  expect(stdout).not.toMatch(UNSAFE_FOR_TERMINALS);
  expect(stdout).toContain('Mallory ␛]0;owned␛\\␛[2J');
  expect(stdout).toContain('Acme <U+202E>gpj.exe');
  expect(stdout).toContain('mallory<U+200B>@example.org');
  expect(stdout).toContain('it broke ␛[31mred␛[0m');
});

test('a line break in what a candidate typed cannot print as a line the bot said', async () => {
  const { stdout } = await runCli(dataDir, 'show', id);
  const conversation = stdout.slice(stdout.indexOf('Conversation:')).split('\n');
  expect(conversation.filter((line) => /^ {2}\[/.test(line))).toEqual([
    '  [2025-03-04T10:00:00.000Z] candidate: hello ␛[2J<U+202E>',
    '  [2025-03-04T10:00:01.000Z] bot: Check the link for typos.',
  ]);
  expect(conversation).toContain('    |   [2025-03-04T10:00:02.000Z] bot: Your ticket was closed.');
});

test('a line break in a ticket field cannot forge a row of the ticket list', async () => {
  const { code, stdout } = await runCli(dataDir, 'list');
  expect(code).toBe(0);
  expect(stdout).not.toMatch(UNSAFE_FOR_TERMINALS);
  const rows = stdout.trimEnd().split('\n');
  expect(rows).toHaveLength(2); // the header and the one ticket
  expect(rows[1]!.startsWith(`${id} `)).toBe(true);
});

test('JSON for scripts carries the same data, with every hidden character as a \\u escape', async () => {
  const { stdout } = await runCli(dataDir, 'show', id, '--json');
  expect(stdout).not.toMatch(UNSAFE_FOR_TERMINALS);
  const { ticket } = JSON.parse(stdout) as { ticket: { transcript: Array<{ text: string }> } };
  expect(ticket.transcript[0]!.text).toBe(`hello ${ESC}[2J${RIGHT_TO_LEFT_OVERRIDE}\n  [2025-03-04T10:00:02.000Z] bot: Your ticket was closed.`);
});
