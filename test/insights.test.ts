import { runInsights } from '../src/cli/insights';
import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

/**
 * Conversations with known outcomes, typed over the Bot Framework protocol into the real bot, then
 * counted by `npm run insights -- --json --as-of …` from the events it kept beside the tickets.
 */

let bot: TestBot;
let started: number;

beforeAll(async () => {
  bot = await startTestBot();
  started = Date.now();

  // Resolved, confirmed: the advice worked.
  const confirmed = new Candidate(bot.url);
  await confirmed.says("the interview page won't load");
  await confirmed.says('yes that worked, thanks');
  // …and answers the satisfaction question, with a comment.
  expect(confirmed.buttons).toEqual(expect.arrayContaining(['1', '2', '3', '4', '5', 'Skip']));
  await confirmed.clicks('5');
  await confirmed.says('the bot was a bit slow on my phone');

  // Resolved, implied: the advice asked "did that help?" and the candidate never answered.
  const implied = new Candidate(bot.url);
  await implied.says("the interview page won't load");

  // Escalated by a ticket.
  const ticket = new Candidate(bot.url);
  await ticket.says('my link expired');
  await ticket.says('yes please pass it on');
  for (const answer of ['Ana Li', 'ana@example.com', 'Designer', 'Acme']) await ticket.says(answer);
  if (/What happens when you click/i.test(ticket.text)) await ticket.says('it says expired');
  await ticket.clicks('Computer');
  await ticket.clicks('Chrome');
  await ticket.clicks('Send it');
  expect(ticket.text).toMatch(/CS-\d{6,}/);
  await ticket.says('okay');

  // Escalated by the candidate: they'll write to the recruiter themselves.
  const self = new Candidate(bot.url);
  await self.says('my link expired');
  await self.says("no, I'll write to them myself");

  // Abandoned: a message the bot can't place, then nothing.
  const abandoned = new Candidate(bot.url);
  await abandoned.says('blorp zzkq frobnicate');

  // Unengaged: opened the chat, read the welcome, left.
  await new Candidate(bot.url).opensChat();
  // The events are kept after each turn is answered, not before: wait until the last one is in.
  for (let tries = 0; JSON.parse((await insights('--json', '--as-of', new Date(Date.now() + 60_000).toISOString())).out).conversations < 6; tries++) {
    if (tries > 100) throw new Error('the six conversations were never all recorded');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
afterAll(() => bot.close());

async function insights(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runInsights(argv, { env: { DATA_DIR: bot.dataDir }, out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

test('an operator reads each session\'s outcome, counted exactly, once every session has timed out', async () => {
  const asOf = new Date(started + 2 * 3_600_000).toISOString();
  const { code, out } = await insights('--json', '--as-of', asOf);
  expect(code).toBe(0);
  const report = JSON.parse(out);
  expect(report).toMatchObject({
    conversations: 6,
    sessions: 6,
    engaged: 5,
    unengaged: 1,
    resolved: 2,
    resolvedConfirmed: 1,
    resolvedImplied: 1,
    escalated: 2,
    escalatedByTicket: 1,
    escalatedSelf: 1,
    abandoned: 1,
    csat: { responses: 2, average: 4, distribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 1 }, comments: [{ text: 'the bot was a bit slow on my phone', at: expect.any(String) }] },
    topics: { 'page-wont-load': 2, 'link-expired': 2, 'contact-recruiter': 2 },
    unrecognised: [{ text: 'blorp zzkq frobnicate', count: 1 }],
  });
  const advice = report.dropOff.find((node: { node: string }) => node.node === 'page-wont-load/check-link');
  expect(advice).toEqual({ node: 'page-wont-load/check-link', entered: 2, next: { resolved: 1, 'resolved-implied': 1 } });
});

test('--as-of before any conversation counts none; --since after them all counts none', async () => {
  const before = await insights('--json', '--as-of', new Date(started - 3_600_000).toISOString());
  expect(JSON.parse(before.out)).toMatchObject({ conversations: 0, sessions: 0 });
  const later = await insights('--json', '--since', new Date(Date.now() + 60_000).toISOString(), '--as-of', new Date(Date.now() + 3_600_000).toISOString());
  expect(JSON.parse(later.out)).toMatchObject({ sessions: 0 });
});

test('without --json the operator reads a table with the same numbers', async () => {
  const { code, out } = await insights('--as-of', new Date(started + 2 * 3_600_000).toISOString());
  expect(code).toBe(0);
  expect(out).toMatch(/Sessions\s+6/);
  expect(out).toMatch(/Escalated\s+2/);
  expect(out).toMatch(/page-wont-load/);
});

test('a mistyped option exits 2 and says what it takes', async () => {
  const since = await insights('--since', 'last week');
  expect(since.code).toBe(2);
  expect(since.err).toMatch(/--since takes 7d/);
  const asOf = await insights('--as-of', 'tomorrow');
  expect(asOf.code).toBe(2);
  expect(asOf.err).toMatch(/--as-of takes an ISO time/);
});
