import type { InsightEvent, InsightFact } from './event';
import { sessionsOf, type SessionOutcome } from './sessions';

const T0 = Date.parse('2026-11-02T09:00:00Z');
const MIN = 60 * 1000;
const AS_OF = T0 + 24 * 60 * MIN; // a day later: every session below has timed out
const options = { timeoutMinutes: 30, asOf: AS_OF };

/** An event `minute` minutes after T0 in conversation `c1`. */
const at = (minute: number, fact: InsightFact, conversation = 'c1'): InsightEvent => ({ conversation, at: T0 + minute * MIN, ...fact });
const turn: InsightFact = { kind: 'turn' };
const question = (node: string): InsightFact => ({ kind: 'entered', node, topic: node.split('/')[0]!, asksHelped: false });
const advice = (node: string): InsightFact => ({ kind: 'entered', node, topic: node.split('/')[0]!, asksHelped: true });

const outcomes: { name: string; events: InsightEvent[]; engaged: boolean; outcome: SessionOutcome }[] = [
  {
    name: 'the candidate says the advice worked: resolved, confirmed',
    events: [at(0, turn), at(0, question('link-expired/start')), at(1, turn), at(1, advice('link-expired/new-link')), at(3, turn), at(3, { kind: 'resolved' })],
    engaged: true,
    outcome: 'resolved',
  },
  {
    name: 'the candidate leaves without answering "did that help?": resolved, implied',
    events: [at(0, turn), at(0, question('camera/start')), at(2, turn), at(2, advice('camera/allow-access')), at(4, turn)],
    engaged: true,
    outcome: 'resolved-implied',
  },
  {
    name: 'the bot opens a ticket to the recruiter: escalated',
    events: [at(0, turn), at(0, question('link-expired/start')), at(1, turn), at(1, { kind: 'escalated', how: 'ticket' })],
    engaged: true,
    outcome: 'escalated',
  },
  {
    name: 'the candidate chooses to write to the recruiter themselves: escalated',
    events: [at(0, turn), at(0, advice('camera/allow-access')), at(1, turn), at(1, { kind: 'escalated', how: 'self' })],
    engaged: true,
    outcome: 'escalated',
  },
  {
    name: 'the candidate enters a question node and leaves: abandoned',
    events: [at(0, turn), at(0, advice('camera/allow-access')), at(1, turn), at(1, question('camera/which-browser')), at(2, turn)],
    engaged: true,
    outcome: 'abandoned',
  },
  {
    name: 'an unrecognised message after the advice is the last step: abandoned, not implied',
    events: [at(0, turn), at(0, advice('camera/allow-access')), at(1, turn), at(1, { kind: 'fallback', text: 'still black' })],
    engaged: true,
    outcome: 'abandoned',
  },
  {
    name: 'only an unrecognised message: engaged, abandoned',
    events: [at(0, turn), at(0, { kind: 'fallback', text: 'hello???' })],
    engaged: true,
    outcome: 'abandoned',
  },
  {
    name: 'the candidate opens the chat and writes nothing the bot acts on: unengaged',
    events: [at(0, turn), at(1, turn), at(2, { kind: 'csat', score: 3 })],
    engaged: false,
    outcome: 'unengaged',
  },
  {
    name: 'resolved, then escalated: the later one wins, escalated',
    events: [at(0, advice('link-expired/new-link')), at(1, { kind: 'resolved' }), at(2, { kind: 'escalated', how: 'ticket' })],
    engaged: true,
    outcome: 'escalated',
  },
  {
    name: 'escalated, then resolved: the later one wins, resolved',
    events: [at(0, advice('link-expired/new-link')), at(1, { kind: 'escalated', how: 'self' }), at(2, { kind: 'resolved' })],
    engaged: true,
    outcome: 'resolved',
  },
];

test.each(outcomes)('$name', ({ events, engaged, outcome }) => {
  const sessions = sessionsOf(events, options);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]).toMatchObject({ engaged, outcome, open: false });
});

