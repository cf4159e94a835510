import { Writable } from 'node:stream';
import { createLogger } from '../src/log';
import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

/** Every log line the bot writes at the default level, as an operator's log pipeline would see them. */
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

let bot: TestBot;
const API_TOKEN = 'privacy-test-tickets-token-0123456789';
beforeAll(async () => {
  bot = await startTestBot({ LOG_LEVEL: 'info', TICKETS_API_TOKEN: API_TOKEN }, { log: createLogger('info', sink) });
});
afterAll(() => bot.close());

const personal = {
  name: 'Zelda Quartermaine',
  email: 'zelda.q@example.org',
  position: 'Senior Lighthouse Keeper',
  company: 'Bluewater Maritime',
  error: 'Error 4711 at https://interview.example.com/i/s3cr3t-t0k3n',
  message: 'my interview link at https://interview.example.com/i/s3cr3t-t0k3n shows page not found',
};

async function escalate(candidate: Candidate) {
  await candidate.says(personal.message);
  await candidate.filesTicket([personal.name, personal.email, personal.position, personal.company, personal.error]);
}

test('logs at the default level never contain what the candidate typed, their name, email or link token', async () => {
  const candidate = new Candidate(bot.url);
  await escalate(candidate);
  expect(candidate.text).toMatch(/CS-\d{6,}/);
  const logs = lines.join('');
  expect(logs).toMatch(/ticket opened/);
  for (const value of [personal.name, 'Zelda', personal.email, personal.position, personal.company, 's3cr3t-t0k3n', 'shows page not found']) {
    expect(logs).not.toContain(value);
  }
});

test('logs at the default level say which routes a recruiter\'s reply took, never who wrote it or what', async () => {
  const candidate = new Candidate(bot.url);
  await escalate(candidate);
  const ticketId = /CS-\d{6,}/.exec(candidate.text)![0];
  const before = lines.length;
  const response = await fetch(`${bot.url}/api/tickets/${ticketId}/reply`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: `Dear ${personal.name}, your new link: https://interview.example.com/i/n3w-t0k3n`, by: 'Rowena Recruiterson' }),
  });
  expect(response.status).toBe(202);
  const logs = lines.slice(before).join('');
  expect(logs).toMatch(/recruiter reply/);
  for (const value of [personal.name, 'Zelda', personal.email, 'n3w-t0k3n', 'Rowena', 'your new link']) {
    expect(logs).not.toContain(value);
  }
});

test('"delete my data" erases the conversation and says that tickets already sent stay with the recruiter', async () => {
  const candidate = new Candidate(bot.url);
  await escalate(candidate);
  const ticketId = /CS-\d{6,}/.exec(candidate.text)![0];
  await candidate.says('delete my data');
  expect(candidate.text).toMatch(/erased/i);
  expect(candidate.text).toMatch(/already sent stays with the recruiter/i);

  // Nothing of the conversation is left: the next message starts afresh, the ticket itself remains.
  await candidate.says('no');
  expect(candidate.text).not.toMatch(/Zelda/);
  expect(await bot.app.tickets.get(ticketId)).toBeDefined();
});

describe('a phone number or date of birth the candidate types unprompted', () => {
  test('is hidden from the ticket the recruiter gets, and the candidate is told once why', async () => {
    const candidate = new Candidate(bot.url);
    await candidate.says('the page wont load, call me on (555) 123-4567 pls');
    expect(candidate.last[0]?.text).toMatch(/hidden the phone number/i);
    expect(candidate.text).toMatch(/typos/i);
    expect(candidate.buttons.length).toBeGreaterThan(0);

    await candidate.says('no. born 12/03/1994 if you need it');
    expect(candidate.text).not.toMatch(/hidden/i);

    await candidate.filesTicket([personal.name, personal.email, personal.position, personal.company, personal.error]);
    const ticketId = /CS-\d{6,}/.exec(candidate.text)![0];
    const transcript = JSON.stringify((await bot.app.tickets.get(ticketId))!.transcript);
    expect(transcript).toContain('[phone number hidden]');
    expect(transcript).toContain('[date of birth hidden]');
    expect(transcript).not.toContain('123-4567');
    expect(transcript).not.toContain('1994');
  });
});
