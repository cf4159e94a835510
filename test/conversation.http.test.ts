import { activity, post } from './support/activities';
import { Candidate } from './support/candidate';
import { useBotAndConnector } from './support/testBot';

const live = useBotAndConnector();

describe('a candidate talking to the bot over the Bot Framework protocol', () => {
  test('opening the chat shows a welcome and the topic menu', async () => {
    const candidate = new Candidate(live.bot.url);
    await candidate.opensChat();
    expect(candidate.text).toMatch(/interview link/i);
    expect(candidate.buttons).toContain('Page shows 404 / not found');
  });

  test('a typed problem gets the guide\'s steps, and clicking through reaches the recruiter advice', async () => {
    const candidate = new Candidate(live.bot.url);
    await candidate.says('the interview page wont load, just a white screen');
    expect(candidate.text).toMatch(/typos/i);
    await candidate.clicks('No, still stuck');
    expect(candidate.text).toMatch(/Chrome and Safari/);
    await candidate.clicks('No, still stuck');
    await candidate.says('already tried that');
    await candidate.says('nope');
    expect(candidate.buttons).toContain('Send the recruiter a ticket');
    await candidate.clicks("I'll email them myself");
    expect(candidate.text).toMatch(/position/i);
    expect(candidate.text).toMatch(/device and browser/i);
    expect(candidate.buttons).toEqual(['Start over']);
  });

  test('replies reach the channel\'s serviceUrl when the channel does not ask for them inline', async () => {
    const conversationId = 'conv-connector-1';
    const { status } = await post(live.bot.url, activity(conversationId, { type: 'message', text: 'my link says 404' }, live.connector.serviceUrl));
    expect(status).toBeLessThan(300);
    const replies = await live.connector.waitFor(conversationId, 2);
    expect(replies[0]?.text).toMatch(/mistyped|copied/i);
    expect(replies[1]?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Yes, pass it on', "No, I'll write to them"]);
  });

  test('two candidates chatting at once each keep their own place', async () => {
    const [a, b] = [new Candidate(live.bot.url), new Candidate(live.bot.url)];
    await Promise.all([a.says('page wont load'), b.says('my camera is not working')]);
    await Promise.all([a.says('no'), b.says('Firefox')]);
    expect(a.text).toMatch(/Chrome and Safari/);
    expect(b.text).toMatch(/Firefox/);
  });

  test('the health check answers with the flow version', async () => {
    const response = await fetch(`${live.bot.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', flowVersion: live.bot.app.flow.version });
  });

  test('the server listens only on the address HOST names', () => {
    expect(live.bot.app.server.address()).toMatchObject({ address: '127.0.0.1' });
  });
});

describe('a sender that gets the request wrong is told why', () => {
  test('malformed JSON gets 400', async () => {
    const { status } = await post(live.bot.url, '{"type": "message", ');
    expect(status).toBe(400);
  });

  test('an activity without a type gets 400 naming the field', async () => {
    const { status, body } = await post(live.bot.url, { conversation: { id: 'x' }, serviceUrl: 'http://127.0.0.1:9/' });
    expect(status).toBe(400);
    expect(body.problems.join('\n')).toMatch(/^type:/m);
  });

  test('an activity without a conversation id or serviceUrl gets 400 naming both', async () => {
    const { status, body } = await post(live.bot.url, { type: 'message', text: 'hi' });
    expect(status).toBe(400);
    expect(body.problems.join('\n')).toMatch(/conversation/);
    expect(body.problems.join('\n')).toMatch(/serviceUrl/);
  });

  test('a body over 256 KB gets 413', async () => {
    const { status } = await post(live.bot.url, activity('big', { type: 'message', text: 'x'.repeat(300 * 1024) }));
    expect(status).toBe(413);
  });

  test('a conversationUpdate whose membersAdded is not a list gets 400, not an apology from inside the bot', async () => {
    const { status, body } = await post(live.bot.url, activity('members-junk', { type: 'conversationUpdate', membersAdded: 'everyone' as never }));
    expect(status).toBe(400);
    expect(body.problems.join('\n')).toMatch(/^membersAdded: must be a list of members/m);
  });

  test.each([
    ['conversation id', { conversation: { id: 'c'.repeat(605) } }, /^conversation\.id: at most 400 characters/m],
    ['channel id', { channelId: 'x'.repeat(65) }, /^channelId: at most 64 characters/m],
    ['sender id', { from: { id: 'u'.repeat(257) } }, /^from\.id: at most 256 characters/m],
  ])('an oversized %s gets 400 before anything is saved', async (_what, fields, problem) => {
    const { status, body } = await post(live.bot.url, { ...activity('unused', { type: 'message', text: 'my link expired' }), ...fields, deliveryMode: 'expectReplies' });
    expect(status).toBe(400);
    expect(body.problems.join('\n')).toMatch(problem);
  });

  test('the longest conversation id accepted still opens a ticket (it fits the ticket\'s conversation key)', async () => {
    const candidate = new Candidate(live.bot.url, `long-${'c'.repeat(395)}`);
    await candidate.says('my link says 404');
    expect(await candidate.filesTicket(['Ada Lovelace', 'ada@example.com', 'Backend developer', 'Analytical Engines', '404 page not found'])).toMatch(/^CS-\d{6,}$/);
  });

  test('after bad requests the bot still answers', async () => {
    const candidate = new Candidate(live.bot.url);
    await candidate.says('link expired');
    expect(candidate.text).toMatch(/invitation email/i);
  });
});

describe('odd messages get a polite answer and lose nothing', () => {
  test.each([
    ['an image with no text', { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/screenshot.png' }] }],
    ['a file with no text', { attachments: [{ contentType: 'application/pdf', contentUrl: 'https://example.com/error.pdf', name: 'error.pdf' }] }],
    ['only emoji', { text: '😭😭😭' }],
    ['10,000 characters of pasted junk', { text: 'lorem ipsum dolor sit amet '.repeat(370) }],
    ['a card submit with an unexpected value', { value: { choice: 'choice.does-not-exist', extra: { nested: true } } }],
    ['a card submit with no value', { value: {} }],
  ])('%s', async (_what, fields) => {
    const candidate = new Candidate(live.bot.url);
    await candidate.says('404');
    await candidate.send({ type: 'message', ...fields });
    expect(candidate.text.length).toBeGreaterThan(0);
    expect(candidate.buttons.length).toBeGreaterThan(0);
    // The conversation is intact: answering the question still works.
    await candidate.says('no');
    expect(candidate.text).toMatch(/new link/i);
  });

  test('unknown activity types are ignored without an answer', async () => {
    const candidate = new Candidate(live.bot.url);
    for (const type of ['typing', 'messageReaction', 'endOfConversation', 'somethingNew']) {
      await candidate.send({ type });
      expect(candidate.last).toEqual([]);
    }
  });
});