test('a conversation with two visits 40 minutes apart has two sessions, each with its own outcome', () => {
  const events = [at(0, turn), at(0, advice('camera/allow-access')), at(1, turn), at(1, { kind: 'resolved' }), at(41, turn), at(41, question('mic/start'))];
  const sessions = sessionsOf(events, options);
  expect(sessions.map((s) => [s.start, s.end, s.outcome])).toEqual([
    [T0, T0 + 1 * MIN, 'resolved'],
    [T0 + 41 * MIN, T0 + 41 * MIN, 'abandoned'],
  ]);
});

test('turns 29 minutes apart stay one session', () => {
  const sessions = sessionsOf([at(0, turn), at(29, turn), at(58, turn)], options);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.events).toHaveLength(3);
});

test('the timeout is configurable: a 10-minute timeout splits turns 15 minutes apart', () => {
  expect(sessionsOf([at(0, turn), at(15, turn)], { timeoutMinutes: 10, asOf: AS_OF })).toHaveLength(2);
  expect(sessionsOf([at(0, turn), at(15, turn)], { timeoutMinutes: 20, asOf: AS_OF })).toHaveLength(1);
});

test('--as-of: a session still open is judged as if it ended then, and later events are ignored', () => {
  const events = [at(0, turn), at(0, advice('camera/allow-access')), at(20, turn), at(21, { kind: 'resolved' })];
  const [session, ...rest] = sessionsOf(events, { timeoutMinutes: 30, asOf: T0 + 10 * MIN });
  expect(rest).toEqual([]);
  expect(session).toMatchObject({ open: true, end: T0, outcome: 'resolved-implied' });
  expect(session!.events).toHaveLength(2);
});

test('--as-of: a session whose last event is a full timeout before as-of is over, not open', () => {
  const events = [at(0, turn), at(0, question('camera/start'))];
  expect(sessionsOf(events, { timeoutMinutes: 30, asOf: T0 + 29 * MIN })[0]!.open).toBe(true);
  expect(sessionsOf(events, { timeoutMinutes: 30, asOf: T0 + 30 * MIN })[0]!.open).toBe(false);
});

test('events arriving unsorted and mixed across conversations give the same sessions as sorted ones', () => {
  const sorted = [
    at(0, turn, 'a'),
    at(0, advice('camera/allow-access'), 'a'),
    at(1, turn, 'b'),
    at(1, question('mic/start'), 'b'),
    at(2, { kind: 'resolved' }, 'a'),
    at(3, { kind: 'escalated', how: 'ticket' }, 'b'),
    at(50, turn, 'a'),
  ];
  const shuffled = [sorted[6]!, sorted[4]!, sorted[3]!, sorted[0]!, sorted[5]!, sorted[2]!, sorted[1]!];
  const sessions = sessionsOf(shuffled, options);
  expect(sessions.map((s) => [s.conversation, s.outcome, s.events.map((e) => e.at - T0)])).toEqual([
    ['a', 'resolved', [0, 0, 2 * MIN]],
    ['b', 'escalated', [1 * MIN, 1 * MIN, 3 * MIN]],
    ['a', 'unengaged', [50 * MIN]],
  ]);
});

test('events at the same time keep their arrival order, so a confirmation logged after an escalation wins', () => {
  const events = [at(0, advice('camera/allow-access')), at(1, { kind: 'escalated', how: 'self' }), at(1, { kind: 'resolved' })];
  expect(sessionsOf(events, options)[0]!.outcome).toBe('resolved');
});

test('topics are listed once per session, in the order first entered', () => {
  const events = [at(0, question('camera/start')), at(1, question('mic/start')), at(2, advice('camera/allow-access'))];
  expect(sessionsOf(events, options)[0]!.topics).toEqual(['camera', 'mic']);
});

test('a timeout that is not a positive number is refused with the value shown', () => {
  expect(() => sessionsOf([], { timeoutMinutes: 0, asOf: AS_OF })).toThrow('positive number of minutes, got 0');
});
