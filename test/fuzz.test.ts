import fc from 'fast-check';
import { post } from './support/activities';
import { Candidate } from './support/candidate';
import { useBotAndConnector } from './support/testBot';

const live = useBotAndConnector();

const conversationIds = ['fuzz-a', 'fuzz-b', 'fuzz-c'];
const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.object(), fc.array(fc.string()));
const text = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom('404', 'no', 'yes', 'start over', 'talk to a recruiter', 'Send the recruiter a ticket', 'cancel', 'Skip the check', '😀😀', ''),
  fc.string({ minLength: 5000, maxLength: 10000 }),
);

/** Activities as a careless or hostile client might send them: right shape, wrong values, junk fields. */
const fuzzActivity = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'event', 'conversationUpdate', 'typing', 'invoke', 'messageReaction', 'endOfConversation'), fc.string()),
    conversation: fc.record({ id: fc.constantFrom(...conversationIds) }),
    // Filled in per run: replies not asked for inline go to the local connector, as to a live channel.
    serviceUrl: fc.constant('connector'),
    channelId: fc.constantFrom('emulator', 'webchat', 'msteams', 'directline'),
    from: fc.record({ id: fc.constantFrom('u1', 'u2') }),
    recipient: fc.record({ id: fc.constant('bot') }),
    text: fc.oneof(text, junk),
    value: fc.oneof(junk, fc.record({ choice: fc.oneof(fc.string(), fc.constantFrom('choice.no', 'form.send', 'topic.link-expired', 'command.restart')) })),
    name: fc.oneof(fc.constantFrom('webchat/join', 'webchat/device-check'), fc.string()),
    attachments: fc.array(fc.record({ contentType: fc.constantFrom('image/png', 'application/pdf'), contentUrl: fc.webUrl() }), { maxLength: 2 }),
    entities: fc.oneof(junk, fc.array(fc.record({ type: fc.constantFrom('clientInfo', 'mention'), platform: junk, locale: junk }))),
    membersAdded: fc.array(fc.record({ id: fc.constantFrom('u1', 'bot') }), { maxLength: 2 }),
    deliveryMode: fc.constantFrom('expectReplies', 'normal'),
  },
  { requiredKeys: ['type', 'conversation', 'serviceUrl'] },
);

test('random activities and sequences never crash the server or corrupt a conversation', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fuzzActivity, { minLength: 1, maxLength: 8 }), async (activities) => {
      for (const act of activities) {
        const { status } = await post(live.bot.url, { ...act, serviceUrl: live.connector.serviceUrl });
        expect(status).toBeLessThan(500);
      }
    }),
    { numRuns: 150 },
  );

  // Every conversation the fuzzer touched still loads and answers a candidate normally (in English once
  // asked: random text may have read as another language the bot speaks).
  for (const id of conversationIds) {
    const candidate = new Candidate(live.bot.url, id);
    await candidate.says('english please');
    await candidate.says('start over');
    await candidate.says('my link expired');
    expect(candidate.text).toMatch(/invitation email/i);
  }
  const health = await fetch(`${live.bot.url}/healthz`);
  expect(health.status).toBe(200);
}, 120_000);
