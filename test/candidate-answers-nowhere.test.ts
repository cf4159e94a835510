import { randomUUID } from 'node:crypto';
import { startTestBot, type TestBot } from './support/testBot';
import { WebChatCandidate } from './support/webChatCandidate';

/**
 * With no webhook, email or Teams channel set up, a ticket reaches no recruiter: the candidate who
 * answers it from the chat is told their words are only kept, never that a recruiter has them.
 */
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(() => bot.close());

test('a candidate answering a ticket that reaches nobody is told to write to the recruiter too', async () => {
  const candidate = await WebChatCandidate.opensPage(bot.url);
  const ticketId = await candidate.filesTicket(['Ada Lovelace', `ada.${randomUUID().slice(0, 8)}@example.com`, 'Data Analyst', 'Acme Corp', 'It says the link expired']);
  expect(candidate.text).toMatch(/can't reach the recruiter from this chat/);

  await candidate.says('any news about a new link?');
  expect(candidate.last.at(-1)?.text).toMatch(new RegExp(`^About ticket ${ticketId}: I've added your message to the ticket, but it can't reach the recruiter`));
  expect(candidate.last.at(-1)?.text).not.toMatch(/passed your message/);
});
