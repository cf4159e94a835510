import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aDraft, manualClock } from '../tickets/fixtures/drafts';
import { openTicketStore } from '../tickets/store/sqlite';
import { runTicketsCli, UsageError } from './tickets';

const DAY = 24 * 60 * 60 * 1000;
let dataDir: string;
let clock: ReturnType<typeof manualClock>;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-cli-'));
  clock = manualClock();
  // Ticket numbers start at the clock's floor (seconds since 2025-01-01, see ticketNumberFloor): 2025-03-04 10:00 is 5392800.
  const store = openTicketStore(dataDir, { now: clock.now });
  await store.openTicket(aDraft({ conversationKey: 'old' }), ['webhook', 'email']);
  clock.advance(100 * DAY);
  await store.openTicket(aDraft({ conversationKey: 'new', topic: 'camera-microphone' }), ['webhook']);
  await store.close();
});

afterEach(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const code = await runTicketsCli(argv, { env: { DATA_DIR: dataDir }, out: (text) => (output += text), now: clock.now });
  return { code, output };
}

test('an operator lists tickets as a table, newest first, with each sink’s progress', async () => {
  const { code, output } = await run('list');
  expect(code).toBe(0);
  expect(output.split('\n')).toEqual([
    expect.stringMatching(/^ID\s+OPENED \(UTC\)\s+TOPIC\s+STATUS\s+POSITION\s+DELIVERY$/),
    expect.stringMatching(/^CS-14032800\s+2025-06-12 10:00\s+camera-microphone\s+open\s+Warehouse Supervisor at Northwind Traders\s+webhook waiting \(0 tries\)$/),
    expect.stringMatching(/^CS-5392800\s+2025-03-04 10:00\s+page-wont-load\s+open\s+.*\s+email waiting \(0 tries\) webhook waiting \(0 tries\)$/),
    '',
  ]);
});

test('an operator reads one ticket in full, or as JSON for scripts', async () => {
  const readable = await run('show', 'cs-5392800');
  expect(readable.code).toBe(0);
  expect(readable.output).toContain('Ticket CS-5392800, opened 2025-03-04 10:00 UTC');
  expect(readable.output).toContain('  webhook: not yet, 0 tries, next 2025-03-04T10:00:00.000Z');
  expect(readable.output).toContain('candidate: my link says');

  const json = JSON.parse((await run('show', 'CS-5392800', '--json')).output) as { ticket: { id: string }; deliveries: unknown[] };
  expect(json.ticket.id).toBe('CS-5392800');
  expect(json.deliveries).toHaveLength(2);
});

test('an operator sees where a ticket stands and what happened to it, a recruiter\'s lines marked as theirs', async () => {
  const store = openTicketStore(dataDir, { now: clock.now });
  await store.changeLifecycle('CS-5392800', {
    events: [
      { at: '2025-03-04T10:05:00.000Z', by: 'Sam Recruiter', type: 'recruiter-reply', text: 'New link:\nhttps://example.com/i/2', delivered: ['email'] },
      { at: '2025-03-04T10:05:00.000Z', by: 'bot', type: 'delivery-failed', route: 'chat', text: 'the chat is gone (HTTP 404)' },
      { at: '2025-03-04T11:00:00.000Z', by: 'Sam Recruiter', type: 'status-changed', status: 'resolved' },
    ],
    status: 'resolved',
  });
  await store.close();

  const { output } = await run('show', 'CS-5392800');
  expect(output).toContain('Status: resolved');
  expect(output.split('\n')).toEqual(expect.arrayContaining([
    '  2025-03-04 10:00 UTC  bot: created',
    '  2025-03-04 10:05 UTC  Sam Recruiter: replied (reached email): New link:',
    '    | https://example.com/i/2',
    '  2025-03-04 10:05 UTC  bot: could not deliver by chat: the chat is gone (HTTP 404)',
    '  2025-03-04 11:00 UTC  Sam Recruiter: status → resolved',
  ]));
  const json = JSON.parse((await run('show', 'CS-5392800', '--json')).output) as { status: string; history: Array<{ type: string }> };
  expect(json.status).toBe('resolved');
  expect(json.history.map((e) => e.type)).toEqual(['created', 'recruiter-reply', 'delivery-failed', 'status-changed']);
  expect((await run('list')).output).toMatch(/CS-5392800\s+\S+ \S+\s+page-wont-load\s+resolved\s/);
});

test('showing a ticket that does not exist says so and exits 1', async () => {
  expect(await run('show', 'CS-000404')).toEqual({ code: 1, output: 'No ticket CS-000404.\n' });
});

test('purge deletes tickets older than the retention period and says how many had not reached every sink', async () => {
  const { code, output } = await run('purge');
  expect(code).toBe(0);
  expect(output).toBe('Deleted 1 ticket opened before 2025-03-14T10:00:00.000Z; 1 of them had not reached every sink; erased 0 stored conversation items.\n');
  expect(JSON.parse((await run('list', '--json')).output).map((t: { id: string }) => t.id)).toEqual(['CS-14032800']);
});

test.each([[['frobnicate']], [[]], [['show']], [['list', '--limit', 'ten']]])('bad arguments %j are a usage error', async (argv) => {
  await expect(run(...argv)).rejects.toThrow(UsageError);
});

test('an operator registers a channel for ticket cards from a conversation reference (inline or from a file), lists it and removes it', async () => {
  const reference = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', conversation: { id: '19:abc@thread.tacv2' }, bot: { id: '28:bot' } };
  expect(await run('channels', 'add', JSON.stringify(reference))).toEqual({ code: 0, output: 'Registered conversation/msteams/19:abc@thread.tacv2: new tickets will be posted there.\n' });
  const file = path.join(dataDir, 'reference.json');
  fs.writeFileSync(file, JSON.stringify({ ...reference, conversation: { id: '19:def@thread.tacv2' } }));
  expect((await run('channels', 'add', '--from-file', file)).code).toBe(0);

  const listed = JSON.parse((await run('channels', 'list', '--json')).output) as { key: string }[];
  expect(listed.map((c) => c.key).sort()).toEqual(['conversation/msteams/19:abc@thread.tacv2', 'conversation/msteams/19:def@thread.tacv2']);

  expect(await run('channels', 'remove', 'conversation/msteams/19:abc@thread.tacv2')).toEqual({ code: 0, output: 'Removed conversation/msteams/19:abc@thread.tacv2: no more tickets there.\n' });
  expect((await run('channels', 'remove', 'conversation/msteams/19:abc@thread.tacv2')).code).toBe(1);
});

test.each([[['channels']], [['channels', 'add']], [['channels', 'add', '{not json']], [['channels', 'add', '{"channelId":"msteams"}']], [['channels', 'add', '--from-file', '/nonexistent/ref.json']]])(
  'bad channel arguments %j are a usage error that says what is wrong',
  async (argv) => {
    await expect(run(...argv)).rejects.toThrow(UsageError);
  },
);
