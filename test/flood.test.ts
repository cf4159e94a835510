import { activity, post } from './support/activities';
import { Candidate } from './support/candidate';
import { startTestBot, type TestBot } from './support/testBot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ RATE_LIMIT_BURST: '30', RATE_LIMIT_PER_SECOND: '1' });
});
afterAll(() => bot.close());

test('a flooded conversation is told to slow down while other candidates keep getting answers', async () => {
  const flood = Array.from({ length: 150 }, () =>
    post(bot.url, { ...activity('flooder', { type: 'message', text: 'spam', from: { id: 'script' } }), deliveryMode: 'expectReplies' }),
  );
  const other = new Candidate(bot.url, 'calm-candidate');
  const calm = (async () => {
    const seen: string[] = [];
    for (const text of ['my link expired', 'no', 'start over', 'page wont load']) {
      await other.send({ type: 'message', text, from: { id: 'calm-user' } });
      seen.push(other.text);
    }
    return seen;
  })();
  const [results, answers] = await Promise.all([Promise.all(flood), calm]);

  const limited = results.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(100);
  expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(25);
  expect(answers[0]).toMatch(/invitation email/i);
  expect(answers[3]).toMatch(/typos/i);
});

test('the 429 says when to retry', async () => {
  const send = () => post(bot.url, { ...activity('impatient', { type: 'message', text: 'hi', from: { id: 'impatient' } }), deliveryMode: 'expectReplies' });
  const responses = await Promise.all(Array.from({ length: 40 }, send));
  const limitedResponse = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity('impatient', { type: 'message', text: 'hi', from: { id: 'impatient' } })),
  });
  expect(responses.some((r) => r.status === 429)).toBe(true);
  expect(limitedResponse.status).toBe(429);
  expect(Number(limitedResponse.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
});
